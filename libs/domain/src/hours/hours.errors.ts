import { DomainError } from '../shared/domain-error';

export enum HoursErrorCode {
  InvalidHours = 'INVALID_HOURS',
  HoursOverlap = 'HOURS_OVERLAP',
  HoursLocked = 'HOURS_LOCKED',
  SelfApproval = 'SELF_APPROVAL',
  HoursNotFound = 'HOURS_NOT_FOUND',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
}

export class HoursError extends DomainError<HoursErrorCode> {
  static invalid(fields: Record<string, string>): HoursError {
    return new HoursError(HoursErrorCode.InvalidHours, 'Några uppgifter om tiden behöver rättas.', fields);
  }
  static overlap(message: string): HoursError {
    return new HoursError(HoursErrorCode.HoursOverlap, message, { minutes: message });
  }
  static locked(): HoursError {
    return new HoursError(HoursErrorCode.HoursLocked, 'Tiden är redan godkänd eller avslagen och kan inte ändras.');
  }
  static selfApproval(): HoursError {
    return new HoursError(HoursErrorCode.SelfApproval, 'Du kan inte godkänna din egen tid. Be en annan samordnare.');
  }
  static notFound(): HoursError {
    return new HoursError(HoursErrorCode.HoursNotFound, 'Tidrapporten finns inte.');
  }
  static organisationNotFound(): HoursError {
    return new HoursError(HoursErrorCode.OrganisationNotFound, 'Organisationen finns inte.');
  }
}
