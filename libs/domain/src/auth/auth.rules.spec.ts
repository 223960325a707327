import { AuthError, AuthErrorCode } from './auth.errors';
import { checkPassword, normaliseEmail } from './auth.rules';

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
