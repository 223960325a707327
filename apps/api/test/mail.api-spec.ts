import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MailService } from '../src/modules/notifications/mail.service';
import { createTestApp, type TestApp } from './test-app';

describe('mail through the local SMTP catcher', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('delivers over SMTP and keeps the message as .eml', async () => {
    await t.app.get(MailService).send({
      to: 'besokare@example.org',
      subject: 'Din tid på Stadsbiblioteket',
      text: 'Välkommen tisdag 10:00.',
      attachments: [{ filename: 'tid.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; method=PUBLISH' }],
    });
    const [file, ...others] = readdirSync(t.mail.dir).filter((f) => f.endsWith('.eml'));
    expect(others).toEqual([]);
    const raw = readFileSync(path.join(t.mail.dir, file ?? 'missing.eml'), 'utf8');
    expect(raw).toMatch(/^To: besokare@example.org$/m);
    expect(raw).toContain('tid.ics');
  });

  it('lists messages at /dev/mail with the subject escaped', async () => {
    await t.app.get(MailService).send({ to: 'a@example.org', subject: '<img src=x onerror=alert(1)> Påminnelse', text: 'Hej' });
    const res = await t.http().get('/dev/mail').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt; Påminnelse');
    expect(res.text).not.toContain('<img src=x');
    const link = /href="\/dev\/mail\/([^"]+)"/.exec(res.text)?.[1];
    const message = await t.http().get(`/dev/mail/${link}`).expect(200);
    expect(message.text).toContain('Hej');
  });

  it('answers 404 when the message name tries to leave the mail folder', async () => {
    await t.http().get('/dev/mail/..%2F..%2Fetc%2Fpasswd').expect(404);
  });
});

describe('mail in production', () => {
  it('does not expose /dev/mail when NODE_ENV is production', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(32), DATABASE_URL: 'postgres://set/by/test-app', SMTP_URL: 'smtp://set.by.test-app', PUBLIC_URL: 'https://digihjalpen.example.org' });
    try {
      await t.http().get('/dev/mail').expect(404);
    } finally {
      await t.close();
    }
  });
});
