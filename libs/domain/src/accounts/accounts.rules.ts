import type { Role } from '../auth/auth.types';
import type { SessionStatus } from '../schedule/schedule.types';
import { isUnderstaffed } from '../shifts/shifts.rules';
import { AccountError } from './accounts.errors';
import type { AccountStatus, AccountStatusFilter } from './accounts.types';

/** A password-reset link works this long, once. */
export const RESET_LINK_MINUTES = 60;

/** What the account rules look at: the account and its latest invitation. */
export interface AccountState {
  id: string;
  role: Role;
  active: boolean;
  hasPassword: boolean;
  /** The latest invitation link, if any was ever sent. */
  invitation: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null;
}

export function hasOpenInvitation(account: AccountState, now: Date): boolean {
  const i = account.invitation;
  return !account.hasPassword && !!i && !i.usedAt && !i.revokedAt && i.expiresAt > now;
}

export function accountStatus(account: AccountState, now: Date): AccountStatus {
  if (!account.active) return 'deactivated';
  if (account.hasPassword) return 'active';
  if (hasOpenInvitation(account, now)) return 'invited';
  return account.invitation?.revokedAt ? 'invitation-revoked' : 'invitation-expired';
}

/** Does a status fall under a filter of the list? "invited" takes every account still without a password. */
export function matchesAccountStatus(status: AccountStatus, filter: AccountStatusFilter | undefined): boolean {
  if (!filter) return true;
  if (filter === 'invited') return status === 'invited' || status === 'invitation-expired' || status === 'invitation-revoked';
  return status === filter;
}

/**
 * A coordinator may turn off anyone's account but their own, and never the last coordinator who can
 * sign in (`activeCoordinators` counts open coordinator accounts with a password, this one included).
 */
export function assertCanDeactivate(actorId: string, target: AccountState, activeCoordinators: number): void {
  if (target.id === actorId) throw AccountError.cannotDeactivateSelf();
  if (!target.active) throw AccountError.notActive();
  if (target.role === 'coordinator' && target.hasPassword && activeCoordinators <= 1) throw AccountError.lastCoordinator();
}

export function assertCanReactivate(target: AccountState): void {
  if (target.active) throw AccountError.alreadyActive();
}

/** A new invitation link goes to an open account without a password (also after the old one ran out or was revoked). */
export function assertCanResendInvitation(target: AccountState): void {
  if (!target.active) throw AccountError.notActive();
  if (target.hasPassword) throw AccountError.notInvited();
}

export function assertCanRevokeInvitation(target: AccountState, now: Date): void {
  if (!hasOpenInvitation(target, now)) throw AccountError.noOpenInvitation();
}

/** A reset link goes to an open account whose owner has chosen a password (otherwise: resend the invitation). */
export function assertCanSendPasswordReset(target: AccountState): void {
  if (!target.active) throw AccountError.notActive();
  if (!target.hasPassword) throw AccountError.noPasswordYet();
}

export function resetLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
}

/** A reset link works once, within its hour, while it is the newest and its account is open. Null: no such link. */
export function assertResetLinkUsable<T extends { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; userActive: boolean }>(link: T | null, now: Date): asserts link is T {
  if (!link || !link.userActive) throw AccountError.resetLinkInvalid('unknown');
  if (link.usedAt) throw AccountError.resetLinkInvalid('used');
  if (link.revokedAt) throw AccountError.resetLinkInvalid('revoked');
  if (link.expiresAt <= now) throw AccountError.resetLinkInvalid('expired');
}

/** Of the sessions someone was taken off: the planned ones that now have fewer helpers than needed, by start. */
export function shiftsNeedingPeople<T extends { status: SessionStatus; start: string; helpers: number; helpersNeeded: number }>(sessions: readonly T[]): T[] {
  return sessions.filter((s) => isUnderstaffed(s)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
