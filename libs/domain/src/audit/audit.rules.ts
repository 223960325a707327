import { AUDIT_GROUPS, type AuditGroup } from './audit.types';

const ACTIONS: Readonly<Record<string, string>> = {
  'auth.signed-in': 'Loggade in',
  'auth.sign-in-failed': 'Fel lösenord vid inloggning',
  'auth.locked': 'Kontot låstes efter för många försök',
  'auth.password-changed': 'Bytte lösenord (andra inloggningar avslutades)',
  'privacy.viewed': 'Visade en persons uppgifter',
  'privacy.exported': 'Exporterade en persons uppgifter',
  'privacy.erased': 'Raderade en persons uppgifter',
  'privacy.retention': 'Gamla kontaktuppgifter raderades automatiskt',
  'schedule.created': 'Lade till ett schema',
  'schedule.updated': 'Ändrade ett schema',
  'schedule.session-added': 'Lade till en extra träff',
  'schedule.session-cancelled': 'Ställde in en träff',
  'site.created': 'Lade till en plats',
  'site.updated': 'Ändrade en plats',
  'shift.assigned': 'Satte en digivärd på ett pass',
  'shift.removed': 'Tog bort en digivärd från ett pass',
  'shift.taken': 'Tog ett pass',
  'shift.left': 'Lämnade ett pass',
  'booking.created-for-person': 'Bokade åt någon',
  'partner.created': 'Lade till en partner',
  'referral-code.created': 'Skapade en hänvisningskod',
  'referral-code.revoked': 'Återkallade en hänvisningskod',
};

const VERBS: Readonly<Record<string, string>> = {
  create: 'Lade till',
  update: 'Ändrade',
  delete: 'Raderade',
  export: 'Exporterade',
  approve: 'Godkände',
  reject: 'Avslog',
  assess: 'Bedömde',
  'quality-assure': 'Kvalitetssäkrade',
  fix: 'Markerade som åtgärdat:',
};

/** The kinds of object the log names, in plain Swedish. */
export const AUDIT_ENTITY_NAMES: Readonly<Record<string, string>> = {
  app_user: 'Person',
  assessment: 'OCN-bedömning',
  booking: 'Bokning',
  equipment_issue: 'Utrustningsproblem',
  evidence: 'OCN-underlag',
  hours_entry: 'Timrapport',
  ocn_module: 'OCN-modul',
  organisation: 'Organisation',
  organisation_report: 'Månadsrapport',
  partner: 'Partner',
  portfolio: 'OCN-portfölj',
  referral_code: 'Hänvisningskod',
  schedule: 'Schema',
  session: 'Träff',
  site: 'Plats',
  visit: 'Besök',
  visit_category: 'Besökskategori',
};

/** Swedish words for a log line: a named action, or a verb and the kind of object; else as it is. */
export function auditActionLabel(action: string, entity: string): string {
  const named = ACTIONS[action];
  if (named) return named;
  const verb = VERBS[action];
  return verb ? `${verb} ${(AUDIT_ENTITY_NAMES[entity] ?? entity).toLocaleLowerCase('sv')}` : `${action} ${entity}`;
}

export function isAuditGroup(key: string): key is AuditGroup {
  return AUDIT_GROUPS.some((g) => g.key === key);
}
