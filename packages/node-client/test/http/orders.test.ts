import { describe, expect, test } from 'vitest';
import { harness, READ_KEY, WRITE_KEY } from './helpers.js';

const W = { key: WRITE_KEY };
const R = { key: READ_KEY };
const GTIN = '04012345000016';

const newOrder = (id = 'ORD-2001', extra: Record<string, unknown> = {}) => ({
  id,
  channel: 'b2c',
  customer: { id: 'CUS-9', email: 'grace@example.com', name: 'Grace Hopper' },
  lines: [{ sku: 'HP-200', quantity: 2 }],
  source: 'manual',
  ...extra,
});

describe('orders over HTTP', () => {
  test('create, get, list, pick (Digital Link with sku), unpick, ship, cancel a shipment, cancel', async () => {
    const h = await harness();
    const created = await h.call('POST', '/v1/orders', { ...W, body: newOrder() });
    expect(created.status).toBe(201);
    const order = await created.json();
    expect([order.id, order.status, order.lines]).toEqual([
      'ORD-2001',
      'open',
      [{ sku: 'HP-200', quantity: 2, picked: 0, shipped: 0 }],
    ]);
    const again = await h.call('POST', '/v1/orders', { ...W, body: newOrder() });
    expect(again.status).toBe(409);
    expect((await again.json()).error.details.reason).toBe('order_exists');

    expect(await (await h.call('GET', '/v1/orders/ORD-2001', R)).json()).toEqual(order);
    const list = await (
      await h.call('GET', '/v1/orders?status=open&sku=HP-200&limit=10', R)
    ).json();
    expect([list.items.map((o: { id: string }) => o.id), list.nextCursor]).toEqual([
      ['ORD-2001'],
      null,
    ]);

    // A scanned Digital Link with the SKU given is read before the format check.
    const [, , third, fourth, fifth] = h.headphones;
    const link = `https://shop.example/01/${GTIN}/21/${third}`;
    const picked = await h.call('POST', '/v1/orders/ORD-2001/picks', {
      ...W,
      body: { input: link, sku: 'HP-200' },
    });
    expect(picked.status).toBe(200);
    const pick = await picked.json();
    expect([pick.outcome, pick.sku, pick.serial, pick.input]).toEqual([
      'accepted',
      'HP-200',
      third,
      link,
    ]);
    // Refusals answer 200 too.
    const shippedUnit = await h.call('POST', '/v1/orders/ORD-2001/picks', {
      ...W,
      body: { input: h.headphones[0] },
    });
    expect([shippedUnit.status, (await shippedUnit.json()).outcome]).toEqual([
      200,
      'already_shipped',
    ]);

    const incomplete = await h.call('POST', '/v1/orders/ORD-2001/ship', { ...W, body: {} });
    expect(incomplete.status).toBe(409);
    const body = await incomplete.json();
    expect([body.error.details.reason, body.error.details.lines]).toEqual([
      'order_incomplete',
      [{ sku: 'HP-200', quantity: 2, shipped: 0, shipping: 1, missing: 1 }],
    ]);

    await h.call('POST', '/v1/orders/ORD-2001/picks', { ...W, body: { input: fourth } });
    const unpicked = await h.call(
      'DELETE',
      `/v1/orders/ORD-2001/picks/HP-200/${encodeURIComponent(fourth!)}`,
      W,
    );
    expect(unpicked.status).toBe(200);
    expect((await unpicked.json()).picks.map((p: { serial: string }) => p.serial)).toEqual([third]);
    await h.call('POST', '/v1/orders/ORD-2001/picks', { ...W, body: { input: fifth } });

    const shipped = await h.call('POST', '/v1/orders/ORD-2001/ship', {
      ...W,
      body: { shipmentId: 'SHP-9' },
    });
    expect(shipped.status).toBe(201);
    const result = await shipped.json();
    expect([result.order.status, result.shipment.shipmentId, result.shipment.units]).toEqual([
      'shipped',
      'SHP-9',
      [
        { sku: 'HP-200', serial: third },
        { sku: 'HP-200', serial: fifth },
      ],
    ]);
    const cancelled = await h.call('POST', '/v1/orders/ORD-2001/shipments/SHP-9/cancel', W);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe('open');
    expect((await h.store.getSerial('HP-200', third!))?.status).toBe('in_stock');

    const cancel = await h.call('POST', '/v1/orders/ORD-2001/cancel', W);
    expect([cancel.status, (await cancel.json()).status]).toEqual([200, 'cancelled']);
    const closed = await h.call('POST', '/v1/orders/ORD-2001/picks', {
      ...W,
      body: { input: third },
    });
    expect(closed.status).toBe(409);
  });

  test('the OpenAPI document lists every order route', async () => {
    const h = await harness();
    const doc = await (await h.call('GET', '/v1/openapi.json')).json();
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/v1/orders'))
        .sort(),
    ).toEqual([
      '/v1/orders',
      '/v1/orders/{id}',
      '/v1/orders/{id}/cancel',
      '/v1/orders/{id}/picks',
      '/v1/orders/{id}/picks/{sku}/{serial}',
      '/v1/orders/{id}/ship',
      '/v1/orders/{id}/shipments/{shipmentId}/cancel',
    ]);
    expect(doc.paths['/v1/orders/{id}/picks'].post.operationId).toBe('pickUnit');
  });
});

