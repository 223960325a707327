import { DomainError } from '../shared/domain-error';

export enum VisitErrorCode {
  InvalidVisit = 'INVALID_VISIT',
  NotOnSession = 'NOT_ON_SESSION',
  VisitNotFound = 'VISIT_NOT_FOUND',
  SessionNotStarted = 'SESSION_NOT_STARTED',
  SessionCancelled = 'SESSION_CANCELLED',
  ClientIdTaken = 'CLIENT_ID_TAKEN',
  NotCheckedIn = 'NOT_CHECKED_IN',
  AlreadyCheckedOut = 'ALREADY_CHECKED_OUT',
  SessionOver = 'SESSION_OVER',
  ReportExists = 'REPORT_EXISTS',
  EquipmentIssueNotFound = 'EQUIPMENT_ISSUE_NOT_FOUND',
}

export class VisitError extends DomainError<VisitErrorCode> {
  static invalid(fields: Record<string, string>): VisitError {
    return new VisitError(VisitErrorCode.InvalidVisit, 'Några uppgifter om besöket behöver rättas.', fields);
  }
  static notOnSession(): VisitError {
    return new VisitError(VisitErrorCode.NotOnSession, 'Du har inget pass på den här träffen. Be samordnaren lägga till dig.');
  }
  static notFound(): VisitError {
    return new VisitError(VisitErrorCode.VisitNotFound, 'Besöket finns inte.');
  }
  static notStarted(): VisitError {
    return new VisitError(VisitErrorCode.SessionNotStarted, 'Träffen har inte börjat än. Besök kan loggas från en halvtimme före start.');
  }
  static cancelled(): VisitError {
    return new VisitError(VisitErrorCode.SessionCancelled, 'Träffen är inställd.');
  }
  static clientIdTaken(): VisitError {
    return new VisitError(VisitErrorCode.ClientIdTaken, 'Besöket är redan sparat av en annan digivärd.');
  }
  static notCheckedIn(): VisitError {
    return new VisitError(VisitErrorCode.NotCheckedIn, 'Checka in på passet först.');
  }
  static sessionOver(): VisitError {
    return new VisitError(VisitErrorCode.SessionOver, 'Träffen är redan slut. Rapportera tiden som du arbetade under Mina timmar.');
  }
  static alreadyCheckedOut(): VisitError {
    return new VisitError(VisitErrorCode.AlreadyCheckedOut, 'Du har redan checkat ut från passet.');
  }
  static reportExists(): VisitError {
    return new VisitError(VisitErrorCode.ReportExists, 'Rapporten för träffen är redan bekräftad.');
  }
  static equipmentIssueNotFound(): VisitError {
    return new VisitError(VisitErrorCode.EquipmentIssueNotFound, 'Utrustningsproblemet finns inte.');
  }
}
