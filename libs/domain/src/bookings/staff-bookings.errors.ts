import { DomainError } from '../shared/domain-error';

export enum StaffBookingErrorCode {
  InvalidChange = 'INVALID_BOOKING_CHANGE',
  InvalidSearch = 'INVALID_BOOKING_SEARCH',
  NotOnShiftToday = 'NOT_ON_SHIFT_TODAY',
  NotInScope = 'BOOKING_NOT_IN_SCOPE',
  /** Cancelling a booking's run, when it is not part of a suspicious run. */
  NotFlagged = 'BOOKING_NOT_FLAGGED',
}

/** Messages in Swedish: these routes serve staff pages. */
export class StaffBookingError extends DomainError<StaffBookingErrorCode> {
  static invalidChange(fields: Record<string, string>): StaffBookingError {
    return new StaffBookingError(StaffBookingErrorCode.InvalidChange, 'Några uppgifter behöver rättas innan ändringen kan sparas.', fields);
  }
  static invalidSearch(fields: Record<string, string>): StaffBookingError {
    return new StaffBookingError(StaffBookingErrorCode.InvalidSearch, 'Sökningen går inte att göra. Rätta det som står vid fälten.', fields);
  }
  /** A helper asked about a session, or a site, they have no shift at today. */
  static notOnShiftToday(): StaffBookingError {
    return new StaffBookingError(StaffBookingErrorCode.NotOnShiftToday, 'Du kan bara se och ändra bokningar för träffar där du har pass i dag.');
  }
  /** A role that may book for people but not see or change their bookings (partners). */
  static notFlagged(): StaffBookingError {
    return new StaffBookingError(StaffBookingErrorCode.NotFlagged, 'Bokningen hör inte till någon misstänkt serie. Avboka den för sig om det behövs.');
  }
  static notInScope(): StaffBookingError {
    return new StaffBookingError(StaffBookingErrorCode.NotInScope, 'Du kan inte se eller ändra andras bokningar.');
  }
}
