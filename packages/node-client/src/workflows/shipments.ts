/** Shipping: assign specific units to an order, atomically. */
import {
  type Issue,
  type SerialRecord,
  type SerialStatus,
  type Shipment,
  type ShipmentCreate,
  type ShipmentRef,
  type Sku,
  shipmentCreateSchema,
} from '@serialkit/core';
import { ConflictError, ValidationError } from '../errors.js';
import type { Transition } from '../store.js';
import type { ClientContext } from './context.js';
import { parseInput, requireTimestamp, wireIssues } from './input.js';
import { compositeKey } from './keys.js';
import { readScanned } from './scanned.js';

/** Why a unit cannot ship. */
export type ShipmentProblemReason =
  | 'not_found'
  | 'not_in_stock'
  | 'wrong_sku'
  | 'invalid_format'
  | 'repeated'
  | 'recalled';

/** One unit that stops a shipment, in `ConflictError.details.problems`. */
export interface ShipmentProblem {
  sku: string;
  /** The canonical serial, or the input when it is not valid. */
  serial: string;
  reason: ShipmentProblemReason;
  /** The unit's status, for `not_in_stock`. */
  status?: SerialStatus;
  /** The SKU the unit belongs to, for `wrong_sku`. */
  actualSku?: string;
  /** Format issues, for `invalid_format`. */
  issues?: Issue[];
}

/** Statuses a unit can ship from: in stock, or set aside for an order. */
const SHIPPABLE: SerialStatus[] = ['in_stock', 'allocated'];

/** Problems named in a conflict message before "and N more". */
const PROBLEMS_IN_MESSAGE = 5;
/** Units read per store call when checking a shipment (the stores' page cap). */
const READ_CHUNK = 10_000;

export interface ShipmentsResource {
  /**
   * Ships units in an order, all or nothing: each unit moves from `in_stock` (or `allocated`) to
   * `shipped`, gets the shipment recorded and a `shipped` event. Units that are unknown, of
   * another SKU, not in stock, recalled, not in the SKU's format, or listed twice make it fail
   * with a `ConflictError` whose `details.problems` names each one; nothing is applied then.
   * Concurrent shipments of the same unit: exactly one succeeds.
   *
   * A serial may be a scanned code (GS1 element string, bracketed string or Digital Link): its
   * AI 21 is the serial. A code whose GTIN is not its line's SKU's is a `ValidationError` whose
   * issue names both SKUs (path `lines.i.serials.j`); nothing ships then.
   *
   * @example
   * await client.shipments.create({
   *   orderId: 'ORD-1001',
   *   channel: 'b2c',
   *   customer: { id: 'C-7', email: 'ada@example.com', postcode: 'SW1A 1AA' },
   *   lines: [{ sku: 'KB-100', serials: ['KB-2024-0000016'] }],
   * });
   */
  create(input: ShipmentCreate): Promise<Shipment>;
}

export function shipmentsResource(ctx: ClientContext): ShipmentsResource {
  return { create: (input) => createShipment(ctx, input) };
}

