import type { NoticeShift } from '@digihjalpen/domain';
import { helperNoticeMail } from './helper-notice-mail';

const links = { shiftsUrl: 'https://digihjalpen.example.org/personal', settingsUrl: 'https://digihjalpen.example.org/personal/installningar' };
const shift = (start: string, end: string, overrides: Partial<NoticeShift> = {}): NoticeShift => ({
  siteName: 'Stadsbiblioteket',
  siteAddress: 'Storgatan 1',
  timeZone: 'Europe/Stockholm',
  start: new Date(start),
  end: new Date(end),
  ...overrides,
});
// Tuesday 30 March 2027, the first Tuesday after the change to summer time: 10:00 local is 08:00 UTC.
const afterDst = shift('2027-03-30T08:00:00Z', '2027-03-30T10:00:00Z');
const beforeDst = shift('2027-03-23T09:00:00Z', '2027-03-23T11:00:00Z');

describe('helperNoticeMail', () => {
  it('writes times in the site’s wall-clock time on both sides of the change to summer time', () => {
    const mail = helperNoticeMail({ kind: 'session-cancelled', shifts: [beforeDst, afterDst], reason: 'Julstängt' }, { name: 'Maria', language: 'sv' }, links);
    expect(mail.subject).toBe('Inställt: 2 av dina pass');
    expect(mail.text).toContain('Dina inställda pass:\ntisdag 23 mars 2027 10:00–12:00, Stadsbiblioteket\ntisdag 30 mars 2027 10:00–12:00, Stadsbiblioteket');
    expect(mail.text).toContain('Varför:\nJulstängt');
    expect(mail.text).toContain('Välj vilka mejl du får och på vilket språk:\nhttps://digihjalpen.example.org/personal/installningar');
  });

  it('writes Arabic right to left and escapes what people typed', () => {
    const mail = helperNoticeMail({ kind: 'shift-removed', shift: shift('2027-03-30T08:00:00Z', '2027-03-30T10:00:00Z', { siteName: '<b>Bibblan</b>' }) }, { name: 'Ali', language: 'ar' }, links);
    expect(mail.subject).toMatch(/^لم تعد لديك المناوبة في <b>Bibblan<\/b> /);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('&lt;b&gt;Bibblan&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Bibblan</b>');
  });

  it('lists the digest’s open shifts with how many helpers they have, and how many more there are', () => {
    const digest = {
      shifts: [{ sessionId: 's1', siteName: 'Norrby bibliotek', timeZone: 'Europe/Stockholm', start: afterDst.start, end: afterDst.end, helpers: 1, helpersNeeded: 2 }],
      more: 4,
    };
    const mail = helperNoticeMail({ kind: 'open-shifts-digest', digest }, { name: 'Sam', language: 'en' }, links);
    expect(mail.subject).toBe('Open shifts that need helpers');
    expect(mail.text).toContain('These sessions in the next 2 weeks need more helpers.');
    expect(mail.text).toContain('Tuesday, 30 March 2027 10:00–12:00, Norrby bibliotek (1 of 2 helpers)\nand 4 more');
  });
});
