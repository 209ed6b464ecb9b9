/**
 * The memory store's webhook state: subscriptions, their cursors and leases, delivery logs and
 * dead letters. Kept beside `memory.ts`, which hands it the event log's length.
 */
import type {
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookSubscriptionRecord,
} from '@serialkit/core';
import type {
  LogCursorLeaseRequest,
  LogCursorMove,
  PageOptions,
  StorePage,
  WebhookCursorMove,
  WebhookLeaseRequest,
} from '../store.js';
import { decodeCursor, encodeCursor, pageSize } from './shared/cursor.js';
import { compareCodePoints } from './shared/order.js';

interface CursorState {
  position: string | null;
  owner: string | null;
  until: string | null;
}

export class MemoryWebhooks {
  readonly #subscriptions = new Map<string, WebhookSubscriptionRecord>();
  readonly #cursors = new Map<string, CursorState>();
  /** Internal consumers' cursors (`leaseLogCursor`), by consumer name. */
  readonly #logCursors = new Map<string, CursorState>();
  /** Deliveries by subscription, oldest first; the index is the cursor key. */
  readonly #deliveries = new Map<string, WebhookDelivery[]>();
  readonly #deadLetters = new Map<string, Map<string, WebhookDeadLetter>>();

  /** @param logHead The id of the last event appended (null: none yet). */
  constructor(private readonly logHead: () => string | null) {}

  put(subscription: WebhookSubscriptionRecord): void {
    if (!this.#cursors.has(subscription.id)) {
      this.#cursors.set(subscription.id, { position: this.logHead(), owner: null, until: null });
    }
    this.#subscriptions.set(subscription.id, structuredClone(subscription));
  }

  get(id: string): WebhookSubscriptionRecord | null {
    const found = this.#subscriptions.get(id);
    return found ? structuredClone(found) : null;
  }

  list(): WebhookSubscriptionRecord[] {
    return [...this.#subscriptions.values()]
      .sort((a, b) => compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id))
      .map((s) => structuredClone(s));
  }

  delete(id: string): boolean {
    const existed = this.#subscriptions.delete(id);
    this.#cursors.delete(id);
    this.#deliveries.delete(id);
    this.#deadLetters.delete(id);
    return existed;
  }

  leaseLog(request: LogCursorLeaseRequest): { position: string | null } | null {
    let cursor = this.#logCursors.get(request.consumer);
    if (!cursor) {
      cursor = { position: this.logHead(), owner: null, until: null };
      this.#logCursors.set(request.consumer, cursor);
    }
    return this.#take(cursor, request);
  }

  advanceLog(move: LogCursorMove): boolean {
    const cursor = this.#logCursors.get(move.consumer);
    if (!cursor || cursor.owner !== move.owner || cursor.position !== move.from) return false;
    cursor.position = move.to;
    return true;
  }

  lease(request: WebhookLeaseRequest): { position: string | null } | null {
    const cursor = this.#cursors.get(request.subscriptionId);
    if (!cursor) return null;
    return this.#take(cursor, request);
  }

  #take(
    cursor: CursorState,
    request: { owner: string; at: string; until: string },
  ): { position: string | null } | null {
    const free =
      cursor.owner === null ||
      cursor.owner === request.owner ||
      (cursor.until !== null && compareCodePoints(cursor.until, request.at) < 0);
    if (!free) return null;
    cursor.owner = request.owner;
    cursor.until = request.until;
    return { position: cursor.position };
  }

  advance(move: WebhookCursorMove): boolean {
    const cursor = this.#cursors.get(move.subscriptionId);
    if (!cursor || cursor.owner !== move.owner || cursor.position !== move.from) return false;
    cursor.position = move.to;
    return true;
  }

  appendDeliveries(deliveries: WebhookDelivery[]): void {
    for (const delivery of deliveries) {
      if (!this.#subscriptions.has(delivery.subscriptionId)) continue;
      const log = this.#deliveries.get(delivery.subscriptionId) ?? [];
      log.push(structuredClone(delivery));
      this.#deliveries.set(delivery.subscriptionId, log);
    }
  }

  listDeliveries(subscriptionId: string, page: PageOptions): StorePage<WebhookDelivery> {
    const log = this.#deliveries.get(subscriptionId) ?? [];
    const limit = pageSize(page.limit);
    const before = decodeCursor('webhook-deliveries', page.cursor, 1);
    const end = before === null ? log.length : Number(before[0]);
    const start = Math.max(0, end - limit);
    const items = log.slice(start, end).reverse();
    return {
      items: structuredClone(items),
      nextCursor: start > 0 ? encodeCursor('webhook-deliveries', [String(start)]) : null,
    };
  }

  putDeadLetter(letter: WebhookDeadLetter): void {
    if (!this.#subscriptions.has(letter.subscriptionId)) return;
    const letters = this.#deadLetters.get(letter.subscriptionId) ?? new Map();
    letters.set(letter.messageId, structuredClone(letter));
    this.#deadLetters.set(letter.subscriptionId, letters);
  }

  listDeadLetters(subscriptionId: string, page: PageOptions): StorePage<WebhookDeadLetter> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('webhook-dead-letters', page.cursor, 2);
    const sorted = [...(this.#deadLetters.get(subscriptionId)?.values() ?? [])]
      .sort(
        (a, b) =>
          compareCodePoints(a.failedAt, b.failedAt) || compareCodePoints(a.messageId, b.messageId),
      )
      .filter(
        (letter) =>
          after === null ||
          (compareCodePoints(letter.failedAt, after[0] as string) ||
            compareCodePoints(letter.messageId, after[1] as string)) > 0,
      );
    const items = sorted.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: structuredClone(items),
      nextCursor:
        sorted.length > limit && last
          ? encodeCursor('webhook-dead-letters', [last.failedAt, last.messageId])
          : null,
    };
  }

  deleteDeadLetter(subscriptionId: string, messageId: string): boolean {
    return this.#deadLetters.get(subscriptionId)?.delete(messageId) ?? false;
  }
}
