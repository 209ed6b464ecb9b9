/**
 * WooCommerce: the order webhooks (`order.created`, `order.updated` to status `cancelled`)
 * mapped to serialkit orders, and the REST API client that writes an order's serials back into
 * its `meta_data`. The payload is the REST API's order resource, as WooCommerce sends it.
 */
import { z } from 'zod';
import { ConnectionError } from '../errors.js';
import { cleanCustomer, type IncomingOrder, isoInstant } from './intake.js';
import type { OrderSerial } from './write-back.js';

/** The prefix of the orders WooCommerce sends: `woocommerce-<WooCommerce order id>`. */
export const WOOCOMMERCE_ORDER_PREFIX = 'woocommerce-';

const addressSchema = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    company: z.string().nullish(),
    postcode: z.string().nullish(),
    email: z.string().nullish(),
  })
  .nullish();

/** The fields of a WooCommerce order webhook that serialkit reads; the rest is ignored. */
export const wooCommerceOrderSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  customer_id: z.number().int().nullish(),
  date_created_gmt: z.string().nullish(),
  billing: addressSchema,
  shipping: addressSchema,
  line_items: z
    .array(
      z.object({
        sku: z.string().nullish(),
        quantity: z.number().int(),
        name: z.string().nullish(),
      }),
    )
    .max(10_000),
});

export type WooCommerceOrder = z.infer<typeof wooCommerceOrderSchema>;

const fullName = (first?: string | null, last?: string | null) =>
  [first, last].filter(Boolean).join(' ') || undefined;

/**
 * A WooCommerce order as serialkit sees it. WooCommerce has no business accounts of its own, so
 * its orders come in as B2C: the customer is the billing email with the shipping name and
 * postcode (the billing ones when nothing is shipped).
 */
export function fromWooCommerceOrder(order: WooCommerceOrder): IncomingOrder {
  const shipping = order.shipping;
  const billing = order.billing;
  const gmt = order.date_created_gmt;
  return {
    id: WOOCOMMERCE_ORDER_PREFIX + order.id,
    channel: 'b2c',
    customer: cleanCustomer({
      ...(order.customer_id ? { id: `woocommerce-customer-${order.customer_id}` } : {}),
      email: billing?.email,
      name:
        fullName(shipping?.first_name, shipping?.last_name) ||
        fullName(billing?.first_name, billing?.last_name),
      postcode: shipping?.postcode || billing?.postcode,
    }),
    // date_created_gmt has no zone: it is UTC.
    placedAt: isoInstant(gmt && !/[zZ]|[+-]\d{2}:\d{2}$/.test(gmt) ? `${gmt}Z` : gmt),
    source: 'woocommerce',
    lines: order.line_items.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      title: line.name ?? undefined,
    })),
  };
}

/**
 * Writes what serialkit knows about a WooCommerce order back to the shop. {@link wooCommerceAdmin}
 * implements it with the REST API.
 */
export interface WooCommerceAdmin {
  /**
   * Sets the order's `serialkit_serials` meta data to the units shipped in it. `orderId` is
   * WooCommerce's order id. Throws `ConnectionError` when the shop refuses.
   */
  setOrderSerials(orderId: string, serials: readonly OrderSerial[]): Promise<void>;
}

export interface WooCommerceAdminOptions {
  /** The shop's address, e.g. `https://shop.example` (WordPress's site address). */
  url: string;
  /** REST API key with read/write permission (WooCommerce → Settings → Advanced → REST API). */
  consumerKey: string;
  consumerSecret: string;
  /** The meta data key. Default `serialkit_serials`. */
  metaKey?: string;
  /** Time limit of one call, in ms. Default 10,000. */
  timeoutMs?: number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

/**
 * The WooCommerce REST API client: `PUT /wp-json/wc/v3/orders/{id}` with the serials in
 * `meta_data`, authenticated with the key pair (HTTP Basic, so use an https address).
 *
 * @example
 * const admin = wooCommerceAdmin({
 *   url: 'https://shop.example',
 *   consumerKey: process.env.SERIALKIT_WOOCOMMERCE_CONSUMER_KEY!,
 *   consumerSecret: process.env.SERIALKIT_WOOCOMMERCE_CONSUMER_SECRET!,
 * });
 * await admin.setOrderSerials('727', [{ sku: 'HP-200', serial: 'SN-2024-0000018' }]);
 */
export function wooCommerceAdmin(options: WooCommerceAdminOptions): WooCommerceAdmin {
  const base = options.url.replace(/\/+$/, '');
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const authorization = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')}`;
  return {
    async setOrderSerials(orderId, serials) {
      const url = `${base}/wp-json/wc/v3/orders/${encodeURIComponent(orderId)}`;
      let response: Response;
      try {
        response = await send(url, {
          method: 'PUT',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization,
          },
          body: JSON.stringify({
            meta_data: [
              {
                key: options.metaKey ?? 'serialkit_serials',
                value: serials.map(({ sku, serial }) => ({ sku, serial })),
              },
            ],
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new ConnectionError(`WooCommerce REST API unreachable: ${(error as Error).message}`, {
          cause: error,
          details: { platform: 'woocommerce' },
        });
      }
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new ConnectionError(
          `WooCommerce refused the serials of order ${orderId}: ${answer?.message ?? `HTTP ${response.status}`}`,
          { details: { platform: 'woocommerce', status: response.status } },
        );
      }
      await response.body?.cancel();
    },
  };
}
