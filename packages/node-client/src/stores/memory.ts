/**
 * The memory store: every `SerialStore` primitive over Maps, for tests and demos. State lives in
 * the process and is lost when it exits. Values are deep-copied on the way in and out, so callers
 * can never change stored state by mutating an argument or a result. Input is checked as the SQL
 * stores check it (keys, unit timestamps, event data as JSON), before anything changes, so a
 * call that fails changes nothing.
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
import { BadRequestError, ConflictError } from '../errors.js';
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
  SerialRange,
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
} from '../store.js';
import { MemoryEventLog } from './memory-event-log.js';
import { MemoryWebhooks } from './memory-webhooks.js';
import { amendedRecord, amendmentApplies } from './shared/amend.js';
import { storeClosedError } from './shared/closed.js';
import { decodeCursor, encodeCursor, pageSize } from './shared/cursor.js';
import { eventDataJson } from './shared/event-data.js';
import { eventPosition } from './shared/event-position.js';
import { compareCodePoints, compareInRange, rangeEnvelope } from './shared/order.js';
import { matchesOwner, ownerCursor } from './shared/owners.js';
import { canonicalShipment } from './shared/records.js';
import { sequenceOverflow, sequenceRequest } from './shared/sequence.js';
import { timestampToMillis } from './shared/timestamps.js';
import { isGlobalKey } from './shared/unique-key.js';
import { unknownUnitError } from './shared/unknown-unit.js';

interface StoredSerial {
  record: SerialRecord;
  uniqueKey: string;
}

interface StoredVerification {
  firstAt: string;
  lastAt: string;
  count: number;
}

/** Serials of one SKU, with their order cached until the next insert. */
interface SkuSerials {
  bySerial: Map<string, StoredSerial>;
  sorted: string[] | null;
}

const unitKey = (sku: string, serial: string): string => `${sku}\u0000${serial}`;

/**
 * Creates an in-memory `SerialStore`.
 *
 * @example
 * import { memoryStore } from '@serialkit/node-client';
 *
 * const store = memoryStore();
 * await store.insertSerials([
 *   { sku: 'KB-01', serial: 'SN1', uniqueKey: 'KB-01\u001fSN1', registeredAt: new Date().toISOString() },
 * ]);
 * await store.getSerial('KB-01', 'SN1'); // { sku: 'KB-01', serial: 'SN1', status: 'in_stock', … }
 */
export function memoryStore(): SerialStore {
  return new MemoryStore();
}

class MemoryStore implements SerialStore {
  readonly capabilities: StoreCapabilities = {
    name: 'memory',
    persistent: false,
    concurrentWriters: false,
    preferredBatchSize: 10_000,
  };

  #closed = false;
  #skus = new Map<string, Sku>();
  #serials = new Map<string, SkuSerials>();
  #sortedSerialSkus: string[] | null = null;
  #uniqueKeys = new Set<string>();
  /** serial → SKUs that have it, for `findSerial`. */
  #skusBySerial = new Map<string, Set<string>>();
  /** The log: units' events and notices, in append order (an id is its position, from 1). */
  /** The event log: units' events and notices (see memory-event-log.ts). */
  readonly #log = new MemoryEventLog();
  #recalls = new Map<string, Recall>();
  #owners = new Map<string, Owner>();
  #verifications = new Map<string, Map<string, StoredVerification>>();
  #orders = new Map<string, StoredOrder>();
  /** Recorded verification outcome by unit key. */
  #outcomes = new Map<string, string>();
  /** The last number reserved, by sequence key. */
  #sequences = new Map<string, number>();
  #webhooks = new MemoryWebhooks(() => this.#log.last);

  async migrate(): Promise<MigrationReport> {
    this.#open();
    return { applied: [], ms: 0 };
  }

  // ── SKUs ──

  async getSku(sku: string): Promise<Sku | null> {
    this.#open();
    const found = this.#skus.get(sku);
    return found ? structuredClone(found) : null;
  }

  async putSku(sku: Sku): Promise<void> {
    this.#open();
    this.#skus.set(sku.sku, structuredClone(sku));
  }

