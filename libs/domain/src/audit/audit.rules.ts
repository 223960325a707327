import { AUDIT_GROUPS, type AuditGroup } from './audit.types';

const ACTIONS: Readonly<Record<string, string>> = {
  'auth.signed-in': 'Loggade in',
  'auth.sign-in-failed': 'Fel lösenord vid inloggning',
  // Before sign-in throttling (issue 16) five wrong passwords locked the account; older entries say so.
  'auth.locked': 'Kontot låstes efter för många försök',
  'auth.throttled': 'För många fel lösenord: inloggningen bromsas en stund',
  'auth.throttle-cleared': 'Tog bort en spärr för inloggning',
  'auth.password-changed': 'Bytte lösenord (andra inloggningar avslutades)',
  'auth.password-reset': 'Valde nytt lösenord med en länk (andra inloggningar avslutades)',
  'demo.passwords-random': 'Demokontona fick slumpade lösenord (appen startades öppen för nätverket)',
  'demo.passwords-documented': 'Demokontona fick tillbaka lösenorden i README (appen startades bara för den här datorn)',
  'account.invitation-resent': 'Skickade inbjudan igen (den gamla länken slutade gälla)',
  'account.invitation-revoked': 'Återkallade en inbjudan',
  'account.deactivated': 'Stängde av ett konto',
  'account.reactivated': 'Öppnade ett konto igen',
  'account.password-reset-sent': 'Skickade en länk för nytt lösenord',
  'privacy.viewed': 'Visade en persons uppgifter',
  'privacy.exported': 'Exporterade en persons uppgifter',
  'privacy.erased': 'Raderade en persons uppgifter',
  'privacy.retention': 'Gamla kontaktuppgifter raderades automatiskt',
  'privacy.code-sent': 'Skickade en kod till en person för att se alla hens bokningar',
  'privacy.code-verified': 'Personen visade rätt kod: alla hens bokningar kan visas i 30 minuter',
  'privacy.code-failed': 'Fel eller för gammal kod för att se en persons bokningar',
  'schedule.created': 'Lade till ett schema',
  'schedule.updated': 'Ändrade ett schema',
  'schedule.session-added': 'Lade till en extra träff',
  'schedule.session-cancelled': 'Ställde in en träff',
  'site.created': 'Lade till en plats',
  'site.updated': 'Ändrade en plats',
  'shift.assigned': 'Satte en digivärd på ett pass',
  'shift.removed': 'Tog bort en digivärd från ett pass',
  'shift.digest-on': 'Slog på veckomejlet om lediga pass till digivärdarna',
  'shift.digest-off': 'Stängde av veckomejlet om lediga pass till digivärdarna',
  'shift.taken': 'Tog ett pass',
  'shift.left': 'Lämnade ett pass',
  'booking.created-for-person': 'Bokade åt någon',
  'booking.cancelled-by-staff': 'Avbokade en bokning (personen fick veta varför)',
  'booking.moved-by-staff': 'Flyttade en bokning (personen fick veta varför)',
  'booking.run-cancelled-by-staff': 'Avbokade en misstänkt serie bokningar (de med e-post fick veta varför)',
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
