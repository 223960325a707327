import { BOOKING_LIMITS, type BookingRequest, type Language, type VisitCategory } from '@digihjalpen/domain';

/** The four screens of the booking flow: time, what for, about you, check and book. */
export const STEP_COUNT = 4;
export type Step = 1 | 2 | 3 | 4;

/** "Do you bring your own phone, tablet or computer?" — "not sure" and no answer both mean null. */
export type DeviceAnswer = 'yes' | 'no' | 'unsure' | '';

/** What the person has typed so far. Kept in memory only: nothing is stored in the browser. */
export interface BookingDraft {
  topics: VisitCategory[];
  name: string;
  email: string;
  phone: string;
  /** null: follow the page's language until the person picks one. */
  language: Language | null;
  ownDevice: DeviceAnswer;
  needs: string;
  /** Honeypot: people never see it; bots fill it in. */
  website: string;
}

export const EMPTY_DRAFT: BookingDraft = { topics: [], name: '', email: '', phone: '', language: null, ownDevice: '', needs: '', website: '' };

/** The request's field names (the API's `fields` use the same). */
export type BookingField = 'slotId' | 'topics' | 'name' | 'email' | 'phone' | 'language' | 'ownDevice' | 'needs' | 'ref';

/** Which screen asks for a field: a server error sends the person back there. */
export const STEP_OF_FIELD: Readonly<Record<BookingField, Step>> = {
  slotId: 1,
  topics: 2,
  name: 3,
  email: 3,
  phone: 3,
  language: 3,
  ownDevice: 3,
  needs: 3,
  ref: 4,
};

export function stepOfField(field: string): Step {
  return (STEP_OF_FIELD as Record<string, Step | undefined>)[field] ?? STEP_COUNT;
}

/** A problem as a translation key (under `booking.errors`) and its parameters. */
export interface Problem {
  key: string;
  params?: Record<string, number>;
}
export type Problems = Partial<Record<BookingField, Problem>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators; at least five digits. */
const PHONE = /^\+?[\d\s\-()]+$/;

/** The step number from ?steg= (1 when missing or odd). */
export function stepFrom(value: string | null | undefined): Step {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= STEP_COUNT ? (n as Step) : 1;
}

/** What is wrong on one screen, mirroring the API's checks (BOOKING_LIMITS). */
export function problemsOf(step: Step, draft: BookingDraft, slotId: string | null): Problems {
  const problems: Problems = {};
  switch (step) {
    case 1:
      if (!slotId) problems.slotId = { key: 'slotRequired' };
      break;
    case 2:
      if (draft.topics.length === 0) problems.topics = { key: 'topicsRequired' };
      else if (draft.topics.length > BOOKING_LIMITS.topicsMax) problems.topics = { key: 'topicsMax', params: { max: BOOKING_LIMITS.topicsMax } };
      break;
    case 3: {
      const name = draft.name.trim();
      const email = draft.email.trim();
      const phone = draft.phone.trim();
      if (!name) problems.name = { key: 'nameRequired' };
      else if (name.length > BOOKING_LIMITS.nameMax) problems.name = { key: 'tooLong', params: { max: BOOKING_LIMITS.nameMax } };
      if (email.length > BOOKING_LIMITS.emailMax) problems.email = { key: 'tooLong', params: { max: BOOKING_LIMITS.emailMax } };
      else if (email && !EMAIL.test(email)) problems.email = { key: 'emailInvalid' };
      if (phone.length > BOOKING_LIMITS.phoneMax) problems.phone = { key: 'tooLong', params: { max: BOOKING_LIMITS.phoneMax } };
      else if (phone && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5)) problems.phone = { key: 'phoneInvalid' };
      const needs = draft.needs.trim();
      if (needs.length > BOOKING_LIMITS.needsMax) problems.needs = { key: 'needsTooLong', params: { max: BOOKING_LIMITS.needsMax, count: needs.length } };
      break;
    }
    case 4:
      break;
  }
  return problems;
}

/** The first screen that still has something missing or wrong; 4 when everything is in place. */
export function firstIncompleteStep(draft: BookingDraft, slotId: string | null): Step {
  for (const step of [1, 2, 3] as const) {
    if (Object.keys(problemsOf(step, draft, slotId)).length) return step;
  }
  return 4;
}

/** A referral code from the link, or null when it is missing or longer than the API accepts. */
export function cleanRef(ref: string | null | undefined): string | null {
  const trimmed = ref?.trim() ?? '';
  return trimmed && trimmed.length <= BOOKING_LIMITS.refMax ? trimmed : null;
}

/** The POST body: trimmed, empty optional fields as null, the language the page is read in unless chosen. */
export function toRequest(draft: BookingDraft, slotId: string, pageLanguage: Language, ref: string | null): BookingRequest {
  const optional = (value: string) => value.trim() || null;
  return {
    slotId,
    name: draft.name.trim(),
    email: optional(draft.email),
    phone: optional(draft.phone),
    language: draft.language ?? pageLanguage,
    topics: [...draft.topics],
    ownDevice: draft.ownDevice === 'yes' ? true : draft.ownDevice === 'no' ? false : null,
    needs: optional(draft.needs),
    ref: cleanRef(ref),
    website: draft.website,
  };
}
