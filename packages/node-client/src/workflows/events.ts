/** The event log: list, one unit's history, and the EPCIS 2.0 export. */
import type { SerialEvent, SerialRecord } from '@serialkit/core';
import { NotFoundError } from '../errors.js';
import type { EventFilter, EventInsert, PageOptions } from '../store.js';
import type { ClientContext } from './context.js';
import { buildEpcisDocument, type EpcisDocument, type EpcisOptions } from './epcis.js';
import { requireString } from './input.js';
import { createList, type List } from './list.js';

export interface EventsResource {
  /**
   * Stored events matching the filter, ordered by time. Registration is recorded on the unit
   * (`registeredAt`), not as a stored event: see `history` and `exportEpcis`, which include it.
   *
   * @example
   * for await (const event of client.events.list({ type: 'shipped', between })) console.log(event);
   */
  list(filter: EventFilter, page?: PageOptions): List<SerialEvent>;
  /**
   * One unit's whole history, oldest first, starting with its `commissioned` event (from the
   * registration recorded on the unit). `NotFoundError` for an unknown unit.
   *
   * @example
   * const history = await client.events.history('KB-100', 'KB-2024-0000016');
   */
  history(sku: string, serial: string): Promise<SerialEvent[]>;
  /**
   * An EPCIS 2.0 JSON-LD document of ObjectEvents for the events matching the filter, with CBV
   * 2.0 business steps and dispositions. Units are identified by GS1 Digital Link URIs when the
   * SKU has a GTIN, else by URIs in the merchant's namespace (see `EpcisOptions`).
   *
   * @example
   * const doc = await client.events.exportEpcis({ sku: 'KB-100' });
   * await writeFile('events.jsonld', JSON.stringify(doc));
   */
  exportEpcis(filter?: EventFilter, options?: EpcisOptions): Promise<EpcisDocument>;
}

export function eventsResource(ctx: ClientContext): EventsResource {
  return {
    list(filter, page) {
      return createList(
        ({ cursor, limit }) => ctx.store.listEvents(filter, { cursor, limit }),
        page,
      );
    },
    async history(sku, serial) {
      requireString(sku, 'sku', 200);
      requireString(serial, 'serial', 200);
      const record = await ctx.store.getSerial(sku, serial);
      if (!record) {
        throw new NotFoundError(`Serial ${serial} of SKU ${sku} not found`, {
          details: { sku, serial },
        });
      }
      return unitHistory(ctx, record);
    },
    exportEpcis(filter = {}, options = {}) {
      return buildEpcisDocument(ctx, filter, options);
    },
  };
}

/** The synthesized `commissioned` event of a unit: registration lives on the row. */
export function commissionedEvent(record: SerialRecord): SerialEvent {
  const data: Record<string, unknown> = {};
  if (record.lot !== undefined) data.lot = record.lot;
  if (record.manufacturedAt !== undefined) data.manufacturedAt = record.manufacturedAt;
  if (record.receivedAt !== undefined) data.receivedAt = record.receivedAt;
  return {
    id: `commissioned/${encodeURIComponent(record.sku)}/${encodeURIComponent(record.serial)}`,
    sku: record.sku,
    serial: record.serial,
    type: 'commissioned',
    at: record.registeredAt,
    ...(Object.keys(data).length > 0 ? { data } : {}),
  };
}

/**
 * The events of a unit's own registration, out of every stored event of its (sku, serial) in log
 * order: those after the last `voided` event that freed the serial. A void that frees a serial
 * removes the unit's row and keeps its events in the log (for audit and EPCIS), so a unit
 * registered again under the serial starts a history of its own there. One rule for every reader
 * of a unit's events; a reader that filters by type includes `voided` to apply it.
 *
 * @example
 * const own = currentRegistration(events); // [] for a unit voided and not registered again
 */
export function currentRegistration<E extends Pick<SerialEvent, 'type' | 'data'>>(
  events: readonly E[],
): E[] {
  const freed = events.findLastIndex(
    (event) => event.type === 'voided' && event.data?.freed === true,
  );
  return events.slice(freed + 1);
}

/**
 * A unit's commissioning and every stored event of its own registration (see
 * {@link currentRegistration}), oldest first.
 */
export async function unitHistory(
  ctx: ClientContext,
  record: SerialRecord,
): Promise<SerialEvent[]> {
  const stored: SerialEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEvents(
      { sku: record.sku, serial: record.serial },
      { cursor, limit: 1000 },
    );
    stored.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return [commissionedEvent(record), ...currentRegistration(stored)];
}

/**
 * Appends one event and returns it as stored. The store assigns ids without returning them, so
 * the event is read back: the newest event of its unit, type and time.
 */
export async function appendEvent(ctx: ClientContext, event: EventInsert): Promise<SerialEvent> {
  await ctx.store.appendEvents([event]);
  let found: SerialEvent | undefined;
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listEvents(
      {
        sku: event.sku,
        serial: event.serial,
        type: event.type,
        between: { from: event.at, to: event.at },
      },
      { cursor, limit: 1000 },
    );
    found = page.items.at(-1) ?? found;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found ?? { id: '', ...event };
}
