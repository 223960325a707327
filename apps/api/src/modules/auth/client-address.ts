import type { Request } from 'express';
import ipaddr from 'ipaddr.js';
import type { AppConfig } from '../../config/app-config';

type RequestAddress = Pick<Request, 'ip'> & { socket?: { remoteAddress?: string } };

/**
 * The one step from a request to the client network that every per-client limit counts by (sign-in
 * throttling, booking and manage-link limits, the open statistics). Starts from Express's `req.ip`,
 * which honours TRUST_PROXY (the right-most untrusted X-Forwarded-For entry). An IPv4 address seen
 * through an IPv6 socket (`::ffff:203.0.113.1`) counts as the IPv4 address. IPv6 addresses are grouped
 * by their /64 (IPV6_PREFIX): one home or phone connection is handed a whole /64, so counting exact
 * addresses would give one person billions of tries. IPv4 counts per address (IPV4_PREFIX, /32) by
 * default: a library's whole network is often one address already.
 *
 * Answers `203.0.113.7/32` or `2001:db8:1:2::/64`; `unknown` when there is no address.
 */
export function clientNetwork(req: RequestAddress, network: AppConfig['network']): string {
  const raw = req.ip ?? req.socket?.remoteAddress;
  if (!raw || !ipaddr.isValid(raw)) return 'unknown';
  const address = ipaddr.process(raw); // ::ffff:a.b.c.d → a.b.c.d
  const prefix = address.kind() === 'ipv4' ? network.ipv4Prefix : network.ipv6Prefix;
  const cidr = `${address.toString()}/${prefix}`;
  const base = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${base.toString()}/${prefix}`;
}

/** Whether the TCP peer itself (not a forwarded address) is this machine. */
export function fromLoopback(req: RequestAddress): boolean {
  const peer = req.socket?.remoteAddress;
  if (!peer || !ipaddr.isValid(peer)) return false;
  return ipaddr.process(peer).range() === 'loopback';
}
