import type { Role } from '../auth/auth.types';
import type { Page } from '../shared/paging';

/**
 * Where an account stands: signed up and usable, invited (a link is out), invited but the link has run
 * out or was taken back, or turned off by a coordinator.
 */
export const ACCOUNT_STATUSES = ['active', 'invited', 'invitation-expired', 'invitation-revoked', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** The statuses in plain Swedish (staff pages). */
export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: 'Aktivt',
  invited: 'Inbjuden',
  'invitation-expired': 'Inbjudan har gått ut',
  'invitation-revoked': 'Inbjudan återkallad',
  deactivated: 'Avstängt',
};

/** What the list can be narrowed to: "invited" takes every account without a password yet. */
export const ACCOUNT_STATUS_FILTERS = ['active', 'invited', 'deactivated'] as const;
export type AccountStatusFilter = (typeof ACCOUNT_STATUS_FILTERS)[number];

/** What a person belongs to: a helper's organisation, a partner's partner organisation, library staff's library. */
export interface AccountBelongsTo {
  kind: 'organisation' | 'partner' | 'site';
  id: string;
  name: string;
}

/** One person in the coordinators' list of people and accounts (GET /api/accounts). */
export interface AccountListed {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: AccountStatus;
  belongsTo: AccountBelongsTo | null;
  /** ISO time the latest invitation link runs out (invited people); null otherwise. */
  invitationExpiresAt: string | null;
  /** ISO time the account was turned off; null while it is on. */
  deactivatedAt: string | null;
}

export type AccountPage = Page<AccountListed>;

/** GET /api/accounts query: words in the name or e-mail, a role, a status, what they belong to (an id), the page. */
export interface AccountQuery {
  q?: string;
  role?: Role;
  status?: AccountStatusFilter;
  belongsTo?: string;
  page?: number;
}

/** A coming session that lacks helpers after someone was taken off it (times ISO with the site's offset). */
export interface ShiftNeedingPeople {
  sessionId: string;
  siteId: string;
  siteName: string;
  /** The site's zone: show start and end in it. */
  timeZone: string;
  start: string;
  end: string;
  /** Helpers still on the shift. */
  helpers: number;
  helpersNeeded: number;
}

/** POST /api/accounts/{id}/deactivate. */
export interface DeactivationResult {
  account: AccountListed;
  /** Sign-ins (browsers) that were ended. */
  signInsEnded: number;
  /** Coming shifts the person was taken off. */
  shiftsRemoved: number;
  /** Of those, the sessions that now have fewer helpers than they need, by start. */
  shiftsNeedingPeople: ShiftNeedingPeople[];
}

/** POST /api/accounts/{id}/invitation/resend: the new link (also e-mailed; the old one no longer works). */
export interface InvitationResent {
  account: AccountListed;
  inviteUrl: string;
  expiresAt: string;
}

/** POST /api/accounts/{id}/password-reset: where the one-time link went and until when it works. */
export interface PasswordResetSent {
  account: AccountListed;
  sentTo: string;
  expiresAt: string;
}

/** POST /api/auth/password-reset (public): the secret from the link and the new password. */
export interface PasswordResetRequest {
  token: string;
  password: string;
}
