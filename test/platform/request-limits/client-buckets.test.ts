import { describe, expect, it } from 'vitest';
import { accountBucket, addressBucket } from '../../../src/platform/request-limits/client-buckets.js';

describe('the bucket a client counts in', () => {
  it('is an IPv4 address itself, also when Node writes it IPv4-mapped', () => {
    expect(addressBucket('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
  });

  it('is the /64 of an IPv6 address, so the addresses of one subscriber share it', () => {
    expect(addressBucket('2001:db8:1:2::1')).toBe('ip:2001:db8:1:2::/64');
    expect(addressBucket('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('ip:2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::7')).toBe('ip:2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('ip:0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('ip:fe80:0:0:0::/64');
  });

  it('reads an IPv6 address ending in dotted IPv4 form', () => {
    expect(addressBucket('64:ff9b:1:2::203.0.113.7')).toBe('ip:64:ff9b:1:2::/64');
    expect(addressBucket('1:2:3:4:5:6:203.0.113.7')).toBe('ip:1:2:3:4::/64');
  });

  it('is one bucket for requests whose address is unknown (the socket already closed)', () => {
    expect(addressBucket(undefined)).toBe('ip:unknown');
  });

  it('is the account for a signed-in caller, whichever address it calls from', () => {
    expect(accountBucket('a1')).toBe('account:a1');
  });
});
