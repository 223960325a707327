import { BookingError, BookingErrorCode } from './bookings.errors';
import {
  bookingProblem,
  contactKeys,
  nearestAlternatives,
  normalizeReference,
  parseBookingRequest,
  parseMoveRequest,
  pickLanguage,
  referenceFrom,
  reminderTime,
  type BookableSlot,
} from './bookings.rules';
import { aBookingRequest } from '../testing';

function problemOf(run: () => unknown): BookingError {
  try {
    run();
  } catch (e) {
    if (e instanceof BookingError) return e;
    throw e;
  }
  throw new Error('expected a BookingError');
}

describe('pickLanguage', () => {
  it('takes the first supported language when several candidates are given', () => {
    expect(pickLanguage(undefined, 'xx', 'ar')).toBe('ar');
  });
  it('reads an Accept-Language header in its order of preference when it has regions and weights', () => {
    expect(pickLanguage('de-DE,ar-SE;q=0.9,en;q=0.5')).toBe('ar');
  });
  it('falls back to Swedish when nothing matches', () => {
    expect(pickLanguage(null, 'fr')).toBe('sv');
  });
});

describe('parseBookingRequest', () => {
  it('tidies a valid request when it has spaces, a mixed-case e-mail and a lower-case referral code', () => {
    const input = parseBookingRequest(aBookingRequest({ name: '  Amina ', email: ' Amina@Example.ORG ', ref: 'kc-2027', needs: '  ' }), 'sv');
    expect(input).toMatchObject({ name: 'Amina', email: 'amina@example.org', ref: 'KC-2027', needs: null, phone: null, language: 'sv' });
  });

  it('removes repeated topics when the same tile is sent twice', () => {
    expect(parseBookingRequest(aBookingRequest({ topics: ['bankid', 'bankid', 'email'] }), 'sv').topics).toEqual(['bankid', 'email']);
  });

  it('reports every problem at once in the asked language when several fields are wrong', () => {
    const error = problemOf(() =>
      parseBookingRequest({ ...aBookingRequest({ language: 'en' }), slotId: 'nope', name: ' ', email: 'amina@', phone: 'abc', topics: [] }, 'sv'),
    );
    expect(error.code).toBe(BookingErrorCode.InvalidBooking);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'name', 'phone', 'slotId', 'topics']);
    expect(error.fields?.['name']).toBe('Write your first name or a nickname.');
  });

  it('answers in Arabic when the request asks for Arabic', () => {
    const error = problemOf(() => parseBookingRequest(aBookingRequest({ language: 'ar', name: '' }), 'sv'));
    expect(error.message).toMatch(/الحجز/);
  });

  it('refuses unknown topics, more than five topics and too long texts', () => {
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ topics: ['hacking' as never] }), 'sv')).fields).toHaveProperty('topics');
    const six = ['bankid', 'email', 'passwords', 'banking', 'scams', 'other'] as const;
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ topics: [...six] }), 'sv')).fields?.['topics']).toMatch(/högst 5/);
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ name: 'x'.repeat(41) }), 'sv')).fields).toHaveProperty('name');
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ needs: 'x'.repeat(301) }), 'sv')).fields).toHaveProperty('needs');
  });

  it('refuses values of the wrong type without throwing anything but a booking error', () => {
    for (const body of [null, [], 'text', 42, { ...aBookingRequest(), name: 12 }, { ...aBookingRequest(), topics: 'bankid' }, { ...aBookingRequest(), ownDevice: 'yes' }]) {
      expect(problemOf(() => parseBookingRequest(body, 'sv')).code).toBe(BookingErrorCode.InvalidBooking);
    }
  });

  it('refuses fields that are not part of a booking, such as a personal identity number', () => {
    expect(problemOf(() => parseBookingRequest({ ...aBookingRequest(), personnummer: '19800101-1234' }, 'sv')).fields).toHaveProperty('body');
  });

  it('refuses a referral code with spaces or symbols', () => {
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ ref: 'KC 2027<' }), 'sv')).fields).toHaveProperty('ref');
  });

  it('refuses a request whose honeypot field is filled in, after checking the fields', () => {
    expect(problemOf(() => parseBookingRequest(aBookingRequest({ website: 'http://spam.example' }), 'sv')).code).toBe(BookingErrorCode.Refused);
  });
});

