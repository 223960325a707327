import { formatDateRange, isoWeekOf } from './dates';

describe(isoWeekOf.name, () => {
  it('gives the ISO week with its Monday and Sunday', () => {
    expect(isoWeekOf('2026-11-23')).toEqual({ year: 2026, week: 48, monday: '2026-11-23', sunday: '2026-11-29' });
    expect(isoWeekOf('2026-11-29')).toEqual({ year: 2026, week: 48, monday: '2026-11-23', sunday: '2026-11-29' });
  });

  it('puts days around new year in the week of that week’s Thursday', () => {
    expect(isoWeekOf('2026-12-31')).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-03')).toMatchObject({ year: 2026, week: 53, monday: '2026-12-28' });
    expect(isoWeekOf('2027-01-04')).toMatchObject({ year: 2027, week: 1 });
    expect(isoWeekOf('2025-12-31')).toMatchObject({ year: 2026, week: 1, monday: '2025-12-29' });
  });

  it('is not moved by a daylight-saving change in the week', () => {
    expect(isoWeekOf('2027-03-28')).toMatchObject({ week: 12, monday: '2027-03-22' });
    expect(isoWeekOf('2027-03-29')).toMatchObject({ week: 13, monday: '2027-03-29' });
  });
});

describe(formatDateRange.name, () => {
  it('writes a week in Swedish, across a month change too', () => {
    expect(formatDateRange('2026-11-23', '2026-11-29', 'sv')).toBe('23–29 november');
    expect(formatDateRange('2026-11-30', '2026-12-06', 'sv')).toBe('30 november–6 december');
  });
});
