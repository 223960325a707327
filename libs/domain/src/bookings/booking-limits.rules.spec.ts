import { DomainError } from '../shared/domain-error';
import { BookingErrorCode, BOOKING_ERROR_TEXTS } from './bookings.errors';
import {
  assertContactLimit,
  assertContactlessRoom,
  completesSuspiciousRun,
  contactlessDayToCheck,
  countsAsContactless,
  countsTowardContactLimit,
  looksLikeProof,
  parseConfirmContact,
  suspiciousRunSince,
} from './booking-limits.rules';
import type { ContactLimitCandidate } from './booking-limits.types';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const PHONE = 'hash-of-phone';
const EMAIL = 'hash-of-email';
const HOME = 'hash-of-home-network';
const LIBRARY = 'hash-of-library-network';
const candidate = (overrides: Partial<ContactLimitCandidate> = {}): ContactLimitCandidate => ({ contactKeys: [PHONE], confirmedKeys: [], originHash: HOME, ...overrides });

describe('countsTowardContactLimit', () => {
  it('does not count an unconfirmed booking made from another network (someone else used the number)', () => {
    expect(countsTowardContactLimit(candidate(), { keys: [PHONE], originHash: LIBRARY })).toBe(false);
  });
  it('counts an unconfirmed booking made from the same network', () => {
    expect(countsTowardContactLimit(candidate(), { keys: [PHONE], originHash: HOME })).toBe(true);
  });
  it('counts a booking whose shared contact was confirmed, from any network', () => {
    expect(countsTowardContactLimit(candidate({ confirmedKeys: [PHONE] }), { keys: [PHONE], originHash: LIBRARY })).toBe(true);
  });
  it('does not count a booking confirmed through another contact than the one shared (an e-mail confirmed does not confirm the phone)', () => {
    const b = candidate({ contactKeys: [EMAIL, PHONE], confirmedKeys: [EMAIL] });
    expect(countsTowardContactLimit(b, { keys: [PHONE], originHash: LIBRARY })).toBe(false);
    expect(countsTowardContactLimit(b, { keys: [EMAIL], originHash: LIBRARY })).toBe(true);
  });
  it('counts nothing that shares no contact key', () => {
    expect(countsTowardContactLimit(candidate({ confirmedKeys: [PHONE] }), { keys: [EMAIL], originHash: HOME })).toBe(false);
  });
  it('counts only confirmed contacts for a staff booking (no network), and never matches two unknown networks', () => {
    expect(countsTowardContactLimit(candidate({ originHash: null }), { keys: [PHONE], originHash: null })).toBe(false);
    expect(countsTowardContactLimit(candidate({ originHash: null, confirmedKeys: [PHONE] }), { keys: [PHONE], originHash: null })).toBe(true);
  });
});

describe('assertContactLimit', () => {
  it('lets a booking through below the limit', () => {
    expect(() => assertContactLimit([candidate(), candidate()], { keys: [PHONE], originHash: HOME }, 3, 'sv')).not.toThrow();
  });
  it('refuses at the limit with TOO_MANY_BOOKINGS in the person’s language', () => {
    const e = errorOf(() => assertContactLimit([candidate(), candidate(), candidate()], { keys: [PHONE], originHash: HOME }, 3, 'en'));
    expect(e.code).toBe(BookingErrorCode.TooManyBookings);
    expect(e.message).toBe(BOOKING_ERROR_TEXTS.en.tooMany(3));
  });
  it('lets the real person book when three bookings with their number came from another network', () => {
    expect(() => assertContactLimit([candidate(), candidate(), candidate()], { keys: [PHONE], originHash: LIBRARY }, 3, 'sv')).not.toThrow();
  });
});

describe('countsAsContactless', () => {
  it('counts a public booking without e-mail or phone', () => {
    expect(countsAsContactless({ byStaff: false, contactKeys: [] })).toBe(true);
  });
  it('does not count a booking with a contact, or one staff made (they saw or spoke with the person)', () => {
    expect(countsAsContactless({ byStaff: false, contactKeys: [PHONE] })).toBe(false);
    expect(countsAsContactless({ byStaff: true, contactKeys: [] })).toBe(false);
  });
});

