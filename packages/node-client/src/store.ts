/**
 * `SerialStore`: the narrow waist between serialkit's workflows and any database.
 *
 * A store persists SKUs, serials, events, recalls and verification counters, and offers a few
 * atomic primitives. It never decides workflow rules (which transitions are allowed, what a
 * return verdict is): those live once, in `SerialClient`. Anything that implements this
 * interface and passes `runStoreConformance` from `@serialkit/node-client/testing` is a
 * serialkit store.
 *
 * Conventions:
 * - Timestamps and dates are ISO 8601 strings, read back as given and compared as strings: the
 *   client passes UTC timestamps in `Date#toISOString()` form (and calendar dates as `YYYY-MM-DD`)
 *   so that string order is time order in every store. A unit's `registeredAt` and the `at` of an
 *   event that changes a unit (which becomes its `updatedAt`) must be in that form: SQL stores keep
 *   them as integers and reject any other form with `BadRequestError`.
 * - Serials are canonical (validated by the client). Strings are ordered and compared in binary
 *   (Unicode code point) order: SQLite's BINARY, PostgreSQL's "C" collation.
 * - Every method is async and never mutates its arguments.
 * - Methods that change several rows are atomic: all or nothing, also when a row fails half-way
 *   (e.g. bad input in the third row of a batch rejects the call and keeps none of it).
 * - Reads return fresh objects; absent optional fields are left out (never null or undefined).
 *   A shipment's customer is kept field by field, so `customer: {}` reads back as no customer.
 * - An unreachable database, or a lock or conflict that outlasts the adapter's waits and
 *   retries, rejects with the retryable `ConnectionError`; a closed store rejects with a
 *   non-retryable `unavailable` error.
 * - Stores create or migrate their schema on first use; `migrate()` does it up front.
 * - Registration is recorded on the row itself (`registeredAt`, lot, dates): the event log holds
 *   every change after it, so bulk imports write one row per unit, not two.
 *
 * @example
 * const store = sqliteStore({ filename: 'serialkit.db' });
 * const client = createSerialClient({ store });
 */
import type {
  LogEntry,
  LogNoticeInsert,
  Order,
  OrderStatus,
  Owner,
  OwnerStatus,
  Recall,
  SerialEvent,
  SerialEventType,
  SerialRecord,
  SerialStatus,
  ShipmentRef,
  Sku,
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookSubscriptionRecord,
} from '@serialkit/core';

/** What a store can do, for callers that adapt (e.g. batch sizes) and for diagnostics. */
export interface StoreCapabilities {
  /** Adapter name: 'memory', 'sqlite', 'postgres', 'http', or a third party's. */
  readonly name: string;
  /** Data survives a restart. */
  readonly persistent: boolean;
  /** Several processes may write at once (true for postgres and http). */
  readonly concurrentWriters: boolean;
  /** Rows per `insertSerials` call the adapter handles best. */
  readonly preferredBatchSize: number;
}

/** A page of results and the cursor of the next one (null at the end). */
export interface StorePage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A unit to insert. `uniqueKey` is computed by the client from the SKU's uniqueness policy. */
export interface SerialInsert {
  sku: string;
  serial: string;
  /**
   * The store enforces `uniqueKey` unique across all rows (in addition to (sku, serial)).
   * The client sets it to the serial for 'global' uniqueness and to `${sku}\u001f${serial}`
   * for 'sku' uniqueness; a key of any other form is rejected (`BadRequestError`). Rows of one
   * batch with the same (sku, serial) must have the same `uniqueKey` (stores may insert a large
   * batch in key order and rely on it).
   */
  uniqueKey: string;
  lot?: string;
  manufacturedAt?: string;
  receivedAt?: string;
  registeredAt: string;
}

export interface InsertSerialsResult {
  inserted: number;
  /** Rows not inserted because their (sku, serial) or uniqueKey exists (or repeats in the batch), by index in the batch. */
  conflicts: number[];
}

/**
 * An inclusive range of serials. Serials compare as strings (binary collation), unless
 * `numericAt` is given: then they compare as strings up to that character, then by the rest
 * without its leading zeros, shorter first, then as strings (two writings of one number are
 * equal, and a range that names it holds both). That is
 * numeric order for a variable-length run of digits starting there (as in a format with
 * `{D:1-6}`), so `SN-9` to `SN-12` holds `SN-10` and `SN-011`; the client sets it from the SKU's
 * format. Positions count characters (code points) from 0.
 *
 * @example
 * { from: 'SN-9', to: 'SN-12', numericAt: 3 } // SN-9, SN-10, SN-11, SN-12
 */
