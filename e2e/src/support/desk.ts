import { expect, type APIRequestContext } from '@playwright/test';
import { xsrfHeaders } from './auth';

// The desk shows the sessions of the site's own calendar day, and a one-off session must start in the
// future and end the same day. So that the suite runs at any hour, the test site lies in a zone where it
// is daytime now (the product supports any IANA zone per site).
const ZONES = ['Europe/Stockholm', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland', 'Asia/Kolkata'];

export function daytimeZone(now = Date.now()): string {
  const hour = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(now)));
  return ZONES.find((zone) => hour(zone) >= 7 && hour(zone) <= 20) ?? 'Europe/Stockholm';
}

/** Wall time in `zone`, `ms` from the epoch: the local date and the minute (seconds dropped). */
export function wallTimeAt(ms: number, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

export interface DeskSetUp {
  siteId: string;
  siteName: string;
  sessionId: string;
  /** The booked person's first name. */
  booked: string;
  /** Local date of the session (YYYY-MM-DD). */
  date: string;
}

/**
 * What a helper's day needs, made through the API as the coordinator: a site of its own (tests run in
 * parallel on one database), a one-off session starting within the minute (the API takes only
 * sessions that have not started) and lasting an hour, the demo helper on shift, and one booking.
 */
export async function setUpDeskDay(coordinator: APIRequestContext, visitor: APIRequestContext, name: string, helperEmail: string): Promise<DeskSetUp> {
  const headers = await xsrfHeaders(coordinator);
  const zone = daytimeZone();
  const site = await coordinator.post('/api/sites', {
    headers,
    data: { name, address: 'Digigatan 1', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: zone, languages: ['sv'], active: true },
  });
  expect(site.status()).toBe(201);
  const { id: siteId } = (await site.json()) as { id: string };

  // The next whole minute at least a second away; a minute later if a session already starts then.
  interface Created {
    id: string;
    slots: { id: string; start: string }[];
  }
  let session: Created | undefined;
  let date = '';
  for (let extra = 0; session === undefined && extra < 5; extra += 1) {
    const startMs = Date.now() + 61_000 + extra * 60_000;
    const start = wallTimeAt(startMs, zone);
    const end = wallTimeAt(startMs + 60 * 60_000, zone);
    expect(end.date, 'the session ends on the day it starts').toBe(start.date);
    date = start.date;
    const created = await coordinator.post(`/api/sites/${siteId}/sessions`, {
      headers,
      data: { date: start.date, startTime: start.time, endTime: end.time, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 },
    });
    if (created.status() === 201) session = (await created.json()) as Created;
    else expect(created.status(), await created.text()).toBe(400);
  }
  if (!session) throw new Error('Could not create a session starting now');

  const helpers = (await (await coordinator.get(`/api/helpers?q=${encodeURIComponent(helperEmail)}`)).json()).items as { id: string; email: string }[];
  const helper = helpers.find((h) => h.email === helperEmail);
  expect(helper, `${helperEmail} is a demo helper`).toBeDefined();
  const shift = await coordinator.post(`/api/sessions/${session.id}/shifts`, { headers, data: { helperId: helper?.id } });
  expect(shift.ok()).toBe(true);

  // The help-seeker books the second half hour through the public API (no sign-in).
  const booked = 'Alva';
  const slot = [...session.slots].sort((a, b) => a.start.localeCompare(b.start)).at(-1);
  const booking = await visitor.post('/api/public/bookings', {
    headers: { 'Accept-Language': 'sv' },
    data: { slotId: slot?.id, name: booked, language: 'sv', topics: ['bankid'], ownDevice: true },
  });
  expect(booking.status(), await booking.text()).toBe(201);
  return { siteId, siteName: name, sessionId: session.id, booked, date };
}
