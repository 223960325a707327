import { DomainError } from '../shared/domain-error';
import { BookingErrorCode } from './bookings.errors';
import { PartnerErrorCode } from '../partners/partners.errors';
import { StaffBookingErrorCode } from './staff-bookings.errors';
import { assertMoveKeepsSite, assertStaffMayChange, assertStaffScope, mayCancelInRun, parseStaffBookingQuery, parseStaffCancel, parseStaffMove, shiftsOnDay, summariseRun, type RunBooking } from './staff-bookings.rules';
import type { StaffActor } from './staff-bookings.types';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const SITE = '11111111-1111-4111-8111-111111111111';
const OTHER_SITE = '22222222-2222-4222-8222-222222222222';
const SESSION = '33333333-3333-4333-8333-333333333333';
const OTHER_SESSION = '44444444-4444-4444-8444-444444444444';
const SLOT = '55555555-5555-4555-8555-555555555555';

const booking = (siteId = SITE, sessionId = SESSION) => ({ kind: 'booking' as const, siteId, sessionId });
const bookAt = (siteId = SITE) => ({ kind: 'book-at' as const, siteId });

describe('assertStaffScope', () => {
  it('lets a coordinator book at and change bookings of every site', () => {
    const coordinator: StaffActor = { role: 'coordinator' };
    expect(() => assertStaffScope(coordinator, bookAt(OTHER_SITE))).not.toThrow();
    expect(() => assertStaffScope(coordinator, booking(OTHER_SITE, OTHER_SESSION))).not.toThrow();
  });
  it('lets library staff book at and change bookings of their own site', () => {
    const staff: StaffActor = { role: 'library-staff', siteId: SITE };
    expect(() => assertStaffScope(staff, bookAt())).not.toThrow();
    expect(() => assertStaffScope(staff, booking())).not.toThrow();
  });
  it('refuses library staff another site (403 OTHER_SITE) when booking or changing', () => {
    const staff: StaffActor = { role: 'library-staff', siteId: SITE };
    expect(errorOf(() => assertStaffScope(staff, bookAt(OTHER_SITE))).code).toBe(PartnerErrorCode.OtherSite);
    expect(errorOf(() => assertStaffScope(staff, booking(OTHER_SITE))).code).toBe(PartnerErrorCode.OtherSite);
  });
  it('refuses library staff without a site everything', () => {
    expect(errorOf(() => assertStaffScope({ role: 'library-staff', siteId: null }, bookAt())).code).toBe(PartnerErrorCode.OtherSite);
  });
  it('lets a helper change bookings of a session they staff today, and book at its site', () => {
    const helper: StaffActor = { role: 'helper', shiftsToday: [{ sessionId: SESSION, siteId: SITE }] };
    expect(() => assertStaffScope(helper, booking())).not.toThrow();
    expect(() => assertStaffScope(helper, bookAt())).not.toThrow();
  });
  it('refuses a helper a session they do not staff today, even at the same site (403 NOT_ON_SHIFT_TODAY)', () => {
    const helper: StaffActor = { role: 'helper', shiftsToday: [{ sessionId: SESSION, siteId: SITE }] };
    expect(errorOf(() => assertStaffScope(helper, booking(SITE, OTHER_SESSION))).code).toBe(StaffBookingErrorCode.NotOnShiftToday);
    expect(errorOf(() => assertStaffScope(helper, bookAt(OTHER_SITE))).code).toBe(StaffBookingErrorCode.NotOnShiftToday);
  });
  it('refuses a helper with no shift today everything', () => {
    expect(errorOf(() => assertStaffScope({ role: 'helper' }, bookAt())).code).toBe(StaffBookingErrorCode.NotOnShiftToday);
  });
  it('lets a partner book anywhere but not see or change bookings', () => {
    expect(() => assertStaffScope({ role: 'partner' }, bookAt(OTHER_SITE))).not.toThrow();
    expect(errorOf(() => assertStaffScope({ role: 'partner' }, booking())).code).toBe(StaffBookingErrorCode.NotInScope);
  });
});

