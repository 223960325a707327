import { signInThrottleAddress } from './client-address';

describe(signInThrottleAddress.name, () => {
  it('counts by the address Express worked out from TRUST_PROXY (req.ip)', () => {
    expect(signInThrottleAddress({ ip: '203.0.113.7', socket: { remoteAddress: '127.0.0.1' } })).toBe('203.0.113.7');
    expect(signInThrottleAddress({ ip: '2001:db8::1' })).toBe('2001:db8::1');
  });

  it('counts an IPv4 address seen through an IPv6 socket as the IPv4 address', () => {
    expect(signInThrottleAddress({ ip: '::ffff:203.0.113.7' })).toBe('203.0.113.7');
  });

  it('falls back to the socket, and never returns more than the column holds', () => {
    expect(signInThrottleAddress({ ip: undefined, socket: { remoteAddress: '::ffff:127.0.0.1' } })).toBe('127.0.0.1');
    expect(signInThrottleAddress({ ip: undefined })).toBe('unknown');
    expect(signInThrottleAddress({ ip: 'x'.repeat(100) })).toHaveLength(64);
  });
});
