import { HttpErrorResponse } from '@angular/common/http';

/** The API's error body: `{ code, message, fields? }`, with `fields` mapping a field name to a message. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  fields: Readonly<Record<string, string>>;
}

const NO_CONTACT = 'Vi fick ingen kontakt med servern. Kontrollera internetanslutningen och försök igen.';
const UNKNOWN = 'Något gick fel hos oss. Försök igen om en stund.';
/** The API's validation pipe answers in English; its field messages are Swedish. */
const VALIDATION_FAILED = 'Rätta det som är markerat.';

/** Turns whatever HttpClient or httpResource threw into an ApiError with a plain-language Swedish message. */
export function toApiError(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse)) return { status: 0, code: 'UNKNOWN', message: UNKNOWN, fields: {} };
  if (error.status === 0) return { status: 0, code: 'NO_CONTACT', message: NO_CONTACT, fields: {} };
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const given = 'message' in body && typeof body.message === 'string' && body.message ? body.message : UNKNOWN;
    const message = body.code === 'VALIDATION_FAILED' ? VALIDATION_FAILED : given;
    const fields = 'fields' in body && body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
    return { status: error.status, code: body.code, message, fields };
  }
  return { status: error.status, code: 'UNKNOWN', message: UNKNOWN, fields: {} };
}

/** The HTTP status of an httpResource or HttpClient error, 0 when there was no answer. */
export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
