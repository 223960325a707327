import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

export interface CalendarEvent {
  /** Stable across changes, so calendar apps update the event instead of adding a second one. */
  uid: string;
  start: Date;
  end: Date;
  sequence: number;
  cancelled: boolean;
  summary: string;
  location: string;
  description: string;
  url?: string;
  updatedAt: Date;
}

/**
 * A PUBLISH calendar whose events carry TZID with a real VTIMEZONE, so a session at 10:00 shows at
 * 10:00 in every calendar app on both sides of a daylight-saving change.
 */
export function buildCalendar(input: { name: string; timeZone: string; events: readonly CalendarEvent[] }): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Digihjalpen', product: 'Digihjalpen', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: input.timeZone, generator: getVtimezoneComponent },
  });
  for (const e of input.events) {
    calendar.createEvent({
      id: e.uid,
      // Zoned luxon times: with a plain Date, ical-generator would write the UTC clock under the TZID.
      start: DateTime.fromJSDate(e.start, { zone: input.timeZone }),
      end: DateTime.fromJSDate(e.end, { zone: input.timeZone }),
      timezone: input.timeZone,
      sequence: e.sequence,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: e.summary,
      location: e.location,
      description: e.description,
      url: e.url ?? null,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
    });
  }
  return calendar.toString();
}
