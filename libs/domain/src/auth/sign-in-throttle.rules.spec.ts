import { AuthError, AuthErrorCode } from './auth.errors';
import {
  chargeAttempt,
  isThrottleActive,
  isThrottleBlocked,
  liveThrottle,
  refundAttempt,
  THROTTLE_POLICIES,
  throttleDelaySeconds,
  throttleExpiresAt,
  waitInWords,
} from './sign-in-throttle.rules';
import type { ThrottlePolicy, ThrottleState } from './sign-in-throttle.types';

const now = new Date('2026-11-23T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const policy: ThrottlePolicy = { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 900, forgetAfterHours: 24 };
const state = (over: Partial<ThrottleState> = {}): ThrottleState => ({ failures: 0, blockedUntil: null, lastFailureAt: now, ...over });

describe('throttleDelaySeconds', () => {
  it('costs nothing for the free failures', () => {
    expect([0, 1, 4, 5].map((n) => throttleDelaySeconds(n, policy))).toEqual([0, 0, 0, 0]);
  });

  it('doubles from one second with each failure beyond the free ones', () => {
    expect([6, 7, 8, 9, 10, 15].map((n) => throttleDelaySeconds(n, policy))).toEqual([1, 2, 4, 8, 16, 512]);
  });

  it('stops growing at 15 minutes, also for a count far beyond it', () => {
    expect(throttleDelaySeconds(16, policy)).toBe(900);
    expect(throttleDelaySeconds(10_000, policy)).toBe(900);
  });
});

describe('THROTTLE_POLICIES', () => {
  it('lets a client address try several accounts before it is slowed down (a library network), more than one account', () => {
    expect(THROTTLE_POLICIES.address.freeFailures).toBeGreaterThan(THROTTLE_POLICIES.account.freeFailures);
  });
  it('caps every delay at 15 minutes', () => {
    expect(Object.values(THROTTLE_POLICIES).map((p) => p.maxDelaySeconds)).toEqual([900, 900, 900]);
  });
});

describe('chargeAttempt', () => {
  it('lets a first attempt through and counts it', () => {
    expect(chargeAttempt(null, policy, now)).toEqual({ allowed: true, startsThrottling: false, state: { failures: 1, blockedUntil: null, lastFailureAt: now } });
  });

  it('blocks for a second when the count passes the free failures, and says the key starts being throttled', () => {
    expect(chargeAttempt(state({ failures: 5 }), policy, now)).toEqual({ allowed: true, startsThrottling: true, state: { failures: 6, blockedUntil: at(1), lastFailureAt: now } });
  });

  it('refuses an attempt while the key is blocked, without counting it or making the block longer', () => {
    const blocked = state({ failures: 7, blockedUntil: at(2) });
    expect(chargeAttempt(blocked, policy, at(1))).toEqual({ allowed: false, state: blocked });
  });

  it('lets the next attempt through once the block has passed, with a longer block and no second "starts"', () => {
    const charge = chargeAttempt(state({ failures: 7, blockedUntil: at(2) }), policy, at(2));
    expect(charge).toEqual({ allowed: true, startsThrottling: false, state: { failures: 8, blockedUntil: at(6), lastFailureAt: at(2) } });
  });

  it('starts again from nothing when the key was forgotten', () => {
    const old = state({ failures: 40, blockedUntil: at(900), lastFailureAt: now });
    const dayLater = at(24 * 3600 + 1);
    expect(chargeAttempt(old, policy, dayLater)).toEqual({ allowed: true, startsThrottling: false, state: { failures: 1, blockedUntil: null, lastFailureAt: dayLater } });
  });
});

describe('refundAttempt', () => {
  it('gives back the count of an attempt that turned out right, and forgets a key back at nothing', () => {
    const charged = state({ failures: 3 });
    expect(refundAttempt(charged, charged)).toEqual(state({ failures: 2 }));
    expect(refundAttempt(state({ failures: 1 }), state({ failures: 1 }))).toBeNull();
  });

  it('lifts the block that the attempt itself set', () => {
    const charged = state({ failures: 31, blockedUntil: at(1) });
    expect(refundAttempt(charged, charged)).toEqual(state({ failures: 30, blockedUntil: null }));
  });

  it('keeps a block that another attempt set since', () => {
    const charged = state({ failures: 31, blockedUntil: at(1) });
    const stored = state({ failures: 32, blockedUntil: at(2), lastFailureAt: at(0.5) });
    expect(refundAttempt(stored, charged)).toEqual(state({ failures: 31, blockedUntil: at(2), lastFailureAt: at(0.5) }));
  });
});

describe('liveThrottle and throttleExpiresAt', () => {
  it('forgets a key a day after its last failure, not while it is still blocked', () => {
    const s = state({ failures: 20, blockedUntil: at(900) });
    expect(throttleExpiresAt(s, policy)).toEqual(at(24 * 3600));
    expect(liveThrottle(s, policy, at(24 * 3600 - 1))).toBe(s);
    expect(liveThrottle(s, policy, at(24 * 3600))).toBeNull();
    const longBlock = state({ failures: 20, blockedUntil: at(48 * 3600) });
    expect(throttleExpiresAt(longBlock, { ...policy, maxDelaySeconds: 48 * 3600 })).toEqual(at(48 * 3600));
  });
  it('has nothing to forget when nothing is stored', () => {
    expect(liveThrottle(null, policy, now)).toBeNull();
  });
});

describe('isThrottleBlocked', () => {
  it('is blocked until the moment the block ends', () => {
    const s = state({ failures: 6, blockedUntil: at(1) });
    expect([isThrottleBlocked(s, now), isThrottleBlocked(s, at(0.999)), isThrottleBlocked(s, at(1)), isThrottleBlocked(null, now)]).toEqual([true, true, false, false]);
  });
});

describe('isThrottleActive', () => {
  it('lists a key past its free failures until it is forgotten, even between blocks', () => {
    expect(isThrottleActive(state({ failures: 5 }), policy, now)).toBe(false);
    expect(isThrottleActive(state({ failures: 6, blockedUntil: at(1) }), policy, at(10))).toBe(true);
    expect(isThrottleActive(state({ failures: 6, blockedUntil: at(1) }), policy, at(24 * 3600))).toBe(false);
  });
});

describe('waitInWords and AuthError.tooManyAttempts', () => {
  it('says how long to wait in whole minutes, at least one', () => {
    expect([1, 59, 60, 61, 900].map(waitInWords)).toEqual(['en minut', 'en minut', 'en minut', '2 minuter', '15 minuter']);
  });
  it('answers the password-change page in Swedish, on the field', () => {
    const error = AuthError.tooManyAttempts(120);
    expect(error.code).toBe(AuthErrorCode.TooManyAttempts);
    expect(error.message).toBe('Du har skrivit fel nuvarande lösenord för många gånger. Vänta 2 minuter och försök igen.');
    expect(error.fields).toEqual({ currentPassword: error.message });
  });
  it('answers sign-in with one message for a wrong password, an unknown e-mail and a throttled attempt', () => {
    expect(AuthError.invalidCredentials().message).toBe('Fel e-postadress eller lösenord – eller för många försök. Vänta en stund och försök igen.');
  });
});
