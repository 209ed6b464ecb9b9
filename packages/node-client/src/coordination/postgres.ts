/**
 * `postgresCoordination()`: rate-limit buckets and idempotency records in two PostgreSQL tables,
 * so every `serialkit serve` on one database limits a burst as one service and replays a retry
 * that lands on another instance. Each bucket and each claim is one atomic upsert (no explicit
 * transaction, no lock held across a round trip). The tables are created if missing, beside the
 * store's, and bounded: buckets expire once they would be full again, idempotency rows after
 * their TTL, stored answers are capped in size, and pruning keeps at most `maxEntries` rows.
 */
import { ConnectionError, SerialkitError } from '../errors.js';
import type { StoredResponse } from '../http/idempotency.js';
import type { RateLimitOptions } from '../http/rate-limit.js';
import type { PgPoolLike } from '../stores/postgres.js';
import type { Coordination, RateLimitDecision, RateLimiter } from './coordination.js';
import {
  type IdempotencyClaim,
  type IdempotencyRecords,
  SharedIdempotency,
} from './shared-idempotency.js';
import { type BucketRow, bucketKey, bucketLifetimeMs, peeked, refusal } from './token-bucket.js';

export type PostgresCoordinationOptions = (
  | {
      /** e.g. `postgres://user@host:5432/db`; the coordination owns a small pool. */ connectionString: string /** Pool size. Default 4. */;
      max?: number;
    }
  | { /** A pg Pool the caller owns: never ended here. */ pool: PgPoolLike }
) & {
  /** Schema of the two tables, created if missing. Default 'serialkit' (the store's). */
  schema?: string;
};

/**
 * Shared state in PostgreSQL.
 *
 * @example
 * const coordination = postgresCoordination({ connectionString: process.env.DATABASE_URL! });
 * const handler = createHandler(client, { coordination });
 */
