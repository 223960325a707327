import { DateTime } from 'luxon';
import { localDateOf, zonedInstant } from '../schedule/schedule.rules';
import type { LocalDate, LocalTime, SessionStatus } from '../schedule/schedule.types';

/**
 * "Try it today": whoever starts the demo, on any day and at any hour, finds the demo helper on a session
 * that is open now. Sessions are in a site's local wall time, so the session goes to a demo site whose
 * time zone has daytime now. Three zones about eight hours apart (Stockholm, Tokyo, Los Angeles) give
 * daytime at every hour of the year, with or without summer time. The demo city's own libraries are not
 * used: their weekly schedules and bookings stay as the seed made them.
 */
export interface DemoDaySite {
  slug: string;
  name: string;
  address: string;
  directions: string;
  timeZone: string;
}

const DIRECTIONS =
  'En påhittad plats för att prova Digihjälpen. Träffens tider gäller i platsens egen tidszon, så att det alltid finns en öppen träff i demon, oavsett när du provar.';

/** In order of preference: Stockholm (the demo city's own zone) first. */
export const DEMO_DAY_SITES: readonly DemoDaySite[] = [
  { slug: 'digihjalpen-demo', name: 'Digihjälpen demo', address: 'Demogatan 1 (påhittad adress, svensk tid)', directions: DIRECTIONS, timeZone: 'Europe/Stockholm' },
  { slug: 'digihjalpen-demo-tokyo', name: 'Digihjälpen demo (Tokyotid)', address: 'Demogatan 2 (påhittad adress, Tokyotid)', directions: DIRECTIONS, timeZone: 'Asia/Tokyo' },
  {
    slug: 'digihjalpen-demo-los-angeles',
    name: 'Digihjälpen demo (Los Angeles-tid)',
    address: 'Demogatan 3 (påhittad adress, Los Angeles-tid)',
    directions: DIRECTIONS,
    timeZone: 'America/Los_Angeles',
  },
];

/** A demo session may start at a whole hour from 09:00 to 18:00 local time (a library's day) and lasts two hours. */
const FIRST_START_HOUR = 9;
const LAST_START_HOUR = 18;
export const DEMO_SESSION_HOURS = 2;

export interface DemoSessionPlan {
  site: DemoDaySite;
  date: LocalDate;
  startTime: LocalTime;
  endTime: LocalTime;
  start: Date;
  end: Date;
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Today's demo session: at the first demo site where the local hour now is between 09 and 18, from that
 * whole hour for two hours. So it is open now, ends the same local day, and stays at its wall time on
 * daylight-saving days. (There is always such a site; should there not be, the first one's 09:00.)
 */
export function demoSessionFor(now: Date): DemoSessionPlan {
  for (const site of DEMO_DAY_SITES) {
    const local = DateTime.fromJSDate(now, { zone: site.timeZone });
    if (local.hour >= FIRST_START_HOUR && local.hour <= LAST_START_HOUR) return planAt(site, localDateOf(now, site.timeZone), local.hour);
  }
  const first = DEMO_DAY_SITES[0] as DemoDaySite;
  return planAt(first, localDateOf(now, first.timeZone), FIRST_START_HOUR);
}

function planAt(site: DemoDaySite, date: LocalDate, hour: number): DemoSessionPlan {
  const startTime = hh(hour);
  const endTime = hh(hour + DEMO_SESSION_HOURS);
  return { site, date, startTime, endTime, start: zonedInstant(date, startTime, site.timeZone), end: zonedInstant(date, endTime, site.timeZone) };
}

export interface DemoSessionFound {
  start: Date;
  end: Date;
  timeZone: string;
  status: SessionStatus;
}

/**
 * Whether a new demo session is needed: not while the demo helper has a planned demo session today (in
 * its site's zone) that has not ended. So start-up twice makes one session, and a start later the same
 * day, after the session is over, makes the next one.
 */
export function needsDemoSession(sessions: readonly DemoSessionFound[], now: Date): boolean {
  return !sessions.some((s) => s.status === 'planned' && s.end > now && localDateOf(s.start, s.timeZone) === localDateOf(now, s.timeZone));
}
