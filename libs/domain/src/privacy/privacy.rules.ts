import { normalizeReference } from '../bookings/bookings.rules';
import { PrivacyError } from './privacy.errors';
import { PRIVACY_SCOPES, type PrivacyScope, type ProofChannel } from './privacy.types';

/** What an erased booking's name becomes: the column is required, and a neutral word says what happened. */
export const ERASED_NAME = 'Raderad';

/** Default and lower bound of RETENTION_DAYS. */
export const DEFAULT_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

/** "k7f3qd", " K7F-3QD " → "K7F-3QD"; a PrivacyError when it cannot be a booking reference. */
export function parseReference(text: unknown): string {
  const reference = typeof text === 'string' ? normalizeReference(text.trim()) : null;
  if (!reference) throw PrivacyError.invalidReference();
  return reference;
}

/** Bookings whose slot ended before this moment are due for erasure. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('retentionDays must be a whole number of at least 1');
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** A one-time code stops working this many minutes after it is sent. */
export const PROOF_CODE_MINUTES = 10;
/** Wrong tries that burn a code. */
export const PROOF_CODE_TRIES = 5;
/** After the right code, the coordinator may see, export and erase the contact's bookings this long. */
export const PROOF_GRANT_MINUTES = 30;

const MINUTE_MS = 60_000;

/** `?scope=`: the booking alone unless the contact is asked for. */
export function parsePrivacyScope(value: unknown): PrivacyScope {
  if (value === undefined) return 'booking';
  if (typeof value === 'string' && (PRIVACY_SCOPES as readonly string[]).includes(value)) return value as PrivacyScope;
  throw PrivacyError.invalidScope();
}

/** `{ "code": "482 913" }` → "482913": six ASCII digits; spaces and dashes as read out are ignored. */
export function parseProofCode(body: unknown): string {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  const code = raw && Object.keys(raw).every((k) => k === 'code') && typeof raw['code'] === 'string' ? raw['code'].replace(/[\s-]/g, '') : '';
  if (!/^[0-9]{6}$/.test(code)) throw PrivacyError.invalidCode();
  return code;
}

/** A random whole number from 0 to 999 999 as the six digits the person reads out. */
export function proofCodeFrom(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new Error('proofCodeFrom needs a whole number from 0 to 999999');
  return String(n).padStart(6, '0');
}

/**
 * How a code can reach the person behind a booking: the one place that decides. E-mail only for now;
 * SMS (issue 20) adds `if (contact.phone) return 'sms'` after the e-mail line.
 */
export function proofChannel(contact: { email: string | null; phone: string | null }): ProofChannel | null {
  if (contact.email) return 'email';
  return null;
}

/** A stored proof as the rules need it. `codeHash` is null once the code is used or burnt. */
export interface ProofState {
  codeHash: string | null;
  attempts: number;
  codeExpiresAt: Date;
  grantExpiresAt: Date | null;
}

export type ProofJudgement = { kind: 'verified'; grantedUntil: Date } | { kind: 'wrong'; triesLeft: number };

/**
 * What a typed code does: grants the contact when right, uses a try when wrong. A code that was never
 * sent, used already, burnt by five wrong tries or older than ten minutes fails whatever is typed.
 */
export function judgeProofCode(proof: ProofState | null, matches: boolean, now: Date): ProofJudgement {
  if (proof && proof.attempts >= PROOF_CODE_TRIES) throw PrivacyError.codeUsedUp();
  if (!proof || proof.codeHash === null) throw PrivacyError.noCode();
  if (now.getTime() >= proof.codeExpiresAt.getTime()) throw PrivacyError.codeExpired(PROOF_CODE_MINUTES);
  if (matches) return { kind: 'verified', grantedUntil: new Date(now.getTime() + PROOF_GRANT_MINUTES * MINUTE_MS) };
  return { kind: 'wrong', triesLeft: PROOF_CODE_TRIES - proof.attempts - 1 };
}

/** When a code sent now stops working. */
export function proofCodeExpiresAt(now: Date): Date {
  return new Date(now.getTime() + PROOF_CODE_MINUTES * MINUTE_MS);
}

/** Whether the coordinator's grant for the contact still holds. */
export function grantActive(proof: Pick<ProofState, 'grantExpiresAt'> | null, now: Date): boolean {
  return !!proof?.grantExpiresAt && now.getTime() < proof.grantExpiresAt.getTime();
}

/** A code that can still be typed: when it ends and how many tries are left. */
export function pendingCode(proof: ProofState | null, now: Date): { expiresAt: Date; triesLeft: number } | null {
  if (!proof || proof.codeHash === null || proof.attempts >= PROOF_CODE_TRIES || now.getTime() >= proof.codeExpiresAt.getTime()) return null;
  return { expiresAt: proof.codeExpiresAt, triesLeft: PROOF_CODE_TRIES - proof.attempts };
}