export interface SerialRange {
  from: string;
  to: string;
  numericAt?: number;
}

/** Filter of `listSerials` and `markRecalled`. All given criteria must hold (AND). */
export interface SerialFilter {
  sku?: string;
  status?: SerialStatus | SerialStatus[];
  lot?: string;
  /** Inclusive range over canonical serials (see `SerialRange`). */
  range?: SerialRange;
  prefix?: string;
  /** Any of these serials; an empty list matches nothing (as does an empty `status` list). */
  serials?: string[];
  orderId?: string;
  customerId?: string;
  customerEmail?: string;
  accountId?: string;
  recalled?: boolean;
  recallId?: string;
  /** Inclusive, compared as strings; units without the date never match. */
  manufacturedBetween?: { from: string; to: string };
  registeredBetween?: { from: string; to: string };
  shippedBetween?: { from: string; to: string };
}

/** A new event; the store assigns its id. */
export interface EventInsert {
  sku: string;
  serial: string;
  type: SerialEventType;
  at: string;
  data?: Record<string, unknown>;
}

export interface EventFilter {
  sku?: string;
  serial?: string;
  type?: SerialEventType | SerialEventType[];
  between?: { from: string; to: string };
}

/**
 * A compare-and-set status change of one unit: applied only if the unit exists, its status is
 * one of `from` and, when `recalled` is given, it is (true) or is not (false) under a recall.
 * `set` fields replace the stored ones (`shipment: null` clears it; an omitted field is kept).
 * The unit's `updatedAt` becomes `event.at`.
 */
export interface Transition {
  sku: string;
  serial: string;
  from: SerialStatus[];
  /**
   * Require the unit to be under a recall (true) or under none (false), checked in the same
   * compare-and-set as `from`, so a recall committed after the caller read the unit still stops
   * the change (shipping sets `recalled: false`). Omitted: either.
   */
  recalled?: boolean;
  to: SerialStatus;
  set?: { shipment?: ShipmentRef | null; recallId?: string | null };
  event: Omit<EventInsert, 'sku' | 'serial'>;
}

export type TransitionResult =
  | {
      ok: true;
      /** The unit after each transition, by index (a unit transitioned twice appears twice). */
      records: SerialRecord[];
    }
  | {
      ok: false;
      /** Every transition that could not apply, with the unit as it is now (null: not found). */
      failures: { index: number; current: SerialRecord | null }[];
    };

/**
 * A compare-and-set correction of one unit's registration (`amendSerial`): applied only if the
 * unit exists, its status is one of `from` and, when `expect` is given, its lot and dates are
 * exactly those (an absent key: the unit has none). Then either `remove` deletes the unit (its
 * events stay in the log), or `set` replaces the given fields (`null` clears one). The unit's
 * `updatedAt` becomes `event.at`, and `event` is appended in the same transaction.
 */
export interface SerialAmendment {
  sku: string;
  serial: string;
  from: SerialStatus[];
  expect?: SerialDetails;
  /** Replaced fields; `status` moves the unit to that status. */
  set?: {
    status?: SerialStatus;
    lot?: string | null;
    manufacturedAt?: string | null;
    receivedAt?: string | null;
  };
  /** Delete the unit, freeing its serial (and unique key) for a new registration. */
  remove?: boolean;
  event: Omit<EventInsert, 'sku' | 'serial'>;
}

/** A unit's editable registration details, as compared by `SerialAmendment.expect`. */
export interface SerialDetails {
  lot?: string;
  manufacturedAt?: string;
  receivedAt?: string;
}

export type AmendmentResult =
  | {
      ok: true;
      /** The unit after the change; null when it was removed. */
      record: SerialRecord | null;
    }
  | {
      ok: false;
      /** The unit as it is now (null: not found). */
      current: SerialRecord | null;
    };

export interface VerificationInput {
  sku: string;
  serial: string;
  /** An opaque, already hashed client fingerprint (never personal data). */
  fingerprint: string;
  at: string;
  /** Count the distinct fingerprints whose latest verification is at or after this time. */
  windowStart: string;
}

