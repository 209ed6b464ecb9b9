/** Shopify's order webhooks over HTTP: orders in, cancellations, B2B companies, replays. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixture, type PlatformHarness, platformHarness, strings } from './harness.js';

const ORDER_ID = 'shopify-820982911946154508';
let h: PlatformHarness;
beforeEach(async () => {
  h = await platformHarness();
});
afterEach(async () => {
  await h.close();
});

/** Shopify's documented orders/create example, changed by `change`, as pretty JSON. */
function payload(change: (order: Record<string, unknown>) => void = () => {}): string {
  const order = JSON.parse(fixture('shopify-orders-create.json')) as Record<string, unknown>;
  change(order);
  return JSON.stringify(order, null, 2);
}

describe('Shopify orders/create', () => {
  test('the documented example becomes an open B2C order to pack', async () => {
    const response = await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      platform: 'shopify',
      topic: 'orders/create',
      outcome: 'created',
      orderId: ORDER_ID,
      lines: 1,
      skippedLines: 0,
    });
    // The platform logs this answer: no personal data in it.
    expect(strings(body).join(' ')).not.toMatch(/example\.com|Shipper|40003|Smith/);

    const order = await h.client.orders.get(ORDER_ID);
    expect(order).toMatchObject({
      id: ORDER_ID,
      channel: 'b2c',
      status: 'open',
      source: 'shopify',
      // The two line items of one SKU make one line.
      lines: [{ sku: 'IPOD2008PINK', quantity: 2, picked: 0, shipped: 0 }],
      placedAt: '2022-01-01T00:00:00.000Z',
      customer: {
        id: 'shopify-customer-115310627314723954',
        email: 'jon@example.com',
        name: 'Steve Shipper',
        postcode: '40003',
      },
    });
    expect(order.account).toBeUndefined();
  });

  test('a replayed delivery is answered again and creates nothing more', async () => {
    const body = fixture('shopify-orders-create.json');
    const first = await h.shopify('orders/create', body, { webhookId: 'wh-replay-1' });
    const replay = await h.shopify('orders/create', body, { webhookId: 'wh-replay-1' });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(await first.json());
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Shopify may also send the same order again under a new delivery id: the order decides.
    const again = await h.shopify('orders/create', body, { webhookId: 'wh-replay-2' });
    expect((await again.json()).outcome).toBe('unchanged');
    const orders = await h.client.orders.list({ limit: 10 });
    expect(orders.items.map((o) => o.id)).toEqual([ORDER_ID]);
  });

  test('an order of that id with other lines is left as it is', async () => {
    await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    const other = payload((order) => {
      (order.line_items as { quantity: number }[])[0]!.quantity = 5;
    });
    const response = await h.shopify('orders/create', other);
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe('differs');
    expect((await h.client.orders.get(ORDER_ID)).lines[0]!.quantity).toBe(2);
  });

  test('a B2B company order becomes an order of the company account', async () => {
    const body = payload((order) => {
      order.company = { id: 9182734, location_id: 4411223 };
    });
    const response = await h.shopify('orders/create', body);
    expect((await response.json()).outcome).toBe('created');
    const order = await h.client.orders.get(ORDER_ID);
    expect(order.channel).toBe('b2b');
    expect(order.account).toEqual({ id: 'shopify-company-9182734', name: 'Shipping Company' });
    expect(order.customer).toBeUndefined();
  });

  test('lines without a SKU are left out; an unknown SKU is created untracked', async () => {
    const body = payload((order) => {
      const lines = order.line_items as Record<string, unknown>[];
      lines.push({ ...lines[0], id: 1, sku: null, title: 'Gift card', gift_card: true });
      lines.push({ ...lines[0], id: 2, sku: '', title: 'Tip' });
      lines.push({ ...lines[0], id: 3, sku: 'CASE-9', title: 'Leather case', quantity: 3 });
    });
    const response = await h.shopify('orders/create', body);
    expect(await response.json()).toMatchObject({
      outcome: 'created',
      lines: 2,
      skippedLines: 2,
      createdSkus: ['CASE-9'],
    });
    expect((await h.client.orders.get(ORDER_ID)).lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['IPOD2008PINK', 2],
      ['CASE-9', 3],
    ]);
    const sku = await h.client.skus.get('CASE-9');
    expect(sku).toMatchObject({ name: 'Leather case', serialTracking: { enabled: false } });
  });

  test('an order with no line that has a SKU stores nothing', async () => {
    const body = payload((order) => {
      for (const line of order.line_items as { sku: unknown }[]) line.sku = null;
    });
    const response = await h.shopify('orders/create', body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'no_lines', skippedLines: 2 });
    expect((await h.client.orders.list()).items).toEqual([]);
  });

  test('a signed body that is not an order is a 400 naming the field, storing nothing', async () => {
    const response = await h.shopify('orders/create', JSON.stringify({ id: 1, line_items: 'x' }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('validation_failed');
    const notJson = await h.shopify('orders/create', '{"id": 1,');
    expect(notJson.status).toBe(400);
    expect((await h.client.orders.list()).items).toEqual([]);
  });
});

describe('Shopify orders/cancelled', () => {
  const cancelled = () =>
    payload((order) => {
      order.cancelled_at = '2022-01-02T10:00:00-05:00';
      order.cancel_reason = 'customer';
    });

  test('cancels the open order, puts its picked units back, and is safe to repeat', async () => {
    await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    await h.client.orders.pick(ORDER_ID, h.ipods[0]!);
    const response = await h.shopify('orders/cancelled', cancelled());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      platform: 'shopify',
      topic: 'orders/cancelled',
      outcome: 'cancelled',
      orderId: ORDER_ID,
    });
    expect((await h.client.orders.get(ORDER_ID)).status).toBe('cancelled');
    expect((await h.client.serials.lookup(h.ipods[0]!)).record.status).toBe('in_stock');
    const again = await h.shopify('orders/cancelled', cancelled());
    expect((await again.json()).outcome).toBe('already_cancelled');
  });

  test('a shipped order is not cancelled; an unknown one is answered 200', async () => {
    await h.shopify('orders/create', fixture('shopify-orders-create.json'));
    await h.client.orders.pick(ORDER_ID, h.ipods[0]!);
    await h.client.orders.pick(ORDER_ID, h.ipods[1]!);
    await h.client.orders.ship(ORDER_ID);
    const response = await h.shopify('orders/cancelled', cancelled());
    expect((await response.json()).outcome).toBe('not_cancellable');
    expect((await h.client.orders.get(ORDER_ID)).status).toBe('shipped');

    const unknown = await h.shopify(
      'orders/cancelled',
      JSON.stringify({ id: 450789469, admin_graphql_api_id: 'gid://shopify/Order/450789469' }),
    );
    expect(unknown.status).toBe(200);
    expect((await unknown.json()).outcome).toBe('unknown_order');
  });
});

describe('other Shopify topics', () => {
  test('are answered 202 and change nothing (Shopify retries anything but 2xx)', async () => {
    for (const topic of ['orders/fulfilled', 'fulfillments/create', 'products/update', '']) {
      const response = await h.shopify(topic, fixture('shopify-orders-create.json'));
      expect(response.status).toBe(202);
      expect((await response.json()).outcome).toBe('ignored');
    }
    expect((await h.client.orders.list()).items).toEqual([]);
  });
});
