import { toPublicSite, type BookingCreatedView, type BookingView, type NextSessionView, type PublicSiteSummary, type Site } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import type { PublicSession, PublicSlot } from '../shared/data/public-api';

/** Test data for the public pages, in the API's shapes. Times are in Stockholm, far enough ahead to be "coming". */

export function aSiteSummary(site: Partial<Site> = {}, nextSessions: NextSessionView[] = []): PublicSiteSummary {
  return { ...toPublicSite(aSite(site)), nextSessions };
}

export function aNextSession(overrides: Partial<NextSessionView> = {}): NextSessionView {
  return { id: 'next-1', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T12:00:00+01:00', dropIn: true, seatsLeft: 3, ...overrides };
}

export function aSlot(start: string, end: string, seatsLeft = 2, id = `slot-${start}`): PublicSlot {
  return { id, start, end, seats: 2, seatsLeft };
}

/**
 * Tuesday 5 March 2030 10:00–11:00 in Stockholm: two 30-minute slots, "slot-a" (2 seats left) and
 * "slot-b" (1 left). Override `slots` for other shapes.
 */
export function aPublicSession(overrides: Partial<PublicSession> = {}): PublicSession {
  return {
    id: 'session-1',
    start: '2030-03-05T10:00:00+01:00',
    end: '2030-03-05T11:00:00+01:00',
    status: 'planned',
    dropIn: true,
    slots: [aSlot('2030-03-05T10:00:00+01:00', '2030-03-05T10:30:00+01:00', 2, 'slot-a'), aSlot('2030-03-05T10:30:00+01:00', '2030-03-05T11:00:00+01:00', 1, 'slot-b')],
    ...overrides,
  };
}

export function aBookingView(overrides: Partial<BookingView> = {}): BookingView {
  return {
    reference: 'K7F-3QD',
    status: 'confirmed',
    cancelledBy: null,
    sessionCancelReason: null,
    name: 'Amina',
    maskedEmail: 'a…@example.org',
    maskedPhone: null,
    language: 'sv',
    topicCount: 2,
    ownDevice: true,
    hasNeedsText: false,
    slot: { id: 'slot-a', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T10:30:00+01:00' },
    session: { id: 'session-1', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T11:00:00+01:00', dropIn: true },
    site: {
      slug: 'stadsbiblioteket',
      name: 'Stadsbiblioteket',
      address: 'Bibliotekstorget 1, 411 38 Staden',
      directions: 'Plan 2, vid fönstren.',
      accessibilityNotes: 'Hiss från entrén.',
      contactPhone: '010-123 45 00',
      timeZone: 'Europe/Stockholm',
    },
    calendarUrl: '/api/public/bookings/secret-token/calendar.ics',
    ...overrides,
  };
}

export function aCreatedBooking(overrides: Partial<BookingCreatedView> = {}): BookingCreatedView {
  return {
    ...aBookingView(),
    email: 'amina@example.org',
    phone: null,
    topics: ['bankid', 'email'],
    needs: null,
    manageToken: 'secret-token',
    manageUrl: 'http://localhost/bokning/secret-token?lang=sv',
    ...overrides,
  };
}