export interface VerificationCounts {
  /** Distinct fingerprints in the window, this one included. */
  distinctFingerprints: number;
  /** Verifications of this unit ever, this one included. */
  total: number;
  /**
   * The unit's recorded verification outcome (see `setVerificationOutcome`), null when none is
   * recorded. Left out by stores without `setVerificationOutcome`; the client then finds the last
   * outcome in the event log.
   */
  outcome?: string | null;
}

/** A compare-and-set of a unit's recorded verification outcome (`setVerificationOutcome`). */
export interface VerificationOutcomeChange {
  sku: string;
  serial: string;
  /** The outcome the caller read (null: none recorded). */
  from: string | null;
  to: string;
  at: string;
  /** Appended, in order, only if the change applies. */
  events: EventInsert[];
}

export interface VerificationOutcomeResult {
  /** True when the recorded outcome was `from` and is now `to`. */
  applied: boolean;
  /** The outcome recorded after the call (`to` when applied). */
  outcome: string | null;
}

/** Filter of `listOrders`. All given criteria must hold (AND). */
export interface OrderFilter {
  status?: OrderStatus;
  /** Orders with a line of this SKU. */
  sku?: string;
}

/** An order as stored, with the revision that `changeOrder` compares. */
export interface StoredOrder {
  order: Order;
  /** 1 when created; each applied `changeOrder` adds one. */
  revision: number;
}

/**
 * A compare-and-set of an order together with its units: applied only if the stored order is at
 * `revision` and every transition applies (see `transition`), all or nothing. A pick, an unpick,
 * a shipment or a cancellation thus never leaves an order and its units disagreeing.
 */
export interface OrderChange {
  /** The order's new value; its `id` names the order to change. */
  order: Order;
  /** The revision the caller read. */
  revision: number;
  /** Unit transitions applied in the same transaction, in order. */
  transitions: Transition[];
}

export type OrderChangeResult =
  | {
      ok: true;
      /** The order's revision now (`revision + 1`). */
      revision: number;
      /** The units after each transition, by index. */
      records: SerialRecord[];
    }
  /** Another change came first (or the order is gone): nothing was applied. */
  | { ok: false; reason: 'revision'; current: StoredOrder | null }
  /** A transition could not apply: nothing was applied (as `transition` reports it). */
  | { ok: false; reason: 'units'; failures: { index: number; current: SerialRecord | null }[] };

export interface SkuFilter {
  /** true: only SKUs with serial tracking on; false: only those with it off. */
  tracking?: boolean;
}

export interface PageOptions {
  /** Opaque cursor from a previous page of the same list; a malformed one rejects (`BadRequestError`). */
  cursor?: string | null;
  /** Max items; adapters cap it at 10,000. Default 100. */
  limit?: number;
}

/** Filter of `listOwners`. All given criteria must hold (AND). */
export interface OwnerFilter {
  sku?: string;
  /** With `sku`: the owners of one unit. */
  serial?: string;
  status?: OwnerStatus | OwnerStatus[];
  /** Exact email, as stored (the client stores it trimmed and lower-cased). */
  email?: string;
}

/** The result of `insertOwner`. */
export interface InsertOwnerResult {
  /** False when the owner was `active` and the unit already has an active owner (nothing kept). */
  inserted: boolean;
}

/** What `migrate()` did. */
export interface MigrationReport {
  /** The migrations this call applied, in order, with the time each took (none: up to date). */
  applied: { version: number; name: string; ms: number }[];
  /** How long the call took, in ms. */
  ms: number;
}

/** A claim on a subscription's cursor (`leaseWebhookCursor`). */
export interface WebhookLeaseRequest {
  subscriptionId: string;
  /** Who claims it: an id unique to one dispatcher (process). */
  owner: string;
  at: string;
  /** The lease ends at this time unless renewed; another owner may take it afterwards. */
  until: string;
}

/** A compare-and-set move of a subscription's cursor (`advanceWebhookCursor`). */
export interface WebhookCursorMove {
  subscriptionId: string;
  owner: string;
  /** The position the caller read (null: before the first event). */
  from: string | null;
  /** The id of the last event handled. */
  to: string;
}

/**
 * A lease on an internal consumer's cursor into the event log (`leaseLogCursor`): the same
 * cursor-and-lease a webhook subscription has, for consumers that are not subscriptions (the
 * platform write-back).
 */
