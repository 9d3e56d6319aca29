import { isIPv4, isIPv6 } from 'node:net';

/**
 * The bucket a client address counts in: an IPv4 address as itself (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address as its /64, since one subscriber usually holds a
 * whole /64 and could otherwise take a fresh address for every request.
 */
export function addressBucket(ip: string | undefined): string {
  if (!ip) return 'ip:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return `ip:${mapped}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  return `ip:${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
}

/** The bucket of a signed-in account, whichever address it calls from. */
export const accountBucket = (userId: string) => `account:${userId}`;

/** The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const address = ip.replace(/%.*$/, '');
  // A trailing dotted IPv4 part stands for the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  const hex = dotted ? address.slice(0, -dotted.length) + ipv4AsGroups(dotted) : address;
  const [head, tail] = hex.split('::') as [string, string | undefined];
  const split = (part: string | undefined) => (part ? part.split(':') : []);
  const before = split(head);
  const after = split(tail);
  const groups = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return groups.map((group) => parseInt(group, 16).toString(16));
}

function ipv4AsGroups(ip: string): string {
  const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