describe('parseMoveRequest', () => {
  it('returns the new slot when the body is only a slot id', () => {
    expect(parseMoveRequest({ slotId: '00000000-0000-4000-8000-00000000ABCD' }, 'sv')).toBe('00000000-0000-4000-8000-00000000abcd');
  });
  it('refuses other fields and missing slots', () => {
    expect(problemOf(() => parseMoveRequest({ slotId: '00000000-0000-4000-8000-00000000abcd', name: 'x' }, 'en')).fields?.['slotId']).toBe('Choose a time from the list.');
    expect(problemOf(() => parseMoveRequest(null, 'sv')).code).toBe(BookingErrorCode.InvalidBooking);
  });
});

describe('contactKeys', () => {
  it('treats 070-123 45 67, +46701234567 and 0046 70 123 45 67 as the same phone', () => {
    const keys = ['070-123 45 67', '+46701234567', '0046 70 123 45 67'].map((phone) => contactKeys({ email: null, phone }));
    expect(new Set(keys.flat())).toEqual(new Set(['phone:+46701234567']));
  });
  it('gives one key per contact detail when both are given', () => {
    expect(contactKeys({ email: 'A@B.se', phone: null })).toEqual(['email:a@b.se']);
  });
});

describe('referenceFrom', () => {
  it('makes a code of two groups of three from unambiguous characters', () => {
    expect(referenceFrom(Uint8Array.from([0, 1, 2, 31, 30, 29]))).toBe('234-ZYX');
    expect(referenceFrom(Uint8Array.from([255, 8, 40, 13, 16, 22]))).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
  });
  it('reads a reference back however it was typed', () => {
    expect(normalizeReference(' k7f 3qd ')).toBe('K7F-3QD');
    expect(normalizeReference('K7F-3Q0')).toBeNull();
  });
});

const at = (iso: string) => new Date(iso);
function aSlot(overrides: Partial<BookableSlot> = {}): BookableSlot {
  return { slotId: 's', sessionId: 'x', start: at('2027-03-30T08:00:00Z'), end: at('2027-03-30T08:30:00Z'), seatsLeft: 1, sessionCancelled: false, ...overrides };
}

describe('bookingProblem', () => {
  const now = at('2027-03-29T12:00:00Z');
  it('allows a future slot with a seat left', () => expect(bookingProblem(aSlot(), now)).toBeNull());
  it('calls a slot without seats full', () => expect(bookingProblem(aSlot({ seatsLeft: 0 }), now)).toBe('full'));
  it('refuses a slot that has started', () => expect(bookingProblem(aSlot({ start: now }), now)).toBe('not-bookable'));
  it('refuses a slot in a cancelled session even with seats', () => expect(bookingProblem(aSlot({ sessionCancelled: true }), now)).toBe('not-bookable'));
});

describe('nearestAlternatives', () => {
  const now = at('2027-03-29T12:00:00Z');
  it('offers the free future times nearest the wanted one, earlier or later', () => {
    const wanted = at('2027-03-30T09:00:00Z');
    const slots = [
      aSlot({ slotId: 'far', start: at('2027-04-06T09:00:00Z') }),
      aSlot({ slotId: 'before', start: at('2027-03-30T08:30:00Z') }),
      aSlot({ slotId: 'full', start: at('2027-03-30T09:00:00Z'), seatsLeft: 0 }),
      aSlot({ slotId: 'after', start: at('2027-03-30T09:30:00Z') }),
      aSlot({ slotId: 'past', start: at('2027-03-29T11:00:00Z') }),
      aSlot({ slotId: 'cancelled', start: at('2027-03-30T09:00:00Z'), sessionCancelled: true }),
    ];
    expect(nearestAlternatives(wanted, slots, now, 3).map((s) => s.slotId)).toEqual(['before', 'after', 'far']);
  });
});

describe('reminderTime', () => {
  it('is 24 hours before the time, also across the change to summer time', () => {
    // 2027-03-28 is the last Sunday of March: 24 real hours before Monday 10:00 CEST is Sunday 09:00 CEST.
    expect(reminderTime(at('2027-03-29T08:00:00Z'), at('2027-03-20T12:00:00Z'))).toEqual(at('2027-03-28T08:00:00Z'));
  });
  it('is none when the booking is made less than a day ahead', () => {
    expect(reminderTime(at('2027-03-29T08:00:00Z'), at('2027-03-28T09:00:00Z'))).toBeNull();
  });
});