export function postgresCoordination(options: PostgresCoordinationOptions): Coordination {
  const schema = options.schema ?? 'serialkit';
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(schema)) {
    throw new TypeError(`Invalid PostgreSQL schema name: ${schema}`);
  }
  const buckets = `"${schema}".shared_rate_limits`;
  const records = `"${schema}".shared_idempotency`;
  let pool: PgPoolLike | null = 'pool' in options ? options.pool : null;
  let ready: Promise<PgPoolLike> | null = null;
  let closed = false;

  async function start(): Promise<PgPoolLike> {
    if (!pool) {
      const module = (await import('pg')) as unknown as {
        default?: {
          Pool: new (config: object) => PgPoolLike & { on(e: 'error', f: () => void): void };
        };
      };
      const Pool = module.default?.Pool;
      if (!Pool) throw new SerialkitError('internal', 'The pg package has no Pool export');
      const created = new Pool({
        connectionString: (options as { connectionString: string }).connectionString,
        max: (options as { max?: number }).max ?? 4,
        connectionTimeoutMillis: 5_000,
        // Commits of these rows need not wait for the disk: only a crash of PostgreSQL itself
        // within a fraction of a second (3 × wal_writer_delay) can lose one, and a lost record
        // makes a retry meet the store's own answer to a repeat. Store writes stay synchronous.
        options: '-c synchronous_commit=off',
      });
      // A dropped idle connection must not crash the process; the next query reconnects.
      created.on('error', () => {});
      pool = created;
    }
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch(ignoreRace);
    await pool
      .query(
        // Unlogged: no WAL for counters that matter for a minute (emptied after a server crash,
        // which only hands every client a full bucket).
        `CREATE UNLOGGED TABLE IF NOT EXISTS ${buckets} (
           key text PRIMARY KEY,
           tokens double precision NOT NULL,
           at_ms bigint NOT NULL,
           expires_ms bigint NOT NULL,
           allowed boolean NOT NULL)`,
      )
      .catch(ignoreRace);
    await pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${records} (
           id text PRIMARY KEY,
           request_hash text NOT NULL,
           token text NOT NULL,
           done boolean NOT NULL DEFAULT false,
           response jsonb,
           locked_until_ms bigint NOT NULL,
           expires_ms bigint NOT NULL)`,
      )
      .catch(ignoreRace);
    return pool;
  }

  /** Runs a query; any driver failure is the database being unreachable (a 503 to retry). */
  async function query(text: string, values: unknown[]) {
    if (closed) throw new ConnectionError('The coordination is closed');
    try {
      ready ??= start().catch((error: unknown) => {
        ready = null;
        throw error;
      });
      return await (await ready).query(text, values);
    } catch (error) {
      if (SerialkitError.isInstance(error) || !unreachable(error)) throw error;
      throw new ConnectionError('The database did not answer; retry', { cause: error });
    }
  }

  const hitSql = (refilled: string) => `
    INSERT INTO ${buckets} AS b (key, tokens, at_ms, expires_ms, allowed)
    VALUES ($1, $2::float8 - CASE WHEN $2::float8 >= $3::float8 THEN $3::float8 ELSE 0 END, $4, $5, $2::float8 >= $3::float8)
    ON CONFLICT (key) DO UPDATE SET
      tokens = ${refilled} - CASE WHEN ${refilled} >= $3::float8 THEN $3::float8 ELSE 0 END,
      at_ms = GREATEST(b.at_ms, $4),
      expires_ms = $5,
      allowed = ${refilled} >= $3::float8
    RETURNING tokens, allowed`;
  // The bucket refilled up to now (a clock behind the last writer's refills nothing).
  const HIT = hitSql(
    '(CASE WHEN b.expires_ms <= $4 THEN $2::float8 ELSE LEAST($2::float8, b.tokens + GREATEST(0, $4 - b.at_ms) * $6::float8 / 1000) END)',
  );

  const recordsApi: IdempotencyRecords = {
    async claim(id, requestHash, token, now, lockedUntil, expiresAt): Promise<IdempotencyClaim> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const { rows } = await query(
          `INSERT INTO ${records} AS r (id, request_hash, token, locked_until_ms, expires_ms)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET request_hash = EXCLUDED.request_hash,
             token = EXCLUDED.token, done = false, response = NULL,
             locked_until_ms = EXCLUDED.locked_until_ms, expires_ms = EXCLUDED.expires_ms
           WHERE r.expires_ms <= $6 OR (NOT r.done AND r.locked_until_ms <= $6)
           RETURNING token`,
          [id, requestHash, token, lockedUntil, expiresAt, now],
        );
        if (rows[0]?.token === token) return { kind: 'claimed' };
        const found = await query(
          `SELECT request_hash, done, response FROM ${records} WHERE id = $1`,
          [id],
        );
        const row = found.rows[0];
        // Released between the two statements: claim again.
        if (!row) continue;
        const hash = row.request_hash as string;
        if (!row.done) return { kind: 'pending', requestHash: hash };
        const response = row.response as Omit<StoredResponse, 'requestHash'> | null;
        return {
          kind: 'done',
          requestHash: hash,
          response: response ? { ...response, requestHash: hash } : null,
        };
      }
      return { kind: 'pending', requestHash };
    },
    async renew(id, token, lockedUntil) {
      await query(
        `UPDATE ${records} SET locked_until_ms = $3 WHERE id = $1 AND token = $2 AND NOT done`,
        [id, token, lockedUntil],
      );
    },
    async complete(id, token, response) {
      const kept = response
        ? { status: response.status, headers: response.headers, body: response.body }
        : null;
      await query(`UPDATE ${records} SET done = true, response = $3 WHERE id = $1 AND token = $2`, [
        id,
        token,
        kept === null ? null : JSON.stringify(kept),
      ]);
    },
    async release(id, token) {
      await query(`DELETE FROM ${records} WHERE id = $1 AND token = $2 AND NOT done`, [id, token]);
    },
    async prune(now, maxEntries) {
      await query(`DELETE FROM ${records} WHERE expires_ms <= $1`, [now]);
      await query(
        `DELETE FROM ${records} WHERE done AND id IN (
           SELECT id FROM ${records} ORDER BY expires_ms DESC OFFSET $1)`,
        [maxEntries],
      );
      await query(`DELETE FROM ${buckets} WHERE expires_ms <= $1`, [now]);
    },
  };

  return {
    kind: 'postgres',
    rateLimiter(name: string, policy: RateLimitOptions): RateLimiter {
      const lifetime = bucketLifetimeMs(policy);
      return {
        async hit(key, cost = 1): Promise<RateLimitDecision> {
          const now = Date.now();
          const { rows } = await query(HIT, [
            bucketKey(name, key),
            policy.capacity,
            cost,
            now,
            now + lifetime,
            policy.refillPerSecond,
          ]);
          const row = rows[0] as { tokens: number; allowed: boolean };
          return row.allowed
            ? { ok: true, remaining: Math.floor(row.tokens) }
            : refusal(row.tokens, cost, policy);
        },
        async peek(key): Promise<RateLimitDecision> {
          const { rows } = await query(
            `SELECT tokens, at_ms, expires_ms FROM ${buckets} WHERE key = $1`,
            [bucketKey(name, key)],
          );
          return peeked(rows[0] as BucketRow | undefined, policy);
        },
        async reset(key) {
          await query(`DELETE FROM ${buckets} WHERE key = $1`, [bucketKey(name, key)]);
        },
      };
    },
    idempotency: (options) => new SharedIdempotency(recordsApi, options),
    async close() {
      if (closed) return;
      closed = true;
      await ready?.catch(() => undefined);
      if (!('pool' in options)) await pool?.end();
    },
  };
}

/**
 * Whether a failure means the database is out of reach (no SQLSTATE: a network error; classes
 * 08 connection, 53 resources, 57 operator intervention such as a shutdown) rather than a bug.
 */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || /^(08|53|57)/.test(code);
}

/** Concurrent first starts race on CREATE … IF NOT EXISTS (a unique violation): the winner made it. */
function ignoreRace(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  // Two processes creating the same table at once: the loser fails on the catalog's unique index
  // (23505), or, on newer servers, on the table's row type (42710, `type … already exists`).
  if (code !== '23505' && code !== '42P06' && code !== '42P07' && code !== '42710') throw error;
}
