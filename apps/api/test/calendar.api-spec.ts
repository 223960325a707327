import { aSchedule } from '@digihjalpen/domain/testing';
import ICAL from 'ical.js';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

/** Parses a feed with an independent iCalendar parser and registers its VTIMEZONEs. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar;
}

describe('GET /api/public/sites/{slug}/calendar.ics', () => {
  let t: TestApp;
  let slug: string;
  let cancelledId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const site = (await coordinator.post('/api/sites', {
      name: `Kalenderbiblioteket ${Date.now()}`,
      address: 'Almanackan 1, 111 11 Staden',
      directions: 'Vid <b>tidningarna</b>; semikolon, komma',
      accessibilityNotes: '',
      contactPhone: null,
      timeZone: 'Europe/Stockholm',
      languages: ['sv'],
      active: true,
    }).expect(201)).body;
    slug = site.slug;
    await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2], validFrom: '2026-11-01' })).expect(201);
    const [first] = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-07`).expect(200)).body;
    cancelledId = first.id;
    await coordinator.post(`/api/sessions/${first.id}/cancel`, { reason: 'Personalmöte' }).expect(200);
  });
  afterAll(() => t.close());

  it('is a PUBLISH calendar with a Europe/Stockholm VTIMEZONE', async () => {
    const res = await t.http().get(`/api/public/sites/${slug}/calendar.ics`).expect(200).expect('Content-Type', /text\/calendar/);
    const calendar = parse(res.text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual(['Europe/Stockholm']);
  });

  it('keeps sessions at 10:00 local time on both sides of the March DST change', async () => {
    const ics = (await t.http().get(`/api/public/sites/${slug}/calendar.ics`).expect(200)).text;
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20270330T100000');
    const calendar = parse(ics);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const around = events.filter((e) => ['2027-03-23', '2027-03-30'].includes(e.startDate.toString().slice(0, 10)));
    expect(around).toHaveLength(2);
    for (const e of around) {
      expect(e.startDate.zone?.tzid).toBe('Europe/Stockholm');
      expect(e.startDate.toString().slice(11)).toBe('10:00:00');
    }
    expect(around.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-23T09:00:00.000Z', '2027-03-30T08:00:00.000Z']);
  });

  it('marks a cancelled session CANCELLED with a higher SEQUENCE and keeps its UID', async () => {
    const calendar = parse((await t.http().get(`/api/public/sites/${slug}/calendar.ics`).expect(200)).text);
    const cancelled = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `session-${cancelledId}@digihjalpen`);
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(cancelled?.getFirstPropertyValue('description'))).toContain('Personalmöte');
  });

  it('carries admin-entered text as text, escaped for iCalendar', async () => {
    const res = await t.http().get(`/api/public/sites/${slug}/calendar.ics`).expect(200);
    expect(res.text).toContain('Vid <b>tidningarna</b>\\; semikolon\\, komma');
  });

  it('answers 404 for an unknown site', async () => {
    await t.http().get('/api/public/sites/finns-inte/calendar.ics').expect(404);
  });
});

describe('GET /api/public/sites/{slug}/poster', () => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const site = (await coordinator.post('/api/sites', {
      name: `Affischbiblioteket ${Date.now()}`,
      address: 'Anslagstavlan 3',
      directions: '<script>alert(1)</script> Plan 2',
      accessibilityNotes: 'Hiss finns.',
      contactPhone: '010-123 45 67',
      timeZone: 'Europe/Stockholm',
      languages: ['sv'],
      active: true,
    }).expect(201)).body;
    slug = site.slug;
    await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2], validFrom: '2026-11-01', dropIn: true })).expect(201);
  });
  afterAll(() => t.close());

  it('is an A4 page with eight weeks of sessions, the drop-in note and a QR code to the booking page', async () => {
    const res = await t.http().get(`/api/public/sites/${slug}/poster`).expect(200).expect('Content-Type', /text\/html/);
    expect(res.text).toContain('size: A4');
    expect(res.text.match(/<tr>/g)?.length).toBeGreaterThanOrEqual(8);
    expect(res.text).toContain('Du behöver inte boka');
    expect(res.text).toContain('<svg');
    expect(res.text).toContain(`/bibliotek/${slug}`);
  });

  it('escapes what the coordinator wrote', async () => {
    const res = await t.http().get(`/api/public/sites/${slug}/poster`).expect(200);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Plan 2');
    expect(res.text).not.toContain('<script>');
  });
});
