import { expect, type APIRequestContext } from '@playwright/test';

/**
 * How long an e-mail may take to reach the dev mail catcher. A background job sends it (the e2e server
 * polls for jobs every 0.5 s), and on a busy 2-core machine the job, the server and the browser share
 * the cores: it is usually there within a second or two, but may lag well beyond that.
 */
export const MAIL_TIMEOUT = 45_000;

/**
 * The e-mail to `address` that mentions `text`, read from the dev mail catcher. Polled until it is
 * there (never a fixed wait): the list is read again until a message to that address contains `text`.
 */
export async function mailTo(request: APIRequestContext, address: string, text: string): Promise<string> {
  let message = '';
  await expect
    .poll(
      async () => {
        const list = await (await request.get('/dev/mail')).text();
        const files = list
          .split('<tr>')
          .filter((row) => row.includes(address))
          .map((row) => /href="(\/dev\/mail\/[^"]+)"/.exec(row)?.[1])
          .filter((file): file is string => file !== undefined);
        // Newest first: the list is sorted by the time the message was sent.
        for (const file of files) {
          const body = await (await request.get(file)).text();
          if (body.includes(text)) {
            message = body;
            return true;
          }
        }
        return false;
      },
      { message: `an e-mail to ${address} that mentions ${text}`, timeout: MAIL_TIMEOUT },
    )
    .toBe(true);
  return message;
}
