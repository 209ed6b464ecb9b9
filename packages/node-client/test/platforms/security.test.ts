/**
 * The webhook endpoints as an attacker tries them: no or bad or truncated signatures, a signature
 * over re-serialized JSON, oversized bodies, API keys instead of signatures, a platform without a
 * secret. Each refusal stores nothing and says nothing about anyone.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import {
  fixture,
  type JsonResponse,
  type PlatformHarness,
  platformHarness,
  SHOPIFY_SECRET,
  sign,
  strings,
  WOO_SECRET,
  WRITE_KEY,
} from './harness.js';

let h: PlatformHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Send = (
  harness: PlatformHarness,
  body: string,
  init?: { secret?: string | null; signature?: string; headers?: Record<string, string> },
) => Promise<JsonResponse>;

const platforms: { name: string; secret: string; body: string; send: Send }[] = [
  {
    name: 'shopify',
    secret: SHOPIFY_SECRET,
    body: fixture('shopify-orders-create.json'),
    send: (harness, body, init) => harness.shopify('orders/create', body, init),
  },
  {
    name: 'woocommerce',
    secret: WOO_SECRET,
    body: fixture('woocommerce-order-created.json'),
    send: (harness, body, init) => harness.woocommerce('order.created', body, init),
  },
];

async function expectRefused(response: JsonResponse, harness: PlatformHarness, status = 401) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.error.code).toBe(status === 401 ? 'unauthorized' : body.error.code);
  expect(strings(body).join(' ')).not.toMatch(/example\.com|Shipper|Doe/);
  expect((await harness.client.orders.list()).items).toEqual([]);
  return body;
}

describe.each(platforms)('$name webhooks', ({ secret, body, send }) => {
  test('a missing signature is a 401 and stores nothing', async () => {
    h = await platformHarness();
    const refused = await expectRefused(await send(h, body, { secret: null }), h);
    expect(refused.error.message).toMatch(/Missing .* signature/);
  });

  test('a signature made with another secret is a 401', async () => {
    h = await platformHarness();
    await expectRefused(await send(h, body, { secret: 'not-the-shop-secret-0123456789' }), h);
  });

  test('a truncated, padded or re-cased signature is a 401', async () => {
    h = await platformHarness();
    const good = sign(secret, body);
    for (const signature of [
      good.slice(0, -4),
      good.slice(0, 10),
      `${good}AAAA`,
      good.toLowerCase(),
      createHmac('sha256', secret).update(body).digest('hex'),
      '',
    ]) {
      await expectRefused(await send(h, body, { signature }), h);
    }
  });

  test('the signature is checked over the raw bytes, not over re-serialized JSON', async () => {
    h = await platformHarness();
    const reserialized = JSON.stringify(JSON.parse(body));
    expect(reserialized).not.toBe(body);
    // Signed over the compact form, sent pretty: the bytes differ, so it is refused…
    await expectRefused(await send(h, body, { signature: sign(secret, reserialized) }), h);
    // …and signed over the pretty bytes but re-serialized on the way: refused too.
    await expectRefused(await send(h, reserialized, { signature: sign(secret, body) }), h);
    // The raw bytes as signed pass.
    expect((await send(h, body)).status).toBe(200);
  });

  test('an API key does not stand in for the signature; none is needed with one', async () => {
    h = await platformHarness();
    await expectRefused(
      await send(h, body, { secret: null, headers: { authorization: `Bearer ${WRITE_KEY}` } }),
      h,
    );
    const signed = await send(h, body);
    expect(signed.status).toBe(200);
  });

  test('a signed body over the limit is a 413 and stores nothing', async () => {
    h = await platformHarness({
      platforms: {
        shopify: { secret: SHOPIFY_SECRET },
        woocommerce: { secret: WOO_SECRET },
        maxBodyBytes: 16 * 1024,
      },
    });
    const huge = JSON.stringify({ ...JSON.parse(body), note: 'x'.repeat(64 * 1024) });
    const response = await send(h, huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
    expect((await h.client.orders.list()).items).toEqual([]);
  });

  test('without a configured secret the endpoint answers 404, even to a signed body', async () => {
    h = await platformHarness({ platforms: {} });
    const response = await send(h, body);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    expect((await h.client.orders.list()).items).toEqual([]);
    // The default handler has no platforms either.
    const bare = await platformHarness({});
    try {
      expect((await send(bare, body)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('secrets', () => {
  test('an empty secret is a configuration error, not an open endpoint', async () => {
    await expect(platformHarness({ platforms: { shopify: { secret: '' } } })).rejects.toThrow(
      /platforms\.shopify\.secret/,
    );
  });

  test("one platform's secret does not open the other's endpoint", async () => {
    h = await platformHarness({ platforms: { shopify: { secret: SHOPIFY_SECRET } } });
    const woo = platforms[1]!;
    const response = await woo.send(h, woo.body, { secret: SHOPIFY_SECRET });
    expect(response.status).toBe(404);
  });
});
