/**
 * `serialkit serve` as a real process with the platform secrets in its environment: Shopify
 * deliveries come in and ship with their serials written back to a local Admin API, the
 * WooCommerce endpoint stays closed without its secret, and `serve --help` names the variables.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Service, spawnCli, startService } from '../http/service.js';
import { eventually } from '../webhooks/receiver.js';
import { fixture, listen, SHOPIFY_SECRET, sign } from './harness.js';

const API_KEY = 'sk_test_service_admin_0123456789';
const TOKEN = 'shpat_test_access_token_0123456789';
let dir: string;
let service: Service;
let shop: Awaited<ReturnType<typeof listen>>;
const metafields: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serialkit-platforms-'));
  shop = await listen(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const ok = request.headers['x-shopify-access-token'] === TOKEN;
    if (ok) metafields.push(JSON.parse(text).variables.metafields);
    response.setHeader('content-type', 'application/json');
    response.statusCode = ok ? 200 : 401;
    response.end(
      JSON.stringify(
        ok
          ? {
              data: {
                metafieldsSet: {
                  metafields: [{ id: 'gid://shopify/Metafield/1' }],
                  userErrors: [],
                },
              },
            }
          : { errors: '[API] Invalid API key or access token' },
      ),
    );
  });
  service = await startService(['--db', join(dir, 'shop.db')], {
    SERIALKIT_API_KEY: API_KEY,
    SERIALKIT_VERIFY_SECRET: 'a-verify-secret-for-tests-0123456789',
    SERIALKIT_SHOPIFY_SECRET: SHOPIFY_SECRET,
    SERIALKIT_SHOPIFY_SHOP: shop.url,
    SERIALKIT_SHOPIFY_ACCESS_TOKEN: TOKEN,
  });
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await shop?.close();
  rmSync(dir, { recursive: true, force: true });
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${API_KEY}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('serialkit serve with SERIALKIT_SHOPIFY_SECRET', () => {
  test('names the endpoints it takes orders at', () => {
    expect(service.banner.platforms).toEqual(['shopify']);
  });

  test('a Shopify order comes in, is packed and its serials go back to Shopify', async () => {
    expect(
      (
        await admin('PUT', '/v1/skus/IPOD2008PINK', {
          name: 'IPod Nano - 8GB',
          serialTracking: { enabled: true, format: 'IP-{D:6}' },
        })
      ).status,
    ).toBe(200);
    const generated = await admin('POST', '/v1/skus/IPOD2008PINK/serials/generate', {
      count: 2,
      mode: 'sequential',
    });
    const { serials } = (await generated.json()) as { serials: string[] };

    const body = fixture('shopify-orders-create.json');
    const unsigned = await fetch(`${service.url}/v1/platforms/shopify/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const delivered = await fetch(`${service.url}/v1/platforms/shopify/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': 'serve-delivery-1',
        'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      },
      body,
    });
    expect(delivered.status).toBe(200);
    const orderId = 'shopify-820982911946154508';
    for (const input of serials) {
      await admin('POST', `/v1/orders/${orderId}/picks`, { input });
    }
    expect((await admin('POST', `/v1/orders/${orderId}/ship`, {})).status).toBe(201);
    // Written by the service's write-back consumer, which reads the event log.
    await eventually(() => metafields.length > 0);
    expect(metafields).toEqual([
      [
        expect.objectContaining({
          ownerId: 'gid://shopify/Order/820982911946154508',
          value: JSON.stringify(serials.map((serial) => ({ sku: 'IPOD2008PINK', serial }))),
        }),
      ],
    ]);
  });

  test('a Shopify order shipped with the CLI on the same database is written back too', async () => {
    const generated = await admin('POST', '/v1/skus/IPOD2008PINK/serials/generate', {
      count: 1,
      mode: 'sequential',
    });
    const [serial] = ((await generated.json()) as { serials: string[] }).serials;
    const order = JSON.parse(fixture('shopify-orders-create.json'));
    order.id = 820982911946154600;
    order.admin_graphql_api_id = 'gid://shopify/Order/820982911946154600';
    order.line_items = order.line_items.slice(0, 1);
    const body = JSON.stringify(order);
    const delivered = await fetch(`${service.url}/v1/platforms/shopify/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': 'serve-delivery-2',
        'x-shopify-hmac-sha256': sign(SHOPIFY_SECRET, body),
      },
      body,
    });
    expect(delivered.status).toBe(200);
    const before = metafields.length;
    const shipped = spawnCli(
      [
        'ship',
        '--db',
        join(dir, 'shop.db'),
        '--order',
        'shopify-820982911946154600',
        '--email',
        'bob@example.com',
        '--sku',
        'IPOD2008PINK',
        serial!,
      ],
      { SERIALKIT_VERIFY_SECRET: 'a-verify-secret-for-tests-0123456789' },
    );
    expect(shipped.status, shipped.stderr).toBe(0);
    await eventually(() => metafields.length > before);
    expect(metafields.at(-1)).toEqual([
      expect.objectContaining({
        ownerId: 'gid://shopify/Order/820982911946154600',
        value: JSON.stringify([{ sku: 'IPOD2008PINK', serial }]),
      }),
    ]);
  });

  test('the WooCommerce endpoint is closed without its secret', async () => {
    const response = await fetch(`${service.url}/v1/platforms/woocommerce/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.created' },
      body: fixture('woocommerce-order-created.json'),
    });
    expect(response.status).toBe(404);
  });
});

describe('serialkit serve --help', () => {
  test('documents the platform variables', () => {
    const { status, stdout } = spawnCli(['serve', '--help']);
    expect(status).toBe(0);
    for (const name of [
      'SERIALKIT_SHOPIFY_SECRET',
      'SERIALKIT_SHOPIFY_ACCESS_TOKEN',
      'SERIALKIT_WOOCOMMERCE_SECRET',
      'SERIALKIT_WOOCOMMERCE_CONSUMER_KEY',
      '--shopify-secret-file',
    ]) {
      expect(stdout).toContain(name);
    }
  });

  test('write-back settings without a webhook secret are a usage error', () => {
    const { status, stderr } = spawnCli(['serve', '--db', join(dir, 'other.db')], {
      SERIALKIT_VERIFY_SECRET: 'a-verify-secret-for-tests-0123456789',
      SERIALKIT_WOOCOMMERCE_URL: 'https://shop.example',
    });
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/SERIALKIT_WOOCOMMERCE_CONSUMER_KEY/);
  });
});
