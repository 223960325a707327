import { PartnerErrorCode } from './partners.errors';
import { assertPartnerAccess, parsePartnerInput, parseReferralCodeInput, referralCodeFrom, suppressFunnel } from './partners.rules';

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return { code: (e as { code: string }).code, fields: (e as { fields?: Record<string, string> }).fields ?? {} };
  }
  throw new Error('expected a refusal');
};

describe('referral codes', () => {
  it('are 8 unambiguous characters in two groups, and valid as a booking ?ref=', () => {
    const code = referralCodeFrom(new Uint8Array([0, 1, 2, 3, 30, 31, 200, 255]));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(code).toBe('2345-Z2G9');
  });
  it('refuse too little randomness', () => expect(() => referralCodeFrom(new Uint8Array(4))).toThrow());
  it('need a label and a site, in plain Swedish', () => {
    expect(parseReferralCodeInput({ label: '  Jobbcoachning  ', siteId: '0C000000-0000-4000-8000-000000000001' })).toEqual({ label: 'Jobbcoachning', siteId: '0c000000-0000-4000-8000-000000000001' });
    const refused = fieldsOf(() => parseReferralCodeInput({ label: ' ', siteId: 'stadsbiblioteket' }));
    expect(refused.code).toBe(PartnerErrorCode.InvalidReferralCode);
    expect(Object.keys(refused.fields).sort()).toEqual(['label', 'siteId']);
    expect(fieldsOf(() => parseReferralCodeInput({ label: 'x'.repeat(81), siteId: '0c000000-0000-4000-8000-000000000001' })).fields['label']).toContain('80');
    expect(fieldsOf(() => parseReferralCodeInput(null)).code).toBe(PartnerErrorCode.InvalidReferralCode);
  });
});

describe('partners', () => {
  it('need a name of at most 120 characters', () => {
    expect(parsePartnerInput({ name: ' Kompetenscenter ' })).toEqual({ name: 'Kompetenscenter' });
    expect(fieldsOf(() => parsePartnerInput({ name: '' })).code).toBe(PartnerErrorCode.InvalidPartner);
    expect(fieldsOf(() => parsePartnerInput({ name: 'x'.repeat(121) })).code).toBe(PartnerErrorCode.InvalidPartner);
  });
});

describe('suppressFunnel', () => {
  it('shows no count from 1 to 4 anywhere, and the rest rounded to the nearest 5', () => {
    const shown = suppressFunnel({ referred: 12, booked: 6, came: 4, outcomes: [{ key: 'solved', label: 'Löst', count: 3 }, { key: 'partly', label: 'Delvis löst', count: 0 }] });
    expect(shown).toEqual({ referred: 10, booked: 5, came: null, outcomes: [{ key: 'solved', label: 'Löst', count: null }, { key: 'partly', label: 'Delvis löst', count: 0 }] });
  });
});

describe('who sees and books what', () => {
  it('lets coordinators see every partner and partners only their own', () => {
    expect(() => assertPartnerAccess({ role: 'coordinator' }, 'p1')).not.toThrow();
    expect(() => assertPartnerAccess({ role: 'partner', partnerId: 'p1' }, 'p1')).not.toThrow();
    expect(fieldsOf(() => assertPartnerAccess({ role: 'partner', partnerId: 'p1' }, 'p2')).code).toBe(PartnerErrorCode.OtherPartner);
    expect(fieldsOf(() => assertPartnerAccess({ role: 'partner', partnerId: null }, 'p2')).code).toBe(PartnerErrorCode.OtherPartner);
    expect(fieldsOf(() => assertPartnerAccess({ role: 'helper' }, 'p1')).code).toBe(PartnerErrorCode.OtherPartner);
  });
  // Who may book at which site: assertStaffScope in bookings/staff-bookings.rules.spec.ts.
});
