import { DomainError } from '../shared/domain-error';

export enum ShiftErrorCode {
  AlreadyOnShift = 'ALREADY_ON_SHIFT',
  ShiftFull = 'SHIFT_FULL',
  SessionNotOpen = 'SESSION_NOT_OPEN',
  NotAHelper = 'NOT_A_HELPER',
  ShiftNotFound = 'SHIFT_NOT_FOUND',
  HelperNotFound = 'HELPER_NOT_FOUND',
}

export class ShiftError extends DomainError<ShiftErrorCode> {
  static alreadyOnShift(): ShiftError {
    return new ShiftError(ShiftErrorCode.AlreadyOnShift, 'Digivärden har redan det här passet.');
  }
  static full(): ShiftError {
    return new ShiftError(ShiftErrorCode.ShiftFull, 'Träffen har redan så många digivärdar som behövs. Fråga samordnaren om du vill vara med ändå.');
  }
  static notOpen(): ShiftError {
    return new ShiftError(ShiftErrorCode.SessionNotOpen, 'Träffen är inställd eller har redan varit.');
  }
  static notAHelper(): ShiftError {
    return new ShiftError(ShiftErrorCode.NotAHelper, 'Bara digivärdar kan få pass.', { helperId: 'Välj en digivärd.' });
  }
  static helperNotFound(): ShiftError {
    return new ShiftError(ShiftErrorCode.HelperNotFound, 'Digivärden finns inte (eller har inte valt lösenord än).');
  }
  static notFound(): ShiftError {
    return new ShiftError(ShiftErrorCode.ShiftNotFound, 'Passet finns inte.');
  }
}
