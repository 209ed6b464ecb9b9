/**
 * Verifications written in groups: `recordVerification` calls made in the same turn of the event
 * loop (a busy server's concurrent checks) share one write transaction at the end of the turn, so
 * a commit, its WAL write and its locks are paid once per group instead of once per check. Each
 * call still gets the counts as of its own write, as if run alone in call order. A `findSerial`
 * made while verifications wait joins them: the group's lookups are read in one read transaction
 * first (in WAL mode a read never waits for another process's write lock).
 */
import type { SerialRecord } from '@serialkit/core';
import { ConnectionError } from '../../errors.js';
import type { VerificationCounts, VerificationInput } from '../../store.js';
import type { SqliteDatabaseLike } from './driver.js';
import { findSerial, recordVerification, type Statements } from './statements.js';

/** Runs `fn` on the store's open, migrated database (the store's `#run`). */
export type SqliteRun = <T>(fn: (db: SqliteDatabaseLike, s: Statements) => T) => T;

/** A call waiting for its group's transaction. */
interface Pending<R> {
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface PendingVerification extends Pending<VerificationCounts> {
  input: VerificationInput;
}

interface PendingLookup extends Pending<SerialRecord[]> {
  serial: string;
}

export class VerificationGroups {
  readonly #run: SqliteRun;
  readonly #closed: () => boolean;
  #verifications: PendingVerification[] = [];
  #lookups: PendingLookup[] = [];

  constructor(run: SqliteRun, closed: () => boolean) {
    this.#run = run;
    this.#closed = closed;
  }

  /** Records a verification with the others of this turn. */
  record(input: VerificationInput): Promise<VerificationCounts> {
    return new Promise((resolve, reject) => {
      this.#verifications.push({ input, resolve, reject });
      if (this.#verifications.length === 1) setImmediate(this.#write);
    });
  }

  /** Finds a serial's units: at once, or with the group when verifications of this turn wait. */
  find(serial: string): Promise<SerialRecord[]> {
    if (this.#verifications.length === 0) {
      try {
        return Promise.resolve(this.#run((_, s) => findSerial(s, serial)));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => {
      this.#lookups.push({ serial, resolve, reject });
    });
  }

  /** Writes (and reads) what waits now, without waiting for the end of the turn: before a close. */
  flush(): void {
    this.#write();
  }

  /** At the end of a turn: the waiting lookups in one read, then the verifications in one write. */
  readonly #write = (): void => {
    const group = this.#verifications;
    const lookups = this.#lookups;
    this.#verifications = [];
    this.#lookups = [];
    if (lookups.length > 0) {
      this.#settleAll<PendingLookup, SerialRecord[]>(
        lookups,
        (db, s) => db.transaction(() => lookups.map(({ serial }) => findSerial(s, serial)))(),
        (_, s, call) => findSerial(s, call.serial),
      );
    }
    if (group.length > 0) {
      this.#settleAll<PendingVerification, VerificationCounts>(
        group,
        (db, s) =>
          db.transaction(() => group.map(({ input }) => recordVerification(s, input))).immediate(),
        (db, s, call) => db.transaction(() => recordVerification(s, call.input)).immediate(),
      );
    }
  };

  /**
   * Settles waiting calls with what `all` returns for them together. When that throws, a lock
   * that outlasted the wait or a closed store fails every call; anything else may be one call's
   * bad input, which must not fail the others, so each is run on its own with `one`.
   */
  #settleAll<C extends Pending<R>, R>(
    calls: C[],
    all: (db: SqliteDatabaseLike, s: Statements) => R[],
    one: (db: SqliteDatabaseLike, s: Statements, call: C) => R,
  ): void {
    let results: R[];
    try {
      results = this.#run(all);
    } catch (error) {
      if (calls.length === 1 || ConnectionError.isInstance(error) || this.#closed()) {
        for (const call of calls) call.reject(error);
        return;
      }
      for (const call of calls) {
        try {
          call.resolve(this.#run((db, s) => one(db, s, call)));
        } catch (callError) {
          call.reject(callError);
        }
      }
      return;
    }
    for (let i = 0; i < calls.length; i++) (calls[i] as C).resolve(results[i] as R);
  }
}
