/**
 * Replays the stored answer of a write repeated with the same `Idempotency-Key`, so a client
 * that retries after a timeout applies its change once. In memory and bounded: entries expire
 * after `ttlMs`, and the oldest are dropped when `maxEntries` is reached.
 */
import { ConflictError } from '../errors.js';

/** An answer as kept for replay. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  headers: [string, string][];
  body: string;
}

interface Entry {
  expires: number;
  value: Promise<StoredResponse>;
}

export interface IdempotencyOptions {
  /** How long a key is remembered. Default 24 hours. */
  ttlMs?: number;
  /** Most keys remembered at once. Default 10,000. */
  maxEntries?: number;
}

/** Statuses that say nothing was decided yet, so a retry must run again instead of replaying. */
export const NOT_REPLAYED: ReadonlySet<number> = new Set([401, 403, 408, 429]);

export class IdempotencyCache {
  readonly #ttl: number;
  readonly #max: number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: IdempotencyOptions = {}) {
    this.#ttl = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.#max = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Runs `produce` once per key. A repeat with the same request gets the first answer again
   * (with `Idempotent-Replayed: true`), even while the first is still running; a repeat with a
   * different request is a 409.
   */
  async run(
    key: string,
    requestHash: string,
    produce: () => Promise<Response>,
    now = Date.now(),
  ): Promise<Response> {
    const existing = this.#entries.get(key);
    if (existing && existing.expires > now) {
      let stored: StoredResponse;
      try {
        stored = await existing.value;
      } catch {
        // The first attempt failed without an answer worth keeping: this one runs for real.
        return this.run(key, requestHash, produce, now);
      }
      if (stored.requestHash !== requestHash) {
        throw new ConflictError('This Idempotency-Key was used for a different request', {
          details: { idempotencyKey: key.slice(key.lastIndexOf('\u0000') + 1) },
        });
      }
      return replay(stored);
    }
    this.#evict(now);
    let settle!: (value: StoredResponse) => void;
    let fail!: (error: unknown) => void;
    const value = new Promise<StoredResponse>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    value.catch(() => {});
    this.#entries.set(key, { expires: now + this.#ttl, value });
    try {
      const response = await produce();
      if (response.status >= 500 || NOT_REPLAYED.has(response.status)) {
        this.#entries.delete(key);
        // Stryker disable next-line StringLiteral: equivalent, a waiting repeat catches it and runs again
        fail(new Error('not stored'));
        return response;
      }
      const body = await response.text();
      const stored: StoredResponse = {
        requestHash,
        status: response.status,
        headers: [...response.headers],
        body,
      };
      settle(stored);
      return replay(stored, false);
    } catch (error) {
      this.#entries.delete(key);
      fail(error);
      throw error;
    }
  }

  #evict(now: number): void {
    // Stryker disable next-line ConditionalExpression: equivalent, an expired entry counts as absent, so sweeping it sooner changes only memory
    if (this.#entries.size < this.#max) return;
    for (const [key, entry] of this.#entries) {
      if (entry.expires <= now) this.#entries.delete(key);
    }
    while (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }
}

/** The Response of a kept answer; `replayed` adds `Idempotent-Replayed: true`. */
export function replay(stored: StoredResponse, replayed = true): Response {
  const headers = new Headers(stored.headers);
  if (replayed) headers.set('idempotent-replayed', 'true');
  return new Response(stored.status === 204 ? null : stored.body, {
    status: stored.status,
    headers,
  });
}
