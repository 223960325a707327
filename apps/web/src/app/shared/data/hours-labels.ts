import { DEFAULT_TIME_ZONE, type EvidenceKind, type HoursActivity, type HoursStatus, type ManualActivity, type ModuleProgress } from '@digihjalpen/domain';
import { formatShortDate, todayIn } from './dates';

/** Swedish words for hours and OCN validation (staff pages are Swedish only, in plain language). */

export const ACTIVITY_LABELS: Readonly<Record<HoursActivity, string>> = {
  session: 'Pass på en träff',
  training: 'Utbildning',
  preparation: 'Förberedelse',
  meeting: 'Möte',
  other: 'Annat',
};

/** What each kind of hand-logged time is, for the helper's form. */
export const ACTIVITY_HINTS: Readonly<Record<ManualActivity, string>> = {
  training: 'en kurs eller en utbildningsdag',
  preparation: 'till exempel att läsa på inför en träff',
  meeting: 'till exempel ett möte med samordnaren eller andra digivärdar',
  other: 'något annat du gjorde som digivärd',
};

export const STATUS_LABELS: Readonly<Record<HoursStatus, string>> = {
  pending: 'Väntar på godkännande',
  approved: 'Godkänd',
  rejected: 'Inte godkänd',
};

export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  hours: 'Godkända timmar',
  'visit-statistics': 'Statistik över egna besök',
  reflection: 'Reflektion',
  'witness-statement': 'Vittnesintyg',
  observation: 'Observation',
};

export const EVIDENCE_KIND_HINTS: Readonly<Record<EvidenceKind, string>> = {
  hours: 'Tid som en samordnare har godkänt.',
  'visit-statistics': 'Hur många besök du har loggat inom varje ämne. Inga uppgifter om besökarna följer med.',
  reflection: 'Du skriver med egna ord vad du gjorde och vad du lärde dig.',
  'witness-statement': 'Någon som har sett digivärden arbeta berättar vad hen gjorde.',
  observation: 'Du har sett digivärden arbeta och skriver vad du såg.',
};

const decimal = new Intl.NumberFormat('sv', { maximumFractionDigits: 1 });

/** "12,5" (Swedish decimal comma, at most one decimal). */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** Minutes as decimal hours: "12,5 timmar", "1 timme". */
export function hoursText(minutes: number): string {
  const hours = Math.round(minutes / 6) / 10;
  return `${formatNumber(hours)} ${hours === 1 ? 'timme' : 'timmar'}`;
}

/** A duration in plain words: "1 timme 30 minuter", "45 minuter", "2 timmar". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? 'timme' : 'timmar'}` : '';
  const mins = m || !h ? `${m} ${m === 1 ? 'minut' : 'minuter'}` : '';
  return [hours, mins].filter(Boolean).join(' ');
}

/** "4 av 8 kriterier har bevis". */
export function criteriaText(progress: Pick<ModuleProgress, 'criteriaWithEvidence' | 'criteriaTotal'>): string {
  return `${progress.criteriaWithEvidence} av ${progress.criteriaTotal} ${progress.criteriaTotal === 1 ? 'kriterium har' : 'kriterier har'} bevis`;
}

/** "12,5 av 30 timmar". */
export function hoursProgressText(progress: Pick<ModuleProgress, 'approvedHours' | 'notionalHours'>): string {
  return `${formatNumber(progress.approvedHours)} av ${formatNumber(progress.notionalHours)} timmar`;
}

/** The date (in Stockholm) of an ISO time, as "tis 5 mars 2030". */
export function signedOn(iso: string): string {
  return formatShortDate(todayIn(DEFAULT_TIME_ZONE, new Date(iso)), 'sv');
}

/** This month in Stockholm, "2030-03". */
export function currentMonth(now = new Date()): string {
  return todayIn(DEFAULT_TIME_ZONE, now).slice(0, 7);
}

/** The month `offset` months from `month` ("2030-03", -1 → "2030-02"). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "mars 2030". */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('sv', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/** This month and the `count - 1` before it, newest first. */
export function recentMonths(count: number, now = new Date()): string[] {
  const current = currentMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}
