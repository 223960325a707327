import { DomainError } from '../shared/domain-error';

export enum AccountErrorCode {
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
  CannotDeactivateSelf = 'CANNOT_DEACTIVATE_SELF',
  LastCoordinator = 'LAST_COORDINATOR',
  AccountNotActive = 'ACCOUNT_NOT_ACTIVE',
  AccountAlreadyActive = 'ACCOUNT_ALREADY_ACTIVE',
  NotInvited = 'NOT_INVITED',
  NoOpenInvitation = 'NO_OPEN_INVITATION',
  NoPasswordYet = 'NO_PASSWORD_YET',
  ResetLinkInvalid = 'RESET_LINK_INVALID',
}

/** Why a password-reset link no longer works. */
export type ResetLinkProblem = 'unknown' | 'used' | 'expired' | 'revoked';

const RESET_LINK_MESSAGES: Readonly<Record<ResetLinkProblem, string>> = {
  unknown: 'Länken för att välja nytt lösenord gäller inte. Be din samordnare om en ny länk.',
  used: 'Länken är redan använd. Den fungerar bara en gång. Logga in med ditt nya lösenord, eller be din samordnare om en ny länk.',
  expired: 'Länken har gått ut. Den gäller i en timme. Be din samordnare om en ny länk.',
  revoked: 'Länken gäller inte längre, för det finns en nyare länk. Använd den senaste länken du har fått, eller be din samordnare om en ny.',
};

export class AccountError extends DomainError<AccountErrorCode> {
  static notFound(): AccountError {
    return new AccountError(AccountErrorCode.AccountNotFound, 'Personen finns inte.');
  }
  static cannotDeactivateSelf(): AccountError {
    return new AccountError(AccountErrorCode.CannotDeactivateSelf, 'Du kan inte stänga av ditt eget konto. Be en annan samordnare om det.');
  }
  static lastCoordinator(): AccountError {
    return new AccountError(
      AccountErrorCode.LastCoordinator,
      'Det här är den enda aktiva samordnaren. Bjud in en till samordnare först, så att någon kan sköta Digihjälpen.',
    );
  }
  static notActive(): AccountError {
    return new AccountError(AccountErrorCode.AccountNotActive, 'Kontot är avstängt. Öppna kontot igen först.');
  }
  static alreadyActive(): AccountError {
    return new AccountError(AccountErrorCode.AccountAlreadyActive, 'Kontot är redan öppet.');
  }
  static notInvited(): AccountError {
    return new AccountError(AccountErrorCode.NotInvited, 'Personen har redan valt ett lösenord. Skicka en länk för nytt lösenord i stället.');
  }
  static noOpenInvitation(): AccountError {
    return new AccountError(AccountErrorCode.NoOpenInvitation, 'Det finns ingen inbjudan att återkalla. Den är redan använd, har gått ut eller är återkallad.');
  }
  static noPasswordYet(): AccountError {
    return new AccountError(AccountErrorCode.NoPasswordYet, 'Personen har inte valt något lösenord än. Skicka inbjudan igen i stället.');
  }
  static resetLinkInvalid(problem: ResetLinkProblem): AccountError {
    return new AccountError(AccountErrorCode.ResetLinkInvalid, RESET_LINK_MESSAGES[problem]);
  }
}
