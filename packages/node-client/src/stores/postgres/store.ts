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
import type {
  LogEntry,
  LogNoticeInsert,
  Order,
  Owner,
  Recall,
  SerialEvent,
  SerialRecord,
  SerialStatus,
  Sku,
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookSubscriptionRecord,
} from '@serialkit/core';
import { SerialkitError } from '../../errors.js';
import type {
  AmendmentResult,
  EventFilter,
  EventInsert,
  InsertOwnerResult,
  InsertSerialsResult,
  LogCursorLeaseRequest,
  LogCursorMove,
  MigrationReport,
  OrderChange,
  OrderChangeResult,
  OrderFilter,
  OwnerFilter,
  PageOptions,
  SequenceOptions,
  SerialAmendment,
  SerialFilter,
  SerialInsert,
  SerialStore,
  SkuFilter,
  StoreCapabilities,
  StoredOrder,
  StorePage,
  Transition,
  TransitionResult,
  VerificationCounts,
  VerificationInput,
  VerificationOutcomeChange,
  VerificationOutcomeResult,
  WebhookCursorMove,
  WebhookLeaseRequest,
} from '../../store.js';
import type { PostgresConnection, PostgresStoreOptions } from '../postgres.js';
import { storeClosedError } from '../shared/closed.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { type SqlDialect, SqlParams, serialConditions, where } from '../shared/filter.js';
import { rowToSerial, SERIAL_COLUMNS, type SerialRow } from '../shared/records.js';
import { sequenceOverflow, sequenceRequest } from '../shared/sequence.js';
import { applyAmendment } from './amend.js';
import {
  backoff,
  type CopyFrom,
  errorCode,
  guard,
  importOptional,
  MAX_ATTEMPTS,
  mapError,
  type PgClientLike,
  type PgModule,
  type PgPoolLike,
  type PgQueryResultLike,
  type PgStatement,
  quoteIdentifier,
  rollback,
  SERIALIZATION_CODES,
  statementName,
} from './driver.js';
import * as eventLog from './events.js';
import { COPY_FROM_ROWS, insertSerialRows } from './insert.js';
import * as logCursors from './log-cursors.js';
import { migrateSchema } from './migrate.js';
import * as orders from './orders.js';
import * as owners from './owners.js';
import * as recalls from './recalls.js';
import * as skus from './skus.js';
import { applyTransitions, TransitionRollback } from './transition.js';
import { recordVerificationQuery, setOutcomeQuery } from './verification.js';
import { PostgresWebhooks, webhookTables } from './webhooks.js';

const pg: SqlDialect = {
  placeholder: (n) => `$${n}`,
  inList: (column, placeholder) => `${column} = ANY(${placeholder}::text[])`,
  listValue: (values) => values,
  never: 'FALSE',
};