async function createShipment(ctx: ClientContext, input: ShipmentCreate): Promise<Shipment> {
  const request = parseInput(shipmentCreateSchema, input, 'shipment');
  const shippedAt =
    request.shippedAt === undefined
      ? ctx.nowIso()
      : requireTimestamp(request.shippedAt, ['shippedAt']);
  const problems: ShipmentProblem[] = [];
  const units: { sku: string; serial: string }[] = [];
  const seen = new Set<string>();

  // Read every line's SKU first: an unknown SKU is a not-found error, not a unit problem.
  const skus = new Map<string, Sku>();
  for (const line of request.lines) {
    // Stryker disable next-line ConditionalExpression: equivalent, reading a SKU again gives the same SKU
    if (!skus.has(line.sku)) skus.set(line.sku, await ctx.requireSku(line.sku));
  }

  // GTINs of scanned codes that contradict their line's SKU: refused before anything is read.
  const mismatches: Issue[] = [];
  for (const [lineIndex, line] of request.lines.entries()) {
    const sku = skus.get(line.sku)!;
    const format = ctx.formats.of(sku);
    const serials: string[] = [];
    for (const [serialIndex, entered] of line.serials.entries()) {
      let typed = entered;
      const scanning = readScanned(ctx, entered, sku);
      if (scanning) {
        const scanned = await scanning;
        if (!scanned.ok) {
          if (scanned.reason === 'gtin_mismatch') {
            mismatches.push(
              ...scanned.issues.map((issue) => ({
                ...issue,
                path: ['lines', lineIndex, 'serials', serialIndex],
              })),
            );
          } else {
            problems.push({
              sku: line.sku,
              serial: entered,
              reason: 'invalid_format',
              issues: scanned.issues,
            });
          }
          continue;
        }
        typed = scanned.serial;
      }
      const result = format.validate(typed);
      if (!result.success) {
        problems.push({
          sku: line.sku,
          serial: entered,
          reason: 'invalid_format',
          issues: wireIssues(result.issues),
        });
        continue;
      }
      const serial = result.data.serial;
      const key = compositeKey(line.sku, serial);
      if (seen.has(key)) {
        problems.push({ sku: line.sku, serial, reason: 'repeated' });
        continue;
      }
      seen.add(key);
      serials.push(serial);
      units.push({ sku: line.sku, serial });
    }
    // Stryker disable next-line ConditionalExpression: equivalent, mismatches are refused before any problem is told
    if (mismatches.length === 0) problems.push(...(await stockProblems(ctx, line.sku, serials)));
  }
  if (mismatches.length > 0) {
    throw new ValidationError("Scanned codes of another product than their line's SKU", {
      issues: mismatches,
    });
  }
  if (problems.length > 0) throw shipmentConflict(request.orderId, problems);

  // Stryker disable ConditionalExpression: equivalent, a shipment is kept as JSON, where an undefined key is absent
  const shipment: ShipmentRef = {
    orderId: request.orderId,
    ...(request.shipmentId === undefined ? {} : { shipmentId: request.shipmentId }),
    channel: request.channel,
    ...(request.customer === undefined ? {} : { customer: request.customer }),
    ...(request.account === undefined ? {} : { account: request.account }),
    shippedAt,
  };
  // Stryker restore ConditionalExpression
  const eventData = shippedEventData(shipment);
  const transitions: Transition[] = units.map((unit) => ({
    sku: unit.sku,
    serial: unit.serial,
    from: SHIPPABLE,
    // Checked again in the compare-and-set: a recall committed since the check above stops it.
    recalled: false,
    to: 'shipped',
    set: { shipment },
    event: { type: 'shipped', at: shippedAt, data: eventData },
  }));
  // The store's compare-and-set decides races: between the checks above and here another
  // shipment may have taken a unit.
  const result = await ctx.store.transition(transitions);
  if (!result.ok) {
    throw shipmentConflict(
      request.orderId,
      result.failures.map(({ index, current }) => {
        const unit = units[index]!;
        if (current === null) return { ...unit, reason: 'not_found' as const };
        if (SHIPPABLE.includes(current.status) && current.recallId !== undefined) {
          return { ...unit, reason: 'recalled' as const };
        }
        return { ...unit, reason: 'not_in_stock' as const, status: current.status };
      }),
    );
  }
  return {
    orderId: request.orderId,
    ...(request.shipmentId === undefined ? {} : { shipmentId: request.shipmentId }),
    channel: request.channel,
    shippedAt,
    units,
  };
}

/**
 * The data of a `shipped` event. It names the order, never the customer: events are exported
 * and shared.
 */
export function shippedEventData(shipment: ShipmentRef): Record<string, unknown> {
  return {
    orderId: shipment.orderId,
    // Stryker disable next-line ConditionalExpression: equivalent, event data is kept as JSON, where an undefined key is absent
    ...(shipment.shipmentId === undefined ? {} : { shipmentId: shipment.shipmentId }),
    channel: shipment.channel,
    ...(shipment.account === undefined ? {} : { accountId: shipment.account.id }),
  };
}

/** Problems of units of one SKU as stored now: missing, of another SKU, not in stock, recalled. */
async function stockProblems(
  ctx: ClientContext,
  sku: string,
  serials: string[],
): Promise<ShipmentProblem[]> {
  const problems: ShipmentProblem[] = [];
  const found = new Map<string, SerialRecord>();
  // Stryker disable next-line EqualityOperator: equivalent, one more chunk is empty and finds nothing new
  for (let start = 0; start < serials.length; start += READ_CHUNK) {
    // Stryker disable next-line MethodExpression: equivalent, reading every serial in each chunk finds the same units
    const chunk = serials.slice(start, start + READ_CHUNK);
    let cursor: string | null = null;
    do {
      const page = await ctx.store.listSerials(
        { sku, serials: chunk },
        { cursor, limit: READ_CHUNK },
      );
      for (const record of page.items) found.set(record.serial, record);
      cursor = page.nextCursor;
      // Stryker disable next-line ConditionalExpression: equivalent, a page of READ_CHUNK holds a whole chunk
    } while (cursor !== null);
  }
  for (const serial of serials) {
    const record = found.get(serial);
    if (!record) {
      const elsewhere = (await ctx.store.findSerial(serial))[0];
      problems.push(
        elsewhere
          ? { sku, serial, reason: 'wrong_sku', actualSku: elsewhere.sku }
          : { sku, serial, reason: 'not_found' },
      );
    } else if (!SHIPPABLE.includes(record.status)) {
      problems.push({ sku, serial, reason: 'not_in_stock', status: record.status });
    } else if (record.recallId !== undefined) {
      problems.push({ sku, serial, reason: 'recalled' });
    }
  }
  return problems;
}

function shipmentConflict(orderId: string, problems: ShipmentProblem[]): ConflictError {
  const described = problems
    .slice(0, PROBLEMS_IN_MESSAGE)
    .map((p) => `${p.sku} ${p.serial}: ${p.reason}${p.status ? ` (${p.status})` : ''}`)
    .join('; ');
  const more =
    problems.length > PROBLEMS_IN_MESSAGE
      ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more`
      : '';
  return new ConflictError(`Order ${orderId} cannot ship: ${described}${more}`, {
    details: { orderId, problems },
  });
}
