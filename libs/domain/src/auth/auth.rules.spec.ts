import { AuthError, AuthErrorCode } from './auth.errors';
import { checkPassword, invitationScope, normaliseEmail } from './auth.rules';

describe('checkPassword', () => {
  it('accepts a long passphrase without symbols or digits', () => {
    expect(() => checkPassword('korv med bröd och senap', 'anna@example.org')).not.toThrow();
  });

  it.each([
    ['too short', 'kort lösen', /minst 12 tecken/],
    ['too common', 'Password1234', /för vanligt/],
    ['one repeated character', 'aaaaaaaaaaaaaaa', /för vanligt/],
    ['contains the e-mail name', 'annasvensson-hemligt', /e-postadress/],
  ])('refuses a password that is %s', (_why, password, message) => {
    expect(() => checkPassword(password, 'annasvensson@example.org')).toThrow(message);
    try {
      checkPassword(password, 'annasvensson@example.org');
    } catch (error) {
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).code).toBe(AuthErrorCode.WeakPassword);
    }
  });

  it('counts characters, not bytes, when the password has å ä ö', () => {
    expect(() => checkPassword('åäöåäöåäöåäx', 'x@example.org')).not.toThrow();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => expect(normaliseEmail('  Anna@Example.ORG ')).toBe('anna@example.org'));
});

describe('invitationScope', () => {
  const id = '0c000000-0000-4000-8000-000000000001';
  it('ties partners to their organisation and library staff to their site', () => {
    expect(invitationScope({ role: 'partner', partnerId: id, siteId: id })).toEqual({ partnerId: id, siteId: null });
    expect(invitationScope({ role: 'library-staff', siteId: id })).toEqual({ partnerId: null, siteId: id });
    expect(invitationScope({ role: 'helper', partnerId: id, siteId: id })).toEqual({ partnerId: null, siteId: null });
  });
  it('refuses a partner without an organisation and library staff without a site', () => {
    expect(() => invitationScope({ role: 'partner' })).toThrow(expect.objectContaining({ code: 'INVALID_INVITATION', fields: { partnerId: expect.stringContaining('partnerorganisation') } }));
    expect(() => invitationScope({ role: 'library-staff', siteId: 'norrby' })).toThrow(expect.objectContaining({ fields: { siteId: expect.stringContaining('bibliotek') } }));
  });
});
