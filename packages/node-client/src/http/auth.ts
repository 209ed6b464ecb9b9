/**
 * Bearer API keys for the admin routes. Keys are compared as SHA-256 digests with
 * `timingSafeEqual`, against every configured key without stopping early, so neither the
 * position of a mismatch nor which key matched shows in the response time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthError, ForbiddenError } from '../errors.js';
import { headerOf } from './node/lazy-request.js';

/**
 * `read` keys may only GET the admin routes; `write` (alias `admin`) keys may use every admin
 * route; `store` keys may use only the store protocol (`/v1/store/*`), which bypasses the
 * workflow rules and so is given to no admin key.
 */
export type ApiKeyScope = 'read' | 'write' | 'admin' | 'store';

export type ApiKeys =
  | readonly { key: string; scope: ApiKeyScope }[]
  | ((key: string) => ApiKeyScope | null | Promise<ApiKeyScope | null>);

export type Access = 'read' | 'write' | 'store';

function digest(value: string): Buffer {
  // Stryker disable next-line StringLiteral: equivalent, an empty encoding name means utf8 too
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Resolves the bearer token of a request to its scope; throws 401/403 errors. */
export type Authorizer = (request: Request, needs: Access) => Promise<Access>;

export function createAuthorizer(keys: ApiKeys | undefined): Authorizer {
  const lookup = keyLookup(keys);
  return async (request, needs) => {
    const header = headerOf(request, 'authorization');
    if (!header) {
      throw new AuthError('Missing API key: send "Authorization: Bearer <key>"');
    }
    // Stryker disable next-line Regex: equivalent for `[^ \t]*$`, header values arrive trimmed (Fetch), so nothing follows the greedy key
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) throw new AuthError('Malformed Authorization header: expected "Bearer <key>"');
    const scope = await lookup(match[1]!);
    if (scope === null) throw new AuthError('Invalid API key');
    if (scope === 'store') {
      if (needs !== 'store') throw new ForbiddenError('A store key may only use /v1/store/*');
      return 'store';
    }
    if (needs === 'store') {
      throw new ForbiddenError('The store protocol needs a key of scope store');
    }
    const granted: Access = scope === 'read' ? 'read' : 'write';
    if (needs === 'write' && granted === 'read') {
      throw new ForbiddenError('This API key is read-only; use a write key for changes');
    }
    return granted;
  };
}

function keyLookup(keys: ApiKeys | undefined): (key: string) => Promise<ApiKeyScope | null> {
  if (typeof keys === 'function') return async (key) => keys(key);
  const entries = (keys ?? []).map(({ key, scope }) => {
    if (key.length < 16) throw new TypeError('API keys must be at least 16 characters long');
    return { hash: digest(key), scope };
  });
  return async (key) => {
    const candidate = digest(key);
    let found: ApiKeyScope | null = null;
    for (const entry of entries) {
      // Every entry is compared, match or not: the loop's time depends only on the key count.
      if (timingSafeEqual(candidate, entry.hash) && found === null) found = entry.scope;
    }
    return found;
  };
}
