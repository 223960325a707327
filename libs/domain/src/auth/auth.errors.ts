import { DomainError } from '../shared/domain-error';

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
  AccountLocked = 'ACCOUNT_LOCKED',
  WrongPassword = 'WRONG_PASSWORD',
}

export class AuthError extends DomainError<AuthErrorCode> {
  static invalidCredentials(): AuthError {
    return new AuthError(AuthErrorCode.InvalidCredentials, 'Fel e-postadress eller lösenord.');
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
  /** Too many wrong passwords in a row: the account waits, whatever password comes next. */
  static accountLocked(until: Date): AuthError {
    const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(until);
    return new AuthError(
      AuthErrorCode.AccountLocked,
      `För många felaktiga försök. Kontot är låst till kl. ${time}. Försök igen då, eller be en samordnare om hjälp om du har glömt lösenordet.`,
    );
  }
  static wrongPassword(): AuthError {
    return new AuthError(AuthErrorCode.WrongPassword, 'Det nuvarande lösenordet stämmer inte.', { currentPassword: 'Det nuvarande lösenordet stämmer inte.' });
  }
  static emailTaken(): AuthError {
    return new AuthError(AuthErrorCode.EmailTaken, 'Det finns redan ett konto med den e-postadressen.', { email: 'Det finns redan ett konto med den e-postadressen.' });
  }
}
