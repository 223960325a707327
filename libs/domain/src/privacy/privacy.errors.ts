import { DomainError } from '../shared/domain-error';

export enum PrivacyErrorCode {
  InvalidReference = 'INVALID_REFERENCE',
  ReferenceNotFound = 'REFERENCE_NOT_FOUND',
  InvalidScope = 'INVALID_PRIVACY_SCOPE',
  InvalidCode = 'INVALID_PROOF_CODE',
  WrongCode = 'WRONG_PROOF_CODE',
  NoCode = 'NO_PROOF_CODE',
  CodeExpired = 'PROOF_CODE_EXPIRED',
  CodeUsedUp = 'PROOF_CODE_USED_UP',
  NoChannel = 'NO_PROOF_CHANNEL',
  ProofRequired = 'PROOF_REQUIRED',
}

/** Messages in Swedish: only coordinators use the privacy pages. */
export class PrivacyError extends DomainError<PrivacyErrorCode> {
  static invalidReference(): PrivacyError {
    const message = 'Bokningsnumret ska ha sex tecken, till exempel K7F-3QD.';
    return new PrivacyError(PrivacyErrorCode.InvalidReference, message, { reference: message });
  }
  static notFound(): PrivacyError {
    return new PrivacyError(
      PrivacyErrorCode.ReferenceNotFound,
      'Det finns ingen bokning med det bokningsnumret. Kontrollera numret på personens bekräftelse eller lapp.',
      { reference: 'Det finns ingen bokning med det bokningsnumret.' },
    );
  }
  static invalidScope(): PrivacyError {
    const message = 'Välj bara bokningen (scope=booking) eller alla bokningar med samma e-postadress (scope=contact).';
    return new PrivacyError(PrivacyErrorCode.InvalidScope, message, { scope: message });
  }
  static invalidCode(): PrivacyError {
    const message = 'Koden ska vara sex siffror, till exempel 482 913.';
    return new PrivacyError(PrivacyErrorCode.InvalidCode, message, { code: message });
  }
  static wrongCode(triesLeft: number): PrivacyError {
    const message =
      triesLeft > 0
        ? `Koden stämmer inte. Be personen läsa upp den igen. Du kan försöka ${triesLeft === 1 ? 'en gång' : `${triesLeft} gånger`} till.`
        : 'Koden stämmer inte, och den har nu skrivits fel för många gånger. Den gäller inte längre. Skicka en ny kod.';
    return new PrivacyError(PrivacyErrorCode.WrongCode, message, { code: message });
  }
  static noCode(): PrivacyError {
    const message = 'Det finns ingen kod att skriva in för den här bokningen. Skicka en kod först.';
    return new PrivacyError(PrivacyErrorCode.NoCode, message, { code: message });
  }
  static codeExpired(minutes: number): PrivacyError {
    const message = `Koden gäller inte längre: den gäller i ${minutes} minuter. Skicka en ny kod.`;
    return new PrivacyError(PrivacyErrorCode.CodeExpired, message, { code: message });
  }
  static codeUsedUp(): PrivacyError {
    const message = 'Koden har skrivits fel för många gånger och gäller inte längre. Skicka en ny kod.';
    return new PrivacyError(PrivacyErrorCode.CodeUsedUp, message, { code: message });
  }
  static noChannel(phoneOnly: boolean): PrivacyError {
    return new PrivacyError(
      PrivacyErrorCode.NoChannel,
      phoneOnly
        ? 'Bokningen har bara ett telefonnummer, och det går inte att skicka en kod med sms än. Hjälp personen med den här bokningen, eller be hen komma hit med legitimation och bokningsnumren för de andra bokningarna.'
        : 'Bokningen har ingen e-postadress, så det går inte att skicka en kod. Du kan bara visa och radera den här bokningen.',
    );
  }
  static proofRequired(grantMinutes: number): PrivacyError {
    return new PrivacyError(
      PrivacyErrorCode.ProofRequired,
      `Personen har inte visat att e-postadressen är hens. Skicka en kod till e-postadressen och skriv in koden som personen läser upp. Sedan kan du se alla bokningar med samma e-postadress i ${grantMinutes} minuter.`,
    );
  }
}
