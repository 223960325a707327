/**
 * What a sign-in throttle counts wrong passwords for:
 * - `account`: one client address trying one e-mail (the main key; a success clears it),
 * - `address`: one client address across every e-mail (password spraying; a higher threshold),
 * - `password-change`: a signed-in person's wrong current passwords on the password-change page.
 * There is deliberately no key for an account on its own: wrong passwords from other addresses never
 * keep the owner out.
 */
export const THROTTLE_KINDS = ['account', 'address', 'password-change'] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

/** How a kind of key grows its delays. */
export interface ThrottlePolicy {
  /** Wrong passwords that cost nothing. */
  freeFailures: number;
  /** The delay after the first failure beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key with no failure for this long (and no block left) is forgotten. */
  forgetAfterHours: number;
}

/** One key's count, as stored. */
export interface ThrottleState {
  failures: number;
  /** No attempt is checked for this key before this moment. */
  blockedUntil: Date | null;
  lastFailureAt: Date;
}

/** GET /api/sign-in-throttles: one key that is being throttled (coordinators, Swedish page). */
export interface SignInThrottleView {
  id: string;
  kind: ThrottleKind;
  /** The account the key names, when it is a real one (an unknown e-mail is never shown or stored). */
  email: string | null;
  name: string | null;
  /** The client address; null for the password-change page (the person was signed in). */
  address: string | null;
  failures: number;
  /** ISO time; null when the latest delay has already passed (the next wrong password brings a longer one). */
  blockedUntil: string | null;
  /** ISO time. */
  lastFailureAt: string;
}
