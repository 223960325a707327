import type { Language } from '@digihjalpen/domain';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { languageOf } from './language';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `application/json`, optionally with a charset (body-parser refuses a charset it cannot read). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*("?)[\w.:-]+\2\s*)?$/i;

const MESSAGES: Record<Language, string> = {
  sv: 'Den här adressen tar bara emot JSON (Content-Type: application/json). Använd Digihjälpens sidor, eller skicka uppgifterna som JSON.',
  en: 'This address only accepts JSON (Content-Type: application/json). Use the Digihjälpen pages, or send the data as JSON.',
  ar: 'هذا العنوان يقبل JSON فقط (Content-Type: application/json). استخدم صفحات Digihjälpen، أو أرسل البيانات بصيغة JSON.',
};

/** A body is on its way: chunked, or a length above zero (a browser sends `Content-Length: 0` for an empty POST). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length.trim() !== '0');
}

/**
 * Refuses, before any route, guard or parser, a state-changing request that carries a body or a
 * Content-Type other than JSON (415). An HTML form on another site can only send urlencoded, multipart or
 * text/plain bodies, without a preflight: refused here, it can neither sign someone in (login CSRF) nor sign
 * them out. A request with no body at all (Angular's `post(url, null)`) needs no Content-Type.
 */
export function jsonOnly(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // Every path, not only /api/…: Express matches routes without regard to case (/API/auth/login), and
    // nothing outside the API takes a state change anyway.
    if (!STATE_CHANGING.has(req.method)) return next();
    const type = req.headers['content-type'];
    const refused = type !== undefined ? !JSON_TYPE.test(type.trim()) : hasBody(req);
    if (!refused) return next();
    res.status(415).type('application/json').json({ code: 'UNSUPPORTED_MEDIA_TYPE', message: MESSAGES[languageOf(req)] });
  };
}
