/**
 * Orders to pack: created ahead (by the merchant's order platform, a CSV or by hand), packed by
 * scanning units against their lines (see `order-picks.ts`), shipped in one or several
 * shipments, cancelled, and corrected by cancelling a shipment. Every rule of an order lives
 * here; the store only keeps the order and changes it with its units atomically.
 */
import {
  type Order,
  type OrderCreate,
  type OrderLine,
  type OrderShip,
  type OrderStatus,
  orderCreateSchema,
  orderListQuerySchema,
  orderShipSchema,
  type PickResult,
  type SerialRecord,
  type Shipment,
  type ShipmentRef,
} from '@serialkit/core';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { PageOptions, Transition } from '../store.js';
import type { ClientContext } from './context.js';
import { parseInput, requireString } from './input.js';
import { createList, type List } from './list.js';
import { deallocate, pickUnit, unitMoved, unpickUnit } from './order-picks.js';
import {
  changeOrder,
  isOpen,
  type OrderDecision,
  orderClosed,
  requireOrder,
  statusOf,
} from './order-state.js';
import { shippedEventData } from './shipments.js';

/** Filter and page of `orders.list`. */
export interface OrderListOptions extends PageOptions {
  status?: OrderStatus;
  /** Orders with a line of this SKU. */
  sku?: string;
}

/** What `orders.ship` stored: the order after it and the shipment. */
export interface OrderShipResult {
  order: Order;
  shipment: Shipment;
}

export interface OrdersResource {
  /**
   * Creates an open order. Every line's SKU must exist (`NotFoundError`); an id that exists is a
   * `ConflictError` with `details.reason` `'order_exists'`.
   *
   * @example
   * await client.orders.create({
   *   id: 'ORD-2001',
   *   channel: 'b2c',
   *   customer: { email: 'ada@example.com', name: 'Ada' },
   *   lines: [{ sku: 'KB-100', quantity: 2 }, { sku: 'CABLE-1', quantity: 1 }],
   * });
   */
  create(input: OrderCreate): Promise<Order>;
  /** The order, or `NotFoundError`. */
  get(id: string): Promise<Order>;
  /**
   * Orders, newest first, by status and SKU.
   *
   * @example
   * for await (const order of client.orders.list({ status: 'open' })) console.log(order.id);
   */
  list(options?: OrderListOptions): List<Order>;
  /** Cancels an open or partially shipped order; its picked units go back to stock. */
  cancel(id: string): Promise<Order>;
  /**
   * Reads what was typed or scanned (a serial, a GS1 element string, a bracketed string or a
   * Digital Link), finds its unit across the catalog (the order's SKUs first) and allocates it
   * to the order. Refusals (`mistyped`, `wrong_sku`, `line_full`, `already_picked`,
   * `already_shipped`, `recalled`, `not_registered`, `unavailable`, `invalid`, `ambiguous`) are
   * results, not errors. Two packers scanning one unit: exactly one gets `accepted`.
   *
   * @example
   * const result = await client.orders.pick('ORD-2001', 'KB-2024-0000016');
   * if (result.outcome === 'mistyped') console.log(result.suggestions);
   */
  pick(id: string, input: string, options?: { sku?: string }): Promise<PickResult>;
  /** Gives a picked unit back to stock. */
  unpick(id: string, unit: { sku: string; serial: string }): Promise<Order>;
  /**
   * Ships every picked unit plus the given quantities of untracked SKUs. Tracked lines need
   * serials, no line exceeds its quantity, and without `partial: true` every line must be
   * complete (`ConflictError` `'order_incomplete'`, with the missing quantity per line).
   *
   * @example
   * const { order, shipment } = await client.orders.ship('ORD-2001', {
   *   untracked: [{ sku: 'CABLE-1', quantity: 1 }],
   * });
   */
  ship(id: string, options?: OrderShip): Promise<OrderShipResult>;
  /**
   * Cancels a shipment of the order: its units go back to stock (event `shipment_cancelled`)
   * and the lines reopen.
   */
  cancelShipment(id: string, shipmentId: string): Promise<Order>;
}

