import type { VisitInput } from './visits/visits.types';
import type { SignInThrottleView } from './auth/sign-in-throttle.types';
import type { BookingRequest } from './bookings/bookings.types';
import type { ScheduleInput } from './schedule/schedule.types';
import { DEFAULT_TIME_ZONE, type Site } from './sites/sites.types';

let sequence = 0;

/** A valid site; override only what the test is about. */
export function aSite(overrides: Partial<Site> = {}): Site {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    slug: `bibliotek-${sequence}`,
    name: `Bibliotek ${sequence}`,
    address: `Storgatan ${sequence}, 111 22 Staden`,
    directions: '',
    accessibilityNotes: '',
    contactPhone: null,
    timeZone: DEFAULT_TIME_ZONE,
    languages: ['sv'],
    active: true,
    ...overrides,
  };
}

/** A valid weekly schedule: Tuesdays 10:00–12:00 from 2026-01-06, 30-minute slots, 2 seats. */
export function aSchedule(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    weekdays: [2],
    startTime: '10:00',
    endTime: '12:00',
    validFrom: '2026-01-06',
    validUntil: null,
    slotMinutes: 30,
    seatsPerSlot: 2,
    dropIn: true,
    helpersNeeded: 2,
    ...overrides,
  };
}

/** A valid booking request as the form sends it; pass the slot to book. */
export function aBookingRequest(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    slotId: '00000000-0000-4000-8000-00000000abcd',
    name: 'Amina',
    email: null,
    phone: null,
    language: 'sv',
    topics: ['bankid'],
    ownDevice: true,
    needs: null,
    website: '',
    ...overrides,
  };
}

/** A valid visit as the helper's form sends it; pass the session (and a fresh clientId per visit). */
export function aVisitInput(overrides: Partial<VisitInput> = {}): VisitInput {
  sequence += 1;
  return {
    clientId: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    sessionId: '00000000-0000-4000-8000-00000000cafe',
    bookingId: null,
    categories: ['bankid'],
    civicInformation: false,
    device: 'own-phone',
    language: 'sv',
    durationMinutes: 20,
    outcome: 'solved',
    referredTo: null,
    cameVia: 'drop-in',
    returning: 'unknown',
    note: null,
    ...overrides,
  };
}

/** A throttled sign-in as coordinators see it (GET /api/sign-in-throttles); override only what the test is about. */
export function aSignInThrottle(overrides: Partial<SignInThrottleView> = {}): SignInThrottleView {
  sequence += 1;
  return {
    id: `70000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    kind: 'account',
    email: 'karin@example.org',
    name: 'Karin Lindqvist',
    address: '198.51.100.7',
    failures: 7,
    blockedUntil: '2026-11-23T12:15:00Z',
    lastFailureAt: '2026-11-23T12:00:00Z',
    ...overrides,
  };
}
