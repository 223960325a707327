import { BookingError, BookingErrorCode } from './bookings.errors';
import { manageLinkEndsAt, manageLinkOpen, maskEmail, maskPhone } from './manage-link.rules';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('maskEmail', () => {
  it('keeps the first letter and the domain when the local part is long enough', () => {
    expect(maskEmail('amina@example.org')).toBe('a…@example.org');
  });
  it('hides the whole local part when it is one or two characters', () => {
    expect(maskEmail('a@example.org')).toBe('…@example.org');
    expect(maskEmail('ab@example.org')).toBe('…@example.org');
  });
  it('keeps a letter outside the Basic Multilingual Plane whole when the local part starts with one', () => {
    expect(maskEmail('😀abc@example.org')).toBe('😀…@example.org');
  });
  it('masks an Arabic local part without cutting a letter', () => {
    expect(maskEmail('أمينة@example.org')).toBe('أ…@example.org');
  });
  it('drops bidirectional control characters when the stored address carries them', () => {
    const masked = maskEmail('\u202Eamina@exa\u2066mple.org');
    expect(masked).toBe('a…@example.org');
    expect(masked).not.toMatch(BIDI_CONTROLS);
  });
  it('uses the last @ when the local part is quoted with an @ in it', () => {
    expect(maskEmail('"a@b"@example.org')).toBe('"…@example.org');
  });
  it('shows only the ellipsis when there is no @ at all', () => {
    expect(maskEmail('amina')).toBe('…');
  });
});

describe('maskPhone', () => {
  it('shows a Swedish mobile number as its first three and last two digits when written nationally', () => {
    expect(maskPhone('070-123 45 67')).toBe('070-… 67');
  });
  it('shows a +46 number the Swedish way when it is written internationally', () => {
    expect(maskPhone('+46 70 123 45 67')).toBe('070-… 67');
    expect(maskPhone('+46701234567')).toBe('070-… 67');
  });
  it('reads 0046 as +46 when the number starts with the international prefix', () => {
    expect(maskPhone('0046 70 123 45 67')).toBe('070-… 67');
  });
  it('keeps the country code of another country when the number is international', () => {
    expect(maskPhone('+44 20 7946 0958')).toBe('+44 … 58');
    expect(maskPhone('0044 20 7946 0958')).toBe('+44 … 58');
  });
  it('shows only the last two digits when the number is short', () => {
    expect(maskPhone('08-123 45')).toBe('… 45');
  });
  it('shows nothing but the ellipsis when the number has very few digits', () => {
    expect(maskPhone('1234')).toBe('…');
  });
  it('reveals at most five digits whatever the number', () => {
    for (const phone of ['070-123 45 67', '+46 8 123 456 78', '+358 40 123 4567', '08-123 45', '(0)70 12 34 56 7']) {
      expect(maskPhone(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(5);
    }
  });
  it('holds no bidirectional control characters when the stored number carries them', () => {
    expect(maskPhone('\u200F070-123 45 67\u202C')).toBe('070-… 67');
  });
});

describe('manageLinkOpen', () => {
  const confirmed = (sessionEnd: string) => ({ status: 'confirmed' as const, sessionEnd: new Date(sessionEnd) });

  it('is open before the session when the booking is confirmed', () => {
    expect(manageLinkOpen(confirmed('2027-03-30T12:00:00Z'), new Date('2027-03-29T12:00:00Z'), 24)).toBe(true);
  });
  it('is open until the last millisecond of the hours after the session ends', () => {
    const booking = confirmed('2027-03-30T12:00:00Z');
    expect(manageLinkOpen(booking, new Date('2027-03-31T11:59:59.999Z'), 24)).toBe(true);
    expect(manageLinkOpen(booking, new Date('2027-03-31T12:00:00Z'), 24)).toBe(false);
  });
  it('is closed at once when the booking is cancelled, even long before the session', () => {
    expect(manageLinkOpen({ status: 'cancelled', sessionEnd: new Date('2027-04-30T12:00:00Z') }, new Date('2027-03-01T12:00:00Z'), 24)).toBe(false);
  });
  it('counts elapsed hours, not wall-clock hours, when summer time starts in between', () => {
    // Stockholm: 2027-03-28 02:00 CET becomes 03:00 CEST. A session ending 01:30 CET (00:30Z)…
    const booking = confirmed('2027-03-28T00:30:00Z');
    // …has its link for 24 real hours: until 02:30 CEST the next day (00:30Z), not 01:30 CEST.
    expect(manageLinkEndsAt(booking.sessionEnd, 24).toISOString()).toBe('2027-03-29T00:30:00.000Z');
    expect(manageLinkOpen(booking, new Date('2027-03-29T00:29:59Z'), 24)).toBe(true);
    expect(manageLinkOpen(booking, new Date('2027-03-29T00:30:00Z'), 24)).toBe(false);
  });
  it('counts elapsed hours when summer time ends in between', () => {
    // Stockholm: 2027-10-31 03:00 CEST becomes 02:00 CET; the night has 25 hours.
    const booking = confirmed('2027-10-30T18:00:00Z');
    expect(manageLinkOpen(booking, new Date('2027-10-31T17:59:59Z'), 24)).toBe(true);
    expect(manageLinkOpen(booking, new Date('2027-10-31T18:00:00Z'), 24)).toBe(false);
  });
  it('follows the configured number of hours', () => {
    const booking = confirmed('2027-03-30T12:00:00Z');
    expect(manageLinkOpen(booking, new Date('2027-03-30T12:59:00Z'), 1)).toBe(true);
    expect(manageLinkOpen(booking, new Date('2027-03-30T13:00:00Z'), 1)).toBe(false);
    expect(manageLinkOpen(booking, new Date('2027-04-05T12:00:00Z'), 24 * 7)).toBe(true);
  });
});

describe('BookingError.linkEnded', () => {
  it('says the same for a cancelled and a past booking, in the asked language, with where to book again', () => {
    const en = BookingError.linkEnded('en', 'https://digihjalpen.example.org');
    expect(en.code).toBe(BookingErrorCode.LinkEnded);
    expect(en.message).toBe('This link no longer works. The booking was cancelled or is over. Book a new time at https://digihjalpen.example.org');
    expect(BookingError.linkEnded('sv', 'https://x.example').message).toMatch(/^Den här länken fungerar inte längre\..*https:\/\/x\.example$/);
    expect(BookingError.linkEnded('ar', 'https://x.example').message).toContain('https://x.example');
  });
});
