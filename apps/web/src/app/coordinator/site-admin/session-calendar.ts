import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DEFAULT_TIME_ZONE } from '@digihjalpen/domain';
import { formatTime, localDateOf } from '../../shared/data/dates';
import type { CoordinatorSession } from '../coordinator-api';

/** One week row of a month: seven local dates (YYYY-MM-DD), Monday first; null for days outside the month. */
export type CalendarWeek = (string | null)[];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The weeks of a month (month 1–12), Monday first. Pure date arithmetic on UTC noon, so no time zone
 * or daylight saving change can drop or repeat a day.
 */
export function monthWeeks(year: number, month: number): CalendarWeek[] {
  const first = Date.UTC(year, month - 1, 1, 12);
  const leading = (new Date(first).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0, 12)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: leading }, () => null);
  for (let day = 1; day <= days; day++) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: CalendarWeek[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Every month (year and month 1–12) that the local dates from–to touch, in order. */
export function monthsBetween(from: string, to: string): { year: number; month: number }[] {
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastYear = Number(to.slice(0, 4));
  const lastMonth = Number(to.slice(5, 7));
  const months: { year: number; month: number }[] = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push({ year, month });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** "november 2026". */
export function monthCaption(year: number, month: number): string {
  return new Intl.DateTimeFormat('sv', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1, 12)));
}

const WEEKDAYS = [
  { short: 'Mån', long: 'måndag' },
  { short: 'Tis', long: 'tisdag' },
  { short: 'Ons', long: 'onsdag' },
  { short: 'Tor', long: 'torsdag' },
  { short: 'Fre', long: 'fredag' },
  { short: 'Lör', long: 'lördag' },
  { short: 'Sön', long: 'söndag' },
];

interface CalendarEntry {
  id: string;
  time: string;
  cancelled: boolean;
  understaffed: boolean;
}

interface CalendarCell {
  date: string | null;
  day: number;
  entries: CalendarEntry[];
}

interface CalendarMonth {
  key: string;
  caption: string;
  weeks: CalendarCell[][];
}

/** The coming sessions of a site as month calendars: one table per month the range touches. */
@Component({
  selector: 'dh-session-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (m of months(); track m.key) {
      <div class="scroll" role="region" tabindex="0" [attr.aria-label]="'Kalender ' + m.caption">
        <table class="calendar">
          <caption>{{ m.caption }}</caption>
          <thead>
            <tr>
              @for (d of weekdays; track d.short) {
                <th scope="col"><span aria-hidden="true">{{ d.short }}</span><span class="visually-hidden">{{ d.long }}</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (week of m.weeks; track $index) {
              <tr>
                @for (cell of week; track $index) {
                  @if (cell.date) {
                    <td [attr.data-date]="cell.date">
                      <span class="day">{{ cell.day }}</span>{{ ' ' }}
                      @if (cell.entries.length) {
                        <ul>
                          @for (e of cell.entries; track e.id) {
                            <li [class.cancelled]="e.cancelled" [class.understaffed]="e.understaffed">
                              <span class="time">{{ e.time }}</span>{{ ' ' }}
                              @if (e.cancelled) {
                                <strong class="status">Inställd</strong>
                              } @else if (e.understaffed) {
                                <strong class="status">Saknar digivärdar</strong>
                              }
                            </li>
                          }
                        </ul>
                      }
                    </td>
                  } @else {
                    <td class="outside"></td>
                  }
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    .scroll { overflow-x: auto; margin-block: 0 1.25rem; border-radius: var(--dh-radius); }
    .scroll:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    table { width: 100%; min-width: 38rem; border-collapse: collapse; table-layout: fixed; background: var(--dh-surface); }
    caption { text-align: start; font-weight: 700; font-size: 1.15rem; padding-block: 0 0.4rem; }
    th { padding: 0.3rem; border: 1px solid var(--dh-line); font-weight: 600; }
    td { vertical-align: top; height: 4.5rem; padding: 0.25rem; border: 1px solid var(--dh-line); }
    td.outside { background: #f3f3f3; }
    .day { display: block; font-weight: 600; }
    ul { margin: 0.2rem 0 0; padding: 0; list-style: none; display: grid; gap: 0.2rem; }
    li { padding: 0.1rem 0.3rem; border-radius: 4px; border-inline-start: 4px solid var(--dh-brand); background: #eef3fa; font-size: 0.9rem; line-height: 1.3; }
    .status { display: block; font-size: 0.85rem; }
    .understaffed { border-inline-start-color: #b35c00; background: #fff1d6; color: #7a3e00; }
    .cancelled { border-inline-start-color: var(--dh-error); background: #fbeeee; color: var(--dh-error); }
    .cancelled .time { text-decoration: line-through; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class SessionCalendar {
  readonly sessions = input.required<readonly CoordinatorSession[]>();
  readonly timeZone = input<string>(DEFAULT_TIME_ZONE);
  /** First and last local dates (YYYY-MM-DD) of the range shown. */
  readonly from = input.required<string>();
  readonly to = input.required<string>();

  protected readonly weekdays = WEEKDAYS;

  protected readonly months = computed<CalendarMonth[]>(() => {
    const zone = this.timeZone();
    const byDate = new Map<string, CalendarEntry[]>();
    for (const s of [...this.sessions()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
      // The ISO time carries the site's offset, so its date part is the local date at the site.
      const date = localDateOf(s.start);
      const entry: CalendarEntry = {
        id: s.id,
        time: `${formatTime(s.start, zone, 'sv')}–${formatTime(s.end, zone, 'sv')}`,
        cancelled: s.status === 'cancelled',
        understaffed: s.status !== 'cancelled' && s.understaffed,
      };
      byDate.set(date, [...(byDate.get(date) ?? []), entry]);
    }
    return monthsBetween(this.from(), this.to()).map(({ year, month }) => ({
      key: `${year}-${month}`,
      caption: monthCaption(year, month),
      weeks: monthWeeks(year, month).map((week) =>
        week.map((date) => ({ date, day: date ? Number(date.slice(8, 10)) : 0, entries: date ? (byDate.get(date) ?? []) : [] })),
      ),
    }));
  });
}
