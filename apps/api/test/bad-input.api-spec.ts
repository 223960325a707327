import { aSchedule } from '@digihjalpen/domain/testing';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

/** Odd but possible requests: each must get a clear 4xx, never a 5xx. */
describe('bad input never causes a server error', () => {
  let t: TestApp;
  let coordinator: Session;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    siteId = (await coordinator.post('/api/sites', {
      name: `Felbiblioteket ${Date.now()}`, address: 'Felgatan 1', directions: '', accessibilityNotes: '', contactPhone: null,
      timeZone: 'Europe/Stockholm', languages: ['sv'], active: true,
    }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it.each([
    '/api/public/sites/%FF',
    `/api/public/sites/${'a'.repeat(5000)}`,
    '/api/public/sites/stadsbiblioteket/sessions?from[]=a&from[]=b',
    '/api/public/sites/stadsbiblioteket/sessions?from=0000-01-01&to=0000-01-02',
    '/api/public/sites/stadsbiblioteket/sessions?from=2026-13-45',
    '/api/public/sites/%00/calendar.ics',
    '/api/public/calendars/%E0%A4%A/shifts.ics',
    '/api/public/calendars/short/shifts.ics',
  ])('GET %s answers 4xx', async (url) => {
    const res = await t.http().get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    ['a schedule from year 0', aSchedule({ validFrom: '0000-01-01' })],
    ['a schedule with a huge slot length', aSchedule({ slotMinutes: 2 ** 40 })],
    ['a schedule with weekdays as strings', { ...aSchedule(), weekdays: ['2'] }],
    ['a schedule with null fields', { ...aSchedule(), startTime: null, seatsPerSlot: null }],
    ['an array body', [aSchedule()]],
  ])('POST %s answers 400 and stores nothing', async (_name, body) => {
    const res = await coordinator.post(`/api/sites/${siteId}/schedules`, body as object);
    expect(res.status).toBe(400);
    expect((await coordinator.get(`/api/sites/${siteId}/schedules`).expect(200)).body).toEqual([]);
  });

  it('answers 400 INVALID_CHARACTERS for a NUL character in the body', async () => {
    const res = await coordinator.post('/api/sites', { name: 'Bibliotek\u0000', address: 'y', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CHARACTERS');
  });

  it('answers 400 for a site whose fields are far too long', async () => {
    const res = await coordinator.post('/api/sites', { name: 'x'.repeat(10_000), address: 'y', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true });
    expect(res.status).toBe(400);
  });
});