export function ordersResource(ctx: ClientContext): OrdersResource {
  return {
    create: (input) => createOrder(ctx, input),
    get: async (id) => (await requireOrder(ctx, requireString(id, 'id'))).order,
    list(options = {}) {
      const { cursor, limit, ...rest } = options;
      const filter = parseInput(orderListQuerySchema, rest, 'order filter');
      return createList((page) => ctx.store.listOrders(filter, page), { cursor, limit });
    },
    cancel: (id) => cancelOrder(ctx, requireString(id, 'id')),
    pick: (id, input, options) => pickUnit(ctx, requireString(id, 'id'), input, options),
    unpick: (id, unit) =>
      unpickUnit(ctx, requireString(id, 'id'), {
        sku: requireString(unit?.sku, 'sku'),
        serial: requireString(unit?.serial, 'serial'),
      }),
    ship: (id, options) => shipOrder(ctx, requireString(id, 'id'), options),
    cancelShipment: (id, shipmentId) =>
      cancelShipment(ctx, requireString(id, 'id'), requireString(shipmentId, 'shipmentId')),
  };
}

async function createOrder(ctx: ClientContext, input: OrderCreate): Promise<Order> {
  const request = parseInput(orderCreateSchema, input, 'order');
  for (const line of request.lines) await ctx.requireSku(line.sku);
  const now = ctx.nowIso();
  const order: Order = {
    id: request.id,
    channel: request.channel,
    ...(request.customer === undefined ? {} : { customer: request.customer }),
    ...(request.account === undefined ? {} : { account: request.account }),
    ...(request.source === undefined ? {} : { source: request.source }),
    status: 'open',
    lines: request.lines.map((line) => ({ ...line, picked: 0, shipped: 0 })),
    picks: [],
    shipments: [],
    ...(request.placedAt === undefined ? {} : { placedAt: request.placedAt }),
    createdAt: now,
    updatedAt: now,
  };
  if (!(await ctx.store.insertOrder(order))) {
    throw new ConflictError(`Order ${order.id} exists`, {
      details: { orderId: order.id, reason: 'order_exists' },
    });
  }
  return order;
}

async function cancelOrder(ctx: ClientContext, id: string): Promise<Order> {
  return changeOrder(ctx, id, async ({ order }): Promise<OrderDecision<Order>> => {
    if (!isOpen(order)) throw orderClosed(order, 'cancel');
    const at = ctx.nowIso();
    return {
      order: {
        ...order,
        status: 'cancelled',
        lines: order.lines.map((line) => ({ ...line, picked: 0 })),
        picks: [],
        updatedAt: at,
      },
      transitions: order.picks.map((pick) => deallocate(pick, order.id, at)),
      answer: (stored) => stored,
      unitsFailed: ([failure]) => {
        const pick = order.picks[failure?.index ?? 0]!;
        return unitMoved(order.id, pick, failure?.current ?? null);
      },
    };
  });
}

/** One line's progress in an `order_incomplete` or `over_quantity` error. */
interface LineShortfall {
  sku: string;
  quantity: number;
  shipped: number;
  shipping: number;
  missing: number;
}

