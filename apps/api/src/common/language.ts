import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { pickLanguage, type Language } from '@digihjalpen/domain';
import type { Request } from 'express';

/** The help-seeker's language for messages: ?lang= first, then Accept-Language, then Swedish. */
export function languageOf(req: Request): Language {
  return pickLanguage(typeof req.query['lang'] === 'string' ? req.query['lang'] : undefined, req.headers['accept-language']);
}

export const RequestLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language => languageOf(ctx.switchToHttp().getRequest<Request>()));
