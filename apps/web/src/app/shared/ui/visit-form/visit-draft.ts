import { VISIT_LIMITS, looksLikeIdentityNumber, type CameVia, type Device, type Outcome, type ReferredTo, type Returning, type VisitInput } from '@digihjalpen/domain';

/** What the helper has filled in so far. The duration is text while it is being typed. */
export interface VisitDraft {
  categories: string[];
  civicInformation: boolean;
  device: Device;
  language: string;
  /** Minutes as typed; follows the clock from "Starta besök" until the helper edits it. */
  duration: string;
  outcome: Outcome | null;
  referredTo: ReferredTo | null;
  cameVia: CameVia;
  returning: Returning;
  note: string;
}

/** What the form hands on: a visit without the ids the page adds (client id, session, booking). */
export type VisitFields = Omit<VisitInput, 'clientId' | 'sessionId' | 'bookingId'>;

/** Field names as in VisitInput: the API's `fields` use the same. */
export type VisitField = keyof VisitFields;
export type VisitProblems = Partial<Record<VisitField, string>>;

/** What a new visit starts with: from the booking when there is one. */
export interface VisitSeed {
  categories?: readonly string[];
  cameVia: CameVia;
  language?: string;
  device?: Device;
}

export function newDraft(seed: VisitSeed): VisitDraft {
  return {
    categories: [...(seed.categories ?? [])].slice(0, VISIT_LIMITS.categoriesMax),
    civicInformation: (seed.categories ?? []).includes('civic-information'),
    device: seed.device ?? 'own-phone',
    language: seed.language ?? 'sv',
    duration: '',
    outcome: null,
    referredTo: null,
    cameVia: seed.cameVia,
    returning: 'unknown',
    note: '',
  };
}

/** A logged visit, to edit. */
export function draftOf(visit: VisitFields): VisitDraft {
  return {
    categories: [...visit.categories],
    civicInformation: visit.civicInformation,
    device: visit.device,
    language: visit.language,
    duration: String(visit.durationMinutes),
    outcome: visit.outcome,
    referredTo: visit.referredTo,
    cameVia: visit.cameVia,
    returning: visit.returning,
    note: visit.note ?? '',
  };
}

/** Whole minutes since the visit started, at least 1 (a visit saved straight away still took a minute). */
export function elapsedMinutes(startedAt: number, now: number): number {
  return Math.max(VISIT_LIMITS.minMinutes, Math.round((now - startedAt) / 60_000));
}

const WHOLE = /^\d{1,4}$/;

/** What is wrong, in plain Swedish, field by field (the API checks the same limits). */
export function visitProblems(draft: VisitDraft): VisitProblems {
  const problems: VisitProblems = {};
  if (draft.categories.length === 0) problems.categories = 'Välj minst ett ämne som besöket gällde.';
  else if (draft.categories.length > VISIT_LIMITS.categoriesMax) problems.categories = `Välj högst ${VISIT_LIMITS.categoriesMax} ämnen.`;
  if (!draft.outcome) problems.outcome = 'Välj hur det gick.';
  else if (draft.outcome === 'referred' && !draft.referredTo) problems.referredTo = 'Välj vart du hänvisade personen.';
  const minutes = draft.duration.trim();
  if (!WHOLE.test(minutes) || Number(minutes) < VISIT_LIMITS.minMinutes || Number(minutes) > VISIT_LIMITS.maxMinutes) {
    problems.durationMinutes = `Skriv hur många minuter besöket tog, från ${VISIT_LIMITS.minMinutes} till ${VISIT_LIMITS.maxMinutes}.`;
  }
  const note = draft.note.trim();
  if ([...note].length > VISIT_LIMITS.noteMax) problems.note = `Skriv högst ${VISIT_LIMITS.noteMax} tecken. Nu är det ${[...note].length}.`;
  else if (looksLikeIdentityNumber(note)) problems.note = 'Ta bort personnumret. Skriv inga uppgifter som pekar ut personen.';
  return problems;
}

/** The visit as sent: numbers as numbers, "Hänvisad till" only with the outcome "referred", a blank note as null. */
export function toVisitFields(draft: VisitDraft): VisitFields {
  return {
    categories: [...draft.categories],
    civicInformation: draft.civicInformation,
    device: draft.device,
    language: draft.language,
    durationMinutes: Number(draft.duration.trim()),
    outcome: draft.outcome ?? 'solved',
    referredTo: draft.outcome === 'referred' ? draft.referredTo : null,
    cameVia: draft.cameVia,
    returning: draft.returning,
    note: draft.note.trim() || null,
  };
}
