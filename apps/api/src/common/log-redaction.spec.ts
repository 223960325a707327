import { redactUrl } from './log-redaction';

describe(redactUrl.name, () => {
  it('hides the token of manage links, calendar feeds and invitations but keeps the route', () => {
    const token = 'Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbiBwbGVhc2UhIQ';
    expect(redactUrl(`/api/public/bookings/${token}/calendar.ics`)).toBe('/api/public/bookings/[secret]/calendar.ics');
    expect(redactUrl(`/bokning/${token}?lang=ar`)).toBe('/bokning/[secret]?lang=ar');
    expect(redactUrl(`/api/public/calendars/${token}/shifts.ics`)).toBe('/api/public/calendars/[secret]/shifts.ics');
    expect(redactUrl(`/inbjudan/${token}`)).toBe('/inbjudan/[secret]');
  });
  it('leaves other addresses alone', () => {
    expect(redactUrl('/api/public/bookings')).toBe('/api/public/bookings');
    expect(redactUrl('/api/public/sites/stadsbiblioteket/sessions?from=2027-01-01')).toBe('/api/public/sites/stadsbiblioteket/sessions?from=2027-01-01');
  });
});
