/**
 * Who is calling: the address used as the rate-limit key and, cut to its network and hashed, as
 * the verification fingerprint.
 */
import { hash } from 'node:crypto';
import { isIP } from 'node:net';
import { headerOf } from './node/lazy-request.js';

/** What the server knows about the connection, beyond the Request (passed by adapters). */
export interface ConnectionInfo {
  /** The peer's address, e.g. `req.socket.remoteAddress` in Node. */
  remoteAddress?: string | undefined;
}

/** Headers that hosting platforms set to the client's address, overwriting what a client sent. */
export const PLATFORM_ADDRESS_HEADERS = ['cf-connecting-ip', 'fly-client-ip', 'x-real-ip'] as const;
export type PlatformAddressHeader = (typeof PLATFORM_ADDRESS_HEADERS)[number];

/** Where the client address comes from, beyond the peer address. */
export interface AddressSource {
  /**
   * Proxies of yours in front that append to `X-Forwarded-For`: the address is the entry this
   * many hops from the right (`true` means 1). Entries further left are written by the client and
   * never used. 0 or false: the peer address.
   */
  trustProxy?: boolean | number | undefined;
  /** A platform header to read the address from (only behind that platform). */
  addressHeader?: PlatformAddressHeader | undefined;
}

/**
 * The caller's address: the configured platform header, else the entry `trustProxy` hops from
 * the right of `X-Forwarded-For`, else the peer address. A value that is not an IP address (or a
 * header with fewer entries than hops) falls back to the peer: a client cannot choose its key.
 */
export function clientAddress(
  request: Request,
  info: ConnectionInfo | undefined,
  source: AddressSource,
): string {
  if (source.addressHeader) {
    const value = headerOf(request, source.addressHeader)?.trim();
    if (value && isIP(stripBrackets(value)) !== 0) return normalizeAddress(value);
  }
  const hops = source.trustProxy === true ? 1 : Number(source.trustProxy || 0);
  if (hops > 0) {
    const forwarded = headerOf(request, 'x-forwarded-for');
    if (forwarded) {
      const entries = forwarded.split(',').map((entry) => entry.trim());
      const entry = entries.length >= hops ? entries[entries.length - hops] : undefined;
      if (entry && isIP(stripBrackets(entry)) !== 0) return normalizeAddress(entry);
    }
  }
  return info?.remoteAddress ? normalizeAddress(info.remoteAddress) : 'unknown';
}

function stripBrackets(value: string): string {
  return value.startsWith('[') ? value.slice(1, value.indexOf(']')) : value;
}

/**
 * IPv4-mapped addresses become IPv4; IPv6 addresses are cut to their /64 prefix, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through fresh rate limits.
 */
export function normalizeAddress(address: string): string {
  let value = address.trim().toLowerCase();
  if (value.startsWith('[')) value = value.slice(1, value.indexOf(']'));
  const zone = value.indexOf('%');
  if (zone !== -1) value = value.slice(0, zone);
  if (value.startsWith('::ffff:') && value.includes('.')) return value.slice(7);
  if (!value.includes(':')) return value;
  const [head = '', tail = ''] = value.split('::');
  const left = head ? head.split(':') : [];
  const right = value.includes('::') && tail ? tail.split(':') : [];
  const groups = value.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The network an address belongs to, as clone detection counts clients: the /24 of an IPv4
 * address, the /64 of an IPv6 address (already cut by {@link normalizeAddress}). One client
 * rotating its user agent, or its addresses within one network, counts once.
 */
export function networkPrefix(address: string): string {
  if (address.includes(':')) return address;
  const parts = address.split('.');
  if (parts.length !== 4) return address;
  return `${parts[0]}.${parts[1]}.${parts[2]}.0/24`;
}

/**
 * The default client fingerprint for clone detection: a hash of the caller's network prefix.
 * The client HMACs it again with its verify secret before it reaches the store.
 */
export function fingerprintOf(address: string): string {
  // One-shot hashing: several times cheaper than a Hash object for a string this short.
  return hash('sha256', networkPrefix(address), 'base64url').slice(0, 22);
}