async function shipOrder(
  ctx: ClientContext,
  id: string,
  options: OrderShip = {},
): Promise<OrderShipResult> {
  const request = parseInput(orderShipSchema, options, 'order shipment');
  const untracked = new Map<string, number>();
  for (const entry of request.untracked ?? []) {
    if (untracked.has(entry.sku)) {
      throw new ValidationError(`SKU ${entry.sku} is given twice in untracked`, {
        issues: [
          {
            code: 'repeated',
            message: `SKU ${entry.sku} is given twice`,
            path: ['untracked'],
          },
        ],
      });
    }
    untracked.set(entry.sku, entry.quantity);
  }
  // Tracking is a SKU setting: read once per call, not per attempt.
  const tracked = new Map<string, boolean>();
  const trackingOf = async (sku: string): Promise<boolean> => {
    let value = tracked.get(sku);
    if (value === undefined) {
      value = (await ctx.store.getSku(sku))?.serialTracking.enabled ?? false;
      tracked.set(sku, value);
    }
    return value;
  };

  return changeOrder(ctx, id, async ({ order }): Promise<OrderDecision<OrderShipResult>> => {
    if (!isOpen(order)) throw orderClosed(order, 'ship');
    for (const [sku, quantity] of untracked) {
      if (!order.lines.some((line) => line.sku === sku)) {
        throw new ConflictError(`SKU ${sku} is not on order ${order.id}`, {
          details: { orderId: order.id, reason: 'not_on_order', sku },
        });
      }
      if (await trackingOf(sku)) {
        throw new ConflictError(
          `SKU ${sku} is tracked: pick its ${quantity} unit(s) by serial instead`,
          { details: { orderId: order.id, reason: 'serials_required', sku } },
        );
      }
    }
    const shipping = new Map<string, number>(untracked);
    for (const pick of order.picks) shipping.set(pick.sku, (shipping.get(pick.sku) ?? 0) + 1);
    if (shipping.size === 0) {
      throw new ConflictError(`Order ${order.id} has nothing to ship: pick units first`, {
        details: { orderId: order.id, reason: 'nothing_to_ship' },
      });
    }
    const progress = order.lines.map(
      (line): LineShortfall => ({
        sku: line.sku,
        quantity: line.quantity,
        shipped: line.shipped,
        shipping: shipping.get(line.sku) ?? 0,
        missing: line.quantity - line.shipped - (shipping.get(line.sku) ?? 0),
      }),
    );
    const over = progress.filter((line) => line.missing < 0);
    if (over.length > 0) {
      throw new ConflictError(
        `Order ${order.id}: more units than ordered for ${over.map((l) => l.sku).join(', ')}`,
        { details: { orderId: order.id, reason: 'over_quantity', lines: over } },
      );
    }
    const open = progress.filter((line) => line.missing > 0);
    if (!request.partial && open.length > 0) {
      throw new ConflictError(
        `Order ${order.id} is incomplete: ${open.map((l) => `${l.sku} needs ${l.missing} more`).join('; ')} (ship with partial: true to ship what is picked)`,
        { details: { orderId: order.id, reason: 'order_incomplete', lines: open } },
      );
    }

    const shipmentId = request.shipmentId ?? `${order.id}-${order.shipments.length + 1}`;
    if (order.shipments.some((s) => s.shipmentId === shipmentId)) {
      throw new ConflictError(`Order ${order.id} has a shipment ${shipmentId}`, {
        details: { orderId: order.id, reason: 'shipment_exists', shipmentId },
      });
    }
    const shippedAt = ctx.nowIso();
    const ref: ShipmentRef = {
      orderId: order.id,
      shipmentId,
      channel: order.channel,
      ...(order.customer === undefined ? {} : { customer: order.customer }),
      ...(order.account === undefined ? {} : { account: order.account }),
      shippedAt,
    };
    const units = order.picks.map(({ sku, serial }) => ({ sku, serial }));
    const lines: OrderLine[] = order.lines.map((line) => ({
      ...line,
      picked: 0,
      shipped: line.shipped + (shipping.get(line.sku) ?? 0),
    }));
    const next: Order = {
      ...order,
      status: statusOf(lines, order.status),
      lines,
      picks: [],
      shipments: [
        ...order.shipments,
        {
          shipmentId,
          shippedAt,
          units,
          untracked: [...untracked].map(([sku, quantity]) => ({ sku, quantity })),
        },
      ],
      updatedAt: shippedAt,
    };
    const data = shippedEventData(ref);
    const transitions: Transition[] = units.map((unit) => ({
      ...unit,
      from: ['allocated'],
      // A recall committed since the pick stops the shipment.
      recalled: false,
      to: 'shipped',
      set: { shipment: ref },
      event: { type: 'shipped', at: shippedAt, data },
    }));
    return {
      order: next,
      transitions,
      answer: (stored) => ({
        order: stored,
        shipment: { orderId: order.id, shipmentId, channel: order.channel, shippedAt, units },
      }),
      unitsFailed: (failures) => shipBlocked(order.id, units, failures),
    };
  });
}

