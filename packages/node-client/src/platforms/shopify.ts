/**
 * Shopify: the order webhooks (`orders/create`, `orders/cancelled`) mapped to serialkit orders,
 * and the Admin API client that writes an order's serials back as a metafield. Payload fields
 * follow Shopify's REST order resource, which is what its webhooks send.
 */

import { z } from 'zod';
import { ConnectionError } from '../errors.js';
import { cleanCustomer, type IncomingOrder, isoInstant } from './intake.js';
import type { OrderSerial } from './write-back.js';

/** The prefix of the orders Shopify sends: `shopify-<Shopify order id>`. */
export const SHOPIFY_ORDER_PREFIX = 'shopify-';

const idSchema = z.union([z.number(), z.string()]);
const addressSchema = z
  .object({
    name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    company: z.string().nullish(),
    zip: z.string().nullish(),
  })
  .nullish();

/** The fields of a Shopify order webhook that serialkit reads; the rest is ignored. */
export const shopifyOrderSchema = z.object({
  id: idSchema,
  admin_graphql_api_id: z.string().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  created_at: z.string().nullish(),
  customer: z
    .object({
      id: idSchema,
      admin_graphql_api_id: z.string().nullish(),
      email: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
    })
    .nullish(),
  shipping_address: addressSchema,
  billing_address: addressSchema,
  /** B2B: the purchasing company and its location, on orders placed by a company's contact. */
  company: z.object({ id: idSchema, location_id: idSchema.nullish() }).nullish(),
  line_items: z
    .array(
      z.object({
        sku: z.string().nullish(),
        quantity: z.number().int(),
        title: z.string().nullish(),
        name: z.string().nullish(),
      }),
    )
    .max(10_000),
});

export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;

/**
 * Shopify's order id as a string. Taken from `admin_graphql_api_id` when present: the numeric
 * `id` may exceed JavaScript's safe integers (Shopify's own example order does), and
 * `JSON.parse` would round it.
 */
export function shopifyOrderId(order: {
  id: number | string;
  admin_graphql_api_id?: string | null | undefined;
}): string {
  return exactId('Order', order);
}

/** A Shopify resource's id, from its `admin_graphql_api_id` when that names it. */
function exactId(
  type: string,
  resource: { id: number | string; admin_graphql_api_id?: string | null | undefined },
): string {
  const prefix = `gid://shopify/${type}/`;
  const gid = resource.admin_graphql_api_id;
  return gid?.startsWith(prefix) && /^\d+$/.test(gid.slice(prefix.length))
    ? gid.slice(prefix.length)
    : String(resource.id);
}

const fullName = (first?: string | null, last?: string | null) =>
  [first, last].filter(Boolean).join(' ') || undefined;

/**
 * A Shopify order as serialkit sees it: B2C with the customer (email, name and postcode of the
 * shipping address), or B2B with the purchasing company as the account when `company` is set.
 */
export function fromShopifyOrder(order: ShopifyOrder): IncomingOrder {
  const shipping = order.shipping_address;
  const billing = order.billing_address;
  const company = order.company;
  const b2b = company !== null && company !== undefined;
  const companyName = (shipping?.company || billing?.company)?.trim();
  return {
    id: SHOPIFY_ORDER_PREFIX + shopifyOrderId(order),
    channel: b2b ? 'b2b' : 'b2c',
    ...(b2b
      ? {
          account: {
            id: `shopify-company-${company.id}`,
            ...(companyName ? { name: companyName.slice(0, 500) } : {}),
          },
        }
      : {
          customer: cleanCustomer({
            ...(order.customer
              ? { id: `shopify-customer-${exactId('Customer', order.customer)}` }
              : {}),
            email: order.email || order.contact_email || order.customer?.email,
            name:
              shipping?.name ||
              fullName(shipping?.first_name, shipping?.last_name) ||
              fullName(order.customer?.first_name, order.customer?.last_name),
            postcode: shipping?.zip || billing?.zip,
          }),
        }),
    placedAt: isoInstant(order.created_at),
    source: 'shopify',
    lines: order.line_items.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      title: line.title || line.name || undefined,
    })),
  };
}