  async listSkus(filter: SkuFilter = {}, page: PageOptions = {}): Promise<StorePage<Sku>> {
    this.#open();
    const limit = pageSize(page.limit);
    const after = decodeCursor('skus', page.cursor, 1)?.[0];
    const ids = [...this.#skus.keys()].sort(compareCodePoints);
    const items: Sku[] = [];
    for (const id of ids) {
      if (after !== undefined && compareCodePoints(id, after) <= 0) continue;
      const sku = this.#skus.get(id);
      if (!sku) continue;
      if (filter.tracking !== undefined && sku.serialTracking.enabled !== filter.tracking) continue;
      if (items.length === limit) {
        const last = items[items.length - 1] as Sku;
        return { items: structuredClone(items), nextCursor: encodeCursor('skus', [last.sku]) };
      }
      items.push(sku);
    }
    return { items: structuredClone(items), nextCursor: null };
  }

  // ── Serials ──

  async insertSerials(rows: SerialInsert[]): Promise<InsertSerialsResult> {
    this.#open();
    for (const row of rows) {
      isGlobalKey(row);
      timestampToMillis(row.registeredAt, 'registeredAt');
    }
    const conflicts: number[] = [];
    let inserted = 0;
    rows.forEach((row, index) => {
      let skuSerials = this.#serials.get(row.sku);
      if (skuSerials?.bySerial.has(row.serial) || this.#uniqueKeys.has(row.uniqueKey)) {
        conflicts.push(index);
        return;
      }
      if (!skuSerials) {
        skuSerials = { bySerial: new Map(), sorted: null };
        this.#serials.set(row.sku, skuSerials);
        this.#sortedSerialSkus = null;
      }
      const record: SerialRecord = {
        sku: row.sku,
        serial: row.serial,
        status: 'in_stock',
        registeredAt: row.registeredAt,
        updatedAt: row.registeredAt,
      };
      if (row.lot !== undefined) record.lot = row.lot;
      if (row.manufacturedAt !== undefined) record.manufacturedAt = row.manufacturedAt;
      if (row.receivedAt !== undefined) record.receivedAt = row.receivedAt;
      skuSerials.bySerial.set(row.serial, { record, uniqueKey: row.uniqueKey });
      skuSerials.sorted = null;
      this.#uniqueKeys.add(row.uniqueKey);
      let skus = this.#skusBySerial.get(row.serial);
      if (!skus) {
        skus = new Set();
        this.#skusBySerial.set(row.serial, skus);
      }
      skus.add(row.sku);
      inserted++;
    });
    return { inserted, conflicts };
  }

  async getSerial(sku: string, serial: string): Promise<SerialRecord | null> {
    this.#open();
    const found = this.#serials.get(sku)?.bySerial.get(serial);
    return found ? structuredClone(found.record) : null;
  }

  async findSerial(serial: string): Promise<SerialRecord[]> {
    this.#open();
    const skus = [...(this.#skusBySerial.get(serial) ?? [])].sort(compareCodePoints);
    return skus.flatMap((sku) => {
      const found = this.#serials.get(sku)?.bySerial.get(serial);
      return found ? [structuredClone(found.record)] : [];
    });
  }

  async listSerials(
    filter: SerialFilter,
    page: PageOptions = {},
  ): Promise<StorePage<SerialRecord>> {
    this.#open();
    const limit = pageSize(page.limit);
    const after = decodeCursor('serials', page.cursor, 2) as [string, string] | null;
    const items: SerialRecord[] = [];
    for (const record of this.#scan(filter, after)) {
      if (items.length === limit) {
        const last = items[items.length - 1] as SerialRecord;
        return {
          items: structuredClone(items),
          nextCursor: encodeCursor('serials', [last.sku, last.serial]),
        };
      }
      items.push(record);
    }
    return { items: structuredClone(items), nextCursor: null };
  }

  async countSerials(filter: SerialFilter): Promise<number> {
    this.#open();
    let count = 0;
    for (const _ of this.#scan(filter, null)) count++;
    return count;
  }

  async transition(transitions: Transition[]): Promise<TransitionResult> {
    this.#open();
    return this.#transition(transitions);
  }

  /** `transition` without an await, so that `changeOrder` can run it in the same step. */
  #transition(transitions: Transition[]): TransitionResult {
    // Evaluate in order against the state the earlier transitions leave, then commit all or none.
    const data = transitions.map((t) => {
      timestampToMillis(t.event.at, 'event.at');
      return eventData(t.event.data);
    });
    const staged = new Map<string, SerialRecord>();
    const records: SerialRecord[] = [];
    const failed: number[] = [];
    transitions.forEach((t, index) => {
      const key = unitKey(t.sku, t.serial);
      const current = staged.get(key) ?? this.#serials.get(t.sku)?.bySerial.get(t.serial)?.record;
      if (
        !current ||
        !t.from.includes(current.status) ||
        (t.recalled !== undefined && (current.recallId !== undefined) !== t.recalled)
      ) {
        failed.push(index);
        return;
      }
      const next: SerialRecord = { ...current, status: t.to, updatedAt: t.event.at };
      if (t.set?.shipment !== undefined) {
        const shipment = canonicalShipment(t.set.shipment);
        if (shipment) next.shipment = shipment;
        else delete next.shipment;
      }
      if (t.set?.recallId !== undefined) {
        if (t.set.recallId === null) delete next.recallId;
        else next.recallId = t.set.recallId;
      }
      staged.set(key, next);
      records.push(next);
    });
    if (failed.length > 0) {
      return {
        ok: false,
        failures: failed.map((index) => {
          const t = transitions[index] as Transition;
          const current = this.#serials.get(t.sku)?.bySerial.get(t.serial)?.record;
          return { index, current: current ? structuredClone(current) : null };
        }),
      };
    }
    for (const record of staged.values()) {
      const stored = this.#serials.get(record.sku)?.bySerial.get(record.serial);
      if (stored) stored.record = record;
    }
    transitions.forEach((t, i) => {
      this.#append({ sku: t.sku, serial: t.serial, type: t.event.type, at: t.event.at }, data[i]);
    });
    return { ok: true, records: structuredClone(records) };
  }

  async amendSerial(change: SerialAmendment): Promise<AmendmentResult> {
    this.#open();
    timestampToMillis(change.event.at, 'event.at');
    const data = eventData(change.event.data);
    const skuSerials = this.#serials.get(change.sku);
    const stored = skuSerials?.bySerial.get(change.serial);
    const current = stored ? stored.record : null;
    if (!amendmentApplies(current, change)) {
      return { ok: false, current: current ? structuredClone(current) : null };
    }
    let record: SerialRecord | null = null;
    if (change.remove) {
      skuSerials?.bySerial.delete(change.serial);
      if (skuSerials) skuSerials.sorted = null;
      if (stored) this.#uniqueKeys.delete(stored.uniqueKey);
      this.#skusBySerial.get(change.serial)?.delete(change.sku);
    } else if (stored) {
      record = amendedRecord(current, change);
      stored.record = record;
    }
    this.#append(
      { sku: change.sku, serial: change.serial, type: change.event.type, at: change.event.at },
      data,
    );
    return { ok: true, record: record ? structuredClone(record) : null };
  }

  async markRecalled(
    filter: SerialFilter,
    recallId: string,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<Partial<Record<SerialStatus, number>>> {
    this.#open();
    timestampToMillis(event.at, 'event.at');
    const data = eventData(event.data);
    const counts: Partial<Record<SerialStatus, number>> = {};
    const marked = [...this.#scan(filter, null)].filter((record) => record.recallId !== recallId);
    for (const record of marked) {
      const stored = this.#serials.get(record.sku)?.bySerial.get(record.serial);
      if (!stored) continue;
      stored.record = { ...record, recallId, updatedAt: event.at };
      counts[record.status] = (counts[record.status] ?? 0) + 1;
      this.#append(
        { sku: record.sku, serial: record.serial, type: 'recalled', at: event.at },
        data,
      );
    }
    return counts;
  }

  // ── Events ──

  async appendEvents(events: EventInsert[]): Promise<void> {
    this.#open();
    const unknown = events.find(
      (event) => !this.#serials.get(event.sku)?.bySerial.has(event.serial),
    );
    if (unknown) throw unknownUnitError(unknown.sku, unknown.serial);
    const data = events.map((event) => eventData(event.data));
    events.forEach((event, i) => {
      this.#append(event, data[i]);
    });
  }

  async appendLogNotice(notice: LogNoticeInsert): Promise<void> {
    this.#open();
    timestampToMillis(notice.at, 'notice.at');
    this.#log.appendNotice({ ...notice, data: structuredClone(notice.data) });
  }

  async listEvents(filter: EventFilter, page: PageOptions = {}): Promise<StorePage<SerialEvent>> {
    this.#open();
    return this.#log.list(filter, page);
  }

  // ── Owners ──

  async insertOwner(owner: Owner, event?: EventInsert): Promise<InsertOwnerResult> {
    this.#open();
    if (event) timestampToMillis(event.at, 'event.at');
    const data = event ? eventData(event.data) : undefined;
    if (this.#owners.has(owner.id)) {
      throw new ConflictError(`Owner ${owner.id} exists`, { details: { id: owner.id } });
    }
    if (owner.status === 'active') {
      for (const other of this.#owners.values()) {
        if (other.status === 'active' && other.sku === owner.sku && other.serial === owner.serial) {
          return { inserted: false };
        }
      }
    }
    if (event && !this.#serials.get(event.sku)?.bySerial.has(event.serial)) {
      throw unknownUnitError(event.sku, event.serial);
    }
    this.#owners.set(owner.id, structuredClone(owner));
    if (event) this.#append(event, data);
    return { inserted: true };
  }

  async getOwner(id: string): Promise<Owner | null> {
    this.#open();
    const owner = this.#owners.get(id);
    return owner ? structuredClone(owner) : null;
  }

  async listOwners(filter: OwnerFilter, page: PageOptions = {}): Promise<StorePage<Owner>> {
    this.#open();
    const limit = pageSize(page.limit);
    const after = decodeCursor('owners', page.cursor, 2);
    const matching = [...this.#owners.values()]
      .filter((owner) => matchesOwner(filter, owner))
      .sort(
        (a, b) =>
          compareCodePoints(a.registeredAt, b.registeredAt) || compareCodePoints(a.id, b.id),
      )
      .filter(
        (owner) =>
          after === null ||
          (compareCodePoints(owner.registeredAt, after[0] as string) ||
            compareCodePoints(owner.id, after[1] as string)) > 0,
      );
    const items = structuredClone(matching.slice(0, limit));
    const last = items[items.length - 1];
    return { items, nextCursor: matching.length > limit && last ? ownerCursor(last) : null };
  }

  async eraseOwner(id: string, event: EventInsert): Promise<Owner | null> {
    this.#open();
    const owner = this.#owners.get(id);
    if (!owner) return null;
    if (owner.status === 'erased') return structuredClone(owner);
    const data = eventData(event.data);
    const erased: Owner = {
      id: owner.id,
      sku: owner.sku,
      serial: owner.serial,
      status: 'erased',
      registeredAt: owner.registeredAt,
      erasedAt: event.at,
    };
    this.#owners.set(id, erased);
    this.#append(event, data);
    return structuredClone(erased);
  }

  // ── Recalls ──

  async putRecall(recall: Recall): Promise<void> {
    this.#open();
    this.#recalls.set(recall.id, structuredClone(recall));
  }

  async closeRecall(
    recall: Recall,
    event: { at: string; data?: Record<string, unknown> },
  ): Promise<number | null> {
    this.#open();
    timestampToMillis(event.at, 'event.at');
    const data = eventData(event.data);
    const stored = this.#recalls.get(recall.id);
    if (!stored || stored.status === 'closed') return null;
    const units = [...this.#scan({ recallId: recall.id }, null)];
    this.#recalls.set(recall.id, structuredClone(recall));
    for (const unit of units) {
      this.#append(
        { sku: unit.sku, serial: unit.serial, type: 'recall_closed', at: event.at },
        data,
      );
    }
    return units.length;
  }

  async getRecall(id: string): Promise<Recall | null> {
    this.#open();
    const found = this.#recalls.get(id);
    return found ? structuredClone(found) : null;
  }

  async listRecalls(
    filter: { sku?: string } = {},
    page: PageOptions = {},
  ): Promise<StorePage<Recall>> {
    this.#open();
    const limit = pageSize(page.limit);
    const after = decodeCursor('recalls', page.cursor, 2) as [string, string] | null;
    const matching = [...this.#recalls.values()].filter(
      (recall) =>
        (filter.sku === undefined || recall.sku === filter.sku) &&
        (after === null || compareRecallsNewestFirst(recall, after[0], after[1]) > 0),
    );
    matching.sort((a, b) => compareRecallsNewestFirst(a, b.createdAt, b.id));
    const items = matching.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: structuredClone(items),
      nextCursor:
        matching.length > limit && last ? encodeCursor('recalls', [last.createdAt, last.id]) : null,
    };
  }

  // ── Orders ──

  async insertOrder(order: Order): Promise<boolean> {
    this.#open();
    if (this.#orders.has(order.id)) return false;
    this.#orders.set(order.id, { order: orderThroughJson(order), revision: 1 });
    return true;
  }

  async getOrder(id: string): Promise<StoredOrder | null> {
    this.#open();
    const found = this.#orders.get(id);
    return found ? structuredClone(found) : null;
  }

  async listOrders(filter: OrderFilter = {}, page: PageOptions = {}): Promise<StorePage<Order>> {
    this.#open();
    const limit = pageSize(page.limit);
    const after = decodeCursor('orders', page.cursor, 2) as [string, string] | null;
    const matching = [...this.#orders.values()]
      .map((stored) => stored.order)
      .filter(
        (order) =>
          (filter.status === undefined || order.status === filter.status) &&
          (filter.sku === undefined || order.lines.some((line) => line.sku === filter.sku)) &&
          (after === null || compareNewestFirst(order.createdAt, order.id, after[0], after[1]) > 0),
      );
    matching.sort((a, b) => compareNewestFirst(a.createdAt, a.id, b.createdAt, b.id));
    const items = matching.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: structuredClone(items),
      nextCursor:
        matching.length > limit && last ? encodeCursor('orders', [last.createdAt, last.id]) : null,
    };
  }

  async changeOrder(change: OrderChange): Promise<OrderChangeResult> {
    this.#open();
    const order = orderThroughJson(change.order);
    const stored = this.#orders.get(order.id);
    if (!stored || stored.revision !== change.revision) {
      return { ok: false, reason: 'revision', current: stored ? structuredClone(stored) : null };
    }
    // No await between the check above and the writes below: nothing else runs in between.
    const result = this.#transition(change.transitions);
    if (!result.ok) return { ok: false, reason: 'units', failures: result.failures };
    const revision = stored.revision + 1;
    this.#orders.set(order.id, { order, revision });
    return { ok: true, revision, records: result.records };
  }

  // ── Sequence counters ──

  async nextSequence(
    key: string,
    count: number,
    options?: SequenceOptions,
  ): Promise<{ first: number }> {
    this.#open();
    const request = sequenceRequest(key, count, options);
    const start = Math.max(this.#sequences.get(request.key) ?? 0, request.after);
    if (!Number.isSafeInteger(start + request.count)) throw sequenceOverflow(request.key);
    this.#sequences.set(request.key, start + request.count);
    return { first: start + 1 };
  }

  // ── Verification counters ──

  async recordVerification(input: VerificationInput): Promise<VerificationCounts> {
    this.#open();
    const key = unitKey(input.sku, input.serial);
    let byFingerprint = this.#verifications.get(key);
    if (!byFingerprint) {
      byFingerprint = new Map();
      this.#verifications.set(key, byFingerprint);
    }
    const seen = byFingerprint.get(input.fingerprint);
    if (seen) {
      seen.count++;
      if (input.at > seen.lastAt) seen.lastAt = input.at;
      if (input.at < seen.firstAt) seen.firstAt = input.at;
    } else {
      byFingerprint.set(input.fingerprint, { firstAt: input.at, lastAt: input.at, count: 1 });
    }
    let distinctFingerprints = 0;
    let total = 0;
    for (const entry of byFingerprint.values()) {
      if (entry.lastAt >= input.windowStart) distinctFingerprints++;
      total += entry.count;
    }
    return { distinctFingerprints, total, outcome: this.#outcomes.get(key) ?? null };
  }

  async setVerificationOutcome(
    change: VerificationOutcomeChange,
  ): Promise<VerificationOutcomeResult> {
    this.#open();
    const key = unitKey(change.sku, change.serial);
    const current = this.#outcomes.get(key) ?? null;
    if (current !== change.from) return { applied: false, outcome: current };
    const data = change.events.map((event) => eventData(event.data));
    change.events.forEach((event, i) => {
      this.#append(event, data[i]);
    });
    this.#outcomes.set(key, change.to);
    return { applied: true, outcome: change.to };
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  // ── Internals ──

  // ── Webhooks ──

  async putWebhookSubscription(subscription: WebhookSubscriptionRecord): Promise<void> {
    this.#open();
    this.#webhooks.put(subscription);
  }

  async getWebhookSubscription(id: string): Promise<WebhookSubscriptionRecord | null> {
    this.#open();
    return this.#webhooks.get(id);
  }

  async listWebhookSubscriptions(): Promise<WebhookSubscriptionRecord[]> {
    this.#open();
    return this.#webhooks.list();
  }

  async deleteWebhookSubscription(id: string): Promise<boolean> {
    this.#open();
    return this.#webhooks.delete(id);
  }

  async leaseWebhookCursor(request: WebhookLeaseRequest) {
    this.#open();
    return this.#webhooks.lease(request);
  }

  async advanceWebhookCursor(move: WebhookCursorMove): Promise<boolean> {
    this.#open();
    return this.#webhooks.advance(move);
  }

  async readEventLog(after: string | null, limit: number): Promise<LogEntry[]> {
    this.#open();
    return this.#log.read(after, limit);
  }

  async leaseLogCursor(request: LogCursorLeaseRequest) {
    this.#open();
    return this.#webhooks.leaseLog(request);
  }

  async advanceLogCursor(move: LogCursorMove): Promise<boolean> {
    this.#open();
    eventPosition(move.to);
    return this.#webhooks.advanceLog(move);
  }

  async appendWebhookDeliveries(deliveries: WebhookDelivery[]): Promise<void> {
    this.#open();
    this.#webhooks.appendDeliveries(deliveries);
  }

  async listWebhookDeliveries(subscriptionId: string, page: PageOptions = {}) {
    this.#open();
    return this.#webhooks.listDeliveries(subscriptionId, page);
  }

  async putWebhookDeadLetter(letter: WebhookDeadLetter): Promise<void> {
    this.#open();
    this.#webhooks.putDeadLetter(letter);
  }

  async listWebhookDeadLetters(subscriptionId: string, page: PageOptions = {}) {
    this.#open();
    return this.#webhooks.listDeadLetters(subscriptionId, page);
  }

  async deleteWebhookDeadLetter(subscriptionId: string, messageId: string): Promise<boolean> {
    this.#open();
    return this.#webhooks.deleteDeadLetter(subscriptionId, messageId);
  }

  #open(): void {
    if (this.#closed) throw storeClosedError('memory');
  }

  /** Appends an event with its data as checked by `eventData` (`event.data` is not read). */
  #append(event: EventInsert, data: Record<string, unknown> | undefined): void {
    this.#log.append(event, data);
  }

  #sortedSkus(): string[] {
    if (!this.#sortedSerialSkus)
      this.#sortedSerialSkus = [...this.#serials.keys()].sort(compareCodePoints);
    return this.#sortedSerialSkus;
  }

  /** Stored records matching the filter, in (sku, serial) order, after the cursor key. */
  *#scan(filter: SerialFilter, after: [string, string] | null): Generator<SerialRecord> {
    const matches = compileFilter(filter);
    const skus = filter.sku !== undefined ? [filter.sku] : this.#sortedSkus();
    for (const sku of skus) {
      if (after !== null && compareCodePoints(sku, after[0]) < 0) continue;
      const skuSerials = this.#serials.get(sku);
      if (!skuSerials) continue;
      if (!skuSerials.sorted)
        skuSerials.sorted = [...skuSerials.bySerial.keys()].sort(compareCodePoints);
      const sorted = skuSerials.sorted;
      let start = 0;
      if (after !== null && sku === after[0]) start = upperBound(sorted, after[1]);
      else if (filter.range) start = lowerBound(sorted, rangeEnvelope(filter.range).from);
      else if (filter.prefix !== undefined) start = lowerBound(sorted, filter.prefix);
      for (let i = start; i < sorted.length; i++) {
        const record = skuSerials.bySerial.get(sorted[i] as string)?.record;
        if (record && matches(record)) yield record;
      }
    }
  }
}

/** Event data as the SQL stores keep it: through JSON (rejecting what JSON cannot hold). */
function eventData(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const text = eventDataJson(data);
  return text === null ? undefined : (JSON.parse(text) as Record<string, unknown>);
}

/** Index of the first element >= value. */
function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareCodePoints(sorted[mid] as string, value) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element > value. */
function upperBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareCodePoints(sorted[mid] as string, value) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Newest first, then by id descending: negative when (createdAt, id) comes first. */
function compareNewestFirst(
  createdAt: string,
  id: string,
  otherAt: string,
  otherId: string,
): number {
  return compareCodePoints(otherAt, createdAt) || compareCodePoints(otherId, id);
}

/** An order as the SQL stores keep it: through JSON. */
function orderThroughJson(order: Order): Order {
  return JSON.parse(JSON.stringify(order)) as Order;
}

function compareRecallsNewestFirst(recall: Recall, createdAt: string, id: string): number {
  return compareCodePoints(createdAt, recall.createdAt) || compareCodePoints(id, recall.id);
}

function within(value: string | undefined, range: { from: string; to: string }): boolean {
  return (
    value !== undefined &&
    compareCodePoints(value, range.from) >= 0 &&
    compareCodePoints(value, range.to) <= 0
  );
}

function inRange(serial: string, range: SerialRange): boolean {
  return (
    compareInRange(serial, range.from, range.numericAt) >= 0 &&
    compareInRange(serial, range.to, range.numericAt) <= 0
  );
}

/** The filter as a predicate with the same semantics as the SQL stores' WHERE clauses. */
function compileFilter(filter: SerialFilter): (record: SerialRecord) => boolean {
  const statuses =
    filter.status === undefined
      ? null
      : new Set<string>(Array.isArray(filter.status) ? filter.status : [filter.status]);
  const serials = filter.serials === undefined ? null : new Set(filter.serials);
  const range = filter.range;
  if (
    range?.numericAt !== undefined &&
    !(Number.isSafeInteger(range.numericAt) && range.numericAt >= 0)
  ) {
    throw new BadRequestError('range.numericAt must be a non-negative integer', {
      details: { numericAt: range.numericAt },
    });
  }
  return (record) =>
    (filter.sku === undefined || record.sku === filter.sku) &&
    (statuses === null || statuses.has(record.status)) &&
    (filter.lot === undefined || record.lot === filter.lot) &&
    (range === undefined || inRange(record.serial, range)) &&
    (filter.prefix === undefined || record.serial.startsWith(filter.prefix)) &&
    (serials === null || serials.has(record.serial)) &&
    (filter.orderId === undefined || record.shipment?.orderId === filter.orderId) &&
    (filter.customerId === undefined || record.shipment?.customer?.id === filter.customerId) &&
    (filter.customerEmail === undefined ||
      record.shipment?.customer?.email === filter.customerEmail) &&
    (filter.accountId === undefined || record.shipment?.account?.id === filter.accountId) &&
    (filter.recalled === undefined || (record.recallId !== undefined) === filter.recalled) &&
    (filter.recallId === undefined || record.recallId === filter.recallId) &&
    (filter.manufacturedBetween === undefined ||
      within(record.manufacturedAt, filter.manufacturedBetween)) &&
    (filter.registeredBetween === undefined ||
      within(record.registeredAt, filter.registeredBetween)) &&
    (filter.shippedBetween === undefined ||
      within(record.shipment?.shippedAt, filter.shippedBetween));
}