describe('contactlessDayToCheck', () => {
  const tz = 'Europe/Stockholm';
  const current = { originHash: 'net', contactKeys: [] as string[], siteId: 'a', start: new Date('2027-03-27T22:30:00Z') }; // 23:30 on the 27th
  it('checks the target day when a public contactless booking moves to another day or site', () => {
    expect(contactlessDayToCheck(current, { siteId: 'a', start: new Date('2027-03-28T08:00:00Z'), timeZone: tz })).toEqual({ siteId: 'a', date: '2027-03-28' });
    expect(contactlessDayToCheck(current, { siteId: 'b', start: new Date('2027-03-27T10:00:00Z'), timeZone: tz })).toEqual({ siteId: 'b', date: '2027-03-27' });
  });
  it('does not check within the same site and local day (it counts there already), nor bookings with a contact or made by staff', () => {
    expect(contactlessDayToCheck(current, { siteId: 'a', start: new Date('2027-03-27T09:00:00Z'), timeZone: tz })).toBeNull();
    expect(contactlessDayToCheck({ ...current, contactKeys: ['k'] }, { siteId: 'b', start: new Date('2027-03-29T09:00:00Z'), timeZone: tz })).toBeNull();
    expect(contactlessDayToCheck({ ...current, originHash: null }, { siteId: 'b', start: new Date('2027-03-29T09:00:00Z'), timeZone: tz })).toBeNull();
  });
});

describe('assertContactlessRoom', () => {
  it('lets the cap-th booking through', () => {
    expect(() => assertContactlessRoom(3, 4, 'sv')).not.toThrow();
  });
  it('refuses when the day already has the cap, saying what to do, in each language', () => {
    for (const lang of ['sv', 'en', 'ar'] as const) {
      const e = errorOf(() => assertContactlessRoom(4, 4, lang));
      expect(e.code).toBe(BookingErrorCode.ContactlessDayFull);
      expect(e.message).toBe(BOOKING_ERROR_TEXTS[lang].contactlessDayFull);
    }
    expect(BOOKING_ERROR_TEXTS.sv.contactlessDayFull).toMatch(/ringa biblioteket/);
    expect(BOOKING_ERROR_TEXTS.en.contactlessDayFull).toMatch(/call the library/);
  });
});

describe('suspicious runs', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('looks back the configured minutes from now', () => {
    expect(suspiciousRunSince(now, 10)).toEqual(new Date('2026-11-23T11:50:00Z'));
  });
  it('is a run when the window holds the threshold, counting the new booking', () => {
    expect(completesSuspiciousRun(5, 5)).toBe(true);
    expect(completesSuspiciousRun(6, 5)).toBe(true);
  });
  it('is not a run below the threshold', () => {
    expect(completesSuspiciousRun(4, 5)).toBe(false);
  });
});

describe('parseConfirmContact', () => {
  const proof = 'A'.repeat(43);
  it('takes { proof }', () => {
    expect(parseConfirmContact({ proof }, 'sv')).toEqual({ proof });
  });
  it('refuses a body without a text proof, or with other fields (400 INVALID_BOOKING)', () => {
    expect(errorOf(() => parseConfirmContact({}, 'sv')).code).toBe(BookingErrorCode.InvalidBooking);
    expect(errorOf(() => parseConfirmContact({ proof: 5 }, 'en')).fields).toEqual({ proof: BOOKING_ERROR_TEXTS.en.fields.notText });
    expect(errorOf(() => parseConfirmContact({ proof, extra: 1 }, 'sv')).fields).toEqual({ body: BOOKING_ERROR_TEXTS.sv.fields.unknownField });
    expect(errorOf(() => parseConfirmContact(null, 'sv')).code).toBe(BookingErrorCode.InvalidBooking);
  });
  it('tells a proof’s shape (43 base64url characters, 256 bits) from anything else', () => {
    expect(looksLikeProof(proof)).toBe(true);
    expect(looksLikeProof('A'.repeat(42))).toBe(false);
    expect(looksLikeProof(`${'A'.repeat(42)}=`)).toBe(false);
  });
});
