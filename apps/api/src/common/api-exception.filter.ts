import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { AccountErrorCode, AuthErrorCode, ClosureErrorCode, BookingError, BookingErrorCode, StaffBookingErrorCode, DomainError, HoursErrorCode, InsightsErrorCode, OcnErrorCode, PartnerErrorCode, PrivacyErrorCode, VisitErrorCode, ScheduleErrorCode, ShiftErrorCode, SiteErrorCode } from '@digihjalpen/domain';
import type { Response } from 'express';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../database/database-errors';
import type { ApiErrorDto } from './api-error.dto';
import { RateLimitExceeded } from '../modules/limits/rate-limit-exceeded';

/** The one place where rule codes become HTTP statuses. Adding a code without a case fails the type check. */
export type DomainErrorCode = AccountErrorCode | SiteErrorCode | ScheduleErrorCode | AuthErrorCode | ShiftErrorCode | BookingErrorCode | VisitErrorCode | HoursErrorCode | OcnErrorCode | InsightsErrorCode | PartnerErrorCode | PrivacyErrorCode | StaffBookingErrorCode | ClosureErrorCode;

export function statusForDomainCode(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case SiteErrorCode.SiteNotFound:
    case ClosureErrorCode.ClosureNotFound:
    case ScheduleErrorCode.ScheduleNotFound:
    case ScheduleErrorCode.SessionNotFound:
    case ShiftErrorCode.ShiftNotFound:
    case ShiftErrorCode.HelperNotFound:
    case AuthErrorCode.LinkInvalid:
    case BookingErrorCode.BookingNotFound:
    case VisitErrorCode.VisitNotFound:
    case VisitErrorCode.EquipmentIssueNotFound:
    case HoursErrorCode.HoursNotFound:
    case HoursErrorCode.OrganisationNotFound:
    case OcnErrorCode.ModuleNotFound:
    case PartnerErrorCode.PartnerNotFound:
    case InsightsErrorCode.UnknownChart:
    case PartnerErrorCode.ReferralCodeNotFound:
    case PrivacyErrorCode.ReferenceNotFound:
    case AuthErrorCode.SignInThrottleNotFound:
    case AccountErrorCode.AccountNotFound:
      return HttpStatus.NOT_FOUND;
    case SiteErrorCode.InvalidSite:
    case ClosureErrorCode.InvalidClosure:
    case ScheduleErrorCode.InvalidSchedule:
    case AuthErrorCode.WeakPassword:
    case ShiftErrorCode.NotAHelper:
    case BookingErrorCode.InvalidBooking:
    case BookingErrorCode.Refused:
    case VisitErrorCode.InvalidVisit:
    case HoursErrorCode.InvalidHours:
    case OcnErrorCode.InvalidModule:
    case InsightsErrorCode.InvalidRange:
    case InsightsErrorCode.UnknownSite:
    case AuthErrorCode.InvalidInvitation:
    case AuthErrorCode.WrongPassword:
    case PartnerErrorCode.InvalidPartner:
    case PartnerErrorCode.InvalidReferralCode:
    case PrivacyErrorCode.InvalidReference:
    case PrivacyErrorCode.InvalidScope:
    case PrivacyErrorCode.InvalidCode:
    case PrivacyErrorCode.WrongCode:
    case StaffBookingErrorCode.InvalidChange:
    case StaffBookingErrorCode.InvalidSearch:
      return HttpStatus.BAD_REQUEST;
    case ScheduleErrorCode.OverlappingSchedule:
    case ClosureErrorCode.ClosureStarted:
    case ClosureErrorCode.ClosureExists:
    case ScheduleErrorCode.SessionAlreadyCancelled:
    case ScheduleErrorCode.SessionInPast:
    case AuthErrorCode.EmailTaken:
    case ShiftErrorCode.AlreadyOnShift:
    case ShiftErrorCode.ShiftFull:
    case ShiftErrorCode.SessionNotOpen:
    case BookingErrorCode.SlotFull:
    case BookingErrorCode.SlotNotBookable:
    case BookingErrorCode.TooManyBookings:
    case StaffBookingErrorCode.NotFlagged:
    case BookingErrorCode.BookingCancelled:
    case BookingErrorCode.BookingStarted:
    case VisitErrorCode.SessionNotStarted:
    case VisitErrorCode.SessionCancelled:
    case VisitErrorCode.ClientIdTaken:
    case VisitErrorCode.NotCheckedIn:
    case VisitErrorCode.AlreadyCheckedOut:
    case VisitErrorCode.SessionOver:
    case VisitErrorCode.ReportExists:
    case HoursErrorCode.HoursOverlap:
    case HoursErrorCode.HoursLocked:
    case OcnErrorCode.NotAllCriteriaMet:
    case OcnErrorCode.NotAssessed:
    case OcnErrorCode.AlreadySignedOff:
    case OcnErrorCode.CriterionInUse:
    case OcnErrorCode.ModuleSignedOff:
    case PartnerErrorCode.PartnerTaken:
    case AccountErrorCode.CannotDeactivateSelf:
    case AccountErrorCode.LastCoordinator:
    case AccountErrorCode.AccountNotActive:
    case AccountErrorCode.AccountAlreadyActive:
    case AccountErrorCode.NotInvited:
    case AccountErrorCode.NoOpenInvitation:
    case AccountErrorCode.NoPasswordYet:
    case PrivacyErrorCode.NoCode:
    case PrivacyErrorCode.NoChannel:
      return HttpStatus.CONFLICT;
    case AuthErrorCode.InvalidCredentials:
    case AuthErrorCode.NotSignedIn:
      return HttpStatus.UNAUTHORIZED;
    case AuthErrorCode.Forbidden:
    case AuthErrorCode.CsrfFailed:
    case VisitErrorCode.NotOnSession:
    case HoursErrorCode.SelfApproval:
    case OcnErrorCode.SameAssessorAndAssurer:
    case PartnerErrorCode.OtherPartner:
    case PartnerErrorCode.OtherSite:
    case BookingErrorCode.SiteFixed:
    case StaffBookingErrorCode.NotOnShiftToday:
    case StaffBookingErrorCode.NotInScope:
    case PrivacyErrorCode.ProofRequired:
      return HttpStatus.FORBIDDEN;
    case AuthErrorCode.InvitationInvalid:
    case AccountErrorCode.ResetLinkInvalid:
    case PrivacyErrorCode.CodeExpired:
    case PrivacyErrorCode.CodeUsedUp:
    case BookingErrorCode.LinkEnded:
      return HttpStatus.GONE;
    case AuthErrorCode.TooManyAttempts:
    case BookingErrorCode.ContactlessDayFull:
      return HttpStatus.TOO_MANY_REQUESTS;
  }
}

