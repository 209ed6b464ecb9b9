/**
 * Who is calling: the address used as the rate-limit key and, hashed with the user agent, as the
 * verification fingerprint.
 */
import { hash } from 'node:crypto';
import { headerOf } from './request-body.js';

/** What the server knows about the connection, beyond the Request (passed by adapters). */
export interface ConnectionInfo {
  /** The peer's address, e.g. `req.socket.remoteAddress` in Node. */
  remoteAddress?: string | undefined;
}

/**
 * `trustProxy`: false — the peer address only; true — the first X-Forwarded-For entry (every
 * hop is yours); a number n — the n-th entry from the right (n proxies of yours in front).
 */
export function clientAddress(
  request: Request,
  info: ConnectionInfo | undefined,
  trustProxy: boolean | number,
): string {
  if (trustProxy !== false) {
    const forwarded = headerOf(request, 'x-forwarded-for');
    if (forwarded) {
      const hops = forwarded
        .split(',')
        .map((hop) => hop.trim())
        .filter(Boolean);
      const hop = trustProxy === true ? hops[0] : hops[Math.max(0, hops.length - trustProxy)];
      if (hop) return normalizeAddress(hop);
    }
  }
  return info?.remoteAddress ? normalizeAddress(info.remoteAddress) : 'unknown';
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

/** A hash of address and user agent: stable per client; neither travels further in the clear. */
export function fingerprintOf(address: string, userAgent: string): string {
  // One-shot hashing: several times cheaper than a Hash object for a string this short.
  return hash('sha256', `${address}\n${userAgent}`, 'base64url').slice(0, 22);
}
