import { HttpException, HttpStatus } from '@nestjs/common';
import type { Language } from '@digihjalpen/domain';

/** A public limit tripped, in the person's language, with what to do. */
export const PUBLIC_LIMIT_MESSAGES: Record<Language, string> = {
  sv: 'Det har kommit för många förfrågningar från din uppkoppling. Vänta en stund och försök igen, eller ring biblioteket.',
  en: 'Too many requests have come from your connection. Please wait a while and try again, or call the library.',
  ar: 'وصلت طلبات كثيرة جدًا من اتصالك. انتظر قليلًا ثم حاول مرة أخرى، أو اتصل بالمكتبة.',
};

/**
 * A limit tripped: 429 with the usual error body `{ code: 'TOO_MANY_REQUESTS', message }` and a
 * `Retry-After` header (the exception filter sets it from `retryAfterSeconds`). Not a rule error: any
 * route, public or staff, may answer it, in the caller's language.
 */
export class RateLimitExceeded extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ code: 'TOO_MANY_REQUESTS', message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
