/**
 * Write-back driven by the event log (`createPlatformWriteBack`): an order from a Shopify
 * webhook, shipped through the SDK rather than the HTTP API, gets its serials written to a
 * local server that answers as Shopify's Admin GraphQL API (`metafieldsSet`) does; a shipment
 * made while no consumer ran is written once one runs again.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { shopifyAdmin } from '../../src/platforms/shopify.js';
import {
  createPlatformWriteBack,
  type PlatformWriteBack,
} from '../../src/platforms/write-back-consumer.js';
import { eventually } from '../webhooks/receiver.js';
import {
  fixture,
  listen,
  type PlatformHarness,
  platformHarness,
  SHOPIFY_SECRET,
} from './harness.js';

const TOKEN = 'shpat_test_access_token_0123456789';
const ORDER = 'shopify-820982911946154508';
const OWNER = 'gid://shopify/Order/820982911946154508';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A Shopify Admin GraphQL endpoint: each `metafieldsSet` call, and the values it holds. */
async function mockShopify() {
  const calls: { ownerId: string; value: string }[][] = [];
  const server = await listen(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    response.setHeader('content-type', 'application/json');
    if (request.headers['x-shopify-access-token'] !== TOKEN) {
      response.statusCode = 401;
      response.end(JSON.stringify({ errors: '[API] Invalid API key or access token' }));
      return;
    }
    const inputs = JSON.parse(text).variables.metafields as { ownerId: string; value: string }[];
    calls.push(inputs);
    response.end(
      JSON.stringify({
        data: {
          metafieldsSet: { metafields: [{ id: 'gid://shopify/Metafield/1' }], userErrors: [] },
        },
      }),
    );
  });
  closers.push(() => server.close());
  /** The order's serials as last written (null: never). */
  const written = (): { sku: string; serial: string }[] | null => {
    const last = calls
      .flat()
      .filter((m) => m.ownerId === OWNER)
      .at(-1);
    return last ? JSON.parse(last.value) : null;
  };
  return { url: server.url, calls, written };
}

/** The harness with Shopify webhooks in and no write-back in the HTTP API. */
async function harness(): Promise<PlatformHarness> {
  const h = await platformHarness({ platforms: { shopify: { secret: SHOPIFY_SECRET } } });
  closers.push(() => h.close());
  expect((await h.shopify('orders/create', fixture('shopify-orders-create.json'))).status).toBe(
    200,
  );
  return h;
}

function consumer(h: PlatformHarness, shop: { url: string }, errors: unknown[] = []) {
  const writer: PlatformWriteBack = createPlatformWriteBack({
    store: h.store,
    targets: { shopify: shopifyAdmin({ shop: shop.url, accessToken: TOKEN }) },
    pollMs: 20,
    retry: { initialMs: 10, maxMs: 20, attempts: 2 },
    onError: (error) => errors.push(error),
  });
  writer.start();
  closers.push(() => writer.stop());
  return writer;
}

describe('write-back from the event log', () => {
  test('an order from a Shopify webhook, shipped through the SDK, has its serials written back', async () => {
    const h = await harness();
    const shop = await mockShopify();
    const errors: unknown[] = [];
    consumer(h, shop, errors);

    // The pack station's steps, through the SDK: pick each unit, ship.
    for (const serial of [h.ipods[1]!, h.ipods[3]!]) {
      expect((await h.client.orders.pick(ORDER, serial)).outcome).toBe('accepted');
    }
    const { shipment } = await h.client.orders.ship(ORDER);
    const expected = [h.ipods[1]!, h.ipods[3]!].map((serial) => ({ sku: 'IPOD2008PINK', serial }));
    await eventually(() => JSON.stringify(shop.written()) === JSON.stringify(expected));

    // A cancelled shipment takes its serials off again.
    await h.client.orders.cancelShipment(ORDER, shipment.shipmentId!);
    await eventually(() => JSON.stringify(shop.written()) === '[]');
    expect(errors).toEqual([]);
    // Each change was written once: one call for the shipment, one for its cancellation.
    expect(shop.calls.length).toBe(2);
  });

  test('a shipment made while no consumer runs is written when one runs again; units shipped directly count', async () => {
    const h = await harness();
    const shop = await mockShopify();
    // A consumer that ran once (its cursor is in the store), then stopped: as after a crash.
    const first = consumer(h, shop);
    // Once it holds the cursor (another owner is refused), the cursor is in the store.
    await eventually(
      async () =>
        (await h.store.leaseLogCursor({
          consumer: 'platform-write-back',
          owner: 'probe',
          at: new Date(0).toISOString(),
          until: new Date(0).toISOString(),
        })) === null,
    );
    await first.stop();

    // Shipped through `client.shipments` in the order's name, with no consumer running.
    await h.client.shipments.create({
      orderId: ORDER,
      channel: 'b2c',
      customer: { email: 'bob@example.com' },
      lines: [{ sku: 'IPOD2008PINK', serials: [h.ipods[0]!, h.ipods[2]!] }],
    });
    expect(shop.calls).toEqual([]);

    consumer(h, shop);
    const expected = [h.ipods[0]!, h.ipods[2]!].map((serial) => ({ sku: 'IPOD2008PINK', serial }));
    await eventually(() => JSON.stringify(shop.written()) === JSON.stringify(expected));
  });

  test('a platform that refuses is retried, then reported, and the consumer moves on', async () => {
    const h = await harness();
    const errors: unknown[] = [];
    const shop = await mockShopify();
    const writer = createPlatformWriteBack({
      store: h.store,
      targets: {
        shopify: shopifyAdmin({ shop: shop.url, accessToken: 'shpat_wrong_token_0123456789' }),
      },
      pollMs: 20,
      retry: { initialMs: 10, maxMs: 20, attempts: 2 },
      onError: (error, order) => errors.push({ error, order: order?.id }),
    });
    writer.start();
    closers.push(() => writer.stop());
    await h.client.orders.pick(ORDER, h.ipods[0]!);
    await h.client.orders.pick(ORDER, h.ipods[1]!);
    await h.client.orders.ship(ORDER);
    await eventually(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ order: ORDER });
    expect((await h.client.orders.get(ORDER)).status).toBe('shipped');
  });
});
