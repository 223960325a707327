import { dateRange, horizonEnd, isUnderstaffed, localDateOf, toLocalIso, type Occurrence, type Site } from '@digihjalpen/domain';
import type { OccurrenceDto, PublicSessionDto, RangeQueryDto, SessionDto } from './dto/schedule.dto';
import type { SessionRow } from './schedule.repository';
import { currentTime } from '../../common/clock';

export function toPublicSessionDto(s: SessionRow, timeZone: string): PublicSessionDto {
  return {
    id: s.id,
    start: toLocalIso(s.start, timeZone),
    end: toLocalIso(s.end, timeZone),
    status: s.status,
    dropIn: s.dropIn,
    slots: s.slots.map((sl) => ({
      id: sl.id,
      start: toLocalIso(sl.start, timeZone),
      end: toLocalIso(sl.end, timeZone),
      seats: sl.seats,
      seatsLeft: s.status === 'cancelled' ? 0 : Math.max(0, sl.seats - sl.booked),
    })),
  };
}

export function toSessionDto(s: SessionRow, timeZone: string): SessionDto {
  return {
    ...toPublicSessionDto(s, timeZone),
    scheduleId: s.scheduleId,
    cancelReason: s.cancelReason,
    helpersNeeded: s.helpersNeeded,
    helpers: s.helpers,
    understaffed: isUnderstaffed(s),
    seatsBooked: s.slots.reduce((sum, sl) => sum + sl.booked, 0),
  };
}

export function toOccurrenceDto(o: Occurrence, timeZone: string): OccurrenceDto {
  return { date: o.date, start: toLocalIso(o.start, timeZone), end: toLocalIso(o.end, timeZone) };
}

const DEFAULT_WEEKS = 8;

/** The query's local-date range, defaulting to today and eight weeks on, as instants in the site's zone. */
export function rangeFor(query: RangeQueryDto, site: Pick<Site, 'timeZone'>, now = currentTime()): { from: Date; to: Date } {
  const from = query.from ?? localDateOf(now, site.timeZone);
  const to = query.to ?? horizonEnd(from, DEFAULT_WEEKS);
  return dateRange(from, to, site.timeZone);
}
