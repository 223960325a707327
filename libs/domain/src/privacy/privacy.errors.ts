import { DomainError } from '../shared/domain-error';

export enum PrivacyErrorCode {
  InvalidReference = 'INVALID_REFERENCE',
  ReferenceNotFound = 'REFERENCE_NOT_FOUND',
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
}
