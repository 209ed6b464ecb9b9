/**
 * The PostgreSQL store (pg 8): for several processes or machines writing at once.
 *
 * Concurrency: every multi-statement operation is one transaction under the server's default
 * isolation (READ COMMITTED on PostgreSQL). Transitions lock their units with
 * `SELECT … ORDER BY sku, serial FOR UPDATE`, so concurrent transitions queue on the same rows in
 * the same order (no deadlocks between them) and each re-reads the committed status before it
 * decides; exactly one of several concurrent claims on a unit wins. Serialization failures and
 * deadlocks (possible against bulk recalls, or on engines that run SERIALIZABLE, like CockroachDB)
 * are retried with backoff; the whole transaction is re-run, so retries are safe.
 *
 * Bulk registration streams a batch in key order with COPY FROM STDIN (pg-copy-streams) straight
 * into `serials`, as a raw import would. If that meets a conflict, or the batch repeats a key, the
 * rows go through a temporary table instead and are inserted from it (optimistically, then with
 * ON CONFLICT DO NOTHING); smaller batches go in one INSERT … SELECT from unnest()ed arrays.
 * Either way the conflicting rows are reported by batch index.
 *
 * Recalls mark units in place: no index covers the columns they set, so the update is HOT when
 * the page has room (the table keeps 20% free). A recall's units are found again through the
 * events that put them under it (`events.recall_id`, indexed), each checked against its unit.
 */
import type { SerialStore } from '../store.js';
import type { PgPoolLike } from './postgres/driver.js';
import { PostgresStore } from './postgres/store.js';

export type {
  PgClientLike,
  PgPoolLike,
  PgQueryConfigLike,
  PgQueryResultLike,
} from './postgres/driver.js';

/** Where the store connects: a connection string (the store owns its pool) or a caller's pool. */
export type PostgresConnection =
  | {
      /** e.g. `postgres://user:password@host:5432/database` */
      connectionString: string;
      /** Pool size. Default 10. */
      max?: number;
    }
  | {
      /** A pg Pool the caller owns: the store never ends it. */
      pool: PgPoolLike;
    };

export interface PostgresStoreOptions {
  /** Schema of serialkit's tables, created if missing. Default 'serialkit'. */
  schema?: string;
  /**
   * Prepare the fixed point queries (unit lookups, verification counters) once per connection.
   * Default true; turn off behind poolers that cannot carry prepared statements across
   * transactions (PgBouncer before 1.21 in transaction mode).
   */
  preparedStatements?: boolean;
}

/**
 * Creates a `SerialStore` in PostgreSQL (or a wire-compatible engine), with pg and
 * pg-copy-streams (optional peer dependencies: `npm install pg pg-copy-streams`). The pool is
 * created and the schema migrated on first use.
 *
 * @example
 * import { postgresStore } from '@serialkit/node-client';
 *
 * const store = postgresStore(
 *   { connectionString: process.env.DATABASE_URL! },
 *   { schema: 'serialkit' },
 * );
 * await store.getSerial('KB-01', 'SN-2024-000042');
 * await store.close();
 */
export function postgresStore(
  connection: PostgresConnection,
  options: PostgresStoreOptions = {},
): SerialStore {
  return new PostgresStore(connection, options);
}
