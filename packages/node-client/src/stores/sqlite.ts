/**
 * The SQLite store (better-sqlite3): serialkit's embedded default, one file per deployment.
 *
 * better-sqlite3 is synchronous, so within a process every method runs to completion before the
 * next starts and transactions never interleave. Across processes, write transactions start with
 * BEGIN IMMEDIATE (taking the write lock up front, so they never fail half-way on a lock upgrade)
 * and wait up to `busyTimeout` for it. WAL lets readers run while a writer writes.
 */
import type { SerialStore } from '../store.js';
import type { SqliteDatabaseLike } from './sqlite/driver.js';
import { SqliteStore } from './sqlite/store.js';

export type { SqliteDatabaseLike, SqliteStatementLike } from './sqlite/driver.js';

/** Options of `sqliteStore`: a file to open, or a database the caller opened (and closes). */
export type SqliteStoreOptions =
  | {
      /** Path of the database file (created if missing), or ':memory:'. */
      filename: string;
      /** Open read-only; the schema must already be migrated. */
      readonly?: boolean;
      /** How long a write waits for another process's lock, in ms. Default 5000. */
      busyTimeout?: number;
    }
  | {
      /** An open better-sqlite3 database. The store sets its pragmas but never closes it. */
      database: SqliteDatabaseLike;
      busyTimeout?: number;
    };

/**
 * Creates a `SerialStore` in a SQLite file, with better-sqlite3 (an optional peer dependency:
 * `npm install better-sqlite3`). The file is opened and migrated on first use.
 *
 * @example
 * import { sqliteStore } from '@serialkit/node-client';
 *
 * const store = sqliteStore({ filename: 'serialkit.db' });
 * await store.insertSerials(rows); // one transaction per call
 * await store.close();
 */
export function sqliteStore(options: SqliteStoreOptions): SerialStore {
  return new SqliteStore(options);
}
