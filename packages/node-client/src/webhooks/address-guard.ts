/**
 * Where webhooks may go: public unicast addresses only, unless the operator allows private ones.
 * Checked on the addresses a name resolves to, at connect time (the checked address is the one
 * connected to, so a name that resolves differently a second later cannot slip through).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** IPv4 ranges that are not the public internet: [first octets as a number, prefix length]. */
const PRIVATE_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

function v4Number(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function isPrivateV4(value: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(value / size) === Math.floor(v4Number(base) / size);
  });
}

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const quad = dotted[1] as string;
    const n = v4Number(quad);
    text = `${text.slice(0, -quad.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => Number.parseInt(group, 16));
}

function isPrivateV6(address: string): boolean {
  const g = v6Groups(address);
  const first = g[0] as number;
  const embedded = ((g[6] as number) * 65536 + (g[7] as number)) >>> 0;
  const zeroThrough = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroThrough(8)) return true; // ::
  if (zeroThrough(7) && g[7] === 1) return true; // ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): the
  // IPv4 address inside decides.
  if (zeroThrough(5) && g[5] === 0xffff) return isPrivateV4(embedded);
  if (zeroThrough(6)) return isPrivateV4(embedded);
  if (first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return isPrivateV4(embedded);
  }
  if ((first & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((first & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/**
 * True when an IP address is private, loopback, link-local, multicast or otherwise not a public
 * unicast address (IPv4-mapped IPv6 addresses are judged by the IPv4 address inside).
 *
 * @example
 * isNonPublicAddress('169.254.169.254'); // true
 * isNonPublicAddress('::ffff:127.0.0.1'); // true
 * isNonPublicAddress('93.184.216.34'); // false
 */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address.split('%')[0] as string);
  if (family === 4) return isPrivateV4(v4Number(address));
  if (family === 6) return isPrivateV6(address);
  return true;
}

/** Why a target was refused (the message of the delivery's error). */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'refused_address';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for node:http(s) that refuses non-public addresses unless allowed. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate
        ? undefined
        : addresses.find((a) => isNonPublicAddress(a.address));
      if (refused) {
        return callback(
          new RefusedAddressError(
            `${hostname} resolves to ${refused.address}, which is not a public address`,
          ),
          [],
        );
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new RefusedAddressError(`${hostname} has no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Refuses a URL whose host is a literal non-public IP address (names are checked on lookup).
 * Returns the reason, or null when the URL may be tried.
 */
export function literalAddressRefusal(url: URL, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host) !== 0 && isNonPublicAddress(host)) {
    return `${host} is not a public address`;
  }
  // Names that always mean this machine, whatever a resolver says.
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is this machine`;
  return null;
}
