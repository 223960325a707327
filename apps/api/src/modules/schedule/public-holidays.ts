import Holidays from 'date-holidays';
import { closingHolidays, yearsOf, type HolidayEntry, type LocalDate } from '@digihjalpen/domain';

// date-holidays (ISC, data CC-BY-3.0) stays on the API side: the web bundle never imports it.
const calendars = new Map<string, Holidays>();
const years = new Map<string, HolidayEntry[]>();

/** The days a country's holidays close a site in one year (public holidays, and in Sweden the eves libraries keep closed). */
export function closingHolidaysOf(country: string, year: number): HolidayEntry[] {
  const key = `${country}:${year}`;
  let list = years.get(key);
  if (!list) {
    let calendar = calendars.get(country);
    if (!calendar) {
      calendar = new Holidays(country);
      calendars.set(country, calendar);
    }
    list = closingHolidays(calendar, country, year);
    years.set(key, list);
  }
  return list;
}

/** The closing holidays between two local dates (inclusive). */
export function closingHolidaysIn(country: string, range: { from: LocalDate; to: LocalDate }): HolidayEntry[] {
  return yearsOf(range)
    .flatMap((year) => closingHolidaysOf(country, year))
    .filter((h) => h.date >= range.from && h.date <= range.to);
}
