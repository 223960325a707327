import { clientNetwork, fromLoopback } from './client-address';

const DEFAULT = { ipv4Prefix: 32, ipv6Prefix: 64 };

describe(clientNetwork.name, () => {
  it('counts IPv4 per address by default, from req.ip (which honours TRUST_PROXY), not the socket', () => {
    expect(clientNetwork({ ip: '203.0.113.7', socket: { remoteAddress: '127.0.0.1' } }, DEFAULT)).toBe('203.0.113.7/32');
  });

  it('groups IPv6 addresses by their /64: rotating the lower half changes nothing', () => {
    expect(clientNetwork({ ip: '2001:db8:1:2::1' }, DEFAULT)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork({ ip: '2001:db8:1:2:dead:beef:0:7' }, DEFAULT)).toBe('2001:db8:1:2::/64');
    expect(clientNetwork({ ip: '2001:db8:1:3::1' }, DEFAULT)).toBe('2001:db8:1:3::/64');
  });

  it('follows the configured prefixes', () => {
    expect(clientNetwork({ ip: '203.0.113.7' }, { ipv4Prefix: 24, ipv6Prefix: 48 })).toBe('203.0.113.0/24');
    expect(clientNetwork({ ip: '2001:db8:1:2::1' }, { ipv4Prefix: 24, ipv6Prefix: 48 })).toBe('2001:db8:1::/48');
  });

  it('counts an IPv4 address seen through an IPv6 socket as the IPv4 address', () => {
    expect(clientNetwork({ ip: '::ffff:203.0.113.7' }, DEFAULT)).toBe('203.0.113.7/32');
    expect(clientNetwork({ ip: undefined, socket: { remoteAddress: '::ffff:127.0.0.1' } }, DEFAULT)).toBe('127.0.0.1/32');
  });

  it('answers unknown for no address or something that is not one', () => {
    expect(clientNetwork({ ip: undefined }, DEFAULT)).toBe('unknown');
    expect(clientNetwork({ ip: 'x'.repeat(100) }, DEFAULT)).toBe('unknown');
  });
});

describe(fromLoopback.name, () => {
  it('looks at the TCP peer, never at a forwarded address', () => {
    expect(fromLoopback({ ip: '203.0.113.7', socket: { remoteAddress: '127.0.0.1' } })).toBe(true);
    expect(fromLoopback({ ip: '127.0.0.1', socket: { remoteAddress: '::ffff:127.0.0.1' } })).toBe(true);
    expect(fromLoopback({ ip: '::1', socket: { remoteAddress: '::1' } })).toBe(true);
    expect(fromLoopback({ ip: '127.0.0.1', socket: { remoteAddress: '192.168.1.20' } })).toBe(false);
    expect(fromLoopback({ ip: '127.0.0.1' })).toBe(false);
  });
});
