import { ShiftError, ShiftErrorCode } from './shifts.errors';
import { assertCanLeaveShift, assertCanTakeShift, isOpenShiftFor, isUnderstaffed, type StaffedSession } from './shifts.rules';

const now = new Date('2026-11-23T12:00:00Z');
const session = (overrides: Partial<StaffedSession> = {}): StaffedSession => ({
  status: 'planned',
  start: new Date('2026-11-24T09:00:00Z'),
  helpersNeeded: 2,
  helperIds: ['a'],
  ...overrides,
});
const codeOf = (action: () => void) => {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ShiftError);
    return (error as ShiftError).code;
  }
};

describe('assertCanTakeShift', () => {
  it('lets a helper sign up while the session needs people', () => {
    expect(codeOf(() => assertCanTakeShift(session(), 'b', now, 'helper'))).toBeUndefined();
  });

  it('refuses a helper when the session is fully staffed, but lets a coordinator add one', () => {
    const full = session({ helperIds: ['a', 'b'] });
    expect(codeOf(() => assertCanTakeShift(full, 'c', now, 'helper'))).toBe(ShiftErrorCode.ShiftFull);
    expect(codeOf(() => assertCanTakeShift(full, 'c', now, 'coordinator'))).toBeUndefined();
  });

  it('refuses a second shift for the same helper', () => {
    expect(codeOf(() => assertCanTakeShift(session(), 'a', now, 'coordinator'))).toBe(ShiftErrorCode.AlreadyOnShift);
  });

  it('refuses cancelled and past sessions', () => {
    expect(codeOf(() => assertCanTakeShift(session({ status: 'cancelled' }), 'b', now, 'helper'))).toBe(ShiftErrorCode.SessionNotOpen);
    expect(codeOf(() => assertCanTakeShift(session({ start: new Date('2026-11-20T09:00:00Z') }), 'b', now, 'coordinator'))).toBe(ShiftErrorCode.SessionNotOpen);
  });
});

describe('assertCanLeaveShift', () => {
  it('lets a helper leave before the session starts, not after', () => {
    expect(codeOf(() => assertCanLeaveShift(session(), 'a', now))).toBeUndefined();
    expect(codeOf(() => assertCanLeaveShift(session({ start: new Date('2026-11-23T11:00:00Z') }), 'a', now))).toBe(ShiftErrorCode.SessionNotOpen);
    expect(codeOf(() => assertCanLeaveShift(session(), 'z', now))).toBe(ShiftErrorCode.ShiftNotFound);
  });
});

describe('isUnderstaffed', () => {
  it('flags planned sessions with fewer helpers than needed, never cancelled ones', () => {
    expect(isUnderstaffed({ status: 'planned', helpersNeeded: 2, helpers: 1 })).toBe(true);
    expect(isUnderstaffed({ status: 'planned', helpersNeeded: 2, helpers: 2 })).toBe(false);
    expect(isUnderstaffed({ status: 'cancelled', helpersNeeded: 2, helpers: 0 })).toBe(false);
  });
});

describe('isOpenShiftFor', () => {
  const view = { status: 'planned' as const, helpersNeeded: 2, helpers: [{ id: 'a', name: 'A' }] };
  it('offers a planned session that needs people to a helper not on it', () => {
    expect(isOpenShiftFor(view, 'b')).toBe(true);
    expect(isOpenShiftFor(view, 'a')).toBe(false);
    expect(isOpenShiftFor({ ...view, status: 'cancelled' }, 'b')).toBe(false);
    expect(isOpenShiftFor({ ...view, helpers: [...view.helpers, { id: 'c', name: 'C' }] }, 'b')).toBe(false);
  });
});
