/** `memoryCoordination()`: rate limits and idempotency records kept in this process. */
import { IdempotencyCache } from '../http/idempotency.js';
import { TokenBucketLimiter } from '../http/rate-limit.js';
import type { Coordination, RateLimiter } from './coordination.js';

/**
 * Shared state kept in this process only (the policy and options of the first call per name
 * win): right for one process, wrong behind a load balancer
 * (each instance then grants its own burst and remembers only its own idempotency keys).
 *
 * @example
 * const handler = createHandler(client, { coordination: memoryCoordination() });
 */
export function memoryCoordination(): Coordination {
  // One set of buckets per limiter name and one cache, as a shared implementation has one table.
  const limiters = new Map<string, TokenBucketLimiter>();
  let cache: IdempotencyCache | undefined;
  return {
    kind: 'memory',
    rateLimiter(name, policy): RateLimiter {
      let buckets = limiters.get(name);
      if (!buckets) {
        buckets = new TokenBucketLimiter(policy);
        limiters.set(name, buckets);
      }
      const limiter = buckets;
      return {
        hit: (key, cost = 1) => limiter.take(key, performance.now(), cost),
        peek: (key) => limiter.peek(key),
        reset: (key) => limiter.reset(key),
      };
    },
    idempotency(options) {
      cache ??= new IdempotencyCache(options);
      return cache;
    },
    close: async () => {},
  };
}
