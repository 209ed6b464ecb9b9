/**
 * Serials written back to the platforms once an order ships, against local servers that answer
 * as Shopify's Admin GraphQL API (`metafieldsSet`) and WooCommerce's REST API (`PUT
 * /wp-json/wc/v3/orders/{id}`) are documented to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { shopifyAdmin } from '../../src/platforms/shopify.js';
import { wooCommerceAdmin } from '../../src/platforms/woocommerce.js';
import {
  fixture,
  listen,
  type PlatformHarness,
  platformHarness,
  SHOPIFY_SECRET,
  WOO_SECRET,
} from './harness.js';

const TOKEN = 'shpat_test_access_token_0123456789';
const CONSUMER = { key: 'ck_0123456789abcdef', secret: 'cs_0123456789abcdef' };

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

/** A Shopify Admin GraphQL endpoint that knows the `metafieldsSet` mutation. */
async function mockShopify(options: { userErrors?: boolean } = {}) {
  const received: Received[] = [];
  const metafields = new Map<string, string>();
  const server = await listen(async (request: IncomingMessage, response: ServerResponse) => {
    const body = (await readBody(request)) as {
      query: string;
      variables: {
        metafields: {
          ownerId: string;
          namespace: string;
          key: string;
          value: string;
          type: string;
        }[];
      };
    };
    received.push({ method: request.method!, path: request.url!, headers: request.headers, body });
    response.setHeader('content-type', 'application/json');
    if (request.headers['x-shopify-access-token'] !== TOKEN) {
      response.statusCode = 401;
      response.end(
        JSON.stringify({
          errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
        }),
      );
      return;
    }
    if (!/mutation\b[^{]*\{\s*metafieldsSet\(metafields: \$metafields\)/.test(body.query)) {
      response.end(JSON.stringify({ errors: [{ message: 'Unknown operation' }] }));
      return;
    }
    const inputs = body.variables.metafields;
    const userErrors = options.userErrors
      ? [
          {
            field: ['metafields', '0', 'ownerId'],
            message: 'Owner does not exist',
            code: 'INVALID',
          },
        ]
      : [];
    if (!userErrors.length) {
      for (const m of inputs) metafields.set(`${m.ownerId} ${m.namespace}.${m.key}`, m.value);
    }
    response.end(
      JSON.stringify({
        data: {
          metafieldsSet: {
            metafields: userErrors.length
              ? []
              : inputs.map((m, i) => ({
                  id: `gid://shopify/Metafield/${i + 1}`,
                  namespace: m.namespace,
                  key: m.key,
                })),
            userErrors,
          },
        },
      }),
    );
  });
  return { ...server, received, metafields };
}

/** A WooCommerce REST API that knows order 727. */
async function mockWooCommerce() {
  const received: Received[] = [];
  const meta = new Map<string, unknown>();
  const server = await listen(async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    received.push({ method: request.method!, path: request.url!, headers: request.headers, body });
    response.setHeader('content-type', 'application/json');
    const expected = `Basic ${Buffer.from(`${CONSUMER.key}:${CONSUMER.secret}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      response.statusCode = 401;
      response.end(
        JSON.stringify({
          code: 'woocommerce_rest_cannot_edit',
          message: 'Sorry, you are not allowed to edit this resource.',
          data: { status: 401 },
        }),
      );
      return;
    }
    const match = request.url?.match(/^\/wp-json\/wc\/v3\/orders\/(\d+)$/);
    if (request.method !== 'PUT' || match?.[1] !== '727') {
      response.statusCode = 404;
      response.end(
        JSON.stringify({
          code: 'woocommerce_rest_shop_order_invalid_id',
          message: 'Invalid ID.',
          data: { status: 404 },
        }),
      );
      return;
    }
    for (const entry of (body as { meta_data: { key: string; value: unknown }[] }).meta_data) {
      meta.set(entry.key, entry.value);
    }
    response.end(
      JSON.stringify({
        id: 727,
        status: 'processing',
        meta_data: [...meta].map(([key, value], id) => ({ id, key, value })),
      }),
    );
  });
  return { ...server, received, meta };
}

let h: PlatformHarness | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const close of closers.splice(0)) await close();
});

/** Picks `serials` for the order and ships it through the HTTP API. */
async function packAndShip(harness: PlatformHarness, orderId: string, serials: string[]) {
  for (const input of serials) {
    const pick = await harness.admin('POST', `/v1/orders/${orderId}/picks`, { input });
    expect((await pick.json()).outcome).toBe('accepted');
  }
  const shipped = await harness.admin('POST', `/v1/orders/${orderId}/ship`, {});
  expect(shipped.status).toBe(201);
  return (await shipped.json()) as { shipment: { shipmentId: string } };
}

