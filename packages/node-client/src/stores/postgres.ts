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
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Recall, SerialEvent, SerialRecord, SerialStatus, Sku } from '@serialkit/core';
import { BadRequestError, ConnectionError, SerialkitError } from '../errors.js';
import type {
  EventFilter,
  EventInsert,
  InsertSerialsResult,
  PageOptions,
  SerialFilter,
  SerialInsert,
  SerialStore,
  SkuFilter,
  StoreCapabilities,
  StorePage,
  Transition,
  TransitionResult,
  VerificationCounts,
  VerificationInput,
  VerificationOutcomeChange,
  VerificationOutcomeResult,
} from '../store.js';
import { storeClosedError } from './sql/closed.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from './sql/cursor.js';
import {
  eventConditions,
  type SqlDialect,
  SqlParams,
  serialConditions,
  where,
} from './sql/filter.js';
import { postgresMigrations } from './sql/postgres-schema.js';
import {
  type EventRow,
  type RecallRow,
  rowToEvent,
  rowToRecall,
  rowToSerial,
  rowToSku,
  SERIAL_COLUMNS,
  type SerialRow,
  SHIPMENT_COLUMNS,
  type SkuRow,
  shipmentToColumns,
} from './sql/records.js';

// ── The slice of pg this store uses (its typings stay out of our public API) ──

/** A query with an optional name: named queries are prepared once per connection. */
export interface PgQueryConfigLike {
  text: string;
  values?: unknown[];
  name?: string;
}

export interface PgQueryResultLike {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** A checked-out `pg` client. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<PgQueryResultLike>;
  /** Release to the pool; `true` (or an error) destroys the connection instead. */
  release(destroy?: boolean | Error): void;
  /** pg clients are event emitters: see `guard`. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

const guarded = new WeakSet<PgClientLike>();
/**
 * A checked-out client whose connection drops between two queries of a transaction emits
 * 'error'; unheard, that ends the process. The next query fails instead and is mapped to a 503.
 */
function guard(client: PgClientLike): PgClientLike {
  if (!guarded.has(client)) {
    client.on?.('error', () => {});
    guarded.add(client);
  }
  return client;
}

/** A `pg` Pool, or anything with the same shape. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(query: string | PgQueryConfigLike, values?: unknown[]): Promise<PgQueryResultLike>;
  end(): Promise<void>;
}

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

const pg: SqlDialect = {
  placeholder: (n) => `$${n}`,
  inList: (column, placeholder) => `${column} = ANY(${placeholder}::text[])`,
  listValue: (values) => values,
  never: 'FALSE',
};

/** Batches at least this large go through COPY; smaller ones through one unnest() INSERT. */
const COPY_FROM_ROWS = 20_000;
/** Attempts of a transaction that keeps hitting serialization failures or deadlocks. */
const MAX_ATTEMPTS = 8;

const SERIALIZATION_CODES = new Set(['40001', '40P01']);
const UNIQUE_VIOLATION = '23505';
/** DDL races between concurrent first-time migrations (when advisory locks are unavailable). */
const MIGRATION_RACE_CODES = new Set(['23505', '42P06', '42P07', '42710']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** Unreachable servers become `ConnectionError`; everything else is rethrown as is. */
function mapError(error: unknown): unknown {
  if (SerialkitError.isInstance(error) || error instanceof Rollback) return error;
  if (isConnectionFailure(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ConnectionError(`PostgreSQL: ${message}`, {
      cause: error,
      details: { code: errorCode(error) },
    });
  }
  if (SERIALIZATION_CODES.has(errorCode(error) ?? '')) {
    return new ConnectionError('PostgreSQL: the transaction kept conflicting with others; retry', {
      cause: error,
      details: { code: errorCode(error) },
    });
  }
  return error;
}

/** Thrown inside a transaction to roll it back with a result; never escapes the store. */
class Rollback {
  constructor(readonly result: TransitionResult) {}
}

async function importOptional<T>(name: string, why = ''): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new SerialkitError(
      'internal',
      `postgresStore needs the ${name} package${why}: run \`npm install ${name}\``,
      { status: 500, cause: error },
    );
  }
}

interface PgModule {
  default?: {
    Pool: new (config: object) => PgPoolLike & { on(event: 'error', fn: () => void): void };
  };
  Pool?: new (config: object) => PgPoolLike & { on(event: 'error', fn: () => void): void };
}

type CopyFrom = (sql: string) => NodeJS.WritableStream;

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(name)) {
    throw new BadRequestError(`Invalid PostgreSQL schema name: ${name}`);
  }
  return `"${name}"`;
}

/** 64-bit FNV-1a: stable names and lock keys derived from text. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text))
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash;
}

/** The advisory lock key that serializes migrations of one schema. */
const lockKey = (schema: string) =>
  BigInt.asIntN(64, fnv1a64(`serialkit.migrate:${schema}`)).toString();

