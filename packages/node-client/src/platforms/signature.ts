/**
 * The signature both Shopify and WooCommerce put on their webhooks: a base64 HMAC-SHA256 of the
 * raw request body, keyed with the shared secret. Checked over the bytes as they arrived (never
 * over JSON parsed and serialized again, which reorders keys and rewrites escapes) and compared
 * in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The base64 HMAC-SHA256 of `body` keyed with `secret`, as the platforms send it. */
export function bodySignature(secret: string, body: Uint8Array | string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/**
 * True when `presented` is the signature of `body`. A missing, truncated or padded header is
 * false; the comparison takes the same time wherever the first difference is.
 */
export function signatureMatches(
  secret: string,
  body: Uint8Array,
  presented: string | null,
): boolean {
  if (presented === null) return false;
  const expected = Buffer.from(bodySignature(secret, body), 'utf8');
  const given = Buffer.from(presented.trim(), 'utf8');
  // Equal lengths first: timingSafeEqual throws otherwise. The length of a SHA-256 signature is
  // public, so answering early on it leaks nothing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