describe('Shopify write-back', () => {
  test("a shipped order's serials become the order's serialkit.serials metafield", async () => {
    const shop = await mockShopify();
    closers.push(shop.close);
    h = await platformHarness({
      platforms: {
        shopify: {
          secret: SHOPIFY_SECRET,
          admin: shopifyAdmin({ shop: shop.url, accessToken: TOKEN }),
        },
      },
    });
    await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    const orderId = 'shopify-820982911946154508';
    const { shipment } = await packAndShip(h, orderId, [h.ipods[2]!, h.ipods[0]!]);

    expect(shop.received).toHaveLength(1);
    const call = shop.received[0]!;
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/admin/api/2025-10/graphql.json');
    expect(call.headers['content-type']).toBe('application/json');
    const owner = 'gid://shopify/Order/820982911946154508';
    expect((call.body as { variables: unknown }).variables).toEqual({
      metafields: [
        {
          ownerId: owner,
          namespace: 'serialkit',
          key: 'serials',
          type: 'json',
          value: JSON.stringify([
            { sku: 'IPOD2008PINK', serial: h.ipods[2] },
            { sku: 'IPOD2008PINK', serial: h.ipods[0] },
          ]),
        },
      ],
    });

    // A cancelled shipment takes its serials off again.
    const cancelled = await h.admin(
      'POST',
      `/v1/orders/${orderId}/shipments/${shipment.shipmentId}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(shop.metafields.get(`${owner} serialkit.serials`)).toBe('[]');
    expect(h.errors).toEqual([]);
  });

  test('a refusal does not undo the shipment; the admin route writes again', async () => {
    const shop = await mockShopify({ userErrors: true });
    closers.push(shop.close);
    const failures: { error: unknown; orderId: string }[] = [];
    h = await platformHarness({
      platforms: {
        shopify: {
          secret: SHOPIFY_SECRET,
          admin: shopifyAdmin({ shop: shop.url, accessToken: TOKEN }),
        },
        onWriteBackError: (error, order) => failures.push({ error, orderId: order.id }),
      },
    });
    await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    const orderId = 'shopify-820982911946154508';
    await packAndShip(h, orderId, [h.ipods[0]!, h.ipods[1]!]);
    expect((await h.client.orders.get(orderId)).status).toBe('shipped');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.orderId).toBe(orderId);
    expect(String(failures[0]!.error)).toMatch(/Owner does not exist/);

    const again = await h.admin('POST', `/v1/platforms/orders/${orderId}/write-back`);
    expect(again.status).toBe(503);
    expect((await again.json()).error.code).toBe('unavailable');
  });

  test('a wrong access token is reported with what Shopify said', async () => {
    const shop = await mockShopify();
    closers.push(shop.close);
    const admin = shopifyAdmin({ shop: shop.url, accessToken: 'shpat_wrong' });
    await expect(admin.setOrderSerials('1', [])).rejects.toThrow(/Invalid API key or access token/);
  });
});

describe('WooCommerce write-back', () => {
  test("a shipped order's serials go into its meta_data, and the admin route writes again", async () => {
    const shop = await mockWooCommerce();
    closers.push(shop.close);
    h = await platformHarness({
      platforms: {
        woocommerce: {
          secret: WOO_SECRET,
          admin: wooCommerceAdmin({
            url: `${shop.url}/`,
            consumerKey: CONSUMER.key,
            consumerSecret: CONSUMER.secret,
          }),
        },
      },
    });
    await h.woocommerce('order.created', fixture('woocommerce-order-created.json'));
    const units = await h.client.serials.list({ sku: 'Bar3' }, { limit: 1 });
    const serial = units.items[0]!.serial;
    await packAndShip(h, 'woocommerce-727', [serial]);

    expect(shop.received).toHaveLength(1);
    expect(shop.received[0]).toMatchObject({
      method: 'PUT',
      path: '/wp-json/wc/v3/orders/727',
      body: { meta_data: [{ key: 'serialkit_serials', value: [{ sku: 'Bar3', serial }] }] },
    });
    expect(shop.meta.get('serialkit_serials')).toEqual([{ sku: 'Bar3', serial }]);

    const again = await h.admin('POST', '/v1/platforms/orders/woocommerce-727/write-back');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      platform: 'woocommerce',
      orderId: 'woocommerce-727',
      platformOrderId: '727',
      serials: 1,
    });
    expect(shop.received).toHaveLength(2);
  });

  test('an order from no configured platform cannot be written back', async () => {
    h = await platformHarness();
    await h.client.orders.create({
      id: 'ORD-1',
      channel: 'b2c',
      lines: [{ sku: 'Bar3', quantity: 1 }],
    });
    const response = await h.admin('POST', '/v1/platforms/orders/ORD-1/write-back');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_request');
  });

  test('an unknown order id is reported with what WooCommerce said', async () => {
    const shop = await mockWooCommerce();
    closers.push(shop.close);
    const admin = wooCommerceAdmin({
      url: shop.url,
      consumerKey: CONSUMER.key,
      consumerSecret: CONSUMER.secret,
    });
    await expect(admin.setOrderSerials('99', [])).rejects.toThrow(/Invalid ID/);
  });
});
