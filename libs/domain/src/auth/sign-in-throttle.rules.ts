import type { ThrottleKind, ThrottlePolicy, ThrottleState } from './sign-in-throttle.types';

/**
 * Growing delays instead of a lock (NIST SP 800-63B 5.2.2: limit failed attempts without letting an
 * attacker lock the owner out). Five wrong passwords for one e-mail from one address are free, then
 * 1 s, 2 s, 4 s … up to 15 minutes between attempts. One address across all e-mails gets 30 free:
 * a library's public network puts many people behind one address.
 */
export const THROTTLE_POLICIES: Readonly<Record<ThrottleKind, ThrottlePolicy>> = {
  account: { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 },
  address: { freeFailures: 30, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 },
  'password-change': { freeFailures: 5, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 },
};

/** Seconds a key waits after its `failures`-th wrong password: none for the free ones, then doubling, capped. */
export function throttleDelaySeconds(failures: number, policy: ThrottlePolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  // The exponent is capped too, so a huge count never overflows to Infinity.
  return Math.min(policy.firstDelaySeconds * 2 ** Math.min(beyond - 1, 40), policy.maxDelaySeconds);
}

/** When a stored key may be removed: its block is over and its last failure is old enough to forget. */
export function throttleExpiresAt(state: ThrottleState, policy: ThrottlePolicy): Date {
  const forgetAt = state.lastFailureAt.getTime() + policy.forgetAfterHours * 3_600_000;
  return new Date(Math.max(forgetAt, state.blockedUntil?.getTime() ?? 0));
}

/** The stored state if it still counts at `now`; null when there is none or it is forgotten. */
export function liveThrottle(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState | null {
  return state && throttleExpiresAt(state, policy) > now ? state : null;
}

export function isThrottleBlocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.blockedUntil && state.blockedUntil > now;
}

/** A key a coordinator sees (and may clear): past its free failures and not yet forgotten. */
export function isThrottleActive(state: ThrottleState, policy: ThrottlePolicy, now: Date): boolean {
  return liveThrottle(state, policy, now) !== null && state.failures > policy.freeFailures;
}

export type ThrottleCharge =
  | { allowed: false; state: ThrottleState }
  /** `startsThrottling`: this attempt is the first that brings a delay (audited as `auth.throttled` if it fails). */
  | { allowed: true; state: ThrottleState; startsThrottling: boolean };

/**
 * An attempt is counted as a failure *before* its password is checked, so parallel guesses cannot all
 * slip through before the first one is counted; a right password gives the count back (`refundAttempt`,
 * or the key is cleared). A blocked key refuses the attempt and counts nothing.
 */
export function chargeAttempt(stored: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleCharge {
  const live = liveThrottle(stored, policy, now);
  if (live && isThrottleBlocked(live, now)) return { allowed: false, state: live };
  const failures = (live?.failures ?? 0) + 1;
  const delay = throttleDelaySeconds(failures, policy);
  return {
    allowed: true,
    startsThrottling: failures === policy.freeFailures + 1,
    state: { failures, blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null, lastFailureAt: now },
  };
}

/**
 * The key after an attempt charged as `charged` turned out to have the right password: one failure
 * less, and the block that attempt set lifted (a block set since by another attempt stays). Null: nothing
 * left to keep.
 */
export function refundAttempt(stored: ThrottleState, charged: ThrottleState): ThrottleState | null {
  const failures = Math.max(stored.failures - 1, 0);
  const ownBlock = stored.blockedUntil !== null && charged.blockedUntil !== null && stored.blockedUntil.getTime() === charged.blockedUntil.getTime();
  const blockedUntil = ownBlock ? null : stored.blockedUntil;
  return failures === 0 && blockedUntil === null ? null : { failures, blockedUntil, lastFailureAt: stored.lastFailureAt };
}

/** "en minut", "2 minuter": how long to wait, in whole minutes, at least one. */
export function waitInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? 'en minut' : `${minutes} minuter`;
}