/** A picked unit that can no longer ship (recalled, or moved by another workflow). */
function shipBlocked(
  orderId: string,
  units: { sku: string; serial: string }[],
  failures: { index: number; current: SerialRecord | null }[],
): ConflictError {
  const problems = failures.map(({ index, current }) => {
    const unit = units[index]!;
    const recalled = current?.status === 'allocated' && current.recallId !== undefined;
    return {
      ...unit,
      reason: recalled ? 'recalled' : 'unit_changed',
      status: current?.status ?? 'missing',
    };
  });
  return new ConflictError(
    `Order ${orderId} cannot ship: ${problems.map((p) => `${p.sku} ${p.serial}: ${p.reason === 'recalled' ? 'recalled' : p.status}`).join('; ')} (unpick these units)`,
    { details: { orderId, reason: 'units_blocked', problems } },
  );
}

async function cancelShipment(ctx: ClientContext, id: string, shipmentId: string): Promise<Order> {
  return changeOrder(ctx, id, async ({ order }): Promise<OrderDecision<Order>> => {
    const index = order.shipments.findIndex((s) => s.shipmentId === shipmentId);
    const shipment = order.shipments[index];
    if (!shipment) {
      throw new NotFoundError(`Order ${order.id} has no shipment ${shipmentId}`, {
        details: { orderId: order.id, shipmentId },
      });
    }
    if (shipment.cancelledAt !== undefined) {
      throw new ConflictError(`Shipment ${shipmentId} of order ${order.id} is already cancelled`, {
        details: { orderId: order.id, shipmentId, reason: 'shipment_cancelled' },
      });
    }
    const at = ctx.nowIso();
    const returned = new Map<string, number>();
    for (const unit of shipment.units) returned.set(unit.sku, (returned.get(unit.sku) ?? 0) + 1);
    for (const entry of shipment.untracked) {
      returned.set(entry.sku, (returned.get(entry.sku) ?? 0) + entry.quantity);
    }
    const lines = order.lines.map((line) => ({
      ...line,
      shipped: line.shipped - (returned.get(line.sku) ?? 0),
    }));
    const shipments = order.shipments.map((s, i) => (i === index ? { ...s, cancelledAt: at } : s));
    const transitions: Transition[] = shipment.units.map((unit) => ({
      ...unit,
      from: ['shipped'],
      to: 'in_stock',
      set: { shipment: null },
      event: { type: 'shipment_cancelled', at, data: { orderId: order.id, shipmentId } },
    }));
    return {
      order: { ...order, status: statusOf(lines, order.status), lines, shipments, updatedAt: at },
      transitions,
      answer: (stored) => stored,
      unitsFailed: (failures) =>
        new ConflictError(
          `Shipment ${shipmentId} cannot be cancelled: ${failures
            .map(({ index: i, current }) => {
              const unit = shipment.units[i]!;
              return `${unit.sku} ${unit.serial} is ${current?.status ?? 'missing'}`;
            })
            .join('; ')}`,
          {
            details: {
              orderId: order.id,
              shipmentId,
              reason: 'units_moved',
              units: failures.map(({ index: i, current }) => ({
                ...shipment.units[i]!,
                status: current?.status ?? 'missing',
              })),
            },
          },
        ),
    };
  });
}
