import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../database/embedded-postgres';

export interface MailCatcher {
  /** smtp:// URL to hand to nodemailer. */
  url: string;
  port: number;
  dir: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message as an .eml file, so that without
 * SMTP_URL the product still speaks SMTP and a person trying it out can read what it sent.
 */
export async function startMailCatcher(dir: string, options: { port?: number; unref?: boolean } = {}): Promise<MailCatcher> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Digihjälpen mail catcher',
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      // File names sort by arrival on the wall clock (not the application's "now", which tests pin).
      // eslint-disable-next-line no-restricted-syntax
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      // Written under another name and renamed when complete: a reader never sees half a message.
      pipeline(stream, createWriteStream(`${file}.part`))
        .then(() => rename(`${file}.part`, file))
        .then(() => callback(), callback);
    },
  });
  // A given port lets a test stop the server and start "the same" one again at the same URL.
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // `unref`: a benchmark script that hands the catcher to the production API still ends when its work is done.
  if (options.unref) server.server.unref();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
