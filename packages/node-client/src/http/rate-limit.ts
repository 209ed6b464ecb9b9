/**
 * Token buckets per client key (in memory). Each key holds `capacity` tokens, refilled at
 * `refillPerSecond`; a request takes one. The map is bounded: when full, the least recently
 * seen key is evicted (a forgotten client starts again with a full bucket, the worst case is a
 * burst of `capacity` more requests).
 */

export interface RateLimitOptions {
  /** Burst size: requests a client may make at once. */
  capacity: number;
  /** Sustained rate: tokens added per second. */
  refillPerSecond: number;
  /** Most keys remembered at once. Default 50,000. */
  maxKeys?: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfter: number };

export class TokenBucketLimiter {
  readonly #capacity: number;
  readonly #refill: number;
  readonly #maxKeys: number;
  // Map iteration order is insertion order: re-inserting on use keeps it least-recent first.
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: RateLimitOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
      throw new TypeError('rateLimit needs capacity ≥ 1 and refillPerSecond > 0');
    }
    this.#capacity = options.capacity;
    this.#refill = options.refillPerSecond;
    this.#maxKeys = options.maxKeys ?? 50_000;
  }

  /** Number of keys currently remembered. */
  get size(): number {
    return this.#buckets.size;
  }

  /** Takes `cost` tokens (default one) for `key`; `retryAfter` is in whole seconds (at least 1). */
  take(key: string, now = performance.now(), cost = 1): TakeResult {
    const bucket = this.#buckets.get(key);
    let tokens = this.#capacity;
    if (bucket) {
      tokens = Math.min(this.#capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.#refill);
      this.#buckets.delete(key);
    } else if (this.#buckets.size >= this.#maxKeys) {
      const oldest = this.#buckets.keys().next();
      // Stryker disable next-line ConditionalExpression: equivalent, deleting an absent key from a Map does nothing
      if (!oldest.done) this.#buckets.delete(oldest.value);
    }
    if (tokens >= cost) {
      this.#buckets.set(key, { tokens: tokens - cost, at: now });
      return { ok: true, remaining: Math.floor(tokens - cost) };
    }
    this.#buckets.set(key, { tokens, at: now });
    return { ok: false, retryAfter: Math.max(1, Math.ceil((cost - tokens) / this.#refill)) };
  }

  /** Whether `key` has a token left, without taking it (`retryAfter` as for {@link take}). */
  peek(key: string, now = performance.now()): TakeResult {
    const bucket = this.#buckets.get(key);
    if (!bucket) return { ok: true, remaining: this.#capacity };
    const tokens = Math.min(
      this.#capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.#refill,
    );
    if (tokens >= 1) return { ok: true, remaining: Math.floor(tokens) };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / this.#refill)) };
  }

  /** Refills a key's bucket, e.g. after the client passed a captcha. */
  reset(key: string): void {
    this.#buckets.delete(key);
  }
}
