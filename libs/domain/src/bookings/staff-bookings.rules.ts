import { PartnerError } from '../partners/partners.errors';
import { localDateOf } from '../schedule/schedule.rules';
import { isUuid } from '../shared/ids';
import { searchWords } from '../shared/paging';
import { BookingError } from './bookings.errors';
import { contactKeys, normalizeReference } from './bookings.rules';
import { StaffBookingError } from './staff-bookings.errors';
import type { Language } from './bookings.types';
import type { SuspiciousRunSummary } from './booking-limits.types';
import { STAFF_REASON_MAX, type ScopeTarget, type ShiftOfDay, type StaffActor, type StaffBookingSearch } from './staff-bookings.types';

/**
 * The one scope rule for staff bookings (booking for someone, seeing, cancelling and moving a booking):
 * - coordinators: every site;
 * - library staff: their own site only (403 OTHER_SITE);
 * - helpers: the sessions they have a shift on today; they may book at the sites of those sessions (403 NOT_ON_SHIFT_TODAY);
 * - partners: may book for people anywhere, but not see or change bookings (403 BOOKING_NOT_IN_SCOPE).
 */
export function assertStaffScope(actor: StaffActor, target: ScopeTarget): void {
  switch (actor.role) {
    case 'coordinator':
      return;
    case 'library-staff':
      if (!actor.siteId || actor.siteId !== target.siteId) throw PartnerError.otherSite();
      return;
    case 'helper': {
      const shifts = actor.shiftsToday ?? [];
      const ok = target.kind === 'booking' ? shifts.some((s) => s.sessionId === target.sessionId) : shifts.some((s) => s.siteId === target.siteId);
      if (!ok) throw StaffBookingError.notOnShiftToday();
      return;
    }
    case 'partner':
      if (target.kind === 'booking') throw StaffBookingError.notInScope();
      return;
  }
}

/** The shifts whose session is on today's date at its own site (the site's time zone decides "today"). */
export function shiftsOnDay<T extends Pick<ShiftOfDay, 'start' | 'timeZone'>>(shifts: readonly T[], now: Date): T[] {
  return shifts.filter((s) => localDateOf(s.start, s.timeZone) === localDateOf(now, s.timeZone));
}

/** A booking made by library staff keeps to their site: its manage link may not move it to another site. */
export function assertMoveKeepsSite(keptToSiteId: string | null, targetSiteId: string, lang: Language): void {
  if (keptToSiteId && keptToSiteId !== targetSiteId) throw BookingError.siteFixed(lang);
}

/** One booking of a suspicious run, as the run's summary and bulk cancel see it. */
export interface RunBooking {
  status: 'confirmed' | 'cancelled';
  slotStart: Date;
  siteId: string;
  sessionId: string;
  email: string | null;
  phone: string | null;
}

/** Whether this caller may cancel this booking of a run now: confirmed, not started, and in their scope. */
export function mayCancelInRun(actor: StaffActor, booking: RunBooking, now: Date): boolean {
  if (booking.status !== 'confirmed' || booking.slotStart <= now) return false;
  try {
    assertStaffScope(actor, { kind: 'booking', siteId: booking.siteId, sessionId: booking.sessionId });
    return true;
  } catch {
    return false;
  }
}

/** What a flagged booking's page says about its run: how many, how many the caller may cancel, who is told how. */
export function summariseRun(id: string, bookings: readonly RunBooking[], actor: StaffActor, now: Date): SuspiciousRunSummary {
  const cancellable = bookings.filter((b) => mayCancelInRun(actor, b, now));
  return {
    id,
    bookings: bookings.length,
    cancellable: cancellable.length,
    toldByEmail: cancellable.filter((b) => b.email).length,
    phoneOnly: cancellable.filter((b) => !b.email && b.phone).length,
  };
}

/** Staff may change a booking only while it is confirmed and its time has not started (409 otherwise). */
export function assertStaffMayChange(booking: { status: 'confirmed' | 'cancelled'; slotStart: Date }, now: Date): void {
  if (booking.status !== 'confirmed') throw BookingError.alreadyCancelled('sv');
  if (booking.slotStart <= now) throw BookingError.started('sv');
}

