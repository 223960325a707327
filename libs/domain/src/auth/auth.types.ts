/**
 * coordinator: runs everything; helper: peer helper; partner: a referring organisation's staff (sees
 * aggregates only); library-staff: a library's own staff at one site, who may book for people.
 */
export const ROLES = ['coordinator', 'helper', 'partner', 'library-staff'] as const;
export type Role = (typeof ROLES)[number];

/** The roles in plain Swedish (staff pages, the audit log). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = { coordinator: 'samordnare', helper: 'digivärd', partner: 'partner', 'library-staff': 'bibliotekspersonal' };

/** The signed-in person as the API and the web app see them. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Partners: the partner organisation they work for (their codes, bookings and figures). */
  partnerId?: string | null;
  /** Library staff: the one site they work at and may book for. */
  siteId?: string | null;
}

/** A helper in the coordinator's lists, with the organisation their hours are reported to. */
export type HelperListed = AuthUser & { organisationId: string | null };

/** GET /api/auth/me: the person and what a shared laptop needs to protect them. */
export interface MeView extends AuthUser {
  /** Minutes without activity after which the sign-in ends (the page warns a minute before). */
  idleMinutes: number;
  /**
   * Key (base64, 256 bits) for the browser's offline visit queue, held only in memory. It belongs to
   * this sign-in and dies with it, so queued entries left on a shared laptop cannot be read later.
   */
  queueKey: string;
}
