import type { Language, StaffBookingInput, VisitCategory } from '@digihjalpen/domain';
import { EMPTY_DRAFT, problemsOf, type BookingDraft, type DeviceAnswer, type Problem } from '../../public/booking-flow/booking-draft';

/** What the staff member has typed in for the person. Kept in memory only. */
export interface StaffDraft {
  topics: VisitCategory[];
  name: string;
  email: string;
  phone: string;
  language: Language;
  ownDevice: DeviceAnswer;
  needs: string;
}

export const EMPTY_STAFF_DRAFT: StaffDraft = { topics: [], name: '', email: '', phone: '', language: 'sv', ownDevice: '', needs: '' };

/** The form's fields: the request's names (the API's `fields` use the same), plus the site choice. */
export type StaffField = 'siteId' | 'slotId' | 'topics' | 'name' | 'email' | 'phone' | 'language' | 'ownDevice' | 'needs';

/** The same checks as the public form and the API (BOOKING_LIMITS), worded for staff: "the person", not "you". */
export function staffProblems(draft: StaffDraft, siteId: string | null, slotId: string | null): Partial<Record<StaffField, string>> {
  const asPublic: BookingDraft = { ...EMPTY_DRAFT, ...draft };
  const problems: Partial<Record<StaffField, Problem>> = {
    ...problemsOf(1, asPublic, slotId),
    ...problemsOf(2, asPublic, slotId),
    ...problemsOf(3, asPublic, slotId),
  };
  const messages: Partial<Record<StaffField, string>> = {};
  if (!siteId) messages.siteId = 'Välj ett bibliotek.';
  for (const [field, problem] of Object.entries(problems) as [StaffField, Problem][]) {
    // Without a library there are no times to choose yet: one message is enough.
    if (field === 'slotId' && !siteId) continue;
    messages[field] = message(problem);
  }
  return messages;
}

function message(problem: Problem): string {
  const max = problem.params?.['max'] ?? 0;
  switch (problem.key) {
    case 'slotRequired':
      return 'Välj en tid.';
    case 'topicsRequired':
      return 'Välj minst en sak som personen vill ha hjälp med.';
    case 'topicsMax':
      return `Välj högst ${max} saker.`;
    case 'nameRequired':
      return 'Skriv personens förnamn eller ett smeknamn.';
    case 'tooLong':
      return `Skriv högst ${max} tecken.`;
    case 'emailInvalid':
      return 'Skriv e-postadressen så här: namn@exempel.se';
    case 'phoneInvalid':
      return 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.';
    case 'needsTooLong':
      return `Skriv högst ${max} tecken. Nu är det ${problem.params?.['count'] ?? 0}.`;
    default:
      return 'Kontrollera det här fältet.';
  }
}

/** The POST body: trimmed; optional fields left out when empty, so nothing is stored that was not given. */
export function toStaffInput(draft: StaffDraft, slotId: string): StaffBookingInput {
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  const needs = draft.needs.trim();
  return {
    slotId,
    name: draft.name.trim(),
    language: draft.language,
    topics: [...draft.topics],
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(draft.ownDevice === 'yes' ? { ownDevice: true } : draft.ownDevice === 'no' ? { ownDevice: false } : {}),
    ...(needs ? { needs } : {}),
  };
}
