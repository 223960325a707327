import { localDateOf } from '../schedule/schedule.rules';
import { VisitError } from './visits.errors';
import {
  CAME_VIA,
  DEVICES,
  EQUIPMENT_KINDS,
  OUTCOMES,
  REFERRED_TO,
  RETURNING,
  VISIT_LIMITS,
  type EquipmentKind,
  type SessionReportInput,
  type VisitInput,
} from './visits.types';
import { isUuid } from '../shared/ids';

const LANGUAGE = /^[a-z]{2,3}$/;
// A Swedish personal identity or coordination number: YYMMDD-NNNN, YYYYMMDDNNNN and the like.
const IDENTITY_NUMBER = /(?<!\d)(?:19|20)?\d{2}[01]\d[0-9]\d[-+ ]?\d{4}(?!\d)/;

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** True when a text seems to hold a personal identity number, which visit notes must never keep. */
export function looksLikeIdentityNumber(text: string): boolean {
  return IDENTITY_NUMBER.test(text);
}

/**
 * Checks a logged visit from the helper's form (or the offline queue). `categories` are the keys a
 * visit may use (the built-in list and those coordinators added). Messages are for the helper, in Swedish.
 */
export function parseVisitInput(body: unknown, categories: ReadonlySet<string>): VisitInput {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const uuid = (key: string, message: string, optional = false): string | null => {
    const v = raw[key];
    if (optional && (v === null || v === undefined)) return null;
    if (isUuid(v)) return v.toLowerCase();
    fields[key] = message;
    return null;
  };
  const clientId = uuid('clientId', 'Besöket saknar id. Ladda om sidan och försök igen.');
  const sessionId = uuid('sessionId', 'Välj träffen besöket hörde till.');
  const bookingId = uuid('bookingId', 'Bokningen går inte att läsa.', true);

  const list = raw['categories'];
  let chosen: string[] = [];
  if (!Array.isArray(list) || list.length === 0) fields['categories'] = 'Välj minst en sak ni gjorde.';
  else if (!list.every((c): c is string => typeof c === 'string' && categories.has(c))) fields['categories'] = 'Välj bland kategorierna i listan.';
  else if ((chosen = [...new Set(list)]).length > VISIT_LIMITS.categoriesMax) fields['categories'] = `Välj högst ${VISIT_LIMITS.categoriesMax} kategorier.`;

  if (typeof raw['civicInformation'] !== 'boolean') fields['civicInformation'] = 'Svara ja eller nej: gav ni samhällsinformation?';
  if (!oneOf(DEVICES, raw['device'])) fields['device'] = 'Välj vilken enhet ni använde.';
  if (typeof raw['language'] !== 'string' || !LANGUAGE.test(raw['language'])) fields['language'] = 'Välj språket ni pratade.';

  const minutes = raw['durationMinutes'];
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < VISIT_LIMITS.minMinutes || minutes > VISIT_LIMITS.maxMinutes) {
    fields['durationMinutes'] = `Skriv hur många minuter besöket tog, mellan ${VISIT_LIMITS.minMinutes} och ${VISIT_LIMITS.maxMinutes}.`;
  }

  const outcome = raw['outcome'];
  if (!oneOf(OUTCOMES, outcome)) fields['outcome'] = 'Välj hur det gick.';
  const referredTo = raw['referredTo'] ?? null;
  if (outcome === 'referred' && !oneOf(REFERRED_TO, referredTo)) fields['referredTo'] = 'Välj vart personen hänvisades.';
  if (outcome !== 'referred' && referredTo !== null) fields['referredTo'] = 'Fyll bara i det här när personen hänvisades vidare.';

  if (!oneOf(CAME_VIA, raw['cameVia'])) fields['cameVia'] = 'Välj hur personen kom hit.';
  if (!oneOf(RETURNING, raw['returning'])) fields['returning'] = 'Välj ja, nej eller vet inte.';

  const noteRaw = raw['note'] ?? null;
  const note = typeof noteRaw === 'string' ? noteRaw.trim() || null : null;
  if (noteRaw !== null && typeof noteRaw !== 'string') fields['note'] = 'Anteckningen ska vara text.';
  else if (note && [...note].length > VISIT_LIMITS.noteMax) fields['note'] = `Skriv högst ${VISIT_LIMITS.noteMax} tecken.`;
  else if (note && looksLikeIdentityNumber(note)) fields['note'] = 'Anteckningen ser ut att innehålla ett personnummer. Ta bort det: skriv aldrig personnummer, namn eller hälsouppgifter.';

  if (Object.keys(fields).length) throw VisitError.invalid(fields);
  return {
    clientId: clientId as string,
    sessionId: sessionId as string,
    bookingId,
    categories: chosen,
    civicInformation: raw['civicInformation'] as boolean,
    device: raw['device'] as VisitInput['device'],
    language: raw['language'] as string,
    durationMinutes: minutes as number,
    outcome: outcome as VisitInput['outcome'],
    referredTo: referredTo as VisitInput['referredTo'],
    cameVia: raw['cameVia'] as VisitInput['cameVia'],
    returning: raw['returning'] as VisitInput['returning'],
    note,
  };
}

