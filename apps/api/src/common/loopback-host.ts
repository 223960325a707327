import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * A trial that listens on loopback only answers requests addressed to this computer (`localhost`,
 * 127.x.x.x, `[::1]`) or to PUBLIC_URL's host. A page on another site cannot reach it through DNS
 * rebinding (its own name pointed at 127.0.0.1): the browser sends that name as Host, and gets 421.
 */
export function loopbackHostOnly(publicUrl: string): RequestHandler {
  const allowed = new Set(['localhost', '127.0.0.1', '[::1]', new URL(publicUrl).hostname.toLowerCase()]);
  return (req: Request, res: Response, next: NextFunction) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    if (allowed.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return next();
    res.status(421).type('text/plain').send('This trial of Digihjälpen only answers on this computer: open it as http://localhost.');
  };
}
