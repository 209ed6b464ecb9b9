/**
 * The batching engine behind `serials.register` and CSV imports: buffers validated rows,
 * inserts them in batches, and reports rejected rows in input order. It holds one batch at a
 * time, so inputs of any size stream through in constant memory.
 *
 * Duplicates need no client-side set: a repeat within a batch, or of a row of an earlier batch
 * (already committed), is a conflict the store reports.
 */
import { SerialkitError } from '../errors.js';
import type { SerialInsert, SerialStore } from '../store.js';

export interface RegistrarHooks<R> {
  /** The rejection of a row the store reported as a duplicate. */
  duplicate(tag: number, row: SerialInsert): R;
  /** Rejections of one flushed batch (invalid and duplicate rows), sorted by tag. */
  rejected(rejections: R[]): void;
  /**
   * A batch the store failed to insert (nothing of it is kept). Without this hook the error is
   * thrown; with it, registration goes on with the next batch.
   */
  failed?(error: unknown, tags: number[]): void;
}

export class Registrar<R> {
  registered = 0;
  duplicates = 0;
  /** Rows of batches the store failed to insert. */
  failed = 0;
  readonly #store: SerialStore;
  readonly #batchSize: number;
  readonly #hooks: RegistrarHooks<R>;
  #rows: SerialInsert[] = [];
  #tags: number[] = [];
  #rejected: { tag: number; value: R }[] = [];

  constructor(store: SerialStore, batchSize: number, hooks: RegistrarHooks<R>) {
    this.#store = store;
    this.#batchSize = Math.max(1, Math.floor(batchSize));
    this.#hooks = hooks;
  }

  /** Rows waiting for the next flush. */
  get pending(): number {
    return this.#rows.length;
  }

  /** Records a row rejected before it reached the store; reported with its batch. */
  reject(tag: number, rejection: R): void {
    this.#rejected.push({ tag, value: rejection });
  }

  /**
   * Buffers a row. Returns a promise only when the batch is full and being flushed, so the hot
   * loop awaits once per batch instead of once per row.
   */
  add(row: SerialInsert, tag: number): Promise<void> | undefined {
    this.#rows.push(row);
    this.#tags.push(tag);
    return this.#rows.length >= this.#batchSize ? this.flush() : undefined;
  }

  /** Inserts the buffered rows and reports the batch's rejections. */
  async flush(): Promise<void> {
    const rows = this.#rows;
    const tags = this.#tags;
    const rejected = this.#rejected;
    this.#rows = [];
    this.#tags = [];
    this.#rejected = [];
    if (rows.length > 0) {
      try {
        const result = await this.#store.insertSerials(rows);
        this.registered += result.inserted;
        this.duplicates += result.conflicts.length;
        for (const index of result.conflicts) {
          const tag = tags[index]!;
          rejected.push({ tag, value: this.#hooks.duplicate(tag, rows[index]!) });
        }
      } catch (error) {
        if (!this.#hooks.failed) throw this.#stopped(error, tags);
        this.failed += rows.length;
        this.#hooks.failed(error, tags);
      }
    }
    if (rejected.length > 0) {
      rejected.sort((a, b) => a.tag - b.tag);
      this.#hooks.rejected(rejected.map((entry) => entry.value));
    }
  }

  /** The store's error, restated with how far registration got (earlier batches are kept). */
  #stopped(error: unknown, tags: number[]): SerialkitError {
    const message = error instanceof Error ? error.message : String(error);
    const details = {
      registered: this.registered,
      failedFrom: tags[0],
      failedTo: tags[tags.length - 1],
    };
    const text = `Registration stopped after ${this.registered} units: the batch of rows ${details.failedFrom}–${details.failedTo} was not stored (${message})`;
    if (SerialkitError.isInstance(error)) {
      return new SerialkitError(error.code, text, {
        status: error.status,
        retryable: error.retryable,
        cause: error,
        ...(error.issues ? { issues: error.issues } : {}),
        details: { ...error.details, ...details },
      });
    }
    return new SerialkitError('internal', text, { cause: error, details });
  }
}
