import type { Request } from 'express';

/**
 * The one step from a request to the client address that sign-in throttling counts by: Express's
 * `req.ip`, which honours TRUST_PROXY (the right-most untrusted X-Forwarded-For entry). An IPv4 address
 * seen through an IPv6 socket (`::ffff:203.0.113.1`) counts as the IPv4 address. Issue 17 groups IPv6
 * addresses by /64 here.
 */
export function signInThrottleAddress(req: Pick<Request, 'ip'> & { socket?: { remoteAddress?: string } }): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
  return (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice('::ffff:'.length) : ip).slice(0, 64);
}
