/**
 * Orders coming in from a shop platform, whatever the platform: lines merged per SKU, lines
 * without a SKU left out, SKUs serialkit does not know created untracked, and every delivery
 * made safe to repeat by looking at the order as it is stored (no table of deliveries): a
 * replayed "created" finds the same order and changes nothing, a replayed "cancelled" finds it
 * cancelled.
 */
import {
  type Account,
  type Channel,
  type Customer,
  customerSchema,
  identifierSchema,
  type Order,
  type OrderCreate,
  type PlatformOutcome,
} from '@serialkit/core';
import { ConflictError, NotFoundError } from '../errors.js';
import type { ServedClient } from '../http/served-client.js';

/** A line as a platform sent it: its SKU may be missing (gift cards, tips, custom items). */
export interface IncomingLine {
  sku: string | null | undefined;
  quantity: number;
  /** The product's title, used to name a SKU created for it. */
  title?: string | undefined;
}

/** An order as a platform sent it, mapped to serialkit's fields but with its raw lines. */
export interface IncomingOrder {
  /** serialkit's order id, e.g. `shopify-820982911946154508`. */
  id: string;
  channel: Channel;
  customer?: Customer | undefined;
  account?: Account | undefined;
  placedAt?: string | undefined;
  source: string;
  lines: IncomingLine[];
}

/** What taking an order in came to. */
export interface IntakeResult {
  outcome: PlatformOutcome;
  orderId: string;
  lines?: number;
  skippedLines?: number;
  createdSkus?: string[];
}

/** The lines of an order, one per SKU, and how many platform lines were left out. */
export function mergeLines(lines: readonly IncomingLine[]): {
  lines: { sku: string; quantity: number; title?: string }[];
  skipped: number;
} {
  const merged = new Map<string, { sku: string; quantity: number; title?: string }>();
  let skipped = 0;
  for (const line of lines) {
    const sku = typeof line.sku === 'string' ? line.sku.trim() : '';
    if (
      sku === '' ||
      !identifierSchema.safeParse(sku).success ||
      !Number.isInteger(line.quantity) ||
      line.quantity < 1
    ) {
      skipped++;
      continue;
    }
    const existing = merged.get(sku);
    if (existing) existing.quantity += line.quantity;
    else
      merged.set(sku, {
        sku,
        quantity: line.quantity,
        ...(line.title ? { title: line.title } : {}),
      });
  }
  return { lines: [...merged.values()], skipped };
}

/**
 * A customer with only the fields serialkit's schema accepts: an address the schema would
 * refuse (a platform lets a merchant type anything) is dropped rather than losing the order.
 */
export function cleanCustomer(customer: {
  id?: string | undefined;
  email?: string | null | undefined;
  name?: string | null | undefined;
  postcode?: string | null | undefined;
}): Customer | undefined {
  const candidate: Customer = {};
  if (customer.id) candidate.id = customer.id;
  const email = customer.email?.trim();
  if (email && customerSchema.shape.email.safeParse(email).success) candidate.email = email;
  const name = customer.name?.trim();
  if (name) candidate.name = name.slice(0, 500);
  const postcode = customer.postcode?.trim();
  if (postcode) candidate.postcode = postcode.slice(0, 32);
  return Object.keys(candidate).length ? candidate : undefined;
}

/** An ISO date-time a platform sent, normalized to UTC (undefined when it is not a date). */
export function isoInstant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Creates the SKUs of `skus` that serialkit does not know, untracked, named by their title. */
async function ensureSkus(
  client: ServedClient,
  lines: readonly { sku: string; title?: string }[],
): Promise<string[]> {
  const created: string[] = [];
  for (const line of lines) {
    try {
      await client.skus.get(line.sku);
    } catch (error) {
      if (!NotFoundError.isInstance(error)) throw error;
      await client.skus.update(line.sku, {
        name: (line.title ?? line.sku).slice(0, 500),
        serialTracking: { enabled: false },
      });
      created.push(line.sku);
    }
  }
  return created;
}

/**
 * Takes an order in: `created`, or, when its id exists, `unchanged` (same channel, customer,
 * account and lines: a repeated delivery) or `differs` (left as it is: an order being packed is
 * not rewritten by a later delivery).
 */
export async function receiveOrder(
  client: ServedClient,
  incoming: IncomingOrder,
): Promise<IntakeResult> {
  const { lines, skipped } = mergeLines(incoming.lines);
  const base = { orderId: incoming.id, skippedLines: skipped };
  if (lines.length === 0) return { ...base, outcome: 'no_lines', lines: 0 };
  const input: OrderCreate = {
    id: incoming.id,
    channel: incoming.channel,
    ...(incoming.customer ? { customer: incoming.customer } : {}),
    ...(incoming.account ? { account: incoming.account } : {}),
    lines: lines.map(({ sku, quantity }) => ({ sku, quantity })),
    ...(incoming.placedAt ? { placedAt: incoming.placedAt } : {}),
    source: incoming.source,
  };
  const existing = await findOrder(client, incoming.id);
  if (existing)
    return {
      ...base,
      outcome: sameOrder(existing, input) ? 'unchanged' : 'differs',
      lines: existing.lines.length,
    };
  const createdSkus = await ensureSkus(client, lines);
  try {
    const order = await client.orders.create(input);
    return { ...base, outcome: 'created', lines: order.lines.length, createdSkus };
  } catch (error) {
    // Two deliveries of one order at once: the second finds the first's order.
    if (!(ConflictError.isInstance(error) && error.details?.reason === 'order_exists')) throw error;
    const order = await client.orders.get(incoming.id);
    return {
      ...base,
      outcome: sameOrder(order, input) ? 'unchanged' : 'differs',
      lines: order.lines.length,
      createdSkus,
    };
  }
}

/** Cancels the order a platform cancelled, if it is still open. */
export async function cancelIncoming(client: ServedClient, id: string): Promise<IntakeResult> {
  const order = await findOrder(client, id);
  if (!order) return { outcome: 'unknown_order', orderId: id };
  if (order.status === 'cancelled') return { outcome: 'already_cancelled', orderId: id };
  if (order.status === 'shipped') return { outcome: 'not_cancellable', orderId: id };
  try {
    await client.orders.cancel(id);
    return { outcome: 'cancelled', orderId: id };
  } catch (error) {
    if (!ConflictError.isInstance(error)) throw error;
    // Changed meanwhile: cancelled by a repeated delivery, or shipped.
    const now = await client.orders.get(id);
    return {
      outcome: now.status === 'cancelled' ? 'already_cancelled' : 'not_cancellable',
      orderId: id,
    };
  }
}

async function findOrder(client: ServedClient, id: string): Promise<Order | undefined> {
  try {
    return await client.orders.get(id);
  } catch (error) {
    if (NotFoundError.isInstance(error)) return undefined;
    throw error;
  }
}

/** The same order as `input`: channel, customer, account and lines (order of lines aside). */
export function sameOrder(order: Order, input: OrderCreate): boolean {
  const lines = (list: readonly { sku: string; quantity: number }[]) =>
    JSON.stringify([...list].map((l) => [l.sku, l.quantity]).sort());
  return (
    order.channel === input.channel &&
    canonical(order.customer) === canonical(input.customer) &&
    canonical(order.account) === canonical(input.account) &&
    lines(order.lines) === lines(input.lines)
  );
}

function canonical(value: object | undefined): string {
  if (value === undefined) return '';
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
