/**
 * Shop platform routes: Shopify's and WooCommerce's order webhooks, and writing an order's
 * serials back to its platform. The webhooks need no API key (the platforms cannot send one):
 * each delivery is signed with the secret shared with the platform, and checked over the raw
 * bytes before anything is parsed. A platform whose secret is not configured answers 404.
 */
import { createHash } from 'node:crypto';
import {
  type Order,
  orderImportReportSchema,
  type PlatformWebhookResult,
  platformWebhookResultSchema,
  platformWriteBackSchema,
} from '@serialkit/core';
import type { z } from 'zod';
import type { IdempotencyRunner } from '../../coordination/coordination.js';
import { importOrders } from '../../csv/order-import.js';
import { AuthError, BadRequestError, NotFoundError } from '../../errors.js';
import { cancelIncoming, type IntakeResult, receiveOrder } from '../../platforms/intake.js';
import {
  fromShopifyOrder,
  SHOPIFY_ORDER_PREFIX,
  type ShopifyAdmin,
  shopifyOrderId,
  shopifyOrderSchema,
} from '../../platforms/shopify.js';
import { signatureMatches } from '../../platforms/signature.js';
import {
  fromWooCommerceOrder,
  WOOCOMMERCE_ORDER_PREFIX,
  type WooCommerceAdmin,
  wooCommerceOrderSchema,
} from '../../platforms/woocommerce.js';
import { writeBackWith } from '../../platforms/write-back.js';
import { csvBody, parseWith, readBytes } from '../body.js';
import { headerOf } from '../node/lazy-request.js';
import { json } from '../response.js';
import { defineRoute, type Route, type RouteResponse } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { err } from './responses.js';

/** One platform's settings: the webhook secret, and optionally its write-back client. */
export interface PlatformSettings<Admin> {
  /**
   * The secret the platform signs its webhooks with: Shopify's app client secret (or the key
   * shown under Settings → Notifications → Webhooks), WooCommerce's webhook secret.
   */
  secret: string;
  /** Writes serials back to the platform once an order ships (see `shopifyAdmin`). */
  admin?: Admin;
}

/** The shop platforms whose order webhooks the handler takes in. */
export interface PlatformOptions {
  shopify?: PlatformSettings<ShopifyAdmin>;
  woocommerce?: PlatformSettings<WooCommerceAdmin>;
  /** Largest webhook body, in bytes (413 above). Default 4 MiB: an order of 500 lines fits. */
  maxBodyBytes?: number;
  /**
   * Called when writing a shipped order's serials back fails (the shipment stands; `POST
   * /v1/platforms/orders/:id/write-back` tries again). Default `console.error`.
   */
  onWriteBackError?: (error: unknown, order: Order) => void;
  /**
   * Write a platform order's serials back as the HTTP API ships it (default true). Turn it off
   * when a `createPlatformWriteBack` consumer runs on the same store, as `serialkit serve`
   * does: that one also writes back what the SDK and the CLI ship, and loses nothing on a crash.
   */
  writeBackOnShip?: boolean;
}

const webhookResponses: RouteResponse[] = [
  { status: 200, description: 'What the delivery came to', schema: platformWebhookResultSchema },
  {
    status: 202,
    description: 'A topic or change that concerns no order to pack: ignored',
    schema: platformWebhookResultSchema,
  },
  err(400, 'Signed, but not JSON or not an order'),
  err(401, 'Missing or invalid signature'),
  err(404, 'This platform is not configured (no secret)'),
  err(413, 'Body too large'),
];

type Outcome = Omit<PlatformWebhookResult, 'platform' | 'topic'>;

interface Delivery {
  platform: 'shopify' | 'woocommerce';
  topic: string;
  /** The platform's id of this delivery, the same on every retry of it. */
  deliveryId: string | null;
  body: Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The verified body as a platform's order payload; 400 when it is not one. */
function orderPayload<S extends z.ZodType>(body: Uint8Array, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(body));
  } catch {
    throw new BadRequestError('The webhook body is not JSON');
  }
  return parseWith(schema, value, 'order payload');
}

