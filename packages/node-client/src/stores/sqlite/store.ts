/**
 * The SQLite store (better-sqlite3): serialkit's embedded default, one file per deployment.
 *
 * better-sqlite3 is synchronous, so within a process every method runs to completion before the
 * next starts and transactions never interleave. Across processes, write transactions start with
 * BEGIN IMMEDIATE (taking the write lock up front, so they never fail half-way on a lock upgrade)
 * and wait up to `busyTimeout` for it. WAL lets readers run while a writer writes.
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
import { amendedRecord, amendmentApplies } from '../shared/amend.js';
import { storeClosedError } from '../shared/closed.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { SqlParams, serialConditions, where } from '../shared/filter.js';
import {
  type RecallRow,
  rowToRecall,
  rowToSerial,
  rowToSku,
  type SerialRow,
  type SkuRow,
} from '../shared/records.js';
import { sequenceOverflow, sequenceRequest } from '../shared/sequence.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { isGlobalKey } from '../shared/unique-key.js';
import type { SqliteStoreOptions } from '../sqlite.js';
import { loadDriver, mapError, type SqliteDatabaseLike } from './driver.js';
import * as eventLog from './events.js';
import { insertionOrder } from './insert-order.js';
import * as logCursors from './log-cursors.js';
import { applyMigrations, pendingMigrations } from './migrate.js';
import * as orders from './orders.js';
import * as owners from './owners.js';
import * as recalls from './recalls.js';
import { StatementCache } from './statement-cache.js';
import {
  applyCas,
  failuresOf,
  prepareStatements,
  SERIAL_SELECT,
  type Statements,
  sqlite,
} from './statements.js';
import { VerificationGroups } from './turn-groups.js';
import * as webhooks from './webhooks.js';

/** Thrown inside a transaction to roll it back; never escapes the store. */
class Rollback {
  constructor(readonly failed: number[]) {}
}

/** Batches at least this large refresh the planner's statistics afterwards. */
const OPTIMIZE_AFTER_ROWS = 10_000;

