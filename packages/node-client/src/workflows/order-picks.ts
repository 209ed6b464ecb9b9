/**
 * Packing against an order: a scan (serial, GS1 element string, bracketed string or Digital Link)
 * is read with the catalog's matcher, restricted to the order's SKUs first, checked against the
 * order's lines and the unit's state, and the unit is allocated to the order (compare-and-set, so
 * two packers never pick one unit). Refusals are results, not errors.
 */
import type {
  Order,
  PickOutcome,
  PickResult,
  SerialRecord,
  SerialStatus,
  Sku,
} from '@serialkit/core';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Transition } from '../store.js';
import type { ClientContext } from './context.js';
import { requireString } from './input.js';
import { changeOrder, isOpen, type OrderDecision, orderClosed } from './order-state.js';
import { resolveSerial } from './resolve.js';
import { suggestUnits } from './serial-suggestions.js';

/** Units a typo that reads as another valid serial may have meant: those not yet shipped. */
const UNSHIPPED: readonly SerialStatus[] = ['in_stock', 'allocated'];

/** A refusal (or an acceptance) before the order is attached. */
type Verdict = Omit<PickResult, 'order' | 'input'>;

export async function pickUnit(
  ctx: ClientContext,
  orderId: string,
  rawInput: string,
  options: { sku?: string | undefined } = {},
): Promise<PickResult> {
  const input = requireString(rawInput, 'input');
  return changeOrder(ctx, orderId, async ({ order }): Promise<OrderDecision<PickResult>> => {
    if (!isOpen(order)) throw orderClosed(order, 'pick units');
    const verdict = await judge(ctx, order, input, options.sku);
    if (verdict.outcome !== 'accepted' || !verdict.sku || !verdict.serial) {
      return { done: { ...verdict, input, order } };
    }
    const { sku, serial } = verdict;
    const at = ctx.nowIso();
    const next: Order = {
      ...order,
      lines: order.lines.map((line) =>
        line.sku === sku ? { ...line, picked: line.picked + 1 } : line,
      ),
      picks: [...order.picks, { sku, serial, at }],
      updatedAt: at,
    };
    const transition: Transition = {
      sku,
      serial,
      from: ['in_stock'],
      // Checked again in the compare-and-set: a recall committed since the read stops the pick.
      recalled: false,
      to: 'allocated',
      event: { type: 'allocated', at, data: { orderId: order.id } },
    };
    return {
      order: next,
      transitions: [transition],
      answer: (stored) => ({ outcome: 'accepted', input, sku, serial, order: stored }),
      // The unit changed since it was read (another packer took it): judge the scan again.
      unitsFailed: () => undefined,
    };
  });
}

/** What a scan comes to for this order, reading the units as they are now. */
async function judge(
  ctx: ClientContext,
  order: Order,
  input: string,
  sku: string | undefined,
): Promise<Verdict> {
  const onOrder = new Set(order.lines.map((line) => line.sku));
  const resolution = await resolveSerial(ctx, input, { sku });
  switch (resolution.kind) {
    case 'unknown_sku':
      throw new NotFoundError(`SKU ${resolution.sku} not found`, {
        details: { sku: resolution.sku },
      });
    case 'invalid':
    case 'unknown': {
      const suggestions = await orderSuggestions(ctx, order, input);
      if (suggestions.length > 0) return { outcome: 'mistyped', suggestions };
      if (resolution.kind === 'invalid') return { outcome: 'invalid' };
      const skus = resolution.skus.map((s) => s.sku);
      const mine = skus.filter((s) => onOrder.has(s));
      const named = mine.length === 1 ? mine[0] : skus.length === 1 ? skus[0] : undefined;
      return {
        outcome: 'not_registered',
        serial: resolution.serial,
        ...(named === undefined ? {} : { sku: named }),
      };
    }
    case 'found':
      break;
  }
  const mine = resolution.units.filter((unit) => onOrder.has(unit.sku));
  if (mine.length === 0) {
    const unit = resolution.units[0]!;
    return { outcome: 'wrong_sku', sku: unit.sku, serial: unit.serial };
  }
  if (mine.length > 1) {
    return {
      outcome: 'ambiguous',
      serial: resolution.serial,
      candidates: mine.map((unit) => unit.sku),
    };
  }
  return unitVerdict(order, mine[0]!);
}

