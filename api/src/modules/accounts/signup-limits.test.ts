import { describe, expect, it } from 'vitest';
import { networkOf, refuseHoneypot } from './signup-limits.js';

describe('networkOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2::5', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['2001:db8:1:2:3:4:1.2.3.4', '2001:db8:1:2::/64'],
  ])('%s is in %s', (ip, network) => {
    expect(networkOf(ip)).toBe(network);
  });

  it.each(['seed', 'unknown', '', '300.1.1.1'])('%j is no network', (ip) => {
    expect(networkOf(ip)).toBeNull();
  });
});

describe('refuseHoneypot', () => {
  it('lets an empty or absent field pass and refuses any value', () => {
    expect(() => refuseHoneypot({})).not.toThrow();
    expect(() => refuseHoneypot({ website: null })).not.toThrow();
    expect(() => refuseHoneypot({ website: '' })).not.toThrow();
    expect(() => refuseHoneypot({ website: 'http://spam.example' })).toThrow(/Leave the website field empty/);
  });
});
