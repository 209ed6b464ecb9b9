/**
 * `sqliteCoordination()`: rate-limit buckets and idempotency records in two tables of a SQLite
 * file (WAL), for several serve processes on one machine sharing that file. Each bucket and
 * each claim is one atomic upsert; SQLite serializes writers, and a busy file is waited for up to
 * `busyTimeout`. Same bounds as the PostgreSQL one: expiring buckets and rows, capped answers,
 * at most `maxEntries` records after a prune.
 */
import { createRequire } from 'node:module';
import { ConnectionError, SerialkitError } from '../errors.js';
import type { StoredResponse } from '../http/idempotency.js';
import type { RateLimitOptions } from '../http/rate-limit.js';
import type { SqliteDatabaseLike, SqliteStatementLike } from '../stores/sqlite.js';
import type { Coordination, RateLimitDecision, RateLimiter } from './coordination.js';
import {
  type IdempotencyClaim,
  type IdempotencyRecords,
  SharedIdempotency,
} from './shared-idempotency.js';
import { type BucketRow, bucketKey, bucketLifetimeMs, peeked, refusal } from './token-bucket.js';

export type SqliteCoordinationOptions = (
  | {
      /** The database file (usually the store's); opened by the coordination. */
      filename: string;
    }
  | {
      /** An open better-sqlite3 database the caller owns (and closes). */
      database: SqliteDatabaseLike;
    }
) & {
  /** How long a write waits for another process's lock, in ms. Default 5000. */
  busyTimeout?: number;
};

type SqliteConstructor = new (filename: string) => SqliteDatabaseLike;

/**
 * Shared state in a SQLite file.
 *
 * @example
 * const coordination = sqliteCoordination({ filename: 'serialkit.db' });
 * const handler = createHandler(client, { coordination });
 */
