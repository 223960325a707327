import { HttpException, HttpStatus } from '@nestjs/common';

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
