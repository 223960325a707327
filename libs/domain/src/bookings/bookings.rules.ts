import { BookingError, type BookingFieldProblems } from './bookings.errors';
import {
  BOOKING_LIMITS,
  DEFAULT_LANGUAGE,
  LANGUAGES,
  VISIT_CATEGORIES,
  type BookingInput,
  type Language,
  type VisitCategory,
} from './bookings.types';
import { isUuid } from '../shared/ids';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to answer in: the first candidate that is one of ours. An Accept-Language header
 * ("ar-SE,ar;q=0.9,en;q=0.5") is read in its own order of preference.
 */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    for (const part of (candidate ?? '').split(',')) {
      const code = part.trim().split(';')[0]?.split('-')[0]?.toLowerCase();
      if (isLanguage(code)) return code;
    }
  }
  return DEFAULT_LANGUAGE;
}

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,18}$/;
const REF = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const ALLOWED_KEYS = new Set(['slotId', 'name', 'email', 'phone', 'language', 'topics', 'ownDevice', 'needs', 'ref', 'website']);

/** Trimmed text, `null` for blank or absent, `undefined` when the value is not text at all. */
function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text : null;
}

/** Checks and tidies a booking request from the outside world. Every problem is reported at once, in `lang`. */
export function parseBookingRequest(body: unknown, lang: Language): BookingInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw BookingError.invalid({ body: 'required' }, lang);
  const raw = body as Record<string, unknown>;
  const problems: BookingFieldProblems = {};
  const unknownKey = Object.keys(raw).find((key) => !ALLOWED_KEYS.has(key));
  if (unknownKey) problems.body = 'unknownField';

  const slotId = isUuid(raw['slotId']) ? raw['slotId'].toLowerCase() : null;
  if (!slotId) problems.slotId = 'slotInvalid';

  const name = optionalText(raw['name']);
  if (name === undefined) problems.name = 'notText';
  else if (!name) problems.name = 'nameRequired';
  else if ([...name].length > BOOKING_LIMITS.nameMax) problems.name = 'nameTooLong';

  const email = optionalText(raw['email']);
  if (email === undefined || (email && (email.length > BOOKING_LIMITS.emailMax || !EMAIL.test(email)))) problems.email = 'emailInvalid';

  const phone = optionalText(raw['phone']);
  if (phone === undefined || (phone && !PHONE.test(phone))) problems.phone = 'phoneInvalid';

  const language = raw['language'] === undefined ? lang : raw['language'];
  if (!isLanguage(language)) problems.language = 'languageInvalid';

  const topics = raw['topics'];
  let chosen: VisitCategory[] = [];
  if (!Array.isArray(topics) || topics.length === 0) problems.topics = 'topicsRequired';
  else if (!topics.every((t): t is VisitCategory => typeof t === 'string' && (VISIT_CATEGORIES as readonly string[]).includes(t))) problems.topics = 'topicUnknown';
  else {
    chosen = [...new Set(topics)];
    if (chosen.length > BOOKING_LIMITS.topicsMax) problems.topics = 'topicsTooMany';
  }

  const ownDevice = raw['ownDevice'] ?? null;
  if (ownDevice !== null && typeof ownDevice !== 'boolean') problems.ownDevice = 'yesNo';

  const needs = optionalText(raw['needs']);
  if (needs === undefined) problems.needs = 'notText';
  else if (needs && [...needs].length > BOOKING_LIMITS.needsMax) problems.needs = 'needsTooLong';

  const ref = optionalText(raw['ref']);
  if (ref === undefined || (ref && !REF.test(ref))) problems.ref = 'refInvalid';

  if (Object.keys(problems).length > 0) throw BookingError.invalid(problems, isLanguage(language) ? language : lang);
  // A filled-in honeypot is a bot: refused without saying why.
  if (raw['website'] !== undefined && raw['website'] !== '') throw BookingError.refused(language as Language);

  return {
    slotId: slotId as string,
    name: name as string,
    email: email ? email.toLowerCase() : null,
    phone: phone ?? null,
    language: language as Language,
    topics: chosen,
    ownDevice: ownDevice as boolean | null,
    needs: needs ?? null,
    ref: ref ? ref.toUpperCase() : null,
  };
}

/** Checks the body of a move: `{ slotId }` and nothing else. */
export function parseMoveRequest(body: unknown, lang: Language): string {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const slotId = raw['slotId'];
  if (Object.keys(raw).some((k) => k !== 'slotId') || !isUuid(slotId)) {
    throw BookingError.invalid({ slotId: 'slotInvalid' }, lang);
  }
  return slotId.toLowerCase();
}

/**
 * The keys that identify one person's contact details, for the "at most N future bookings" limit:
 * the e-mail in lower case and the phone number as digits with a Swedish leading 0 read as +46.
 */
export function contactKeys(input: Pick<BookingInput, 'email' | 'phone'>): string[] {
  const keys: string[] = [];
  if (input.email) keys.push(`email:${input.email.toLowerCase()}`);
  if (input.phone) {
    let digits = input.phone.replace(/[^0-9+]/g, '');
    if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
    else if (digits.startsWith('0')) digits = `+46${digits.slice(1)}`;
    keys.push(`phone:${digits}`);
  }
  return keys;
}

// 32 symbols without 0/O and 1/I, so a code read aloud or from paper is not misread; 5 bits each.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short reference like "K7F-3QD" (30 bits) from six random bytes. Uniqueness is the database's job. */
export function referenceFrom(random: Uint8Array): string {
  if (random.length < 6) throw new Error('referenceFrom needs six random bytes');
  const chars = Array.from(random.subarray(0, 6), (byte) => REFERENCE_ALPHABET[byte & 31]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

/** "k7f 3qd", "K7F3QD" → "K7F-3QD"; null when it cannot be a reference. */
export function normalizeReference(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 6 || [...compact].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3)}`;
}

export interface BookableSlot {
  slotId: string;
  sessionId: string;
  start: Date;
  end: Date;
  seatsLeft: number;
  sessionCancelled: boolean;
}

/** Why a slot cannot take one more booking right now, or null when it can. */
export function bookingProblem(slot: BookableSlot, now: Date): 'full' | 'not-bookable' | null {
  if (slot.sessionCancelled || slot.start <= now) return 'not-bookable';
  return slot.seatsLeft > 0 ? null : 'full';
}

/** The free future times closest to the wanted one (before or after), nearest first. */
export function nearestAlternatives<T extends BookableSlot>(wanted: Date, candidates: readonly T[], now: Date, count = 3): T[] {
  return candidates
    .filter((c) => bookingProblem(c, now) === null)
    .sort((a, b) => Math.abs(a.start.getTime() - wanted.getTime()) - Math.abs(b.start.getTime() - wanted.getTime()) || a.start.getTime() - b.start.getTime())
    .slice(0, count);
}

export const REMINDER_LEAD_HOURS = 24;

/**
 * When to send the reminder: a day before the time. A booking made less than a day ahead gets none;
 * its confirmation is fresh.
 */
export function reminderTime(slotStart: Date, bookedAt: Date, leadHours = REMINDER_LEAD_HOURS): Date | null {
  const at = new Date(slotStart.getTime() - leadHours * 3_600_000);
  return at > bookedAt ? at : null;
}
