/**
 * CORS for the public routes: only the storefront origins the merchant configured may call them
 * from a browser. Admin routes never answer with CORS headers, so a page cannot use an admin key
 * it somehow obtained.
 */

export interface CorsPolicy {
  /** Headers to add to a public response for this request's Origin (empty when not allowed). */
  headersFor(origin: string | null): Record<string, string>;
  /** The answer to a preflight request, or null when the origin is not allowed. */
  preflight(origin: string | null, allowMethods: string[]): Record<string, string> | null;
}

const ALLOWED_HEADERS = 'content-type, if-none-match, x-serialkit-proof';
const EXPOSED_HEADERS = 'etag, retry-after, x-request-id';

/**
 * `origins`: exact origins (`https://shop.example`), or `*` for any (public data only, so a
 * wildcard is safe, but it also lets any site spend the shop's rate limit).
 */
export function corsPolicy(origins: readonly string[]): CorsPolicy {
  const any = origins.includes('*');
  const allowed = new Set(origins.map(normalizeOrigin));
  const allows = (origin: string | null): origin is string =>
    origin !== null && (any || allowed.has(normalizeOrigin(origin)));
  return {
    headersFor(origin): Record<string, string> {
      if (!allows(origin)) return { vary: 'Origin' };
      return {
        vary: 'Origin',
        'access-control-allow-origin': origin,
        'access-control-expose-headers': EXPOSED_HEADERS,
      };
    },
    preflight(origin, allowMethods) {
      if (!allows(origin)) return null;
      return {
        vary: 'Origin',
        'access-control-allow-origin': origin,
        'access-control-allow-methods': allowMethods.join(', '),
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
      };
    },
  };
}

function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}