const answer = (result: IntakeResult): Outcome => ({
  outcome: result.outcome,
  orderId: result.orderId,
  ...(result.lines === undefined ? {} : { lines: result.lines }),
  ...(result.skippedLines === undefined ? {} : { skippedLines: result.skippedLines }),
  ...(result.createdSkus?.length ? { createdSkus: result.createdSkus } : {}),
});

export function platformRoutes(
  client: ServedClient,
  options: PlatformOptions,
  shared: { idempotency: IdempotencyRunner },
): Route[] {
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  for (const name of ['shopify', 'woocommerce'] as const) {
    const secret = options[name]?.secret;
    if (secret !== undefined && (typeof secret !== 'string' || secret.length === 0)) {
      throw new TypeError(`platforms.${name}.secret must be a non-empty string`);
    }
  }

  /**
   * Reads and verifies a delivery, then runs it once per delivery id: a retried delivery gets
   * the first answer again (and, past the idempotency window, the order's state decides).
   */
  const receive = async (
    request: Request,
    platform: 'shopify' | 'woocommerce',
    headers: { signature: string; topic: string; delivery: string },
    handle: (delivery: Delivery) => Promise<Response>,
    unsigned?: (body: Uint8Array) => Response | null,
  ): Promise<Response> => {
    const secret = options[platform]?.secret;
    if (!secret) {
      throw new NotFoundError(
        `${platform === 'shopify' ? 'Shopify' : 'WooCommerce'} webhooks are not configured on this service`,
      );
    }
    const body = await readBytes(request, maxBodyBytes);
    const signature = headerOf(request, headers.signature);
    if (!signatureMatches(secret, body, signature)) {
      const ping = signature === null ? unsigned?.(body) : null;
      if (ping) return ping;
      throw new AuthError(
        signature === null
          ? `Missing ${headers.signature} signature`
          : `Invalid ${headers.signature} signature`,
        { details: { platform } },
      );
    }
    const delivery: Delivery = {
      platform,
      topic: headerOf(request, headers.topic) ?? '',
      deliveryId: headerOf(request, headers.delivery),
      body,
    };
    const id = delivery.deliveryId;
    if (id === null || id.length === 0 || id.length > 255) return handle(delivery);
    const bodyHash = createHash('sha256').update(body).digest('base64url');
    return shared.idempotency.run(`platform\u0000${platform}\u0000${id}`, bodyHash, () =>
      handle(delivery),
    );
  };

  const reply = (delivery: Delivery, result: Outcome, status = 200) =>
    json({ platform: delivery.platform, topic: delivery.topic, ...result }, status);
  const ignored = (delivery: Delivery) => reply(delivery, { outcome: 'ignored' }, 202);

  const shopifyDelivery = async (delivery: Delivery): Promise<Response> => {
    switch (delivery.topic) {
      case 'orders/create': {
        const order = orderPayload(delivery.body, shopifyOrderSchema);
        return reply(delivery, answer(await receiveOrder(client, fromShopifyOrder(order))));
      }
      case 'orders/cancelled': {
        const order = orderPayload(
          delivery.body,
          shopifyOrderSchema.pick({ id: true, admin_graphql_api_id: true }),
        );
        return reply(
          delivery,
          answer(await cancelIncoming(client, SHOPIFY_ORDER_PREFIX + shopifyOrderId(order))),
        );
      }
      // Fulfilment in Shopify is not a shipment in serialkit, whose shipments name their
      // serials: units ship by being scanned against the order. Other topics concern no order.
      default:
        return ignored(delivery);
    }
  };

  const wooDelivery = async (delivery: Delivery): Promise<Response> => {
    switch (delivery.topic) {
      case 'order.created': {
        const order = orderPayload(delivery.body, wooCommerceOrderSchema);
        return reply(delivery, answer(await receiveOrder(client, fromWooCommerceOrder(order))));
      }
      case 'order.updated': {
        const order = orderPayload(
          delivery.body,
          wooCommerceOrderSchema.pick({ id: true, status: true }),
        );
        if (order.status !== 'cancelled') return ignored(delivery);
        return reply(
          delivery,
          answer(await cancelIncoming(client, WOOCOMMERCE_ORDER_PREFIX + order.id)),
        );
      }
      default:
        return ignored(delivery);
    }
  };

  /** WooCommerce's test delivery on saving a webhook: `webhook_id=N`, form-encoded, unsigned. */
  const wooPing = (body: Uint8Array): Response | null =>
    /^webhook_id=\d{1,20}$/.test(Buffer.from(body).toString('latin1'))
      ? json({ platform: 'woocommerce', topic: 'ping', outcome: 'ping' })
      : null;

  const targets = { shopify: options.shopify?.admin, woocommerce: options.woocommerce?.admin };

  return [
    defineRoute({
      method: 'POST',
      path: '/v1/platforms/shopify/webhooks',
      operationId: 'receiveShopifyWebhook',
      summary: 'Shopify order webhooks (orders/create, orders/cancelled), signed by Shopify',
      description:
        'No API key: the raw body must carry a valid `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 ' +
        'with the app client secret). `X-Shopify-Topic` names the event; a repeated ' +
        '`X-Shopify-Webhook-Id` gets the first answer again. Other topics answer 202 and change ' +
        "nothing. The body is Shopify's order payload.",
      tag: 'platforms',
      access: 'none',
      responses: webhookResponses,
      handle: ({ request }) =>
        receive(
          request,
          'shopify',
          {
            signature: 'x-shopify-hmac-sha256',
            topic: 'x-shopify-topic',
            delivery: 'x-shopify-webhook-id',
          },
          shopifyDelivery,
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/platforms/woocommerce/webhooks',
      operationId: 'receiveWooCommerceWebhook',
      summary: 'WooCommerce order webhooks (order.created, order.updated), signed by the shop',
      description:
        'No API key: the raw body must carry a valid `X-WC-Webhook-Signature` (base64 ' +
        'HMAC-SHA256 with the webhook secret). `X-WC-Webhook-Topic` names the event; ' +
        '`order.updated` cancels the order when its status is `cancelled` and is otherwise ' +
        'ignored (202). A repeated `X-WC-Webhook-Delivery-ID` gets the first answer again. The ' +
        'unsigned test ping WooCommerce sends when a webhook is saved answers 200 `ping`.',
      tag: 'platforms',
      access: 'none',
      responses: webhookResponses,
      handle: ({ request }) =>
        receive(
          request,
          'woocommerce',
          {
            signature: 'x-wc-webhook-signature',
            topic: 'x-wc-webhook-topic',
            delivery: 'x-wc-webhook-delivery-id',
          },
          wooDelivery,
          wooPing,
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/imports/orders',
      operationId: 'importOrders',
      summary: 'Import orders from CSV (one row per line, grouped into orders by order_id)',
      description:
        'Columns: `order_id`, `sku`, `quantity` and optionally `channel`, `customer_id`, ' +
        '`customer_email`, `customer_name`, `customer_postcode`, `account_id`, `account_name`, ' +
        '`placed_at`. Orders that exist with the same content are reported `unchanged`; unknown ' +
        'SKUs are created untracked.',
      tag: 'imports',
      access: 'write',
      body: 'csv',
      responses: [
        { status: 200, description: 'Import report', schema: orderImportReportSchema },
        err(400, 'No order_id or sku column'),
        err(401, 'Missing or invalid API key'),
        err(403, 'Read-only API key'),
        err(413, 'Body too large'),
        err(415, 'Body is not CSV'),
      ],
      async handle({ request, maxImportBytes }) {
        return json(await importOrders(client, csvBody(request, maxImportBytes)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/platforms/orders/:id/write-back',
      operationId: 'writeBackOrderSerials',
      summary: "Write the order's shipped serials to the shop platform it came from",
      description:
        'Done by itself after each shipment of a platform order when write-back is configured; ' +
        'this route writes again, e.g. after the platform was unreachable.',
      tag: 'platforms',
      access: 'write',
      params: { id: 'Order id (percent-encoded)' },
      responses: [
        { status: 200, description: 'What was written', schema: platformWriteBackSchema },
        err(400, 'The order came from no platform with write-back configured'),
        err(401, 'Missing or invalid API key'),
        err(403, 'Read-only API key'),
        err(404, 'Order not found'),
        err(503, 'The platform refused or could not be reached'),
      ],
      async handle({ params }) {
        const order = await client.orders.get(params.id!);
        return json(await writeBackWith(client, order, targets));
      },
    }),
  ];
}
