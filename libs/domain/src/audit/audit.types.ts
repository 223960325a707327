import type { Page } from '../shared/paging';
/** One line of the audit log as coordinators see it (GET /api/audit). Details hold ids, never personal data. */
export interface AuditEntryView {
  id: string;
  /** ISO time. */
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  /** Swedish words for the action. */
  actionLabel: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export type AuditPage = Page<AuditEntryView>;

/**
 * What coordinators filter the log by. An entry belongs to a group when its action matches one of the
 * patterns (SQL LIKE) or its entity is listed.
 */
export const AUDIT_GROUPS = [
  { key: 'sign-in', label: 'Inloggningar och lösenord', actions: ['auth.%'], entities: [] },
  { key: 'accounts', label: 'Konton och inbjudningar', actions: ['account.%'], entities: [] },
  { key: 'exports', label: 'Exporter och visade personuppgifter', actions: ['export', 'privacy.exported', 'privacy.viewed'], entities: [] },
  { key: 'erasures', label: 'Raderingar', actions: ['delete', 'privacy.erased', 'privacy.retention'], entities: [] },
  { key: 'schedules', label: 'Platser, scheman, träffar och bemanning', actions: ['schedule.%', 'site.%', 'shift.%'], entities: [] },
  { key: 'hours', label: 'Timmar och organisationer', actions: [], entities: ['hours_entry', 'organisation', 'organisation_report'] },
  { key: 'visits', label: 'Besöksloggen', actions: [], entities: ['visit', 'visit_category'] },
  { key: 'ocn', label: 'Validering (OCN)', actions: [], entities: ['evidence', 'assessment', 'portfolio', 'ocn_module'] },
  { key: 'partners', label: 'Partner, koder och bokningar åt någon', actions: ['partner.%', 'referral-code.%', 'booking.created-for-person'], entities: [] },
  { key: 'bookings', label: 'Bokningar som personalen ändrat', actions: ['booking.cancelled-by-staff', 'booking.moved-by-staff', 'booking.run-cancelled-by-staff'], entities: [] },
] as const satisfies readonly { key: string; label: string; actions: readonly string[]; entities: readonly string[] }[];

export type AuditGroup = (typeof AUDIT_GROUPS)[number]['key'];