/** A prepared statement name per SQL text (PostgreSQL truncates names at 63 bytes). */
const statementName = (text: string) => `serialkit_${fnv1a64(text).toString(16)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: 0–5 ms, 0–10 ms, … up to 0–320 ms. */
const backoff = (attempt: number) => sleep(Math.random() * 5 * 2 ** Math.min(attempt, 6));

class PostgresStore implements SerialStore {
  readonly capabilities: StoreCapabilities = {
    name: 'postgres',
    persistent: true,
    concurrentWriters: true,
    preferredBatchSize: 50_000,
  };

  readonly #connection: PostgresConnection;
  readonly #schema: string;
  readonly #prepare: boolean;
  readonly #t: {
    serials: string;
    skus: string;
    events: string;
    recalls: string;
    verifications: string;
    outcomes: string;
    migrations: string;
  };
  #pool: PgPoolLike | null = null;
  #ready: Promise<PgPoolLike> | null = null;
  #closed = false;
  #copyFrom: CopyFrom | null = null;

  constructor(connection: PostgresConnection, options: PostgresStoreOptions) {
    this.#connection = connection;
    this.#schema = options.schema ?? 'serialkit';
    this.#prepare = options.preparedStatements ?? true;
    const s = quoteIdentifier(this.#schema);
    this.#t = {
      serials: `${s}.serials`,
      skus: `${s}.skus`,
      events: `${s}.events`,
      recalls: `${s}.recalls`,
      verifications: `${s}.verifications`,
      outcomes: `${s}.verification_outcomes`,
      migrations: `${s}.serialkit_migrations`,
    };
  }

  async migrate(): Promise<void> {
    await this.#use();
  }

  // ── SKUs ──

  async getSku(sku: string): Promise<Sku | null> {
    const { rows } = await this.#query(`SELECT * FROM ${this.#t.skus} WHERE sku = $1`, [sku], true);
    const row = rows[0] as SkuRow | undefined;
    return row ? rowToSku(row) : null;
  }

  async putSku(sku: Sku): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t.skus} (sku, name, gtin, tracking_enabled, format, regex, uniqueness, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (sku) DO UPDATE SET
         name = EXCLUDED.name, gtin = EXCLUDED.gtin, tracking_enabled = EXCLUDED.tracking_enabled,
         format = EXCLUDED.format, regex = EXCLUDED.regex, uniqueness = EXCLUDED.uniqueness,
         created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
      [
        sku.sku,
        sku.name,
        sku.gtin ?? null,
        sku.serialTracking.enabled,
        sku.serialTracking.format ?? null,
        sku.serialTracking.regex ?? null,
        sku.serialTracking.uniqueness,
        sku.createdAt,
        sku.updatedAt,
      ],
    );
  }

  async listSkus(filter: SkuFilter = {}, page: PageOptions = {}): Promise<StorePage<Sku>> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('skus', page.cursor, 1);
    const params = new SqlParams(pg);
    const conditions: string[] = [];
    if (filter.tracking !== undefined) {
      conditions.push(`tracking_enabled = ${params.add(filter.tracking)}`);
    }
    if (after) conditions.push(`sku > ${params.add(after[0])}`);
    const { rows } = await this.#query(
      `SELECT * FROM ${this.#t.skus} ${where(conditions)} ORDER BY sku LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return pageOf((rows as unknown as SkuRow[]).map(rowToSku), limit, (last) =>
      encodeCursor('skus', [last.sku]),
    );
  }

  // ── Serials ──

  async insertSerials(rows: SerialInsert[]): Promise<InsertSerialsResult> {
    if (rows.length === 0) {
      await this.#use();
      return { inserted: 0, conflicts: [] };
    }
    const copyFrom = rows.length >= COPY_FROM_ROWS ? await this.#loadCopyFrom() : null;
    // Rows in key order with no key twice (the order the batch came in, or sorted here).
    const order = copyFrom ? keyOrder(rows) : null;
    const conflicts = await this.#transaction(async (client) => {
      // Fastest: new units go straight into the table with one COPY, as a raw import would. A
      // conflict (an existing unit, or one inserted concurrently) fails it back to the savepoint
      // and the batch takes the path below, which reports every conflict by index.
      if (copyFrom && order) {
        await client.query('SAVEPOINT serialkit_copy');
        try {
          await copyInto(
            client,
            copyFrom(
              `COPY ${this.#t.serials} (sku, serial, unique_key, status, lot, manufactured_at, received_at, registered_at, updated_at) FROM STDIN`,
            ),
            serialsCopyText(rows, order),
          );
          await client.query('RELEASE SAVEPOINT serialkit_copy');
          return [];
        } catch (error) {
          if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
          await client.query('ROLLBACK TO SAVEPOINT serialkit_copy');
        }
      }
      let input: string;
      let values: unknown[] = [];
      if (copyFrom) {
        await client.query(
          `CREATE TEMPORARY TABLE serialkit_staging (
             idx integer NOT NULL, sku text, serial text, unique_key text, lot text,
             manufactured_at text, received_at text, registered_at text
           ) ON COMMIT DROP`,
        );
        await copyInto(
          client,
          copyFrom('COPY serialkit_staging FROM STDIN'),
          stagingCopyText(rows),
        );
        input = 'serialkit_staging';
      } else {
        const columns: (string | null)[][] = [[], [], [], [], [], [], []];
        for (const row of rows) {
          columns[0]?.push(row.sku);
          columns[1]?.push(row.serial);
          columns[2]?.push(row.uniqueKey);
          columns[3]?.push(row.lot ?? null);
          columns[4]?.push(row.manufacturedAt ?? null);
          columns[5]?.push(row.receivedAt ?? null);
          columns[6]?.push(row.registeredAt);
        }
        values = columns;
        input = `(SELECT (n - 1)::integer AS idx, sku, serial, unique_key, lot, manufactured_at, received_at, registered_at
                  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                  WITH ORDINALITY AS v(sku, serial, unique_key, lot, manufactured_at, received_at, registered_at, n))`;
      }
      const columns =
        'sku, serial, unique_key, status, lot, manufactured_at, received_at, registered_at, updated_at';
      const select = `SELECT sku, serial, unique_key, 'in_stock', lot, manufactured_at, received_at, registered_at, registered_at`;
      // Rows go in (unique_key, idx) order: index-friendly, and of rows that conflict with each
      // other (they share a uniqueKey) the first in the batch wins.
      // Optimistic first: a plain INSERT is about twice as fast as ON CONFLICT's speculative
      // insertion, and new serials rarely conflict. At the first conflict it fails and rolls back
      // to the savepoint; rows sorted by key meet a conflict early unless conflicts are rare.
      await client.query('SAVEPOINT serialkit_insert');
      try {
        await client.query(
          `INSERT INTO ${this.#t.serials} (${columns}) ${select} FROM ${input} AS i ORDER BY unique_key, idx`,
          values,
        );
        await client.query('RELEASE SAVEPOINT serialkit_insert');
        return [];
      } catch (error) {
        if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
        await client.query('ROLLBACK TO SAVEPOINT serialkit_insert');
      }
      // A row was inserted iff it is the first of its (sku, serial, unique_key) in the batch
      // among the rows RETURNING reports.
      const { rows: skipped } = await client.query(
        `WITH input AS (SELECT * FROM ${input} AS i),
         inserted AS (
           INSERT INTO ${this.#t.serials} (${columns})
           ${select} FROM input ORDER BY unique_key, idx
           ON CONFLICT DO NOTHING
           RETURNING sku, serial, unique_key
         ),
         winners AS (
           SELECT min(i.idx) AS idx FROM input i
           JOIN inserted n ON n.sku = i.sku AND n.serial = i.serial AND n.unique_key = i.unique_key
           GROUP BY i.sku, i.serial, i.unique_key
         )
         SELECT i.idx FROM input i WHERE NOT EXISTS (SELECT 1 FROM winners w WHERE w.idx = i.idx)
         ORDER BY i.idx`,
        values,
      );
      return skipped.map((row) => Number(row.idx));
    });
    return { inserted: rows.length - conflicts.length, conflicts };
  }

  async getSerial(sku: string, serial: string): Promise<SerialRecord | null> {
    const { rows } = await this.#query(
      `SELECT ${SERIAL_COLUMNS.join(', ')} FROM ${this.#t.serials} WHERE sku = $1 AND serial = $2`,
      [sku, serial],
      true,
    );
    const row = rows[0] as SerialRow | undefined;
    return row ? rowToSerial(row) : null;
  }

  async findSerial(serial: string): Promise<SerialRecord[]> {
    const { rows } = await this.#query(
      `SELECT ${SERIAL_COLUMNS.join(', ')} FROM ${this.#t.serials} WHERE serial = $1 ORDER BY sku`,
      [serial],
      true,
    );
    return (rows as unknown as SerialRow[]).map(rowToSerial);
  }

  async listSerials(
    filter: SerialFilter,
    page: PageOptions = {},
  ): Promise<StorePage<SerialRecord>> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('serials', page.cursor, 2);
    const params = new SqlParams(pg);
    const conditions = serialConditions(filter, params, after);
    const columns = SERIAL_COLUMNS.join(', ');
    const recalled = this.#recallCandidates(filter, params, after, true);
    const { rows } = await this.#query(
      recalled
        ? `SELECT s.* FROM ${recalled} CROSS JOIN LATERAL (
             SELECT ${columns} FROM ${this.#t.serials}
             WHERE sku = c.sku AND serial = c.serial${conditions.map((c) => ` AND ${c}`).join('')}
             OFFSET 0
           ) AS s
           ORDER BY c.sku, c.serial LIMIT ${params.add(limit + 1)}`
        : `SELECT ${columns} FROM ${this.#t.serials} ${where(conditions)}
           ORDER BY sku, serial LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return pageOf((rows as unknown as SerialRow[]).map(rowToSerial), limit, (last) =>
      encodeCursor('serials', [last.sku, last.serial]),
    );
  }

  async countSerials(filter: SerialFilter): Promise<number> {
    const params = new SqlParams(pg);
    const conditions = serialConditions(filter, params);
    const recalled = this.#recallCandidates(filter, params, null, false);
    const { rows } = await this.#query(
      recalled
        ? `SELECT count(*) AS n FROM ${recalled} CROSS JOIN LATERAL (
             SELECT 1 FROM ${this.#t.serials}
             WHERE sku = c.sku AND serial = c.serial${conditions.map((c) => ` AND ${c}`).join('')}
             OFFSET 0
           ) AS s`
        : `SELECT count(*) AS n FROM ${this.#t.serials} ${where(conditions)}`,
      params.values,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * For a filter on recalls (`recallId`, `recalled: true`), the units that may match, as a
   * subquery `c` of distinct (sku, serial): those of the events that put a unit under a recall
   * (`events_recall`). `serials.recall_id` has no index, so that recalls update units in place;
   * the caller still applies the filter to each candidate, looked up by primary key (`OFFSET 0`
   * keeps the planner from turning that into a scan of every unit). Null for other filters.
   */
  #recallCandidates(
    filter: SerialFilter,
    params: SqlParams,
    after: readonly string[] | null,
    ordered: boolean,
  ): string | null {
    const conditions: string[] = [];
    if (filter.recallId !== undefined)
      conditions.push(`e.recall_id = ${params.add(filter.recallId)}`);
    else if (filter.recalled === true) conditions.push('e.recall_id IS NOT NULL');
    else return null;
    if (filter.sku !== undefined) conditions.push(`e.sku = ${params.add(filter.sku)}`);
    if (after) {
      conditions.push(`(e.sku, e.serial) > (${params.add(after[0])}, ${params.add(after[1])})`);
    }
    return `(SELECT DISTINCT e.sku, e.serial FROM ${this.#t.events} AS e ${where(conditions)}${
      ordered ? ' ORDER BY e.sku, e.serial' : ''
    }) AS c`;
  }

  async transition(transitions: Transition[]): Promise<TransitionResult> {
    if (transitions.length === 0) {
      await this.#use();
      return { ok: true, records: [] };
    }
    try {
      return await this.#transaction(async (client) => {
        // 1. Lock every unit, in key order so concurrent batches queue instead of deadlocking.
        //    Under READ COMMITTED a row another transaction changed is re-read once it commits.
        const units = new Map<string, { sku: string; serial: string }>();
        for (const t of transitions) units.set(`${t.sku}\u0000${t.serial}`, t);
        const skus: string[] = [];
        const serials: string[] = [];
        for (const { sku, serial } of units.values()) {
          skus.push(sku);
          serials.push(serial);
        }
        const { rows: locked } = await client.query(
          `SELECT ${SERIAL_COLUMNS.join(', ')} FROM ${this.#t.serials}
           WHERE (sku, serial) IN (SELECT * FROM unnest($1::text[], $2::text[]))
           ORDER BY sku, serial FOR UPDATE`,
          [skus, serials],
        );
        const stored = new Map<string, SerialRow>();
        for (const row of locked as unknown as SerialRow[])
          stored.set(`${row.sku}\u0000${row.serial}`, row);

        // 2. Compare and set, in order, against the locked rows.
        const current = new Map(stored);
        const records: SerialRecord[] = [];
        const failed: number[] = [];
        transitions.forEach((t, index) => {
          const key = `${t.sku}\u0000${t.serial}`;
          const row = current.get(key);
          if (!row || !(t.from as string[]).includes(row.status)) {
            failed.push(index);
            return;
          }
          const next: SerialRow = { ...row, status: t.to, updated_at: t.event.at };
          if (t.set?.shipment !== undefined) Object.assign(next, shipmentToColumns(t.set.shipment));
          if (t.set?.recallId !== undefined) next.recall_id = t.set.recallId;
          current.set(key, next);
          records.push(rowToSerial(next));
        });
        if (failed.length > 0) {
          throw new Rollback({
            ok: false,
            failures: failed.map((index) => {
              const t = transitions[index] as Transition;
              const row = stored.get(`${t.sku}\u0000${t.serial}`);
              return { index, current: row ? rowToSerial(row) : null };
            }),
          });
        }

        // 3. Write each changed unit once, still guarded by the status we locked.
        const changed = [...current.entries()].filter(([key, row]) => stored.get(key) !== row);
        const columns = ['status', 'updated_at', 'recall_id', ...SHIPMENT_COLUMNS] as const;
        const arrays: unknown[] = [
          changed.map(([, row]) => row.sku),
          changed.map(([, row]) => row.serial),
          changed.map(([key]) => stored.get(key)?.status),
          ...columns.map((column) => changed.map(([, row]) => row[column])),
        ];
        const placeholders = arrays.map((_, i) => `$${i + 1}::text[]`).join(', ');
        const updated = await client.query(
          `UPDATE ${this.#t.serials} AS s SET ${columns.map((c) => `${c} = v.${c}`).join(', ')}
           FROM unnest(${placeholders}) AS v(sku, serial, expected, ${columns.join(', ')})
           WHERE s.sku = v.sku AND s.serial = v.serial AND s.status = v.expected`,
          arrays,
        );
        if (updated.rowCount !== changed.length) {
          throw new Error(
            `transition: ${updated.rowCount} of ${changed.length} locked units updated`,
          );
        }
        // An event that puts its unit under a recall records it: that is how the recall's units
        // are found (`events_recall`).
        await client.query(
          `INSERT INTO ${this.#t.events} (sku, serial, type, at, data, recall_id)
           SELECT sku, serial, type, at, data::jsonb, recall_id
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
             WITH ORDINALITY AS v(sku, serial, type, at, data, recall_id, n)
           ORDER BY n`,
          [
            transitions.map((t) => t.sku),
            transitions.map((t) => t.serial),
            transitions.map((t) => t.event.type),
            transitions.map((t) => t.event.at),
            transitions.map((t) => json(t.event.data)),
            transitions.map((t) => t.set?.recallId ?? null),
          ],
        );
        return { ok: true, records } satisfies TransitionResult;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      throw error;
    }
  }

  async markRecalled(
    filter: SerialFilter,
    recallId: string,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<Partial<Record<SerialStatus, number>>> {
    const params = new SqlParams(pg);
    const conditions = serialConditions(filter, params);
    const candidates = this.#recallCandidates(filter, params, null, false);
    if (candidates) conditions.push(`(sku, serial) IN (SELECT c.sku, c.serial FROM ${candidates})`);
    const id = params.add(recallId);
    conditions.push(`recall_id IS DISTINCT FROM ${id}`);
    const at = params.add(event.at);
    const data = params.add(json(event.data));
    // One statement: mark, log and count the same rows. Rows a concurrent transaction changes
    // are re-checked against the filter before they are marked. No index covers the columns
    // set, so each unit is updated in place (HOT) when its page has room; the events record the
    // recall, which is how its units are found again.
    const rows = await this.#transaction(async (client) => {
      const result = await client.query(
        `WITH marked AS (
           UPDATE ${this.#t.serials} SET recall_id = ${id}, updated_at = ${at}
           ${where(conditions)}
           RETURNING sku, serial, status
         ),
         logged AS (
           INSERT INTO ${this.#t.events} (sku, serial, type, at, data, recall_id)
           SELECT sku, serial, 'recalled', ${at}, ${data}::jsonb, ${id}
           FROM marked ORDER BY sku, serial
         )
         SELECT status, count(*) AS n FROM marked GROUP BY status`,
        params.values,
      );
      return result.rows;
    });
    const counts: Partial<Record<SerialStatus, number>> = {};
    for (const row of rows) counts[row.status as SerialStatus] = Number(row.n);
    return counts;
  }

  // ── Events ──

  async appendEvents(events: EventInsert[]): Promise<void> {
    if (events.length === 0) {
      await this.#use();
      return;
    }
    await this.#query(
      `INSERT INTO ${this.#t.events} (sku, serial, type, at, data)
       SELECT sku, serial, type, at, data::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
         AS v(sku, serial, type, at, data, n)
       ORDER BY n`,
      [
        events.map((e) => e.sku),
        events.map((e) => e.serial),
        events.map((e) => e.type),
        events.map((e) => e.at),
        events.map((e) => json(e.data)),
      ],
    );
  }

  async listEvents(filter: EventFilter, page: PageOptions = {}): Promise<StorePage<SerialEvent>> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('events', page.cursor, 2);
    const params = new SqlParams(pg);
    const conditions = eventConditions(filter, params);
    if (after) {
      if (!/^\d{1,18}$/.test(after[1] ?? '')) {
        throw new BadRequestError('Invalid events cursor', { details: { cursor: page.cursor } });
      }
      conditions.push(`(at, id) > (${params.add(after[0])}, ${params.add(after[1])}::bigint)`);
    }
    const { rows } = await this.#query(
      `SELECT id, sku, serial, type, at, data FROM ${this.#t.events} ${where(conditions)}
       ORDER BY at, id LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return pageOf((rows as unknown as EventRow[]).map(rowToEvent), limit, (last) =>
      encodeCursor('events', [last.at, last.id]),
    );
  }

  // ── Recalls ──

  async putRecall(recall: Recall): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t.recalls} (id, sku, created_at, body) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, created_at = EXCLUDED.created_at, body = EXCLUDED.body`,
      [recall.id, recall.sku, recall.createdAt, JSON.stringify(recall)],
    );
  }

  async getRecall(id: string): Promise<Recall | null> {
    const { rows } = await this.#query(
      `SELECT body FROM ${this.#t.recalls} WHERE id = $1`,
      [id],
      true,
    );
    const row = rows[0] as RecallRow | undefined;
    return row ? rowToRecall(row) : null;
  }

  async listRecalls(
    filter: { sku?: string } = {},
    page: PageOptions = {},
  ): Promise<StorePage<Recall>> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('recalls', page.cursor, 2);
    const params = new SqlParams(pg);
    const conditions: string[] = [];
    if (filter.sku !== undefined) conditions.push(`sku = ${params.add(filter.sku)}`);
    if (after) {
      conditions.push(`(created_at, id) < (${params.add(after[0])}, ${params.add(after[1])})`);
    }
    const { rows } = await this.#query(
      `SELECT body FROM ${this.#t.recalls} ${where(conditions)}
       ORDER BY created_at DESC, id DESC LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return pageOf((rows as unknown as RecallRow[]).map(rowToRecall), limit, (last) =>
      encodeCursor('recalls', [last.createdAt, last.id]),
    );
  }

  // ── Verification counters ──

  async recordVerification(input: VerificationInput): Promise<VerificationCounts> {
    // One statement: the upsert, plus the unit's other fingerprints as of the statement's start.
    const { rows } = await this.#query(
      `WITH seen AS (
         INSERT INTO ${this.#t.verifications} AS v (sku, serial, fingerprint, first_at, last_at, count)
         VALUES ($1, $2, $3, $4, $4, 1)
         ON CONFLICT (sku, serial, fingerprint) DO UPDATE SET
           count = v.count + 1,
           first_at = LEAST(v.first_at, EXCLUDED.first_at),
           last_at = GREATEST(v.last_at, EXCLUDED.last_at)
         RETURNING last_at, count
       ),
       others AS (
         SELECT count(*) FILTER (WHERE last_at >= $5) AS recent, coalesce(sum(count), 0) AS total
         FROM ${this.#t.verifications} WHERE sku = $1 AND serial = $2 AND fingerprint <> $3
       )
       SELECT others.recent + CASE WHEN seen.last_at >= $5 THEN 1 ELSE 0 END AS distinct_fingerprints,
              others.total + seen.count AS total,
              (SELECT outcome FROM ${this.#t.outcomes} WHERE sku = $1 AND serial = $2) AS outcome
       FROM seen, others`,
      [input.sku, input.serial, input.fingerprint, input.at, input.windowStart],
      true,
    );
    const row = rows[0] ?? {};
    return {
      distinctFingerprints: Number(row.distinct_fingerprints),
      total: Number(row.total),
      outcome: typeof row.outcome === 'string' ? row.outcome : null,
    };
  }

  async setVerificationOutcome(
    change: VerificationOutcomeChange,
  ): Promise<VerificationOutcomeResult> {
    // One statement: the compare-and-set (an upsert whose update applies only over `from`, so a
    // concurrent change makes it a no-op), and the events, inserted only if it applied.
    const { events } = change;
    const { rows } = await this.#query(
      `WITH current AS (
         SELECT outcome FROM ${this.#t.outcomes} WHERE sku = $1 AND serial = $2
       ),
       changed AS (
         INSERT INTO ${this.#t.outcomes} AS o (sku, serial, outcome, at)
         SELECT $1, $2, $4, $5
         WHERE ($3::text IS NULL AND NOT EXISTS (SELECT 1 FROM current))
            OR EXISTS (SELECT 1 FROM current WHERE outcome = $3::text)
         ON CONFLICT (sku, serial) DO UPDATE SET outcome = EXCLUDED.outcome, at = EXCLUDED.at
           WHERE o.outcome = $3::text
         RETURNING 1
       ),
       logged AS (
         INSERT INTO ${this.#t.events} (sku, serial, type, at, data)
         SELECT v.sku, v.serial, v.type, v.at, v.data::jsonb
         FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
           AS v(sku, serial, type, at, data, n)
         WHERE EXISTS (SELECT 1 FROM changed)
         ORDER BY v.n
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM changed) AS applied, (SELECT count(*) FROM logged) AS logged`,
      [
        change.sku,
        change.serial,
        change.from,
        change.to,
        change.at,
        events.map((e) => e.sku),
        events.map((e) => e.serial),
        events.map((e) => e.type),
        events.map((e) => e.at),
        events.map((e) => json(e.data)),
      ],
      true,
    );
    if (rows[0]?.applied === true) return { applied: true, outcome: change.to };
    // Read again: the statement's snapshot may predate the change that made it a no-op.
    const current = await this.#query(
      `SELECT outcome FROM ${this.#t.outcomes} WHERE sku = $1 AND serial = $2`,
      [change.sku, change.serial],
      true,
    );
    const outcome = current.rows[0]?.outcome;
    return { applied: false, outcome: typeof outcome === 'string' ? outcome : null };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const ready = this.#ready;
    this.#ready = null;
    if (ready) await ready.catch(() => undefined);
    const pool = this.#pool;
    this.#pool = null;
    if (pool && 'connectionString' in this.#connection) await pool.end();
  }

  // ── Internals ──

  /** The pool, created and migrated on first use. */
  #use(): Promise<PgPoolLike> {
    if (this.#closed) return Promise.reject(storeClosedError('postgres'));
    if (!this.#ready) {
      this.#ready = this.#start().catch((error: unknown) => {
        // Let the next call try again (the server may come back).
        this.#ready = null;
        throw mapError(error);
      });
    }
    return this.#ready;
  }

  async #start(): Promise<PgPoolLike> {
    if (!this.#pool) {
      const connection = this.#connection;
      if ('pool' in connection) {
        this.#pool = connection.pool;
      } else {
        const module = await importOptional<PgModule>('pg');
        const Pool = module.default?.Pool ?? module.Pool;
        if (!Pool) throw new SerialkitError('internal', 'The pg package has no Pool export');
        const pool = new Pool({
          connectionString: connection.connectionString,
          max: connection.max ?? 10,
        });
        // An idle client that loses its connection is dropped by the pool; without a listener
        // the error would crash the process.
        pool.on('error', () => {});
        this.#pool = pool;
      }
    }
    await this.#migrate(this.#pool);
    return this.#pool;
  }

  async #migrate(pool: PgPoolLike): Promise<void> {
    const schema = quoteIdentifier(this.#schema);
    const migrations = postgresMigrations(schema);
    for (let attempt = 1; ; attempt++) {
      const client = guard(await pool.connect());
      let broken = false;
      try {
        await client.query('BEGIN');
        // Serialize migrators of this schema. Engines without advisory locks (CockroachDB) skip
        // the lock: a racing migrator then fails on a duplicate table or version row, rolls
        // back, and retries against the migrated schema.
        await client.query('SAVEPOINT serialkit_lock');
        try {
          await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(this.#schema)]);
          await client.query('RELEASE SAVEPOINT serialkit_lock');
        } catch (error) {
          if (isConnectionFailure(error)) throw error;
          await client.query('ROLLBACK TO SAVEPOINT serialkit_lock');
        }
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${this.#t.migrations} (
             version integer NOT NULL PRIMARY KEY,
             name text NOT NULL,
             applied_at text NOT NULL
           )`,
        );
        const { rows } = await client.query(`SELECT version FROM ${this.#t.migrations}`);
        const applied = new Set(rows.map((row) => Number(row.version)));
        // One migration per transaction: a later one may write what an earlier one added, which
        // some engines (CockroachDB) allow only once the addition has committed.
        const migration = migrations.find(({ version }) => !applied.has(version));
        if (migration) {
          await client.query(migration.sql);
          for (const statement of migration.optional ?? []) {
            await client.query('SAVEPOINT serialkit_optional');
            try {
              await client.query(statement);
              await client.query('RELEASE SAVEPOINT serialkit_optional');
            } catch (error) {
              if (isConnectionFailure(error)) throw error;
              await client.query('ROLLBACK TO SAVEPOINT serialkit_optional');
            }
          }
          await client.query(
            `INSERT INTO ${this.#t.migrations} (version, name, applied_at) VALUES ($1, $2, $3)`,
            [migration.version, migration.name, new Date().toISOString()],
          );
        }
        await client.query('COMMIT');
        if (!migration) return;
        attempt = 0; // the next migration, with attempts of its own
      } catch (error) {
        broken = !(await rollback(client));
        const code = errorCode(error) ?? '';
        const race = MIGRATION_RACE_CODES.has(code) || SERIALIZATION_CODES.has(code);
        if (!race || attempt >= MAX_ATTEMPTS) throw error;
        await backoff(attempt);
      } finally {
        client.release(broken);
      }
    }
  }

  async #query(text: string, values?: unknown[], prepare = false): Promise<PgQueryResultLike> {
    const pool = await this.#use();
    try {
      return prepare && this.#prepare
        ? await pool.query({ name: statementName(text), text, values: values ?? [] })
        : await pool.query(text, values);
    } catch (error) {
      throw mapError(error);
    }
  }

  /**
   * Runs `fn` in a transaction on one client: COMMIT on success, ROLLBACK on any error, the
   * client always released (destroyed if it could not roll back). Serialization failures and
   * deadlocks re-run the whole transaction.
   */
  async #transaction<T>(fn: (client: PgClientLike) => Promise<T>): Promise<T> {
    const pool = await this.#use();
    for (let attempt = 1; ; attempt++) {
      let client: PgClientLike;
      try {
        client = guard(await pool.connect());
      } catch (error) {
        throw mapError(error);
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = !(await rollback(client));
        if (SERIALIZATION_CODES.has(errorCode(error) ?? '') && attempt < MAX_ATTEMPTS) {
          await backoff(attempt);
          continue;
        }
        throw mapError(error);
      } finally {
        client.release(broken);
      }
    }
  }

  async #loadCopyFrom(): Promise<CopyFrom> {
    if (!this.#copyFrom) {
      const module = await importOptional<{ from?: CopyFrom; default?: { from: CopyFrom } }>(
        'pg-copy-streams',
        ' for bulk inserts',
      );
      const from = module.from ?? module.default?.from;
      if (!from)
        throw new SerialkitError('internal', 'The pg-copy-streams package has no `from` export');
      this.#copyFrom = from;
    }
    return this.#copyFrom;
  }
}

/** Rolls back; false when the connection is unusable (the caller then destroys it). */
async function rollback(client: PgClientLike): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

function json(data: Record<string, unknown> | undefined): string | null {
  return data === undefined ? null : JSON.stringify(data);
}

/** Streams COPY text to a `COPY … FROM STDIN` on the client. */
async function copyInto(
  client: PgClientLike,
  copy: NodeJS.WritableStream,
  text: Iterable<string>,
): Promise<void> {
  const stream = (client as unknown as { query(stream: unknown): NodeJS.WritableStream }).query(
    copy,
  );
  await pipeline(Readable.from(text), stream);
}

/**
 * The positions of `rows` in ascending `uniqueKey` order, or null when a key repeats (the batch
 * then has a conflict of its own). Batches usually arrive in order (sequences, sorted files), so
 * this is one pass; otherwise they are sorted here, which costs less than sorting in the server.
 * (JavaScript orders by UTF-16 code unit, not code point as `COLLATE "C"` does: only how well the
 * inserts follow the indexes depends on it, never what is inserted.)
 */
function keyOrder(rows: readonly SerialInsert[]): Uint32Array | null {
  const order = new Uint32Array(rows.length);
  let ascending = true;
  for (let i = 0; i < rows.length; i++) {
    order[i] = i;
    if (
      i > 0 &&
      ascending &&
      !((rows[i - 1] as SerialInsert).uniqueKey < (rows[i] as SerialInsert).uniqueKey)
    ) {
      ascending = false;
    }
  }
  if (ascending) return order;
  const keys = rows.map((row) => row.uniqueKey);
  order.sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let i = 1; i < order.length; i++) {
    if (keys[order[i - 1] as number] === keys[order[i] as number]) return null;
  }
  return order;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A text value in COPY text format (tab-separated, backslash escapes). */
function copyText(value: string): string {
  return COPY_SPECIAL.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** A nullable value in COPY text format, `\N` for NULL. */
function copyField(value: string | null | undefined): string {
  return value === null || value === undefined ? '\\N' : copyText(value);
}

/** Chunks of about 64 KiB. */
const COPY_CHUNK = 65_536;

/**
 * The rows as COPY text for `serials`, in `order`. The columns after the serial and key usually
 * repeat from row to row (one SKU, lot and registration time), so their text is built once per
 * change rather than once per row.
 */
function* serialsCopyText(rows: readonly SerialInsert[], order: Uint32Array): Generator<string> {
  let chunk = '';
  let last: SerialInsert | undefined;
  let head = '';
  let tail = '';
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i] as number] as SerialInsert;
    if (
      last === undefined ||
      row.sku !== last.sku ||
      row.lot !== last.lot ||
      row.manufacturedAt !== last.manufacturedAt ||
      row.receivedAt !== last.receivedAt ||
      row.registeredAt !== last.registeredAt
    ) {
      const at = copyField(row.registeredAt);
      head = `${copyField(row.sku)}\t`;
      tail = `\tin_stock\t${copyField(row.lot)}\t${copyField(row.manufacturedAt)}\t${copyField(row.receivedAt)}\t${at}\t${at}\n`;
      last = row;
    }
    chunk += head + copyField(row.serial) + '\t' + copyField(row.uniqueKey) + tail;
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The rows as COPY text for the staging table: batch index first. */
function* stagingCopyText(rows: readonly SerialInsert[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SerialInsert;
    chunk += `${i}\t${copyField(row.sku)}\t${copyField(row.serial)}\t${copyField(row.uniqueKey)}\t${copyField(row.lot)}\t${copyField(row.manufacturedAt)}\t${copyField(row.receivedAt)}\t${copyField(row.registeredAt)}\n`;
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
