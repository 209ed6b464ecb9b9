/**
 * The memory store's event log: every entry (units' events and notices) in append order, an id
 * being its position from 1, and each unit's events apart for its history. Entries are copied on
 * the way out; the store copies and checks them on the way in.
 */
import {
  isLogNotice,
  type LogEntry,
  type LogNoticeInsert,
  type SerialEvent,
} from '@serialkit/core';
import type { EventFilter, EventInsert, PageOptions, StorePage } from '../store.js';
import { decodeCursor, encodeCursor, pageSize } from './shared/cursor.js';
import { eventPosition } from './shared/event-position.js';
import { compareCodePoints } from './shared/order.js';

const unitKey = (sku: string, serial: string): string => `${sku}\u0000${serial}`;

export class MemoryEventLog {
  readonly #entries: LogEntry[] = [];
  readonly #byUnit = new Map<string, SerialEvent[]>();

  /** The id of the last entry, or null when the log is empty. */
  get last(): string | null {
    return this.#entries.length > 0 ? String(this.#entries.length) : null;
  }

  /** Appends a unit's event (its data already copied and checked). */
  append(event: EventInsert, data: Record<string, unknown> | undefined): void {
    const stored: SerialEvent = {
      id: String(this.#entries.length + 1),
      sku: event.sku,
      serial: event.serial,
      type: event.type,
      at: event.at,
    };
    if (data !== undefined) stored.data = data;
    this.#entries.push(stored);
    const key = unitKey(event.sku, event.serial);
    const forUnit = this.#byUnit.get(key);
    if (forUnit) forUnit.push(stored);
    else this.#byUnit.set(key, [stored]);
  }

  /** Appends a notice (its data already copied). */
  appendNotice(notice: LogNoticeInsert): void {
    const id = String(this.#entries.length + 1);
    this.#entries.push({ id, type: notice.type, at: notice.at, data: notice.data });
  }

  /** Units' events by (at, id), a page at a time; notices are not listed. */
  list(filter: EventFilter, page: PageOptions): StorePage<SerialEvent> {
    const limit = pageSize(page.limit);
    const after = decodeCursor('events', page.cursor, 2) as [string, string] | null;
    const source =
      filter.sku !== undefined && filter.serial !== undefined
        ? (this.#byUnit.get(unitKey(filter.sku, filter.serial)) ?? [])
        : this.#entries;
    const types =
      filter.type === undefined
        ? null
        : new Set(Array.isArray(filter.type) ? filter.type : [filter.type]);
    const matching = source.filter(
      (event): event is SerialEvent =>
        !isLogNotice(event) &&
        (filter.sku === undefined || event.sku === filter.sku) &&
        (filter.serial === undefined || event.serial === filter.serial) &&
        (types === null || types.has(event.type)) &&
        (filter.between === undefined ||
          (event.at >= filter.between.from && event.at <= filter.between.to)) &&
        (after === null || compareEvents(event, after[0], after[1]) > 0),
    );
    matching.sort((a, b) => compareEvents(a, b.at, b.id));
    const items = matching.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: structuredClone(items),
      nextCursor:
        matching.length > limit && last ? encodeCursor('events', [last.at, last.id]) : null,
    };
  }

  /** Up to `limit` entries after the one with id `after` (null: from the first). */
  read(after: string | null, limit: number): LogEntry[] {
    const start = eventPosition(after);
    return structuredClone(this.#entries.slice(start, start + pageSize(limit)));
  }
}

function compareEvents(event: SerialEvent, at: string, id: string): number {
  return compareCodePoints(event.at, at) || Number(event.id) - Number(id);
}
