/** Reseller tracing: where a unit was sold, where it has been seen since, and its history. */
import {
  type SerialEvent,
  type SightingCreate,
  sightingCreateSchema,
  type Trace,
} from '@serialkit/core';
import type { ClientContext } from './context.js';
import { coverageOf } from './coverage.js';
import { appendEvent, unitHistory } from './events.js';
import { parseInput, requireString, requireTimestamp } from './input.js';
import { requireUnit } from './resolve.js';
import { shipmentsOf } from './unit-shipments.js';

/**
 * Traces a unit: the customer or business account it was last sold to, its sightings and its
 * whole history. Accepts typed or scanned input like `serials.lookup`.
 *
 * @example
 * const { soldTo, sightings } = await client.trace('KB-2024-0000016');
 * console.log(soldTo?.account?.name ?? soldTo?.customer?.email, sightings.length);
 */
export type TraceFunction = (serial: string, options?: { sku?: string }) => Promise<Trace>;

export interface SightingsResource {
  /**
   * Records that a unit was seen somewhere (a marketplace listing, a repair shop) as a `sighted`
   * event. `NotFoundError` for serials that are not registered: a sighting is about a unit.
   *
   * @example
   * await client.sightings.record({
   *   serial: 'KB-2024-0000016',
   *   source: 'marketplace',
   *   url: 'https://market.example/listing/123',
   * });
   */
  record(input: SightingCreate): Promise<SerialEvent>;
}

export function traceFunction(ctx: ClientContext): TraceFunction {
  return async (serial, options = {}) => {
    requireString(serial, 'serial');
    const unit = await requireUnit(ctx, serial, options.sku);
    const [events, coverage] = await Promise.all([
      unitHistory(ctx, unit),
      ctx.store.getSku(unit.sku).then((sku) => coverageOf(ctx, sku, unit)),
    ]);
    const shipment = unit.shipment;
    return {
      serial: unit.serial,
      sku: unit.sku,
      status: unit.status,
      ...(shipment
        ? {
            soldTo: {
              channel: shipment.channel,
              orderId: shipment.orderId,
              ...(shipment.customer ? { customer: shipment.customer } : {}),
              ...(shipment.account ? { account: shipment.account } : {}),
              shippedAt: shipment.shippedAt,
            },
          }
        : {}),
      sightings: events.filter((event) => event.type === 'sighted'),
      shipments: shipmentsOf(events),
      events,
      coverage,
    };
  };
}

export function sightingsResource(ctx: ClientContext): SightingsResource {
  return {
    async record(input) {
      const request = parseInput(sightingCreateSchema, input, 'sighting');
      const unit = await requireUnit(ctx, request.serial, request.sku);
      return appendEvent(ctx, {
        sku: unit.sku,
        serial: unit.serial,
        type: 'sighted',
        at:
          request.seenAt === undefined
            ? ctx.nowIso()
            : requireTimestamp(request.seenAt, ['seenAt']),
        data: {
          source: request.source,
          ...(request.url === undefined ? {} : { url: request.url }),
          ...(request.note === undefined ? {} : { note: request.note }),
        },
      });
    },
  };
}
