import { HoursErrorCode } from './hours.errors';
import { assertCanDecide, assertHoursFitTheDay, parseHoursInput } from './hours.rules';
import type { HoursEntry } from './hours.types';

const today = '2027-03-30';
const entry = (overrides: Partial<HoursEntry> = {}): HoursEntry => ({ id: 'e', helperId: 'h', date: today, minutes: 120, activity: 'session', status: 'pending', ...overrides });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as { code?: string; fields?: Record<string, string> }).code;
  }
  return undefined;
};

describe('parseHoursInput', () => {
  it('accepts training time today with a reflection', () => {
    expect(parseHoursInput({ date: today, minutes: 90, activity: 'training', reflection: ' Lärde mig om BankID. ' }, today)).toEqual({
      date: today,
      minutes: 90,
      activity: 'training',
      reflection: 'Lärde mig om BankID.',
    });
  });
  it('refuses hours in the future, negative or zero minutes, and unknown activities', () => {
    for (const body of [
      { date: '2027-03-31', minutes: 60, activity: 'training' },
      { date: today, minutes: -30, activity: 'training' },
      { date: today, minutes: 0, activity: 'meeting' },
      { date: today, minutes: 60, activity: 'session' },
      { date: '2025-01-01', minutes: 60, activity: 'other' },
    ]) {
      expect(codeOf(() => parseHoursInput(body, today))).toBe(HoursErrorCode.InvalidHours);
    }
  });
});

describe('assertHoursFitTheDay', () => {
  it('refuses the same entry twice on a day', () => {
    expect(codeOf(() => assertHoursFitTheDay({ date: today, minutes: 60, activity: 'meeting' }, [entry({ activity: 'meeting', minutes: 60 })]))).toBe(HoursErrorCode.HoursOverlap);
  });
  it('refuses more than 16 hours in one day, not counting rejected entries', () => {
    const day = [entry({ minutes: 600 }), entry({ minutes: 300, activity: 'training' })];
    expect(codeOf(() => assertHoursFitTheDay({ date: today, minutes: 120, activity: 'meeting' }, day))).toBe(HoursErrorCode.HoursOverlap);
    expect(codeOf(() => assertHoursFitTheDay({ date: today, minutes: 120, activity: 'meeting' }, [entry({ minutes: 600 }), entry({ minutes: 300, status: 'rejected' })]))).toBeUndefined();
  });
});

describe('assertCanDecide', () => {
  it('refuses approving your own hours', () => expect(codeOf(() => assertCanDecide(entry({ helperId: 'c' }), 'c', 'approved', null))).toBe(HoursErrorCode.SelfApproval));
  it('refuses changing an approved entry: it is locked', () => expect(codeOf(() => assertCanDecide(entry({ status: 'approved' }), 'c', 'rejected', 'x'))).toBe(HoursErrorCode.HoursLocked));
  it('asks for a reason when rejecting', () => expect(codeOf(() => assertCanDecide(entry(), 'c', 'rejected', ' '))).toBe(HoursErrorCode.InvalidHours));
  it('lets another person approve a pending entry', () => expect(codeOf(() => assertCanDecide(entry(), 'c', 'approved', null))).toBeUndefined());
});