export function sqliteCoordination(options: SqliteCoordinationOptions): Coordination {
  let db: SqliteDatabaseLike | null = null;
  let closed = false;
  const owned = 'filename' in options;
  const statements = new Map<string, SqliteStatementLike>();
  const prepare = (database: SqliteDatabaseLike, sql: string): SqliteStatementLike => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  function open(): SqliteDatabaseLike {
    if (db) return db;
    let opened: SqliteDatabaseLike;
    if ('database' in options) opened = options.database;
    else {
      const required = createRequire(import.meta.url)('better-sqlite3') as
        | SqliteConstructor
        | { default: SqliteConstructor };
      const Database = 'default' in required ? required.default : required;
      opened = new Database(options.filename);
      opened.pragma('journal_mode = WAL');
    }
    opened.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeout ?? 5000))}`);
    opened.exec(`
      CREATE TABLE IF NOT EXISTS shared_rate_limits (
        key TEXT PRIMARY KEY, tokens REAL NOT NULL, at_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL, allowed INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS shared_idempotency (
        id TEXT PRIMARY KEY, request_hash TEXT NOT NULL, token TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0, response TEXT,
        locked_until_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL);`);
    db = opened;
    return opened;
  }

  /** Runs `fn` on the database; a locked or unusable file is a 503 to retry. */
  function use<T>(fn: (db: SqliteDatabaseLike) => T): T {
    if (closed) throw new ConnectionError('The coordination is closed');
    let database: SqliteDatabaseLike;
    try {
      database = open();
    } catch (error) {
      // A file that cannot be opened or migrated is out of reach, whatever the driver says.
      throw new ConnectionError('The database did not answer; retry', { cause: error });
    }
    try {
      return fn(database);
    } catch (error) {
      if (SerialkitError.isInstance(error) || !unreachable(error)) throw error;
      throw new ConnectionError('The database did not answer; retry', { cause: error });
    }
  }

  const refilled =
    '(CASE WHEN b.expires_ms <= @now THEN @capacity ELSE MIN(@capacity, b.tokens + MAX(0, @now - b.at_ms) * @rate / 1000.0) END)';
  const HIT = `
    INSERT INTO shared_rate_limits AS b (key, tokens, at_ms, expires_ms, allowed)
    VALUES (@key, @capacity - CASE WHEN @capacity >= @cost THEN @cost ELSE 0 END, @now, @expires,
      @capacity >= @cost)
    ON CONFLICT (key) DO UPDATE SET
      tokens = ${refilled} - CASE WHEN ${refilled} >= @cost THEN @cost ELSE 0 END,
      at_ms = MAX(b.at_ms, @now),
      expires_ms = @expires,
      allowed = ${refilled} >= @cost
    RETURNING tokens, allowed`;

  const records: IdempotencyRecords = {
    async claim(id, requestHash, token, now, lockedUntil, expiresAt): Promise<IdempotencyClaim> {
      return use((db) => {
        const row = prepare(
          db,
          `INSERT INTO shared_idempotency AS r (id, request_hash, token, locked_until_ms, expires_ms)
             VALUES (@id, @hash, @token, @lockedUntil, @expiresAt)
             ON CONFLICT (id) DO UPDATE SET request_hash = excluded.request_hash,
               token = excluded.token, done = 0, response = NULL,
               locked_until_ms = excluded.locked_until_ms, expires_ms = excluded.expires_ms
             WHERE r.expires_ms <= @now OR (r.done = 0 AND r.locked_until_ms <= @now)
             RETURNING token`,
        ).get({ id, hash: requestHash, token, lockedUntil, expiresAt, now }) as
          | { token: string }
          | undefined;
        if (row?.token === token) return { kind: 'claimed' };
        // Synchronous: nothing ran between the upsert and this read in this process, and the
        // row it found cannot have been released in between by another (SQLite's one writer).
        const found = prepare(
          db,
          'SELECT request_hash, done, response FROM shared_idempotency WHERE id = ?',
        ).get(id) as { request_hash: string; done: number; response: string | null } | undefined;
        if (!found) return { kind: 'pending', requestHash };
        if (!found.done) return { kind: 'pending', requestHash: found.request_hash };
        const response = found.response
          ? (JSON.parse(found.response) as Omit<StoredResponse, 'requestHash'>)
          : null;
        return {
          kind: 'done',
          requestHash: found.request_hash,
          response: response ? { ...response, requestHash: found.request_hash } : null,
        };
      });
    },
    async renew(id, token, lockedUntil) {
      use((db) =>
        prepare(
          db,
          'UPDATE shared_idempotency SET locked_until_ms = ? WHERE id = ? AND token = ? AND done = 0',
        ).run(lockedUntil, id, token),
      );
    },
    async complete(id, token, response) {
      const kept = response
        ? JSON.stringify({
            status: response.status,
            headers: response.headers,
            body: response.body,
          })
        : null;
      use((db) =>
        prepare(
          db,
          'UPDATE shared_idempotency SET done = 1, response = ? WHERE id = ? AND token = ?',
        ).run(kept, id, token),
      );
    },
    async release(id, token) {
      use((db) =>
        prepare(db, 'DELETE FROM shared_idempotency WHERE id = ? AND token = ? AND done = 0').run(
          id,
          token,
        ),
      );
    },
    async prune(now, maxEntries) {
      use((db) => {
        prepare(db, 'DELETE FROM shared_idempotency WHERE expires_ms <= ?').run(now);
        prepare(
          db,
          `DELETE FROM shared_idempotency WHERE done = 1 AND id IN (
             SELECT id FROM shared_idempotency ORDER BY expires_ms DESC LIMIT -1 OFFSET ?)`,
        ).run(maxEntries);
        prepare(db, 'DELETE FROM shared_rate_limits WHERE expires_ms <= ?').run(now);
      });
    },
  };

  return {
    kind: 'sqlite',
    rateLimiter(name: string, policy: RateLimitOptions): RateLimiter {
      const lifetime = bucketLifetimeMs(policy);
      return {
        hit(key, cost = 1): RateLimitDecision {
          const now = Date.now();
          const row = use(
            (db) =>
              prepare(db, HIT).get({
                key: bucketKey(name, key),
                capacity: policy.capacity,
                cost,
                now,
                expires: now + lifetime,
                rate: policy.refillPerSecond,
              }) as { tokens: number; allowed: number },
          );
          return row.allowed
            ? { ok: true, remaining: Math.floor(row.tokens) }
            : refusal(row.tokens, cost, policy);
        },
        peek(key): RateLimitDecision {
          const row = use((db) =>
            prepare(
              db,
              'SELECT tokens, at_ms, expires_ms FROM shared_rate_limits WHERE key = ?',
            ).get(bucketKey(name, key)),
          ) as BucketRow | undefined;
          return peeked(row, policy);
        },
        reset(key) {
          use((db) =>
            prepare(db, 'DELETE FROM shared_rate_limits WHERE key = ?').run(bucketKey(name, key)),
          );
        },
      };
    },
    idempotency: (idempotencyOptions) => new SharedIdempotency(records, idempotencyOptions),
    async close() {
      closed = true;
      if (db && owned) db.close();
      db = null;
      statements.clear();
    },
  };
}

/** A locked, missing or unusable file (not a bug in the statements) is the database out of reach. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/.test(code)
  );
}
