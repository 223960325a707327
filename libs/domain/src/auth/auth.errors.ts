import { DomainError } from '../shared/domain-error';
import { waitInWords } from './sign-in-throttle.rules';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  NotSignedIn = 'NOT_SIGNED_IN',
  Forbidden = 'FORBIDDEN',
  CsrfFailed = 'CSRF_FAILED',
  InvitationInvalid = 'INVITATION_INVALID',
  WeakPassword = 'WEAK_PASSWORD',
  EmailTaken = 'EMAIL_TAKEN',
  LinkInvalid = 'LINK_INVALID',
  InvalidInvitation = 'INVALID_INVITATION',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  SignInThrottleNotFound = 'SIGN_IN_THROTTLE_NOT_FOUND',
  WrongPassword = 'WRONG_PASSWORD',
}

export class AuthError extends DomainError<AuthErrorCode> {
  /**
   * The one answer to a sign-in that did not work: a wrong password, an unknown (or deactivated) e-mail
   * and a throttled attempt all look the same from outside, so nobody learns which accounts exist.
   */
  static invalidCredentials(): AuthError {
    return new AuthError(AuthErrorCode.InvalidCredentials, 'Fel e-postadress eller lösenord – eller för många försök. Vänta en stund och försök igen.');
  }
  static notSignedIn(): AuthError {
    return new AuthError(AuthErrorCode.NotSignedIn, 'Du behöver logga in.');
  }
  static forbidden(): AuthError {
    return new AuthError(AuthErrorCode.Forbidden, 'Du har inte behörighet till det här.');
  }
  static csrf(): AuthError {
    return new AuthError(AuthErrorCode.CsrfFailed, 'Sidan behöver laddas om. Försök igen.');
  }
  static invitationInvalid(): AuthError {
    return new AuthError(AuthErrorCode.InvitationInvalid, 'Inbjudan gäller inte längre. Be samordnaren om en ny.');
  }
  static weakPassword(reason: string): AuthError {
    return new AuthError(AuthErrorCode.WeakPassword, reason, { password: reason });
  }
  static linkInvalid(): AuthError {
    return new AuthError(AuthErrorCode.LinkInvalid, 'Länken gäller inte längre. Hämta en ny länk i Digihjälpen.');
  }
  static invalidInvitation(fields: Record<string, string>): AuthError {
    return new AuthError(AuthErrorCode.InvalidInvitation, 'Några uppgifter om inbjudan behöver rättas.', fields);
  }
  static wrongPassword(): AuthError {
    return new AuthError(AuthErrorCode.WrongPassword, 'Det nuvarande lösenordet stämmer inte.', { currentPassword: 'Det nuvarande lösenordet stämmer inte.' });
  }
  /** The password-change page after too many wrong current passwords (the person is signed in: no secret to keep). */
  static tooManyAttempts(retryAfterSeconds: number): AuthError {
    const message = `Du har skrivit fel nuvarande lösenord för många gånger. Vänta ${waitInWords(retryAfterSeconds)} och försök igen.`;
    return new AuthError(AuthErrorCode.TooManyAttempts, message, { currentPassword: message });
  }
  static signInThrottleNotFound(): AuthError {
    return new AuthError(AuthErrorCode.SignInThrottleNotFound, 'Spärren finns inte längre. Den kan redan vara borttagen eller ha gått ut.');
  }
  static emailTaken(): AuthError {
    return new AuthError(AuthErrorCode.EmailTaken, 'Det finns redan ett konto med den e-postadressen.', { email: 'Det finns redan ett konto med den e-postadressen.' });
  }
}