/**
 * Writes what serialkit knows about a Shopify order back to Shopify. The interface is what the
 * service needs; {@link shopifyAdmin} implements it with the Admin GraphQL API, and tests or
 * other transports may implement it their own way.
 */
export interface ShopifyAdmin {
  /**
   * Sets the order's `serialkit.serials` metafield (type `json`) to the units shipped in it.
   * `orderId` is Shopify's numeric order id. Throws `ConnectionError` when Shopify refuses.
   */
  setOrderSerials(orderId: string, serials: readonly OrderSerial[]): Promise<void>;
}

export interface ShopifyAdminOptions {
  /** The shop's domain, e.g. `my-shop.myshopify.com` (an `http(s)://` origin is used as it is). */
  shop: string;
  /** An Admin API access token with the `write_orders` scope. */
  accessToken: string;
  /** Admin API version. Default `2025-10`. */
  apiVersion?: string;
  /** Metafield namespace and key. Default `serialkit` / `serials`. */
  namespace?: string;
  key?: string;
  /** Time limit of one call, in ms. Default 10,000. */
  timeoutMs?: number;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

const METAFIELDS_SET = `mutation SetOrderSerials($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key }
    userErrors { field message code }
  }
}`;

/**
 * The Shopify Admin API client: one `metafieldsSet` mutation per order.
 *
 * @example
 * const admin = shopifyAdmin({
 *   shop: 'my-shop.myshopify.com',
 *   accessToken: process.env.SERIALKIT_SHOPIFY_ACCESS_TOKEN!,
 * });
 * await admin.setOrderSerials('820982911946154508', [{ sku: 'HP-200', serial: 'SN-2024-0000018' }]);
 */
export function shopifyAdmin(options: ShopifyAdminOptions): ShopifyAdmin {
  const origin = /^https?:\/\//.test(options.shop)
    ? options.shop.replace(/\/+$/, '')
    : `https://${options.shop}`;
  const endpoint = `${origin}/admin/api/${options.apiVersion ?? '2025-10'}/graphql.json`;
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async setOrderSerials(orderId, serials) {
      const body = JSON.stringify({
        query: METAFIELDS_SET,
        variables: {
          metafields: [
            {
              ownerId: `gid://shopify/Order/${orderId}`,
              namespace: options.namespace ?? 'serialkit',
              key: options.key ?? 'serials',
              type: 'json',
              value: JSON.stringify(serials.map(({ sku, serial }) => ({ sku, serial }))),
            },
          ],
        },
      });
      let response: Response;
      try {
        response = await send(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-shopify-access-token': options.accessToken,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new ConnectionError(`Shopify Admin API unreachable: ${(error as Error).message}`, {
          cause: error,
          details: { platform: 'shopify' },
        });
      }
      const answer = (await response.json().catch(() => null)) as {
        errors?: string | { message?: string }[];
        data?: { metafieldsSet?: { userErrors?: { message?: string }[] } };
      } | null;
      // Shopify answers a bad token with `errors` as a string, a bad query with a list.
      const errors = answer?.errors;
      if (!response.ok || answer === null || errors) {
        const why =
          (typeof errors === 'string' ? errors : errors?.map((e) => e.message).join('; ')) ||
          `HTTP ${response.status}`;
        throw new ConnectionError(`Shopify refused the serials of order ${orderId}: ${why}`, {
          details: { platform: 'shopify', status: response.status },
        });
      }
      const userErrors = answer.data?.metafieldsSet?.userErrors ?? [];
      if (userErrors.length) {
        throw new ConnectionError(
          `Shopify refused the serials of order ${orderId}: ${userErrors.map((e) => e.message).join('; ')}`,
          { details: { platform: 'shopify', status: response.status } },
        );
      }
    },
  };
}
