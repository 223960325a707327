import type { ScheduleInput } from '@digihjalpen/domain';
import { formatShortDate } from '../../shared/data/dates';

const WEEKDAYS_PLURAL = ['', 'måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar', 'lördagar', 'söndagar'];

/** A weekly schedule in plain Swedish: "Tisdagar 10:00–12:00", "Från 1 dec. 2026, tills vidare", the details. */
export function describeWeeklySchedule(s: ScheduleInput): { when: string; period: string; details: string } {
  const days = new Intl.ListFormat('sv', { type: 'conjunction' }).format(s.weekdays.map((d) => WEEKDAYS_PLURAL[d] ?? String(d)));
  const when = `${days.charAt(0).toLocaleUpperCase('sv')}${days.slice(1)} ${s.startTime}–${s.endTime}`;
  const period = s.validUntil
    ? `Från ${formatShortDate(s.validFrom, 'sv')} till ${formatShortDate(s.validUntil, 'sv')}`
    : `Från ${formatShortDate(s.validFrom, 'sv')}, tills vidare`;
  const seats = `${s.seatsPerSlot} ${s.seatsPerSlot === 1 ? 'plats' : 'platser'}`;
  const helpers = `${s.helpersNeeded} ${s.helpersNeeded === 1 ? 'digivärd behövs' : 'digivärdar behövs'}`;
  const details = `Tider på ${s.slotMinutes} minuter, ${seats} per tid. ${s.dropIn ? 'Drop-in.' : 'Bara bokade besök.'} ${helpers}.`;
  return { when, period, details };
}