export interface LogCursorLeaseRequest {
  /** The consumer's name, e.g. `platform-write-back`. */
  consumer: string;
  /** Who claims it: an id unique to one process. */
  owner: string;
  at: string;
  /** The lease ends at this time unless renewed; another owner may take it afterwards. */
  until: string;
}

/** A compare-and-set move of a consumer's cursor (`advanceLogCursor`). */
export interface LogCursorMove {
  consumer: string;
  owner: string;
  /** The position the caller read (null: before the first event). */
  from: string | null;
  /** The id of the last event handled. */
  to: string;
}

/** Options of `SerialStore.nextSequence`. */
export interface SequenceOptions {
  /** Start the run after this number if the counter is not past it yet. */
  after?: number;
}

export interface SerialStore {
  readonly capabilities: StoreCapabilities;

  /**
   * Create the schema or apply pending migrations, and report what was applied and how long it
   * took. Idempotent; safe to call concurrently.
   */
  migrate(): Promise<MigrationReport>;

  // ── SKUs ──
  getSku(sku: string): Promise<Sku | null>;
  /** Insert or replace a SKU. */
  putSku(sku: Sku): Promise<void>;
  /** SKUs ordered by id. */
  listSkus(filter?: SkuFilter, page?: PageOptions): Promise<StorePage<Sku>>;

  // ── Serials ──
  /**
   * Insert units in one transaction, with status `in_stock` and `updatedAt` = `registeredAt`.
   * Rows whose (sku, serial) or uniqueKey already exists, or repeats earlier in the same batch,
   * are skipped and reported by index; the rest are inserted. On any other error nothing of the
   * batch is kept.
   */
  insertSerials(rows: SerialInsert[]): Promise<InsertSerialsResult>;
  getSerial(sku: string, serial: string): Promise<SerialRecord | null>;
  /** Every unit with this canonical serial, across SKUs, ordered by SKU. */
  findSerial(serial: string): Promise<SerialRecord[]>;
  /** Units matching the filter, ordered by (sku, serial). */
  listSerials(filter: SerialFilter, page?: PageOptions): Promise<StorePage<SerialRecord>>;
  /** Number of units matching the filter. */
  countSerials(filter: SerialFilter): Promise<number>;

  /**
   * Apply every transition and append its event, atomically: if any transition's unit is missing,
   * not in one of its `from` states or not in its `recalled` state, nothing is applied and every
   * failure is reported.
   * Transitions are evaluated in order: a later one sees the state the earlier ones leave (a
   * failed one changes nothing), so one call may move a unit twice.
   * Concurrent calls touching the same unit: at most one succeeds for a given `from` state.
   */
  transition(transitions: Transition[]): Promise<TransitionResult>;

