import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { aCoordinatorSession } from '../../testing/sessions';
import { SessionCalendar, monthCaption, monthWeeks, monthsBetween } from './session-calendar';

describe('monthWeeks', () => {
  it('puts a month that starts on a Sunday in the last column, and gives it six week rows', () => {
    // November 2026: the 1st is a Sunday, the 30th a Monday.
    const weeks = monthWeeks(2026, 11);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[1]?.[0]).toBe('2026-11-02');
    expect(weeks[5]).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('gives February 2027, from Monday to Sunday, exactly four rows', () => {
    const weeks = monthWeeks(2027, 2);
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });

  it.each([
    [2027, 3, '2027-03-28', 31],
    [2026, 10, '2026-10-25', 31],
  ])('lists every day of %i-%i once, with the DST Sunday %s on a Sunday', (year, month, dstSunday, days) => {
    const dates = monthWeeks(year, month).flat().filter((d): d is string => d !== null);
    expect(dates).toHaveLength(days);
    expect(new Set(dates).size).toBe(days);
    expect(dates.filter((d) => d === dstSunday)).toHaveLength(1);
    const week = monthWeeks(year, month).find((w) => w.includes(dstSunday));
    expect(week?.indexOf(dstSunday)).toBe(6);
    expect(dates.at(-1)).toBe(`${year}-${String(month).padStart(2, '0')}-31`);
  });

  it('lists the months a range touches, over a new year', () => {
    expect(monthsBetween('2026-11-23', '2027-01-18')).toEqual([
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
      { year: 2027, month: 1 },
    ]);
    expect(monthCaption(2026, 11)).toBe('november 2026');
  });
});

describe(SessionCalendar.name, () => {
  let fixture: ComponentFixture<SessionCalendar>;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const cell = (date: string) => page().querySelector(`td[data-date="${date}"]`);

  beforeEach(async () => {
    fixture = TestBed.createComponent(SessionCalendar);
    fixture.componentRef.setInput('from', '2027-03-10');
    fixture.componentRef.setInput('to', '2027-05-05');
    fixture.componentRef.setInput('timeZone', 'Europe/Stockholm');
    fixture.componentRef.setInput('sessions', [
      aCoordinatorSession({ id: 'a', start: '2027-03-23T10:00:00+01:00', end: '2027-03-23T12:00:00+01:00' }),
      aCoordinatorSession({ id: 'b', start: '2027-03-28T10:00:00+02:00', end: '2027-03-28T12:00:00+02:00', helpers: 2, understaffed: false }),
      aCoordinatorSession({ id: 'c', start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00', status: 'cancelled', understaffed: false }),
    ]);
    await fixture.whenStable();
  });

  it('shows one table per month the range touches, with Monday-first weekday headers', () => {
    const tables = page().querySelectorAll('table');
    expect(Array.from(tables).map((t) => text(t.querySelector('caption')))).toEqual(['mars 2027', 'april 2027', 'maj 2027']);
    const headers = Array.from(tables[0]?.querySelectorAll('thead th') ?? []);
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect(headers.map((th) => text(th.querySelector('[aria-hidden="true"]')))).toEqual(['Mån', 'Tis', 'Ons', 'Tor', 'Fre', 'Lör', 'Sön']);
    expect(text(headers[0]?.querySelector('.visually-hidden'))).toBe('måndag');
    const scroll = page().querySelector('.scroll');
    expect(scroll?.getAttribute('tabindex')).toBe('0');
    expect(scroll?.getAttribute('aria-label')).toBe('Kalender mars 2027');
  });

  it('puts each session on its local day with its status as text, and leaves other days empty', () => {
    expect(text(cell('2027-03-23'))).toBe('23 10:00–12:00 Saknar digivärdar');
    // The DST Sunday: local time stays 10:00–12:00 though the offset changed.
    expect(text(cell('2027-03-28'))).toBe('28 10:00–12:00');
    expect(text(cell('2027-03-30'))).toBe('30 10:00–12:00 Inställd');
    expect(text(cell('2027-03-24'))).toBe('24');
    expect(cell('2027-03-24')?.querySelector('ul')).toBeNull();
    // March 2027 starts on a Monday; its last row ends with three blank cells.
    const lastRow = page().querySelectorAll('table')[0]?.querySelectorAll('tbody tr');
    expect(lastRow).toHaveLength(5);
    expect(Array.from(lastRow?.[4]?.querySelectorAll('td') ?? []).map(text)).toEqual(['29', '30 10:00–12:00 Inställd', '31', '', '', '', '']);
  });
});