/** The rules of a pick for a unit of a SKU on the order, in the order a packer needs them. */
function unitVerdict(order: Order, unit: SerialRecord): Verdict {
  const named = { sku: unit.sku, serial: unit.serial };
  const refuse = (outcome: PickOutcome, status?: SerialStatus): Verdict => ({
    outcome,
    ...named,
    ...(status === undefined ? {} : { status }),
  });
  if (order.picks.some((p) => p.sku === unit.sku && p.serial === unit.serial)) {
    return refuse('already_picked');
  }
  if (unit.status === 'shipped') return refuse('already_shipped');
  if (unit.recallId !== undefined) return refuse('recalled');
  // Allocated to another order: picked there, not yet shipped.
  if (unit.status === 'allocated') return refuse('already_picked');
  if (unit.status !== 'in_stock') return refuse('unavailable', unit.status);
  const line = order.lines.find((l) => l.sku === unit.sku)!;
  if (line.picked + line.shipped >= line.quantity) return refuse('line_full');
  return { outcome: 'accepted', ...named };
}

/**
 * "Did you mean" for a scan of this order: registered units of the order's SKUs one slip away
 * from the input. A unit reached only by an edit (not by a check character) is offered when it
 * could still be packed.
 */
async function orderSuggestions(
  ctx: ClientContext,
  order: Order,
  input: string,
): Promise<{ sku: string; serial: string }[]> {
  const skus: Sku[] = [];
  for (const line of order.lines) {
    const sku = await ctx.store.getSku(line.sku);
    if (sku) skus.push(sku);
  }
  const found = await suggestUnits(ctx, input, { skus }, { editedStatuses: UNSHIPPED });
  return found.map(({ sku, serial }) => ({ sku, serial }));
}

/** Releases a picked unit back to stock. */
export async function unpickUnit(
  ctx: ClientContext,
  orderId: string,
  unit: { sku: string; serial: string },
): Promise<Order> {
  return changeOrder(ctx, orderId, async ({ order }): Promise<OrderDecision<Order>> => {
    if (!isOpen(order)) throw orderClosed(order, 'unpick units');
    const pick = order.picks.find((p) => p.sku === unit.sku && p.serial === unit.serial);
    if (!pick) {
      throw new NotFoundError(
        `Unit ${unit.sku} ${unit.serial} is not picked for order ${order.id}`,
        {
          details: { orderId: order.id, sku: unit.sku, serial: unit.serial },
        },
      );
    }
    const at = ctx.nowIso();
    return {
      order: {
        ...order,
        lines: order.lines.map((line) =>
          line.sku === unit.sku ? { ...line, picked: line.picked - 1 } : line,
        ),
        picks: order.picks.filter((p) => p !== pick),
        updatedAt: at,
      },
      transitions: [deallocate(unit, order.id, at)],
      answer: (stored) => stored,
      unitsFailed: ([failure]) => unitMoved(order.id, unit, failure?.current ?? null),
    };
  });
}

/** The transition that gives a picked unit back to stock. */
export function deallocate(
  unit: { sku: string; serial: string },
  orderId: string,
  at: string,
): Transition {
  return {
    sku: unit.sku,
    serial: unit.serial,
    from: ['allocated'],
    to: 'in_stock',
    event: { type: 'deallocated', at, data: { orderId } },
  };
}

/** A picked unit that is no longer allocated (moved by another workflow since it was picked). */
export function unitMoved(
  orderId: string,
  unit: { sku: string; serial: string },
  current: SerialRecord | null,
): ConflictError {
  const status = current?.status ?? 'missing';
  return new ConflictError(
    `Unit ${unit.sku} ${unit.serial} picked for order ${orderId} is now ${status}`,
    { details: { orderId, sku: unit.sku, serial: unit.serial, reason: 'unit_changed', status } },
  );
}