export class PostgresStore implements SerialStore {
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
    owners: string;
    verifications: string;
    outcomes: string;
    sequences: string;
    migrations: string;
  };
  readonly #webhooks: PostgresWebhooks;
  readonly #orderTables: orders.OrderTables;
  #pool: PgPoolLike | null = null;
  #ready: Promise<PgPoolLike> | null = null;
  #closed = false;
  #copyFrom: CopyFrom | null = null;
  /** The migrations the last successful start applied. */
  #applied: MigrationReport['applied'] = [];

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
      owners: `${s}.owners`,
      verifications: `${s}.verifications`,
      outcomes: `${s}.verification_outcomes`,
      sequences: `${s}.sequence_counters`,
      migrations: `${s}.serialkit_migrations`,
    };
    this.#webhooks = new PostgresWebhooks(
      (text, values) => this.#query(text, values),
      webhookTables(s),
    );
    this.#orderTables = {
      orders: `${s}.orders`,
      orderSkus: `${s}.order_skus`,
      serials: this.#t.serials,
      events: this.#t.events,
    };
  }

  async migrate(): Promise<MigrationReport> {
    const started = performance.now();
    // The call that opens the store reports what opening it applied.
    const opening = this.#ready === null;
    await this.#use();
    return { applied: opening ? this.#applied : [], ms: performance.now() - started };
  }

  // ── SKUs (see skus.ts) ──

  async getSku(sku: string): Promise<Sku | null> {
    return skus.getSku(this.#statement, this.#t.skus, sku);
  }

  async putSku(sku: Sku): Promise<void> {
    await skus.putSku(this.#statement, this.#t.skus, sku);
  }

  async listSkus(filter: SkuFilter = {}, page: PageOptions = {}): Promise<StorePage<Sku>> {
    return skus.listSkus(this.#statement, this.#t.skus, pg, filter, page);
  }

  // ── Serials ──

  async insertSerials(rows: SerialInsert[]): Promise<InsertSerialsResult> {
    if (rows.length === 0) {
      await this.#use();
      return { inserted: 0, conflicts: [] };
    }
    const copyFrom = rows.length >= COPY_FROM_ROWS ? await this.#loadCopyFrom() : null;
    const conflicts = await this.#transaction((client) =>
      insertSerialRows(client, this.#t.serials, rows, copyFrom),
    );
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
    const recalled = recalls.recallCandidates(this.#t.events, filter, params, after, true);
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
    const recalled = recalls.recallCandidates(this.#t.events, filter, params, null, false);
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

  async transition(transitions: Transition[]): Promise<TransitionResult> {
    if (transitions.length === 0) {
      await this.#use();
      return { ok: true, records: [] };
    }
    try {
      return await this.#transaction((client) =>
        applyTransitions(client, this.#t.serials, this.#t.events, transitions),
      );
    } catch (error) {
      if (error instanceof TransitionRollback) return error.result;
      throw error;
    }
  }

  async amendSerial(change: SerialAmendment): Promise<AmendmentResult> {
    return this.#transaction((client) =>
      applyAmendment(client, this.#t.serials, this.#t.events, change),
    );
  }

  // ── Events (see events.ts) ──

  async appendEvents(events: EventInsert[]): Promise<void> {
    if (events.length === 0) {
      await this.#use();
      return;
    }
    // One statement, so atomic: the batch is inserted only when every unit exists.
    await eventLog.appendEvents(this.#statement, this.#t, events);
  }

  async appendLogNotice(notice: LogNoticeInsert): Promise<void> {
    await eventLog.appendLogNotice(this.#statement, this.#t.events, notice);
  }

  async listEvents(filter: EventFilter, page: PageOptions = {}): Promise<StorePage<SerialEvent>> {
    return eventLog.listEvents(this.#statement, this.#t.events, pg, filter, page);
  }

  // ── Owners ──

  async insertOwner(owner: Owner, event?: EventInsert): Promise<InsertOwnerResult> {
    const tables = { owners: this.#t.owners, events: this.#t.events, serials: this.#t.serials };
    // Without an event, one statement; with one, the owner and its event in one transaction.
    if (!event) return owners.insertOwner(this.#ownerQuery, tables, owner);
    return this.#transaction((client) =>
      owners.insertOwner((text, values) => client.query(text, values), tables, owner, event),
    );
  }

  async getOwner(id: string): Promise<Owner | null> {
    return owners.getOwner(this.#ownerQuery, this.#t.owners, id);
  }

  async listOwners(filter: OwnerFilter, page: PageOptions = {}): Promise<StorePage<Owner>> {
    return owners.listOwners(this.#ownerQuery, this.#t.owners, pg, filter, page);
  }

  async eraseOwner(id: string, event: EventInsert): Promise<Owner | null> {
    return this.#transaction((client) =>
      owners.eraseOwner(
        (text, values) => client.query(text, values),
        { owners: this.#t.owners, events: this.#t.events },
        id,
        event,
      ),
    );
  }

  readonly #ownerQuery: owners.PgQuery = (text, values) => this.#query(text, values);

  /** A statement on the pool, prepared when asked. */
  readonly #statement: PgStatement = (text, values, prepare) => this.#query(text, values, prepare);

  // ── Recalls (see recalls.ts) ──

  async markRecalled(
    filter: SerialFilter,
    recallId: string,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<Partial<Record<SerialStatus, number>>> {
    return this.#transaction((client) =>
      recalls.markRecalled(clientStatement(client), this.#t, pg, filter, recallId, event),
    );
  }

  async putRecall(recall: Recall): Promise<void> {
    await recalls.putRecall(this.#statement, this.#t.recalls, recall);
  }

  async closeRecall(
    recall: Recall,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<number | null> {
    return this.#transaction((client) =>
      recalls.closeRecall(clientStatement(client), this.#t, recall, event),
    );
  }

  async getRecall(id: string): Promise<Recall | null> {
    return recalls.getRecall(this.#statement, this.#t.recalls, id);
  }

  async listRecalls(
    filter: { sku?: string } = {},
    page: PageOptions = {},
  ): Promise<StorePage<Recall>> {
    return recalls.listRecalls(this.#statement, this.#t.recalls, pg, filter, page);
  }

  // ── Orders (see orders.ts) ──

  async insertOrder(order: Order): Promise<boolean> {
    return this.#transaction((client) => orders.insertOrder(client, this.#orderTables, order));
  }

  async getOrder(id: string): Promise<StoredOrder | null> {
    return orders.getOrder(this.#query.bind(this), this.#orderTables, id);
  }

  async listOrders(filter: OrderFilter = {}, page: PageOptions = {}): Promise<StorePage<Order>> {
    return orders.listOrders(this.#query.bind(this), this.#orderTables, pg, filter, page);
  }

  async changeOrder(change: OrderChange): Promise<OrderChangeResult> {
    try {
      return await this.#transaction((client) =>
        orders.changeOrder(client, this.#orderTables, change),
      );
    } catch (error) {
      if (error instanceof orders.OrderRollback) return error.result;
      throw error;
    }
  }

  // ── Verification counters ──

  async recordVerification(input: VerificationInput): Promise<VerificationCounts> {
    const { text, values } = recordVerificationQuery(this.#t, input);
    const { rows } = await this.#query(text, values, true);
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
    const { text, values } = setOutcomeQuery(this.#t, change);
    const { rows } = await this.#query(text, values, true);
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

  // ── Sequence counters ──

  async nextSequence(
    key: string,
    count: number,
    options?: SequenceOptions,
  ): Promise<{ first: number }> {
    const request = sequenceRequest(key, count, options);
    if (!Number.isSafeInteger(request.after + request.count)) throw sequenceOverflow(request.key);
    // One upsert: concurrent ones on a key wait for each other's row lock and read the value it
    // committed, so their runs never overlap. The WHERE keeps a counter within the safe integers
    // (no row comes back then, and nothing changes).
    const { rows } = await this.#query(
      `INSERT INTO ${this.#t.sequences} AS c (id, value) VALUES ($1, $2::bigint + $3::bigint)
       ON CONFLICT (id) DO UPDATE SET value = GREATEST(c.value, $2::bigint) + $3::bigint
       WHERE GREATEST(c.value, $2::bigint) + $3::bigint <= ${Number.MAX_SAFE_INTEGER}
       RETURNING value`,
      [request.key, request.after, request.count],
      true,
    );
    const value = rows[0]?.value;
    if (value === undefined) throw sequenceOverflow(request.key);
    return { first: Number(value) - request.count + 1 };
  }

  // ── Webhooks (see postgres/webhooks.ts) ──

  putWebhookSubscription(subscription: WebhookSubscriptionRecord): Promise<void> {
    return this.#webhooks.putSubscription(subscription);
  }

  getWebhookSubscription(id: string): Promise<WebhookSubscriptionRecord | null> {
    return this.#webhooks.getSubscription(id);
  }

  listWebhookSubscriptions(): Promise<WebhookSubscriptionRecord[]> {
    return this.#webhooks.listSubscriptions();
  }

  deleteWebhookSubscription(id: string): Promise<boolean> {
    return this.#webhooks.deleteSubscription(id);
  }

  leaseWebhookCursor(request: WebhookLeaseRequest): Promise<{ position: string | null } | null> {
    return this.#webhooks.leaseCursor(request);
  }

  advanceWebhookCursor(move: WebhookCursorMove): Promise<boolean> {
    return this.#webhooks.advanceCursor(move);
  }

  readEventLog(after: string | null, limit: number): Promise<LogEntry[]> {
    return this.#webhooks.readEventLog(after, limit);
  }

  leaseLogCursor(request: LogCursorLeaseRequest): Promise<{ position: string | null } | null> {
    return logCursors.leaseLogCursor(this.#logQuery, this.#logTables, request);
  }

  advanceLogCursor(move: LogCursorMove): Promise<boolean> {
    return logCursors.advanceLogCursor(this.#logQuery, this.#logTables, move);
  }

  readonly #logQuery = (text: string, values?: unknown[]) => this.#query(text, values);

  get #logTables(): logCursors.LogCursorTables {
    return { cursors: `${quoteIdentifier(this.#schema)}.log_cursors`, events: this.#t.events };
  }

  appendWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    return this.#webhooks.appendDeliveries(deliveries);
  }

  listWebhookDeliveries(
    subscriptionId: string,
    page: PageOptions = {},
  ): Promise<StorePage<WebhookDelivery>> {
    return this.#webhooks.listDeliveries(subscriptionId, page);
  }

  putWebhookDeadLetter(letter: WebhookDeadLetter): Promise<void> {
    return this.#webhooks.putDeadLetter(letter);
  }

  listWebhookDeadLetters(
    subscriptionId: string,
    page: PageOptions = {},
  ): Promise<StorePage<WebhookDeadLetter>> {
    return this.#webhooks.listDeadLetters(subscriptionId, page);
  }

  deleteWebhookDeadLetter(subscriptionId: string, messageId: string): Promise<boolean> {
    return this.#webhooks.deleteDeadLetter(subscriptionId, messageId);
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
    this.#applied = await migrateSchema(this.#pool, this.#schema);
    return this.#pool;
  }

  /**
   * Runs one statement (its own transaction). A deadlock or serialization failure rolled it back
   * whole, so it runs again, as `#transaction` does: one-statement writes that insert events wait
   * for the event log's lock, which can meet a row lock taken in another order.
   */
  async #query(text: string, values?: unknown[], prepare = false): Promise<PgQueryResultLike> {
    const pool = await this.#use();
    for (let attempt = 1; ; attempt++) {
      try {
        return prepare && this.#prepare
          ? await pool.query({ name: statementName(text), text, values: values ?? [] })
          : await pool.query(text, values);
      } catch (error) {
        if (SERIALIZATION_CODES.has(errorCode(error) ?? '') && attempt < MAX_ATTEMPTS) {
          await backoff(attempt);
          continue;
        }
        throw mapError(error);
      }
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

/** A statement on a transaction's client. */
function clientStatement(client: PgClientLike): PgStatement {
  return (text, values) => client.query(text, values);
}
