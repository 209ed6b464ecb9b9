/**
 * Idempotency over records kept in a database, so a retry that lands on another process is
 * replayed. A key is claimed (one row, inserted or taken over atomically), the request runs, and
 * the answer is completed into the row; a repeat meanwhile waits for the row to complete. The
 * claimer renews its lease while it runs, so a process killed mid-request leaves a claim that
 * expires after `leaseMs` and the next retry runs the request for real. A request the database
 * never committed is safe to run again; one it committed answers the retry as the store would
 * answer a repeat (a conflict for a unit already shipped), never applying it twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, ConnectionError } from '../errors.js';
import { NOT_REPLAYED, replay, type StoredResponse } from '../http/idempotency.js';
import type { IdempotencyRunner, SharedIdempotencyOptions } from './coordination.js';

/** What a claim found. */
export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'pending'; requestHash: string }
  | { kind: 'done'; requestHash: string; response: StoredResponse | null };

/** The rows behind a shared runner; `id` is a fixed-size digest, times are epoch ms. */
export interface IdempotencyRecords {
  /** Inserts a pending row owned by `token`, or takes over an expired one; else reports the row. */
  claim(
    id: string,
    requestHash: string,
    token: string,
    now: number,
    lockedUntil: number,
    expiresAt: number,
  ): Promise<IdempotencyClaim>;
  /** Extends the lease of a row `token` still owns. */
  renew(id: string, token: string, lockedUntil: number): Promise<void>;
  /** Stores the answer (null: applied, too large to keep) in the row `token` owns. */
  complete(id: string, token: string, response: StoredResponse | null): Promise<void>;
  /** Deletes the row `token` owns: nothing was decided, the next attempt runs for real. */
  release(id: string, token: string): Promise<void>;
  /** Deletes expired rows and, past `maxEntries`, the oldest. */
  prune(now: number, maxEntries: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const encoder = new TextEncoder();

/** Prune after this many claims (and at the first), so the table stays near its bound. */
const PRUNE_EVERY = 500;

export class SharedIdempotency implements IdempotencyRunner {
  readonly #records: IdempotencyRecords;
  readonly #ttl: number;
  readonly #max: number;
  readonly #lease: number;
  readonly #maxBody: number;
  readonly #maxWait: number;
  #claims = 0;

  constructor(records: IdempotencyRecords, options: SharedIdempotencyOptions = {}) {
    this.#records = records;
    this.#ttl = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.#max = options.maxEntries ?? 100_000;
    this.#lease = options.leaseMs ?? 10_000;
    this.#maxBody = options.maxResponseBytes ?? 256 * 1024;
    this.#maxWait = options.maxWaitMs ?? 30_000;
  }

  async run(key: string, requestHash: string, produce: () => Promise<Response>): Promise<Response> {
    const id = createHash('sha256').update(key).digest('base64url');
    const token = randomUUID();
    const started = Date.now();
    if (this.#claims++ % PRUNE_EVERY === 0) {
      // Best effort: a failed prune leaves rows for the next one.
      this.#records.prune(started, this.#max).catch(() => {});
    }
    for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
      const now = Date.now();
      const claim = await this.#records.claim(
        id,
        requestHash,
        token,
        now,
        now + this.#lease,
        now + this.#ttl,
      );
      if (claim.kind === 'claimed') break;
      if (claim.requestHash !== requestHash) throw mismatch(key);
      if (claim.kind === 'done') {
        if (claim.response) return replay(claim.response);
        throw new ConflictError(
          'The request with this Idempotency-Key was applied; its answer was too large to keep',
          { details: { idempotencyKey: shownKey(key) } },
        );
      }
      if (now - started >= this.#maxWait) {
        throw new ConnectionError(
          'The first request with this Idempotency-Key is still running; retry later',
          { details: { retryAfter: 1 } },
        );
      }
      await sleep(pause);
    }
    return this.#runClaimed(id, token, produce);
  }

  async #runClaimed(id: string, token: string, produce: () => Promise<Response>) {
    const renewal = setInterval(() => {
      this.#records.renew(id, token, Date.now() + this.#lease).catch(() => {});
    }, this.#lease / 3);
    renewal.unref?.();
    let response: Response;
    try {
      response = await produce();
    } catch (error) {
      clearInterval(renewal);
      await this.#records.release(id, token).catch(() => {});
      throw error;
    }
    try {
      if (response.status >= 500 || NOT_REPLAYED.has(response.status)) {
        await this.#records.release(id, token).catch(() => {});
        return response;
      }
      const body = await response.text();
      const stored: StoredResponse = {
        requestHash: '',
        status: response.status,
        headers: [...response.headers],
        body,
      };
      const kept = encoder.encode(body).byteLength <= this.#maxBody ? stored : null;
      // The change is made: the caller gets its answer even if the record cannot be written
      // (the claim then expires, and a retry meets the store's own answer to a repeat).
      await this.#records.complete(id, token, kept).catch(() => {});
      return replay(stored, false);
    } finally {
      clearInterval(renewal);
    }
  }
}

function shownKey(key: string): string {
  return key.slice(key.lastIndexOf('\u0000') + 1);
}

function mismatch(key: string): ConflictError {
  return new ConflictError('This Idempotency-Key was used for a different request', {
    details: { idempotencyKey: shownKey(key) },
  });
}
