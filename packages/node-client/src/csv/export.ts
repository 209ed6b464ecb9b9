/** CSV exports of units and events, streamed page by page. */
import type { SerialEvent, SerialRecord } from '@serialkit/core';
import type { EventFilter, SerialFilter } from '../store.js';
import type { ClientContext } from '../workflows/context.js';
import { orderedFilter } from '../workflows/serial-ranges.js';
import { neutralizeCell, stringifyRow } from './cells.js';
import { ACCOUNT_CONTACT_COLUMNS, SERIAL_IMPORT_COLUMNS, SHIPMENT_COLUMNS } from './columns.js';

const PAGE = 5000;

/** Columns of `exports.serials`; the first five are those `imports.serials` reads. */
export const SERIAL_EXPORT_COLUMNS = [
  ...SERIAL_IMPORT_COLUMNS,
  'status',
  'recall_id',
  'registered_at',
  'updated_at',
  ...SHIPMENT_COLUMNS,
  ...ACCOUNT_CONTACT_COLUMNS,
] as const;

/** Columns of `exports.events`; `data` is the event's details as JSON. */
export const EVENT_EXPORT_COLUMNS = ['id', 'sku', 'serial', 'type', 'at', 'data'] as const;

export interface ExportsResource {
  /**
   * Units matching the filter as CSV lines (header first, each ending in `\n`), streamed page
   * by page. Cells that a spreadsheet would run as formulas are prefixed with `'`. Includes
   * customer data: for the merchant's own use.
   *
   * @example
   * await pipeline(Readable.from(client.exports.serials({ sku: 'KB-100' })), createWriteStream('units.csv'));
   */
  serials(filter?: SerialFilter): AsyncIterable<string>;
  /**
   * Events matching the filter as CSV lines, oldest first, formula-neutralized like `serials`.
   *
   * @example
   * for await (const line of client.exports.events({ type: 'shipped' })) process.stdout.write(line);
   */
  events(filter?: EventFilter): AsyncIterable<string>;
}

export function csvExportsResource(ctx: ClientContext): ExportsResource {
  return {
    async *serials(filter = {}) {
      yield stringifyRow([...SERIAL_EXPORT_COLUMNS]);
      const ordered = await orderedFilter(ctx, filter);
      let cursor: string | null = null;
      do {
        const page = await ctx.store.listSerials(ordered, { cursor, limit: PAGE });
        for (const unit of page.items) yield stringifyRow(serialCells(unit));
        cursor = page.nextCursor;
      } while (cursor !== null);
    },
    async *events(filter = {}) {
      yield stringifyRow([...EVENT_EXPORT_COLUMNS]);
      let cursor: string | null = null;
      do {
        const page = await ctx.store.listEvents(filter, { cursor, limit: PAGE });
        for (const event of page.items) yield stringifyRow(eventCells(event));
        cursor = page.nextCursor;
      } while (cursor !== null);
    },
  };
}

function serialCells(unit: SerialRecord): string[] {
  const shipment = unit.shipment;
  return [
    unit.sku,
    unit.serial,
    unit.lot,
    unit.manufacturedAt,
    unit.receivedAt,
    unit.status,
    unit.recallId,
    unit.registeredAt,
    unit.updatedAt,
    shipment?.orderId,
    shipment?.shipmentId,
    shipment?.channel,
    shipment?.customer?.id,
    shipment?.customer?.email,
    shipment?.customer?.name,
    shipment?.customer?.postcode,
    shipment?.account?.id,
    shipment?.account?.name,
    shipment?.shippedAt,
    shipment?.account?.contactName,
    shipment?.account?.email,
    shipment?.account?.phone,
  ].map(neutralizeCell);
}

function eventCells(event: SerialEvent): string[] {
  return [
    event.id,
    event.sku,
    event.serial,
    event.type,
    event.at,
    event.data === undefined ? undefined : JSON.stringify(event.data),
  ].map(neutralizeCell);
}