const asRecord = (body: unknown): Record<string, unknown> => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

function reasonProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'Skriv varför. Personen får läsa det i sitt meddelande.';
  if ([...value.trim()].length > STAFF_REASON_MAX) return `Skriv högst ${STAFF_REASON_MAX} tecken.`;
  return null;
}

/** `{ reason }`: why the booking is cancelled. The reason is required; it goes to the person. */
export function parseStaffCancel(body: unknown): { reason: string } {
  const raw = asRecord(body);
  const fields: Record<string, string> = {};
  const problem = reasonProblem(raw['reason']);
  if (problem) fields['reason'] = problem;
  if (Object.keys(raw).some((k) => k !== 'reason')) fields['body'] = 'Fältet finns inte i en avbokning.';
  if (Object.keys(fields).length) throw StaffBookingError.invalidChange(fields);
  return { reason: (raw['reason'] as string).trim() };
}

/** `{ slotId, reason }`: the new time and why. */
export function parseStaffMove(body: unknown): { slotId: string; reason: string } {
  const raw = asRecord(body);
  const fields: Record<string, string> = {};
  if (!isUuid(raw['slotId'])) fields['slotId'] = 'Välj en ny tid i listan.';
  const problem = reasonProblem(raw['reason']);
  if (problem) fields['reason'] = problem;
  if (Object.keys(raw).some((k) => k !== 'reason' && k !== 'slotId')) fields['body'] = 'Fältet finns inte i en flytt.';
  if (Object.keys(fields).length) throw StaffBookingError.invalidChange(fields);
  return { slotId: (raw['slotId'] as string).toLowerCase(), reason: (raw['reason'] as string).trim() };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_LIKE = /^\+?[0-9][0-9 ()-]{5,18}$/;

/**
 * The staff list's query. The search text is tried as everything it can be at once: a reference
 * ("k7f 3qd"), a phone number (normalised as bookings store it: 070… = +4670…) and words of a name.
 * At least a search, a site, a day, a session or "only flagged" is needed, so a list is never "every booking".
 */
export function parseStaffBookingQuery(query: Record<string, unknown>): StaffBookingSearch {
  const fields: Record<string, string> = {};
  const text = (key: string): string | null => {
    const v = query[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') {
      fields[key] = 'Ange bara ett värde.';
      return null;
    }
    return v.trim() || null;
  };
  const q = text('q');
  const siteId = text('siteId');
  const date = text('date');
  const sessionId = text('sessionId');
  const pageText = text('page');
  const flaggedText = text('flagged');
  if (flaggedText !== null && flaggedText !== 'true' && flaggedText !== 'false') fields['flagged'] = 'Ange true eller false.';
  const flaggedOnly = flaggedText === 'true';
  if (q && [...q].length > 60) fields['q'] = 'Skriv högst 60 tecken.';
  if (siteId && !isUuid(siteId)) fields['siteId'] = 'Välj ett bibliotek i listan.';
  if (sessionId && !isUuid(sessionId)) fields['sessionId'] = 'Välj en träff i listan.';
  if (date && (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) fields['date'] = 'Skriv datumet som ÅÅÅÅ-MM-DD.';
  const page = pageText === null ? 1 : Number(pageText);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) fields['page'] = 'Sidan ska vara ett heltal från 1.';
  if (!q && !siteId && !date && !sessionId && !flaggedOnly && !Object.keys(fields).length) fields['q'] = 'Sök på bokningsnummer, namn eller telefon, eller välj en dag eller träff.';
  if (Object.keys(fields).length) throw StaffBookingError.invalidSearch(fields);
  const phoneKey = q && PHONE_LIKE.test(q) && q.replace(/\D/g, '').length >= 6 ? (contactKeys({ email: null, phone: q })[0] ?? null) : null;
  return {
    reference: q ? normalizeReference(q) : null,
    phoneKey,
    nameWords: q && !phoneKey ? searchWords(q) : [],
    siteId: siteId?.toLowerCase() ?? null,
    date,
    sessionId: sessionId?.toLowerCase() ?? null,
    flaggedOnly,
    page,
  };
}