describe('shiftsOnDay', () => {
  const now = new Date('2026-11-23T22:30:00Z'); // 23:30 in Stockholm, 17:30 in New York
  it('keeps a shift on the same local date at its site', () => {
    const s = { id: 'a', start: new Date('2026-11-23T09:00:00Z'), timeZone: 'Europe/Stockholm' };
    expect(shiftsOnDay([s], now)).toEqual([s]);
  });
  it('drops a shift tomorrow at the site even when it is less than 24 hours away', () => {
    const s = { id: 'b', start: new Date('2026-11-24T08:00:00Z'), timeZone: 'Europe/Stockholm' };
    expect(shiftsOnDay([s], now)).toEqual([]);
  });
  it('reads "today" in the site\'s own time zone when the site is elsewhere', () => {
    // 23 November 19:00 in New York is 24 November in Stockholm, but still "today" at the New York site.
    const s = { id: 'c', start: new Date('2026-11-24T00:00:00Z'), timeZone: 'America/New_York' };
    expect(shiftsOnDay([s], now)).toEqual([s]);
  });
});

describe('assertMoveKeepsSite', () => {
  it('allows any site for a booking not made by library staff', () => {
    expect(() => assertMoveKeepsSite(null, OTHER_SITE, 'sv')).not.toThrow();
  });
  it('allows another time at the same site', () => {
    expect(() => assertMoveKeepsSite(SITE, SITE, 'sv')).not.toThrow();
  });
  it("refuses another site in the person's language when library staff made the booking", () => {
    const e = errorOf(() => assertMoveKeepsSite(SITE, OTHER_SITE, 'ar'));
    expect(e.code).toBe(BookingErrorCode.SiteFixed);
    expect(e.message).toMatch(/المكتبة/);
  });
});

describe('assertStaffMayChange', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('allows a confirmed booking that has not started', () => {
    expect(() => assertStaffMayChange({ status: 'confirmed', slotStart: new Date('2026-11-23T12:15:00Z') }, now)).not.toThrow();
  });
  it('refuses a booking whose time has started (409 BOOKING_STARTED, in Swedish)', () => {
    const e = errorOf(() => assertStaffMayChange({ status: 'confirmed', slotStart: now }, now));
    expect(e.code).toBe(BookingErrorCode.BookingStarted);
    expect(e.message).toMatch(/redan börjat/);
  });
  it('refuses a booking that is already cancelled', () => {
    expect(errorOf(() => assertStaffMayChange({ status: 'cancelled', slotStart: new Date('2027-01-01T10:00:00Z') }, now)).code).toBe(BookingErrorCode.BookingCancelled);
  });
});

describe('parseStaffCancel and parseStaffMove', () => {
  it('trims the reason when it is given', () => {
    expect(parseStaffCancel({ reason: '  Sjuk  ' })).toEqual({ reason: 'Sjuk' });
  });
  it('asks for a reason in Swedish when it is missing or blank', () => {
    for (const body of [{}, { reason: '   ' }, { reason: 7 }, null]) {
      const e = errorOf(() => parseStaffCancel(body));
      expect(e.code).toBe(StaffBookingErrorCode.InvalidChange);
      expect(e.fields?.['reason']).toMatch(/Skriv varför/);
    }
  });
  it('refuses a reason over 300 characters', () => {
    expect(errorOf(() => parseStaffCancel({ reason: 'x'.repeat(301) })).fields?.['reason']).toMatch(/300/);
  });
  it('refuses unknown fields', () => {
    expect(errorOf(() => parseStaffCancel({ reason: 'ok', extra: 1 })).fields?.['body']).toBeDefined();
  });
  it('takes a slot and a reason for a move', () => {
    expect(parseStaffMove({ slotId: SLOT.toUpperCase(), reason: 'Hon kan inte på tisdag' })).toEqual({ slotId: SLOT, reason: 'Hon kan inte på tisdag' });
  });
  it('names both fields when a move lacks a slot and a reason', () => {
    const e = errorOf(() => parseStaffMove({ slotId: 'nope' }));
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['reason', 'slotId']);
  });
});

