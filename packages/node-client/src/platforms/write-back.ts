/**
 * Writing an order's serials back to the shop platform it came from, once it is packed: the
 * units of its shipments that were not cancelled. Done after `orders.ship` and
 * `orders.cancelShipment` answer, so a platform that is down never stops a packer; a failure is
 * reported (and the admin route writes again on demand).
 */
import type { Order, PlatformWriteBack } from '@serialkit/core';
import { BadRequestError } from '../errors.js';
import type { ServedClient } from '../http/served-client.js';
import { SHOPIFY_ORDER_PREFIX, type ShopifyAdmin } from './shopify.js';
import { WOOCOMMERCE_ORDER_PREFIX, type WooCommerceAdmin } from './woocommerce.js';

/** A unit written back to a platform. */
export interface OrderSerial {
  sku: string;
  serial: string;
}

/** The platform clients serials are written back with; a platform left out is not written to. */
export interface WriteBackTargets {
  shopify?: ShopifyAdmin | undefined;
  woocommerce?: WooCommerceAdmin | undefined;
}

/** The units shipped in an order, cancelled shipments left out. */
export function serialsOf(order: Order): OrderSerial[] {
  return order.shipments
    .filter((shipment) => shipment.cancelledAt === undefined)
    .flatMap((shipment) => shipment.units.map(({ sku, serial }) => ({ sku, serial })));
}

/**
 * The serials written back for an order: those of its shipments that were not cancelled, then
 * units shipped in its name directly (`client.shipments.create` with its id), each once.
 * `shippedInItsName` lists the units whose shipment names the order and that are `shipped`.
 */
export async function orderSerials(
  order: Order,
  shippedInItsName: AsyncIterable<OrderSerial>,
): Promise<OrderSerial[]> {
  const serials = serialsOf(order);
  const seen = new Set(serials.map((s) => `${s.sku}\u0000${s.serial}`));
  for await (const { sku, serial } of shippedInItsName) {
    const key = `${sku}\u0000${serial}`;
    if (seen.has(key)) continue;
    seen.add(key);
    serials.push({ sku, serial });
  }
  return serials;
}

/** `orderSerials` through a client (the HTTP API's write-backs). */
function clientOrderSerials(client: ServedClient, order: Order): Promise<OrderSerial[]> {
  return orderSerials(order, client.serials.list({ orderId: order.id, status: 'shipped' }));
}

/** The platform an order came from and its id there, when it came from one with a writer. */
export function targetOf(
  order: Order,
  targets: WriteBackTargets,
): {
  platform: 'shopify' | 'woocommerce';
  id: string;
  admin: ShopifyAdmin | WooCommerceAdmin;
} | null {
  if (order.source === 'shopify' && order.id.startsWith(SHOPIFY_ORDER_PREFIX) && targets.shopify) {
    return {
      platform: 'shopify',
      id: order.id.slice(SHOPIFY_ORDER_PREFIX.length),
      admin: targets.shopify,
    };
  }
  if (
    order.source === 'woocommerce' &&
    order.id.startsWith(WOOCOMMERCE_ORDER_PREFIX) &&
    targets.woocommerce
  ) {
    return {
      platform: 'woocommerce',
      id: order.id.slice(WOOCOMMERCE_ORDER_PREFIX.length),
      admin: targets.woocommerce,
    };
  }
  return null;
}

/**
 * Writes `serials` (see `orderSerials`) to the order's platform. `BadRequestError` when the
 * order did not come from a platform with a writer configured; the writer's `ConnectionError`
 * when it refuses.
 */
/**
 * Writes an order back through a client: `orderSerials` read with it, then `writeBack` (the
 * admin route's write).
 */
export async function writeBackWith(
  client: ServedClient,
  order: Order,
  targets: WriteBackTargets,
): Promise<PlatformWriteBack> {
  if (!targetOf(order, targets)) return writeBack(order, targets, []);
  return writeBack(order, targets, await clientOrderSerials(client, order));
}

export async function writeBack(
  order: Order,
  targets: WriteBackTargets,
  serials: OrderSerial[],
): Promise<PlatformWriteBack> {
  const target = targetOf(order, targets);
  if (!target) {
    throw new BadRequestError(
      `Order ${order.id} did not come from a platform whose write-back is configured`,
      { details: { orderId: order.id, source: order.source ?? null } },
    );
  }
  await target.admin.setOrderSerials(target.id, serials);
  return {
    platform: target.platform,
    orderId: order.id,
    platformOrderId: target.id,
    serials: serials.length,
  };
}

/**
 * The client with write-back: after `orders.ship` and `orders.cancelShipment` succeed, an order
 * from a configured platform has its serials written there. A failed write goes to `onError`;
 * the order's answer stays what it was.
 */
export function withWriteBack(
  client: ServedClient,
  targets: WriteBackTargets,
  onError: (error: unknown, order: Order) => void,
): ServedClient {
  if (!targets.shopify && !targets.woocommerce) return client;
  const after = async (order: Order) => {
    if (!targetOf(order, targets)) return;
    try {
      await writeBack(order, targets, await clientOrderSerials(client, order));
    } catch (error) {
      onError(error, order);
    }
  };
  const orders: ServedClient['orders'] = Object.assign(Object.create(client.orders), {
    async ship(...args: Parameters<ServedClient['orders']['ship']>) {
      const result = await client.orders.ship(...args);
      await after(result.order);
      return result;
    },
    async cancelShipment(...args: Parameters<ServedClient['orders']['cancelShipment']>) {
      const order = await client.orders.cancelShipment(...args);
      await after(order);
      return order;
    },
  });
  // Everything else is the client's own, through the prototype.
  return Object.assign(Object.create(client) as ServedClient, { orders });
}
