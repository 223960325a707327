import { InsightsErrorCode } from './insights.errors';
import { statsRange, suppressSmall, weekStartOf } from './insights.rules';

describe('suppressSmall', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('publishes %i as %p', (count, shown) => expect(suppressSmall(count)).toBe(shown));
});

describe('weekStartOf', () => {
  it('is the Monday of the ISO week, also for a Sunday and across a year', () => {
    expect(weekStartOf('2027-03-31')).toBe('2027-03-29');
    expect(weekStartOf('2027-04-04')).toBe('2027-03-29');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('statsRange', () => {
  const code = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };
  it('defaults to the last 12 finished weeks', () => expect(statsRange({}, '2027-03-31')).toEqual({ from: '2027-01-04', to: '2027-03-28' }));
  it('widens any range to whole weeks and never reaches into the current week', () => {
    expect(statsRange({ from: '2027-03-03', to: '2027-03-09' }, '2027-03-31')).toEqual({ from: '2027-03-01', to: '2027-03-14' });
    expect(statsRange({ from: '2027-03-03', to: '2027-04-30' }, '2027-03-31')).toEqual({ from: '2027-03-01', to: '2027-03-28' });
  });
  it('refuses reversed ranges, ranges over five years and bad dates', () => {
    expect(code(() => statsRange({ from: '2027-02-01', to: '2027-01-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
    expect(code(() => statsRange({ from: '2020-01-01', to: '2027-01-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
    expect(code(() => statsRange({ from: '2027-13-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
  });
});
