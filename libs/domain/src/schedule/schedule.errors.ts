import { DomainError } from '../shared/domain-error';

export enum ScheduleErrorCode {
  InvalidSchedule = 'INVALID_SCHEDULE',
  OverlappingSchedule = 'OVERLAPPING_SCHEDULE',
  ScheduleNotFound = 'SCHEDULE_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionAlreadyCancelled = 'SESSION_ALREADY_CANCELLED',
  SessionInPast = 'SESSION_IN_PAST',
}

export class ScheduleError extends DomainError<ScheduleErrorCode> {
  static invalid(fields: Record<string, string>): ScheduleError {
    return new ScheduleError(ScheduleErrorCode.InvalidSchedule, 'Schemat behöver ändras innan det kan sparas.', fields);
  }

  static overlapping(describeOther: string): ScheduleError {
    return new ScheduleError(
      ScheduleErrorCode.OverlappingSchedule,
      `Schemat krockar med ett annat schema på samma plats (${describeOther}). Ändra dagar, tider eller datum.`,
      { weekdays: 'Krockar med ett annat schema på samma plats.' },
    );
  }

  static notFound(): ScheduleError {
    return new ScheduleError(ScheduleErrorCode.ScheduleNotFound, 'Schemat finns inte.');
  }

  static sessionNotFound(): ScheduleError {
    return new ScheduleError(ScheduleErrorCode.SessionNotFound, 'Träffen finns inte.');
  }

  static alreadyCancelled(): ScheduleError {
    return new ScheduleError(ScheduleErrorCode.SessionAlreadyCancelled, 'Träffen är redan inställd.');
  }

  static inPast(): ScheduleError {
    return new ScheduleError(ScheduleErrorCode.SessionInPast, 'Träffen har redan varit och kan inte ändras.');
  }
}