describe('parseStaffBookingQuery', () => {
  it('tries a search as a reference, and as name words, when it reads like a reference', () => {
    const s = parseStaffBookingQuery({ q: 'k7f 3qd' });
    expect(s.reference).toBe('K7F-3QD');
    expect(s.phoneKey).toBeNull();
    expect(s.nameWords).toEqual(['k7f', '3qd']);
  });
  it('normalises a phone number the way bookings store it when the search is a number', () => {
    expect(parseStaffBookingQuery({ q: '070-123 45 67' }).phoneKey).toBe('phone:+46701234567');
    expect(parseStaffBookingQuery({ q: '+46 70 123 45 67' }).phoneKey).toBe('phone:+46701234567');
    expect(parseStaffBookingQuery({ q: '070-123 45 67' }).nameWords).toEqual([]);
  });
  it('searches a name without accents or case when the search is words', () => {
    const s = parseStaffBookingQuery({ q: 'Åsa ' });
    expect(s).toMatchObject({ reference: null, phoneKey: null, nameWords: ['asa'], page: 1 });
  });
  it('takes a site, a day and a session without a search', () => {
    expect(parseStaffBookingQuery({ siteId: SITE, date: '2026-11-23', sessionId: SESSION, page: '2' })).toMatchObject({ siteId: SITE, date: '2026-11-23', sessionId: SESSION, page: 2 });
  });
  it('takes "only flagged" alone or with a search, and is off unless asked for', () => {
    expect(parseStaffBookingQuery({ flagged: 'true' })).toMatchObject({ flaggedOnly: true, reference: null, siteId: null });
    expect(parseStaffBookingQuery({ siteId: SITE, flagged: 'false' }).flaggedOnly).toBe(false);
    expect(parseStaffBookingQuery({ siteId: SITE }).flaggedOnly).toBe(false);
  });
  it('refuses a flagged filter that is not true or false, and "not flagged" alone', () => {
    expect(errorOf(() => parseStaffBookingQuery({ siteId: SITE, flagged: 'yes' })).fields).toEqual({ flagged: 'Ange true eller false.' });
    expect(errorOf(() => parseStaffBookingQuery({ flagged: 'false' })).code).toBe(StaffBookingErrorCode.InvalidSearch);
  });
  it('refuses an empty query (never a list of every booking)', () => {
    expect(errorOf(() => parseStaffBookingQuery({})).code).toBe(StaffBookingErrorCode.InvalidSearch);
  });
  it('names each broken field when the ids, date or page are wrong', () => {
    const e = errorOf(() => parseStaffBookingQuery({ siteId: 'x', sessionId: 'y', date: '23/11', page: '0' }));
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['date', 'page', 'sessionId', 'siteId']);
  });
  it('refuses a parameter given twice', () => {
    expect(errorOf(() => parseStaffBookingQuery({ q: ['a', 'b'] })).fields?.['q']).toBeDefined();
  });
});

describe('suspicious runs for staff', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const later = new Date('2026-11-30T10:00:00Z');
  const aRunBooking = (overrides: Partial<RunBooking> = {}): RunBooking => ({ status: 'confirmed', slotStart: later, siteId: SITE, sessionId: SESSION, email: null, phone: null, ...overrides });

  it('lets a caller cancel the confirmed, coming bookings in their scope only', () => {
    const staff: StaffActor = { role: 'library-staff', siteId: SITE };
    expect(mayCancelInRun(staff, aRunBooking(), now)).toBe(true);
    expect(mayCancelInRun(staff, aRunBooking({ siteId: OTHER_SITE }), now)).toBe(false);
    expect(mayCancelInRun(staff, aRunBooking({ status: 'cancelled' }), now)).toBe(false);
    expect(mayCancelInRun(staff, aRunBooking({ slotStart: now }), now)).toBe(false);
  });
  it('counts the run, what the caller may cancel of it, and who is told by e-mail or needs a call', () => {
    const run = [
      aRunBooking({ email: 'a@example.org' }),
      aRunBooking({ phone: '070-123 45 67' }),
      aRunBooking(),
      aRunBooking({ siteId: OTHER_SITE, email: 'b@example.org' }),
      aRunBooking({ status: 'cancelled' }),
    ];
    expect(summariseRun('run-1', run, { role: 'library-staff', siteId: SITE }, now)).toEqual({ id: 'run-1', bookings: 5, cancellable: 3, toldByEmail: 1, phoneOnly: 1 });
    expect(summariseRun('run-1', run, { role: 'coordinator' }, now)).toMatchObject({ cancellable: 4, toldByEmail: 2 });
  });
});