export class SqliteStore implements SerialStore {
  readonly capabilities: StoreCapabilities;
  readonly #options: SqliteStoreOptions;
  #db: SqliteDatabaseLike | null = null;
  #owned = false;
  #migrated = false;
  #closed = false;
  #statements: Statements | null = null;
  #cache: StatementCache | null = null;
  /** Verifications of one turn written together, and the lookups that join them. */
  readonly #groups = new VerificationGroups(
    (fn) => this.#run(fn),
    () => this.#closed,
  );

  constructor(options: SqliteStoreOptions) {
    this.#options = options;
    const persistent =
      'database' in options ? !options.database.memory : options.filename !== ':memory:';
    this.capabilities = {
      name: 'sqlite',
      persistent,
      concurrentWriters: false,
      preferredBatchSize: 50_000,
    };
  }

  async migrate(): Promise<MigrationReport> {
    const started = performance.now();
    if (this.#closed) throw storeClosedError('sqlite');
    try {
      this.#open();
      const applied = this.#migrated ? [] : this.#migrate();
      return { applied, ms: performance.now() - started };
    } catch (error) {
      throw mapError(error);
    }
  }

  // ── SKUs ──

  async getSku(sku: string): Promise<Sku | null> {
    return this.#run((_, s) => {
      const row = s.getSku.get(sku) as SkuRow | undefined;
      return row ? rowToSku(row) : null;
    });
  }

  async putSku(sku: Sku): Promise<void> {
    this.#run((_, s) => {
      s.putSku.run(
        sku.sku,
        sku.name,
        sku.gtin ?? null,
        sku.serialTracking.enabled ? 1 : 0,
        sku.serialTracking.format ?? null,
        sku.serialTracking.regex ?? null,
        sku.serialTracking.uniqueness,
        sku.createdAt,
        sku.updatedAt,
        sku.warranty === undefined ? null : JSON.stringify(sku.warranty),
      );
    });
  }

  async listSkus(filter: SkuFilter = {}, page: PageOptions = {}): Promise<StorePage<Sku>> {
    return this.#run(() => {
      // An integer from pageSize, inlined: a bound LIMIT makes SQLite re-plan the statement on every run.
      const limit = pageSize(page.limit);
      const after = decodeCursor('skus', page.cursor, 1);
      const params = new SqlParams(sqlite);
      const conditions: string[] = [];
      if (filter.tracking !== undefined) {
        conditions.push(`tracking_enabled = ${params.add(filter.tracking ? 1 : 0)}`);
      }
      if (after) conditions.push(`sku > ${params.add(after[0])}`);
      const sql = `SELECT * FROM skus ${where(conditions)} ORDER BY sku LIMIT ${limit + 1}`;
      const rows = this.#cached()
        .prepare(sql)
        .all(...params.values) as SkuRow[];
      return pageOf(rows.map(rowToSku), limit, (last) => encodeCursor('skus', [last.sku]));
    });
  }

  // ── Serials ──

  async insertSerials(rows: SerialInsert[]): Promise<InsertSerialsResult> {
    return this.#run((db, s) => {
      const insert = s.insertSerial;
      const order = insertionOrder(rows);
      // The hot path of bulk registration: one cached statement, one transaction, no per-row
      // objects beyond the bound values; `changes === 0` means ON CONFLICT DO NOTHING skipped it.
      const conflicts = db
        .transaction((): number[] => {
          const skipped: number[] = [];
          for (let n = 0; n < rows.length; n++) {
            const i = order === null ? n : (order[n] as number);
            const row = rows[i] as SerialInsert;
            // A row that fails here (a malformed key or timestamp) rolls the batch back.
            const { changes } = insert.run(
              row.sku,
              row.serial,
              row.lot ?? null,
              timestampToMillis(row.registeredAt, 'registeredAt'),
              isGlobalKey(row) ? 1 : null,
              row.manufacturedAt ?? null,
              row.receivedAt ?? null,
            );
            if (changes === 0) skipped.push(i);
          }
          return skipped;
        })
        .immediate();
      if (order !== null) conflicts.sort((a, b) => a - b);
      if (rows.length >= OPTIMIZE_AFTER_ROWS) this.#optimize();
      return { inserted: rows.length - conflicts.length, conflicts };
    });
  }

  async getSerial(sku: string, serial: string): Promise<SerialRecord | null> {
    return this.#run((_, s) => {
      const row = s.getSerial.get(sku, serial) as SerialRow | undefined;
      return row ? rowToSerial(row) : null;
    });
  }

  /**
   * Public verification's lookup. When verifications already wait for the end of this turn (a
   * busy server), the lookup is read then, with the other lookups made meanwhile, in one read
   * transaction instead of one each; otherwise it reads at once, so lone callers never wait.
   */
  findSerial(serial: string): Promise<SerialRecord[]> {
    return this.#groups.find(serial);
  }

  async listSerials(
    filter: SerialFilter,
    page: PageOptions = {},
  ): Promise<StorePage<SerialRecord>> {
    return this.#run(() => {
      const limit = pageSize(page.limit);
      const after = decodeCursor('serials', page.cursor, 2);
      const params = new SqlParams(sqlite);
      const conditions = serialConditions(filter, params, after);
      const sql = `${SERIAL_SELECT} ${where(conditions)} ORDER BY sku, serial LIMIT ${limit + 1}`;
      const rows = this.#cached()
        .prepare(sql)
        .all(...params.values) as SerialRow[];
      return pageOf(rows.map(rowToSerial), limit, (last) =>
        encodeCursor('serials', [last.sku, last.serial]),
      );
    });
  }

  async countSerials(filter: SerialFilter): Promise<number> {
    return this.#run(() => {
      const params = new SqlParams(sqlite);
      const sql = `SELECT count(*) AS n FROM serials ${where(serialConditions(filter, params))}`;
      return (
        this.#cached()
          .prepare(sql)
          .get(...params.values) as { n: number }
      ).n;
    });
  }

  async transition(transitions: Transition[]): Promise<TransitionResult> {
    return this.#run((db, s) => {
      try {
        const records = db
          .transaction((): SerialRecord[] => {
            const applied = applyCas(s, transitions);
            if (!applied.ok) throw new Rollback(applied.failed);
            return applied.records;
          })
          .immediate();
        return { ok: true, records };
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        // Rolled back: report each failed unit as it is stored now.
        return { ok: false, failures: failuresOf(s, transitions, error.failed) };
      }
    });
  }

  async amendSerial(change: SerialAmendment): Promise<AmendmentResult> {
    const at = timestampToMillis(change.event.at, 'event.at');
    return this.#run((db, s) =>
      // IMMEDIATE: the write lock is taken before the read, so the comparison holds until commit.
      db
        .transaction((): AmendmentResult => {
          const row = s.getSerial.get(change.sku, change.serial) as SerialRow | undefined;
          const current = row ? rowToSerial(row) : null;
          if (!amendmentApplies(current, change)) return { ok: false, current };
          let record: SerialRecord | null = null;
          if (change.remove) {
            db.prepare('DELETE FROM serials WHERE sku = ? AND serial = ?').run(
              change.sku,
              change.serial,
            );
          } else {
            record = amendedRecord(current, change);
            this.#cached()
              .prepare(
                `UPDATE serials SET status = ?, lot = ?, manufactured_at = ?, received_at = ?,
                   updated_at = ? WHERE sku = ? AND serial = ?`,
              )
              .run(
                record.status,
                record.lot ?? null,
                record.manufacturedAt ?? null,
                record.receivedAt ?? null,
                at,
                change.sku,
                change.serial,
              );
          }
          s.insertEvent.run(
            change.sku,
            change.serial,
            change.event.type,
            change.event.at,
            eventDataJson(change.event.data),
          );
          return { ok: true, record };
        })
        .immediate(),
    );
  }

  async markRecalled(
    filter: SerialFilter,
    recallId: string,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<Partial<Record<SerialStatus, number>>> {
    return this.#run((db) => recalls.markRecalled(db, this.#cached(), filter, recallId, event));
  }

  // ── Events (see events.ts) ──

  async appendEvents(events: EventInsert[]): Promise<void> {
    this.#run((db, s) => eventLog.appendEvents(db, s, events));
  }

  async appendLogNotice(notice: LogNoticeInsert): Promise<void> {
    this.#run((_db, s) => eventLog.appendLogNotice(s, notice));
  }

  async listEvents(filter: EventFilter, page: PageOptions = {}): Promise<StorePage<SerialEvent>> {
    return this.#run(() => eventLog.listEvents(this.#cached(), filter, page));
  }

  // ── Owners ──

  async insertOwner(owner: Owner, event?: EventInsert): Promise<InsertOwnerResult> {
    return this.#run((db) => owners.insertOwner(db, owner, event));
  }

  async getOwner(id: string): Promise<Owner | null> {
    return this.#run((db) => owners.getOwner(db, id));
  }

  async listOwners(filter: OwnerFilter, page: PageOptions = {}): Promise<StorePage<Owner>> {
    return this.#run((db) => owners.listOwners(db, filter, page));
  }

  async eraseOwner(id: string, event: EventInsert): Promise<Owner | null> {
    return this.#run((db) => owners.eraseOwner(db, id, event));
  }

  // ── Recalls (see recalls.ts) ──

  async putRecall(recall: Recall): Promise<void> {
    this.#run((_, s) => {
      s.putRecall.run(recall.id, recall.sku, recall.createdAt, JSON.stringify(recall));
    });
  }

  async closeRecall(
    recall: Recall,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<number | null> {
    return this.#run((db, s) => recalls.closeRecall(db, s, this.#cached(), recall, event));
  }

  async getRecall(id: string): Promise<Recall | null> {
    return this.#run((_, s) => {
      const row = s.getRecall.get(id) as RecallRow | undefined;
      return row ? rowToRecall(row) : null;
    });
  }

  async listRecalls(
    filter: { sku?: string } = {},
    page: PageOptions = {},
  ): Promise<StorePage<Recall>> {
    return this.#run(() => recalls.listRecalls(this.#cached(), filter, page));
  }

  // ── Orders (see orders.ts) ──

  async insertOrder(order: Order): Promise<boolean> {
    return this.#run((db) => orders.insertOrder(db, this.#cached(), order));
  }

  async getOrder(id: string): Promise<StoredOrder | null> {
    return this.#run(() => orders.getOrder(this.#cached(), id));
  }

  async listOrders(filter: OrderFilter = {}, page: PageOptions = {}): Promise<StorePage<Order>> {
    return this.#run(() => orders.listOrders(this.#cached(), filter, page));
  }

  async changeOrder(change: OrderChange): Promise<OrderChangeResult> {
    return this.#run((db, s) => orders.changeOrder(db, s, this.#cached(), change));
  }

  // ── Verification counters ──

  /** Written with the other verifications of this turn (see turn-groups.ts). */
  recordVerification(input: VerificationInput): Promise<VerificationCounts> {
    if (this.#closed) return Promise.reject(storeClosedError('sqlite'));
    return this.#groups.record(input);
  }

  async setVerificationOutcome(
    change: VerificationOutcomeChange,
  ): Promise<VerificationOutcomeResult> {
    return this.#run((db, s) =>
      db
        .transaction((): VerificationOutcomeResult => {
          const row = s.getOutcome.get(change.sku, change.serial) as
            | { outcome: string }
            | undefined;
          const current = row?.outcome ?? null;
          if (current !== change.from) return { applied: false, outcome: current };
          s.putOutcome.run(change.sku, change.serial, change.to, change.at);
          for (const e of change.events) {
            s.insertEvent.run(e.sku, e.serial, e.type, e.at, eventDataJson(e.data));
          }
          return { applied: true, outcome: change.to };
        })
        .immediate(),
    );
  }

  // ── Sequence counters ──

  async nextSequence(
    key: string,
    count: number,
    options?: SequenceOptions,
  ): Promise<{ first: number }> {
    const request = sequenceRequest(key, count, options);
    if (!Number.isSafeInteger(request.after + request.count)) throw sequenceOverflow(request.key);
    return this.#run(() => {
      // One upsert: SQLite serialises writers, so concurrent runs never overlap. The WHERE keeps
      // a counter from passing the safe integers (no row comes back then, and nothing changes).
      const row = this.#cached()
        .prepare(
          `INSERT INTO sequence_counters (id, value) VALUES (?, ?)
           ON CONFLICT (id) DO UPDATE SET value = max(value, ?) + ?
           WHERE max(value, ?) + ? <= ${Number.MAX_SAFE_INTEGER}
           RETURNING value`,
        )
        .get(
          request.key,
          request.after + request.count,
          request.after,
          request.count,
          request.after,
          request.count,
        ) as { value: number } | undefined;
      if (row === undefined) throw sequenceOverflow(request.key);
      return { first: Number(row.value) - request.count + 1 };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    // Verifications recorded (and lookups made) before closing are written and read, not dropped.
    this.#groups.flush();
    this.#closed = true;
    if (this.#migrated) {
      try {
        this.#optimize();
      } catch {
        // Statistics are an optimisation; closing must not fail because of them.
      }
    }
    this.#statements = null;
    this.#cache = null;
    if (this.#db && this.#owned) this.#db.close();
    this.#db = null;
  }

  // ── Internals ──

  /**
   * Refreshes planner statistics (bounded work) so that, e.g., a selective lot uses its index
   * rather than a scan of the SKU; SQLite recommends it after large changes and before closing.
   */
  #optimize(): void {
    const db = this.#db;
    if (!db || db.readonly) return;
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize');
  }

  /** Runs `fn` with an open, migrated database, mapping driver errors. */
  // ── Webhooks (see sqlite/webhooks.ts) ──

  async putWebhookSubscription(subscription: WebhookSubscriptionRecord): Promise<void> {
    return this.#run((db) => webhooks.putSubscription(db, subscription));
  }

  async getWebhookSubscription(id: string): Promise<WebhookSubscriptionRecord | null> {
    return this.#run((db) => webhooks.getSubscription(db, id));
  }

  async listWebhookSubscriptions(): Promise<WebhookSubscriptionRecord[]> {
    return this.#run((db) => webhooks.listSubscriptions(db));
  }

  async deleteWebhookSubscription(id: string): Promise<boolean> {
    return this.#run((db) => webhooks.deleteSubscription(db, id));
  }

  async leaseWebhookCursor(
    request: WebhookLeaseRequest,
  ): Promise<{ position: string | null } | null> {
    return this.#run((db) => webhooks.leaseCursor(db, request));
  }

  async advanceWebhookCursor(move: WebhookCursorMove): Promise<boolean> {
    return this.#run((db) => webhooks.advanceCursor(db, move));
  }

  async readEventLog(after: string | null, limit: number): Promise<LogEntry[]> {
    return this.#run((db) => webhooks.readEventLog(db, after, limit));
  }

  async leaseLogCursor(
    request: LogCursorLeaseRequest,
  ): Promise<{ position: string | null } | null> {
    return this.#run((db) => logCursors.leaseLogCursor(db, request));
  }

  async advanceLogCursor(move: LogCursorMove): Promise<boolean> {
    return this.#run((db) => logCursors.advanceLogCursor(db, move));
  }

  async appendWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    return this.#run((db) => webhooks.appendDeliveries(db, deliveries));
  }

  async listWebhookDeliveries(
    subscriptionId: string,
    page: PageOptions = {},
  ): Promise<StorePage<WebhookDelivery>> {
    return this.#run((db) => webhooks.listDeliveries(db, subscriptionId, page));
  }

  async putWebhookDeadLetter(letter: WebhookDeadLetter): Promise<void> {
    return this.#run((db) => webhooks.putDeadLetter(db, letter));
  }

  async listWebhookDeadLetters(
    subscriptionId: string,
    page: PageOptions = {},
  ): Promise<StorePage<WebhookDeadLetter>> {
    return this.#run((db) => webhooks.listDeadLetters(db, subscriptionId, page));
  }

  async deleteWebhookDeadLetter(subscriptionId: string, messageId: string): Promise<boolean> {
    return this.#run((db) => webhooks.deleteDeadLetter(db, subscriptionId, messageId));
  }

  #run<T>(fn: (db: SqliteDatabaseLike, statements: Statements) => T): T {
    if (this.#closed) throw storeClosedError('sqlite');
    try {
      const db = this.#open();
      if (!this.#migrated) this.#migrate();
      this.#statements ??= prepareStatements(db);
      return fn(db, this.#statements);
    } catch (error) {
      throw mapError(error);
    }
  }

  #open(): SqliteDatabaseLike {
    if (this.#db) return this.#db;
    const options = this.#options;
    let db: SqliteDatabaseLike;
    if ('database' in options) {
      db = options.database;
    } else {
      const Database = loadDriver();
      db = new Database(options.filename, {
        readonly: options.readonly ?? false,
        fileMustExist: options.readonly ?? false,
      });
      this.#owned = true;
    }
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeout ?? 5000))}`);
      if (!db.readonly) {
        // WAL: readers never block the writer; NORMAL: durable at checkpoints, not every commit.
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('foreign_keys = ON');
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -32768');
    } catch (error) {
      if (this.#owned) db.close();
      throw error;
    }
    this.#db = db;
    return db;
  }

  /** Applies pending migrations (or, read-only, checks there are none); what it applied. */
  #migrate(): MigrationReport['applied'] {
    const db = this.#open();
    let done: MigrationReport['applied'] = [];
    if (db.readonly) {
      const pending = pendingMigrations(db);
      if (pending.length > 0) {
        throw new SerialkitError(
          'unavailable',
          `The SQLite database needs migration ${pending.join(', ')}; open it writable once to apply it`,
          { status: 503 },
        );
      }
    } else {
      done = applyMigrations(db);
      // Rebuilt tables start without planner statistics.
      if (done.length > 0) this.#optimize();
    }
    this.#migrated = true;
    return done;
  }

  #cached(): StatementCache {
    this.#cache ??= new StatementCache(this.#db as SqliteDatabaseLike);
    return this.#cache;
  }
}
