import { isUnderstaffed, toLocalIso } from '@digihjalpen/domain';
import type { OccurrenceDto, PublicSessionDto, ScheduleChangeDto, SessionDto } from './dto/schedule.dto';
import type { SessionRow } from './schedule.repository';
import type { Preview, ScheduleChange } from './schedule.service';

export function toPublicSessionDto(s: SessionRow): PublicSessionDto {
  const { timeZone } = s;
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
    closure: s.closure,
  };
}

export function toSessionDto(s: SessionRow): SessionDto {
  return {
    ...toPublicSessionDto(s),
    scheduleId: s.scheduleId,
    cancelReason: s.cancelReason,
    helpersNeeded: s.helpersNeeded,
    helpers: s.helpers,
    understaffed: isUnderstaffed(s),
    seatsBooked: s.slots.reduce((sum, sl) => sum + sl.booked, 0),
  };
}

export function toPreviewDto(preview: Preview): OccurrenceDto[] {
  return preview.occurrences.map((o) => ({ date: o.date, start: toLocalIso(o.start, preview.timeZone), end: toLocalIso(o.end, preview.timeZone) }));
}

export function toChangeDto(change: ScheduleChange): ScheduleChangeDto {
  const { timeZone, ...rest } = change;
  return { ...rest, needsDecision: change.needsDecision.map((s) => ({ id: s.id, start: toLocalIso(s.start, timeZone) })) };
}