  /**
   * Set `recallId` on every unit matching the filter that is not already under this recall, and
   * append a `recalled` event for each (`event.data` is copied), in one transaction. A unit under
   * another recall moves to this one. Marked units get `updatedAt` = `event.at`; their events are
   * appended in (sku, serial) order.
   * Returns how many units were marked, by status (statuses with none are left out).
   */
  markRecalled(
    filter: SerialFilter,
    recallId: string,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<Partial<Record<SerialStatus, number>>>;

  /**
   * Correct one unit's registration (or delete a unit registered by mistake) with its event,
   * atomically and compare-and-set (see `SerialAmendment`). Concurrent amendments or transitions
   * of the same unit: at most one succeeds for a given state.
   */
  amendSerial(change: SerialAmendment): Promise<AmendmentResult>;

  // ── Events ──
  /**
   * Append events to units' histories, in one transaction. Every event's unit must be stored:
   * an event of a unit the store does not hold rejects the call with `NotFoundError` (details:
   * its `sku` and `serial`) and keeps none of the batch.
   */
  appendEvents(events: EventInsert[]): Promise<void>;
  /**
   * Append a notice about no single unit (an import's end) to the event log. Log readers
   * (`readEventLog`) get it in commit order among the unit events; `listEvents` never returns it.
   */
  appendLogNotice(notice: LogNoticeInsert): Promise<void>;
  /** Units' events ordered by time, then insertion (notices are not listed). */
  listEvents(filter: EventFilter, page?: PageOptions): Promise<StorePage<SerialEvent>>;

  // ── Recalls ──
  putRecall(recall: Recall): Promise<void>;
  getRecall(id: string): Promise<Recall | null>;
  /** Recalls ordered by creation time, newest first. */
  listRecalls(filter?: { sku?: string }, page?: PageOptions): Promise<StorePage<Recall>>;
  /**
   * Close a recall, atomically: store `recall` (its `status` `closed`) in place of the stored one
   * if that one exists and is still open, and append a `recall_closed` event (`event.data`
   * copied) for each unit under it (`recallId` = its id), in (sku, serial) order. Returns how
   * many units were logged, or null (nothing changed) when the recall is missing or closed
   * already. Concurrent closes of one recall: at most one succeeds.
   *
   * @example
   * await store.closeRecall({ ...recall, status: 'closed', closedAt: now }, { at: now, data: { recallId: recall.id } });
   */
  closeRecall(
    recall: Recall,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<number | null>;

  // ── Orders ──
  /**
   * Insert an order at revision 1 unless one with its id exists. True when inserted, false (and
   * nothing changed) when the id is taken.
   */
  insertOrder(order: Order): Promise<boolean>;
  /** An order and its revision, or null. */
  getOrder(id: string): Promise<StoredOrder | null>;
  /** Orders ordered by creation time, newest first (equal times by id, descending). */
  listOrders(filter?: OrderFilter, page?: PageOptions): Promise<StorePage<Order>>;
  /**
   * Replace an order and apply unit transitions atomically, if the order is still at
   * `change.revision` and every transition applies; otherwise change nothing and say why.
   * Concurrent changes of one order: at most one succeeds per revision. The order's lines keep
   * their SKUs (the `sku` filter of `listOrders` is set when the order is inserted).
   */
  changeOrder(change: OrderChange): Promise<OrderChangeResult>;
  // ── Registered owners (personal data) ──
  /**
   * Insert a registered owner (ids are the client's, unique). A unit has at most one `active`
   * owner: inserting an `active` owner of a unit that has one keeps nothing and answers
   * `{ inserted: false }`, atomically (two concurrent first registrations: one wins). An owner
   * whose id exists is rejected (`ConflictError`).
   *
   * With `event` (which must carry no personal data), the owner and the event are written in one
   * transaction: both, or neither. The event's unit must exist (`NotFoundError` otherwise, and
   * no owner is kept); an owner not inserted appends nothing.
   *
   * @example
   * const { inserted } = await store.insertOwner(
   *   { id: 'own_1', sku: 'KB-100', serial: 'SN1', status: 'active', name: 'Ada',
   *     email: 'ada@example.com', registeredAt: now },
   *   { sku: 'KB-100', serial: 'SN1', type: 'owner_registered', at: now, data: { ownerId: 'own_1' } },
   * );
   */
  insertOwner(owner: Owner, event?: EventInsert): Promise<InsertOwnerResult>;
  /** An owner by id, or null. */
  getOwner(id: string): Promise<Owner | null>;
  /**
   * Owners matching the filter, ordered by (registeredAt, id).
   *
   * @example
   * const { items } = await store.listOwners({ sku: 'KB-100', serial: 'SN1' });
   */
  listOwners(filter: OwnerFilter, page?: PageOptions): Promise<StorePage<Owner>>;
  /**
   * Erase an owner (a data-subject request): remove its name and email, set status `erased` and
   * `erasedAt` = `at`, and append `event` (which must carry no personal data), atomically.
   * Returns the erased owner, or null when there is no such owner (nothing appended). Erasing
   * an erased owner changes nothing and returns it.
   *
   * @example
   * await store.eraseOwner('own_1', { sku: 'KB-100', serial: 'SN1', type: 'owner_erased', at: now });
   */
  eraseOwner(id: string, event: EventInsert): Promise<Owner | null>;

  // ── Verification counters ──
  /**
   * Record one verification and return the counts used for clone detection, and the unit's
   * recorded outcome, atomically.
   */
  recordVerification(input: VerificationInput): Promise<VerificationCounts>;

  /**
   * If the unit's recorded verification outcome is `change.from` (null: none), set it to
   * `change.to` and append `change.events`, atomically; otherwise change nothing. Lets the client
   * log a `verified` event only when a unit's public outcome changes, without reading its
   * history. The outcome is an opaque string to the store.
   *
   * Optional, so that stores written before it keep working: a store that has it must also
   * return `outcome` from `recordVerification`.
   */
  setVerificationOutcome?(change: VerificationOutcomeChange): Promise<VerificationOutcomeResult>;

  // ── Sequence counters ──
  /**
   * Reserve `count` consecutive numbers of the counter `key` and return the first, atomically.
   * A counter that does not exist yet starts at 1; each call continues right after the last
   * number reserved, so concurrent calls (from any number of clients or processes) get disjoint
   * runs and no number is skipped or handed out twice. With `options.after`, the run starts after
   * the larger of the last number reserved and `after` (how a client moves a new counter past
   * numbers already in use). `count` is an integer from 1 to 1,000,000; `after` a non-negative
   * safe integer; a run that would pass `Number.MAX_SAFE_INTEGER` is rejected with
   * `BadRequestError` and reserves nothing. Keys are opaque to the store.
   *
   * @example
   * await store.nextSequence('KB-100\u001f2026', 500); // { first: 1 }
   * await store.nextSequence('KB-100\u001f2026', 10); // { first: 501 }
   */
  nextSequence(key: string, count: number, options?: SequenceOptions): Promise<{ first: number }>;

  // ── Webhooks ──
  /**
   * Insert or replace a subscription. A new one gets its cursor at the current end of the event
   * log, in the same transaction: it receives the events appended after it was created.
   */
  putWebhookSubscription(subscription: WebhookSubscriptionRecord): Promise<void>;
  getWebhookSubscription(id: string): Promise<WebhookSubscriptionRecord | null>;
  /** Every subscription, ordered by creation time, then id. */
  listWebhookSubscriptions(): Promise<WebhookSubscriptionRecord[]>;
  /** Delete a subscription with its cursor, deliveries and dead letters; false if none. */
  deleteWebhookSubscription(id: string): Promise<boolean>;
  /**
   * Take (or renew) the lease of a subscription's cursor, atomically: granted when no lease is
   * held, the held one ended before `at`, or `owner` holds it. Returns the cursor position
   * (null: before the first event), or null when not granted or the subscription is gone. Two
   * dispatchers on one store never hold one cursor at once.
   */
  leaseWebhookCursor(request: WebhookLeaseRequest): Promise<{ position: string | null } | null>;
  /**
   * Move a cursor if its position is still `from` and `owner` holds its lease (compare-and-set);
   * true when moved.
   */
  advanceWebhookCursor(move: WebhookCursorMove): Promise<boolean>;
  /**
   * Up to `limit` log entries (units' events and notices) appended after the entry with id
   * `after` (null: from the first), in the order they were appended, which is commit order: an
   * entry appended later never gets a position before one that a reader has already seen.
   */
  readEventLog(after: string | null, limit: number): Promise<LogEntry[]>;
  /**
   * Take (or renew) the lease of an internal consumer's cursor into the event log, atomically,
   * as `leaseWebhookCursor` does for a subscription: granted when no lease is held, the held
   * one ended before `at`, or `owner` holds it. A consumer's first lease creates its cursor at
   * the end of the log. Returns the position (null: before the first event), or null when not
   * granted.
   *
   * @example
   * const lease = await store.leaseLogCursor({ consumer: 'platform-write-back', owner, at, until });
   */
  leaseLogCursor(request: LogCursorLeaseRequest): Promise<{ position: string | null } | null>;
  /**
   * Move a consumer's cursor if its position is still `from` and `owner` holds its lease
   * (compare-and-set); true when moved.
   */
  advanceLogCursor(move: LogCursorMove): Promise<boolean>;
  appendWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void>;
  /** A subscription's delivery attempts, newest first. */
  listWebhookDeliveries(
    subscriptionId: string,
    page?: PageOptions,
  ): Promise<StorePage<WebhookDelivery>>;
  /** Insert or replace the dead letter of (subscriptionId, messageId). */
  putWebhookDeadLetter(letter: WebhookDeadLetter): Promise<void>;
  /** A subscription's dead letters, oldest first. */
  listWebhookDeadLetters(
    subscriptionId: string,
    page?: PageOptions,
  ): Promise<StorePage<WebhookDeadLetter>>;
  /** Remove a dead letter (replayed); false if none. */
  deleteWebhookDeadLetter(subscriptionId: string, messageId: string): Promise<boolean>;

  /**
   * Release the connections and file handles the store opened (not a pool or database handle the
   * caller passed in). Idempotent; every other method rejects afterwards.
   */
  close(): Promise<void>;
}