/** How early before the start a helper may log visits (setting up, early arrivals). */
export const EARLY_LOGGING_MINUTES = 30;

/** A visit can be logged by a helper on the session, once it is about to start, unless it is cancelled. */
export function assertCanLogVisit(session: { start: Date; status: 'planned' | 'cancelled' }, onShift: boolean, now: Date): void {
  if (!onShift) throw VisitError.notOnSession();
  if (session.status === 'cancelled') throw VisitError.cancelled();
  if (session.start.getTime() - EARLY_LOGGING_MINUTES * 60_000 > now.getTime()) throw VisitError.notStarted();
}

/** A helper checks in to their shift on the session's own day, before it has ended, unless it is cancelled or already closed. */
export function assertCanCheckIn(
  session: { start: Date; end: Date; status: 'planned' | 'cancelled'; timeZone: string },
  checkedOutAt: Date | null,
  now: Date,
): void {
  if (session.status === 'cancelled') throw VisitError.cancelled();
  if (localDateOf(session.start, session.timeZone) !== localDateOf(now, session.timeZone)) throw VisitError.notStarted();
  if (session.end <= now) throw VisitError.sessionOver();
  if (checkedOutAt) throw VisitError.alreadyCheckedOut();
}

/**
 * Where a shift's hours end: the check-out, or — for a helper who forgot to check out — the session's
 * end, flagged for the coordinator. Minutes are whole and never negative.
 */
export function closeShift(checkedInAt: Date, checkedOutAt: Date | null, sessionEnd: Date): { end: Date; minutes: number; flagged: boolean } {
  const end = checkedOutAt ?? sessionEnd;
  const minutes = Math.max(0, Math.round((end.getTime() - checkedInAt.getTime()) / 60_000));
  // More than a working day on one shift is a forgotten check-out too: capped, and flagged for the coordinator.
  return { end, minutes: Math.min(minutes, MAX_SHIFT_MINUTES), flagged: checkedOutAt === null || minutes > MAX_SHIFT_MINUTES };
}

export const MAX_SHIFT_MINUTES = 720;

/** Checks the end-of-session report. */
export function parseSessionReport(body: unknown): SessionReportInput {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const count = (key: string) => {
    const v = raw[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 500) return v;
    fields[key] = 'Skriv ett antal (0 eller fler).';
    return 0;
  };
  const counts = { booked: count('booked'), checkedIn: count('checkedIn'), noShows: count('noShows'), dropIns: count('dropIns'), visits: count('visits') };
  const equipmentRaw = raw['equipment'] ?? [];
  const equipment: { kind: EquipmentKind; note: string }[] = [];
  if (!Array.isArray(equipmentRaw) || equipmentRaw.length > EQUIPMENT_KINDS.length * 2) fields['equipment'] = 'Välj utrustningsproblem i listan.';
  else {
    for (const item of equipmentRaw as unknown[]) {
      const e = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      const note = typeof e['note'] === 'string' ? e['note'].trim() : '';
      if (!oneOf(EQUIPMENT_KINDS, e['kind']) || note.length > 300) fields['equipment'] = 'Välj utrustningen och skriv högst 300 tecken om problemet.';
      else equipment.push({ kind: e['kind'], note });
    }
  }
  const notesRaw = raw['notes'] ?? null;
  const notes = typeof notesRaw === 'string' ? notesRaw.trim() || null : null;
  if ((notesRaw !== null && typeof notesRaw !== 'string') || (notes && notes.length > 1000)) fields['notes'] = 'Skriv högst 1000 tecken.';
  if (Object.keys(fields).length) throw VisitError.invalid(fields);
  return { ...counts, equipment, notes };
}