const CODE_FOR_STATUS: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const INVALID_JSON = { status: 400, body: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' } };

/** Errors raised by body-parser before Nest sees the request (malformed JSON, too large, bad charset). */
interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

function fromHttpException(exception: HttpException): { status: number; body: ApiErrorDto } {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'code' in response) {
    return { status, body: response as ApiErrorDto };
  }
  const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
  return {
    status,
    body: { code: CODE_FOR_STATUS[status] ?? `HTTP_${status}`, message: Array.isArray(message) ? message.join('; ') : String(message) },
  };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception);
    // A database outage is expected and already explained by /api/health: one line, not a stack per request.
    if (body.code === DATABASE_UNAVAILABLE.code) this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (res.headersSent) return;
    if (exception instanceof RateLimitExceeded) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    // Explicit: a route's @Header('Content-Type', …) is already set when its handler throws.
    res.status(status).type('application/json').json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ApiErrorDto } {
    if (exception instanceof DomainError) {
      const { code, message, fields } = exception;
      const alternatives = exception instanceof BookingError ? exception.alternatives : undefined;
      return {
        status: statusForDomainCode(code as DomainErrorCode),
        body: { code, message, ...(fields ? { fields: { ...fields } } : {}), ...(alternatives ? { alternatives } : {}) },
      };
    }
    if (exception instanceof HttpException) {
      // Nest turns body-parser's SyntaxError into a plain BadRequestException carrying the parser's message.
      if (exception.getStatus() === 400 && /JSON/.test(exception.message)) return INVALID_JSON;
      return fromHttpException(exception);
    }
    const bodyError = exception as BodyParserError;
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      return { status: bodyError.status, body: { code: CODE_FOR_STATUS[bodyError.status] ?? 'BAD_REQUEST', message: bodyError.message } };
    }
    if (isDatabaseUnavailable(exception)) return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { ...DATABASE_UNAVAILABLE } };
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again.' } };
  }
}
