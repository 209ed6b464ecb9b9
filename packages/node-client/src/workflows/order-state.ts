/**
 * An order's state as values: reading it, deriving its status from its lines, and changing it
 * together with its units through the store's compare-and-set, retried when another change of
 * the same order came first.
 */
import type { Order, OrderLine, OrderStatus, SerialRecord } from '@serialkit/core';
import { ConflictError, NotFoundError } from '../errors.js';
import type { StoredOrder, Transition } from '../store.js';
import type { ClientContext } from './context.js';

/** Attempts of one change before giving up on an order that keeps changing under it. */
const MAX_ATTEMPTS = 8;

/** What a workflow decided for the order as it read it. */
export type OrderDecision<T> =
  /** Nothing to store: answer with this. */
  | { done: T }
  | {
      order: Order;
      transitions: Transition[];
      /** The answer once stored, from the units after each transition. */
      answer: (order: Order, records: SerialRecord[]) => T;
      /**
       * A transition could not apply (a unit changed since it was read): an error to throw, or
       * undefined to decide again from the order and units as they are now.
       */
      unitsFailed: (
        failures: { index: number; current: SerialRecord | null }[],
      ) => Error | undefined;
    };

/** The order, or a `NotFoundError`. */
export async function requireOrder(ctx: ClientContext, id: string): Promise<StoredOrder> {
  const stored = await ctx.store.getOrder(id);
  if (!stored) throw new NotFoundError(`Order ${id} not found`, { details: { orderId: id } });
  return stored;
}

/**
 * Reads the order, lets `decide` plan a change, and stores it with its transitions atomically;
 * when another change of the order (or of a unit, if `decide` asks) came first, decides again.
 */
export async function changeOrder<T>(
  ctx: ClientContext,
  id: string,
  decide: (stored: StoredOrder) => Promise<OrderDecision<T>>,
): Promise<T> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await requireOrder(ctx, id);
    const decision = await decide(stored);
    if ('done' in decision) return decision.done;
    // Compared with the revision read above: a change stored since then makes this one fail.
    const result = await ctx.store.changeOrder({
      order: decision.order,
      revision: stored.revision,
      transitions: decision.transitions,
    });
    if (result.ok) return decision.answer(decision.order, result.records);
    if (result.reason === 'units') {
      const error = decision.unitsFailed(result.failures);
      if (error) throw error;
    }
  }
  throw new ConflictError(`Order ${id} kept changing; try again`, {
    details: { orderId: id, reason: 'order_busy' },
  });
}

/** The status an order's lines give it (a cancelled order stays cancelled). */
export function statusOf(lines: readonly OrderLine[], current: OrderStatus): OrderStatus {
  if (current === 'cancelled') return 'cancelled';
  if (lines.every((line) => line.shipped >= line.quantity)) return 'shipped';
  if (lines.some((line) => line.shipped > 0)) return 'partially_shipped';
  return 'open';
}

/** Orders that can still be packed, shipped or cancelled. */
export function isOpen(order: Order): boolean {
  return order.status === 'open' || order.status === 'partially_shipped';
}

/** A `ConflictError` for an order that is shipped or cancelled. */
export function orderClosed(order: Order, action: string): ConflictError {
  return new ConflictError(`Order ${order.id} is ${order.status}: cannot ${action}`, {
    details: { orderId: order.id, reason: 'order_closed', status: order.status },
  });
}