describe('orders, as an attacker calls them', () => {
  test('no key: 401 alike for an order that exists and one that does not; read keys cannot write', async () => {
    const h = await harness();
    await h.client.orders.create(newOrder() as never);
    const existing = await h.call('GET', '/v1/orders/ORD-2001');
    const missing = await h.call('GET', '/v1/orders/ORD-9999');
    expect([existing.status, missing.status]).toEqual([401, 401]);
    expect(await existing.text()).toBe(await missing.text());
    const spoofed = await h.call('GET', '/v1/orders', {
      headers: { 'x-forwarded-for': '127.0.0.1', 'x-api-key': WRITE_KEY, 'x-scope': 'write' },
    });
    expect(spoofed.status).toBe(401);
    for (const [method, path, body] of [
      ['POST', '/v1/orders', newOrder('ORD-2002')],
      ['POST', '/v1/orders/ORD-2001/picks', { input: 'SN-1' }],
      ['POST', '/v1/orders/ORD-2001/ship', {}],
      ['POST', '/v1/orders/ORD-2001/cancel', undefined],
    ] as const) {
      const response = await h.call(method, path, { ...R, body });
      expect(response.status, path).toBe(403);
    }
    expect((await h.client.orders.get('ORD-2001')).status).toBe('open');
    expect((await h.client.orders.list()).items.length).toBe(1);
  });

  test('malformed, oversized and unexpected bodies are refused before anything changes', async () => {
    const h = await harness();
    const cases: [unknown, number][] = [
      [{ ...newOrder(), admin: true }, 400],
      [newOrder(), 201],
      [newOrder('ORD-3', { lines: [] }), 400],
      [newOrder('ORD-4', { lines: [{ sku: 'HP-200', quantity: -1 }] }), 400],
      [newOrder('ORD-5', { lines: [{ sku: 'HP-200', quantity: 1e9 }] }), 400],
      [newOrder('ORD-6', { status: 'shipped' }), 400],
      [newOrder('ORD-7', { channel: 'b2b' }), 400],
      [newOrder('ORD-\u0000', {}), 400],
      [newOrder('x'.repeat(201)), 400],
      [newOrder('ORD-8', { lines: [{ sku: 'NOPE', quantity: 1 }] }), 404],
      [
        newOrder('ORD-9', {
          lines: Array.from({ length: 1001 }, (_, i) => ({ sku: `S${i}`, quantity: 1 })),
        }),
        400,
      ],
    ];
    for (const [body, status] of cases) {
      const response = await h.call('POST', '/v1/orders', { ...W, body });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
    }
    const json = { 'content-type': 'application/json' };
    const truncated = await h.call('POST', '/v1/orders', {
      ...W,
      body: '{"id": "ORD-1", ',
      headers: json,
    });
    expect(truncated.status).toBe(400);
    // A `__proto__` key in JSON is an own key like any other: refused, never merged into a prototype.
    const polluted = await h.call('POST', '/v1/orders', {
      ...W,
      body: JSON.stringify(newOrder('ORD-12')).replace('{', '{"__proto__":{"status":"shipped"},'),
      headers: json,
    });
    expect(polluted.status).toBe(400);
    expect(({} as { status?: string }).status).toBe(undefined);
    expect((await h.client.orders.get('ORD-2001')).status).toBe('open');

    const huge = await h.call('POST', '/v1/orders', {
      ...W,
      body: newOrder('ORD-10', { source: 'x'.repeat(400_000) }),
    });
    expect(huge.status).toBe(413);
    const notJson = await h.call('POST', '/v1/orders', {
      ...W,
      body: 'id=ORD-11',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);

    const longInput = await h.call('POST', '/v1/orders/ORD-2001/picks', {
      ...W,
      body: { input: 'A'.repeat(2001) },
    });
    expect(longInput.status).toBe(400);
    const extraKey = await h.call('POST', '/v1/orders/ORD-2001/picks', {
      ...W,
      body: { input: h.headphones[5], orderId: 'ORD-OTHER' },
    });
    expect(extraKey.status).toBe(400);
    const badShip = await h.call('POST', '/v1/orders/ORD-2001/ship', {
      ...W,
      body: { partial: 'yes', untracked: [{ sku: 'HP-200', quantity: 0 }] },
    });
    expect(badShip.status).toBe(400);
    const badPath = await h.call('DELETE', '/v1/orders/ORD-2001/picks/HP-200/%E0%A4%A', W);
    expect(badPath.status).toBe(400);
    expect((await h.client.orders.get('ORD-2001')).picks).toEqual([]);
    expect((await h.client.orders.list()).items.map((o) => o.id)).toEqual(['ORD-2001']);
  });

  test('filters and cursors cannot be turned into other queries', async () => {
    const h = await harness();
    await h.client.orders.create(newOrder() as never);
    const injected = await h.call('GET', `/v1/orders?sku=${encodeURIComponent("' OR 1=1 --")}`, R);
    expect([injected.status, (await injected.json()).items]).toEqual([200, []]);
    expect((await h.call('GET', '/v1/orders?status=everything', R)).status).toBe(400);
    expect((await h.call('GET', '/v1/orders?cursor=not-a-cursor', R)).status).toBe(400);
    expect((await h.call('GET', '/v1/orders?limit=100000', R)).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['serials', 'a', 'b'])).toString('base64url');
    expect((await h.call('GET', `/v1/orders?cursor=${forged}`, R)).status).toBe(400);
  });
});
