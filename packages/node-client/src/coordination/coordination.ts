/**
 * The state that several `serialkit serve` processes must share to act as one service: rate-limit
 * buckets and `Idempotency-Key` records. One small interface with three implementations:
 * `memoryCoordination()` (one process, the default), `sqliteCoordination({ filename })` (processes
 * on one machine sharing a SQLite file) and `postgresCoordination({ connectionString })` (any
 * number of machines on one PostgreSQL; the default of `serialkit serve --postgres`).
 *
 * Conventions: keys are opaque strings chosen by the caller (the handler hashes anything long or
 * secret before it gets here); clocks are the implementation's own (a shared one uses wall-clock
 * milliseconds, so hosts need roughly synchronized clocks, as NTP gives); a shared implementation
 * that cannot reach its database fails with a retryable `ConnectionError` (503), never with the
 * driver's message.
 */
import type { IdempotencyOptions } from '../http/idempotency.js';
import type { RateLimitOptions, TakeResult } from '../http/rate-limit.js';

/** `ok: true` with the whole tokens left, or `ok: false` with the seconds to wait (at least 1). */
export type RateLimitDecision = TakeResult;

/** A token bucket per key. Synchronous in memory, a promise when the state is shared. */
export interface RateLimiter {
  /** Takes `cost` tokens (default 1) from `key`'s bucket, or refuses and says when to retry. */
  hit(key: string, cost?: number): RateLimitDecision | Promise<RateLimitDecision>;
  /** Whether `key` has a token left, without taking it. */
  peek(key: string): RateLimitDecision | Promise<RateLimitDecision>;
  /** Refills `key`'s bucket, e.g. after the client passed a captcha. */
  reset(key: string): void | Promise<void>;
}

/**
 * Runs a write once per key: a repeat with the same request hash gets the first answer again
 * (`Idempotent-Replayed: true`), even from another process; a repeat with another hash is a 409.
 */
export interface IdempotencyRunner {
  run(key: string, requestHash: string, produce: () => Promise<Response>): Promise<Response>;
}

/** Options of a shared idempotency record, on top of the in-memory ones. */
export interface SharedIdempotencyOptions extends IdempotencyOptions {
  /**
   * How long a claim stays valid without renewal, in ms. The claiming process renews it while
   * the request runs; when that process dies, another may take the key over after this long.
   * Default 10,000.
   */
  leaseMs?: number;
  /**
   * Largest answer body kept for replay, in bytes. A larger answer is recorded as applied, and a
   * replay says so with a 409 instead of repeating it. Default 256 KiB.
   */
  maxResponseBytes?: number;
  /** Longest a repeat waits for the first request still running elsewhere, in ms. Default 30,000. */
  maxWaitMs?: number;
}

/**
 * Where a service keeps its shared state.
 *
 * @example
 * const coordination = postgresCoordination({ connectionString: process.env.DATABASE_URL! });
 * const handler = createHandler(client, { coordination, apiKeys });
 * // … on shutdown:
 * await coordination.close();
 */
export interface Coordination {
  /** `memory`, `sqlite` or `postgres`. */
  readonly kind: string;
  /** A rate limiter; buckets of different `name`s never mix (`public`, `auth`, …). */
  rateLimiter(name: string, policy: RateLimitOptions): RateLimiter;
  /** The `Idempotency-Key` records. */
  idempotency(options?: SharedIdempotencyOptions): IdempotencyRunner;
  /** Closes the connection the implementation owns (never a caller's pool). */
  close(): Promise<void>;
}
