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

/** The messages the web app writes itself, for when the API could not say anything useful. */
export interface FallbackMessages {
  noContact: string;
  unknown: string;
  validationFailed: string;
}

const SWEDISH: FallbackMessages = { noContact: NO_CONTACT, unknown: UNKNOWN, validationFailed: VALIDATION_FAILED };

/**
 * Turns whatever HttpClient or httpResource threw into an ApiError with a plain-language message:
 * the API's own (public endpoints answer in the Accept-Language), else one of `fallback` (Swedish by default).
 */
export function toApiError(error: unknown, fallback: FallbackMessages = SWEDISH): ApiError {
  if (!(error instanceof HttpErrorResponse)) return { status: 0, code: 'UNKNOWN', message: fallback.unknown, fields: {} };
  if (error.status === 0) return { status: 0, code: 'NO_CONTACT', message: fallback.noContact, fields: {} };
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') {
    const given = 'message' in body && typeof body.message === 'string' && body.message ? body.message : fallback.unknown;
    const message = body.code === 'VALIDATION_FAILED' ? fallback.validationFailed : given;
    const fields = 'fields' in body && body.fields && typeof body.fields === 'object' ? (body.fields as Record<string, string>) : {};
    return { status: error.status, code: body.code, message, fields };
  }
  return { status: error.status, code: 'UNKNOWN', message: fallback.unknown, fields: {} };
}

/** The `alternatives` of a 409 SLOT_FULL / SLOT_NOT_BOOKABLE answer; empty for any other error. */
export function alternativesOf<T>(error: unknown): T[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const body: unknown = error.error;
  return body && typeof body === 'object' && 'alternatives' in body && Array.isArray(body.alternatives) ? (body.alternatives as T[]) : [];
}

/** The HTTP status of an httpResource or HttpClient error, 0 when there was no answer. */
export function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
