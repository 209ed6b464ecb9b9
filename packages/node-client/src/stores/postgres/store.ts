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
import { BadRequestError, SerialkitError } from '../../errors.js';
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
import { eventDataJson } from '../shared/event-data.js';
import {
  eventConditions,
  type SqlDialect,
  SqlParams,
  serialConditions,
  where,
} from '../shared/filter.js';
import {
  type EventRow,
  NOTICE_KEY,
  type RecallRow,
  rowToEvent,
  rowToRecall,
  rowToSerial,
  rowToSku,
  SERIAL_COLUMNS,
  type SerialRow,
  type SkuRow,
} from '../shared/records.js';
import { sequenceOverflow, sequenceRequest } from '../shared/sequence.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { unknownUnitError } from '../shared/unknown-unit.js';
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
  quoteIdentifier,
  rollback,
  SERIALIZATION_CODES,
  statementName,
} from './driver.js';
import { COPY_FROM_ROWS, insertSerialRows } from './insert.js';
import * as logCursors from './log-cursors.js';
import { migrateSchema } from './migrate.js';
import * as orders from './orders.js';
import * as owners from './owners.js';
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

  // ── SKUs ──

  async getSku(sku: string): Promise<Sku | null> {
    const { rows } = await this.#query(`SELECT * FROM ${this.#t.skus} WHERE sku = $1`, [sku], true);
    const row = rows[0] as SkuRow | undefined;
    return row ? rowToSku(row) : null;
  }

  async putSku(sku: Sku): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t.skus} (sku, name, gtin, tracking_enabled, format, regex, uniqueness, created_at, updated_at, warranty)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
       ON CONFLICT (sku) DO UPDATE SET
         name = EXCLUDED.name, gtin = EXCLUDED.gtin, tracking_enabled = EXCLUDED.tracking_enabled,
         format = EXCLUDED.format, regex = EXCLUDED.regex, uniqueness = EXCLUDED.uniqueness,
         created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
         warranty = EXCLUDED.warranty`,
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
        sku.warranty === undefined ? null : JSON.stringify(sku.warranty),
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
    const atMillis = params.add(timestampToMillis(event.at, 'event.at'));
    const data = params.add(eventDataJson(event.data));
    // One statement: mark, log and count the same rows. Rows a concurrent transaction changes
    // are re-checked against the filter before they are marked. No index covers the columns
    // set, so each unit is updated in place (HOT) when its page has room; the events record the
    // recall, which is how its units are found again.
    const rows = await this.#transaction(async (client) => {
      const result = await client.query(
        `WITH marked AS (
           UPDATE ${this.#t.serials} SET recall_id = ${id}, updated_at = ${atMillis}
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
    // One statement, so atomic: the batch is inserted only when every unit exists.
    const { rows } = await this.#query(
      `WITH v AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           WITH ORDINALITY AS v(sku, serial, type, at, data, n)
       ),
       missing AS (
         SELECT v.sku, v.serial FROM v
         WHERE NOT EXISTS (
           SELECT 1 FROM ${this.#t.serials} s WHERE s.sku = v.sku AND s.serial = v.serial
         )
         ORDER BY v.n LIMIT 1
       ),
       inserted AS (
         INSERT INTO ${this.#t.events} (sku, serial, type, at, data)
         SELECT sku, serial, type, at, data::jsonb FROM v
         WHERE NOT EXISTS (SELECT 1 FROM missing)
         ORDER BY n
         RETURNING 1
       )
       SELECT sku, serial FROM missing`,
      [
        events.map((e) => e.sku),
        events.map((e) => e.serial),
        events.map((e) => e.type),
        events.map((e) => e.at),
        events.map((e) => eventDataJson(e.data)),
      ],
    );
    const unknown = rows[0] as { sku: string; serial: string } | undefined;
    if (unknown) throw unknownUnitError(unknown.sku, unknown.serial);
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

  async appendLogNotice(notice: LogNoticeInsert): Promise<void> {
    timestampToMillis(notice.at, 'notice.at');
    await this.#query(
      `INSERT INTO ${this.#t.events} (sku, serial, type, at, data) VALUES ($1, $1, $2, $3, $4::jsonb)`,
      [NOTICE_KEY, notice.type, notice.at, eventDataJson(notice.data)],
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

  async closeRecall(
    recall: Recall,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<number | null> {
    timestampToMillis(event.at, 'event.at');
    const data = eventDataJson(event.data);
    return this.#transaction(async (client) => {
      // The row lock makes concurrent closes of one recall take turns: the second sees it closed.
      const { rows } = await client.query(
        `SELECT body FROM ${this.#t.recalls} WHERE id = $1 FOR UPDATE`,
        [recall.id],
      );
      const row = rows[0] as RecallRow | undefined;
      if (!row || rowToRecall(row).status === 'closed') return null;
      // The recall's units are found through the events that put them under it (events_recall).
      const logged = await client.query(
        `INSERT INTO ${this.#t.events} (sku, serial, type, at, data)
         SELECT s.sku, s.serial, 'recall_closed', $2, $3::jsonb
         FROM (SELECT DISTINCT e.sku, e.serial FROM ${this.#t.events} AS e WHERE e.recall_id = $1) AS c
         JOIN ${this.#t.serials} AS s ON s.sku = c.sku AND s.serial = c.serial AND s.recall_id = $1
         ORDER BY s.sku, s.serial`,
        [recall.id, event.at, data],
      );
      await client.query(`UPDATE ${this.#t.recalls} SET body = $2::jsonb WHERE id = $1`, [
        recall.id,
        JSON.stringify(recall),
      ]);
      return logged.rowCount ?? 0;
    });
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
