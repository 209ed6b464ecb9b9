/** Token-bucket arithmetic the shared rate limiters have in common (the SQL does the refill). */
import { createHash } from 'node:crypto';
import type { RateLimitOptions } from '../http/rate-limit.js';
import type { RateLimitDecision } from './coordination.js';

/** A row key of bounded size: the limiter's name and the client key, hashed when long. */
export function bucketKey(name: string, key: string): string {
  const full = `${name}:${key}`;
  return full.length <= 128
    ? full
    : `${name}:#${createHash('sha256').update(key).digest('base64url')}`;
}

/** How long until an untouched bucket is full again: after that its row means nothing. */
export function bucketLifetimeMs(policy: RateLimitOptions): number {
  if (!(policy.capacity >= 1) || !(policy.refillPerSecond > 0)) {
    throw new TypeError('rateLimit needs capacity ≥ 1 and refillPerSecond > 0');
  }
  return Math.ceil((policy.capacity / policy.refillPerSecond) * 1000);
}

/** A refusal with the whole seconds until `cost` tokens are back (at least 1). */
export function refusal(tokens: number, cost: number, policy: RateLimitOptions): RateLimitDecision {
  return {
    ok: false,
    retryAfter: Math.max(1, Math.ceil((cost - tokens) / policy.refillPerSecond)),
  };
}

/** A stored bucket (absent: full). */
export interface BucketRow {
  tokens: number;
  at_ms: number | string;
  expires_ms: number | string;
}

/** Whether a stored bucket has a token now, without taking it. */
export function peeked(row: BucketRow | undefined, policy: RateLimitOptions): RateLimitDecision {
  const now = Date.now();
  const tokens =
    !row || Number(row.expires_ms) <= now
      ? policy.capacity
      : Math.min(
          policy.capacity,
          row.tokens + (Math.max(0, now - Number(row.at_ms)) / 1000) * policy.refillPerSecond,
        );
  return tokens >= 1 ? { ok: true, remaining: Math.floor(tokens) } : refusal(tokens, 1, policy);
}
