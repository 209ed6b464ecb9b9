/** WooCommerce's order webhooks over HTTP: orders in, cancellation by status, the save ping. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fixture, type PlatformHarness, platformHarness, strings } from './harness.js';

const ORDER_ID = 'woocommerce-727';
let h: PlatformHarness;
beforeEach(async () => {
  h = await platformHarness();
});
afterEach(async () => {
  await h.close();
});

function withStatus(status: string): string {
  const order = JSON.parse(fixture('woocommerce-order-created.json')) as Record<string, unknown>;
  order.status = status;
  return JSON.stringify(order);
}

describe('WooCommerce order.created', () => {
  test("the REST API's order example becomes an open B2C order to pack", async () => {
    const response = await h.woocommerce(
      'order.created',
      fixture('woocommerce-order-created.json'),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    // "Woo Single #1" has no SKU: left out.
    expect(body).toEqual({
      platform: 'woocommerce',
      topic: 'order.created',
      outcome: 'created',
      orderId: ORDER_ID,
      lines: 1,
      skippedLines: 1,
    });
    expect(strings(body).join(' ')).not.toMatch(/example\.com|Doe|94103/);
    const order = await h.client.orders.get(ORDER_ID);
    expect(order).toMatchObject({
      channel: 'b2c',
      status: 'open',
      source: 'woocommerce',
      lines: [{ sku: 'Bar3', quantity: 1 }],
      placedAt: '2017-03-22T19:28:02.000Z',
      customer: { email: 'john.doe@example.com', name: 'John Doe', postcode: '94103' },
    });
    // customer_id 0 is a guest checkout: no customer id.
    expect(order.customer?.id).toBeUndefined();
  });

  test('a replayed delivery creates nothing more', async () => {
    const body = fixture('woocommerce-order-created.json');
    const first = await h.woocommerce('order.created', body, { deliveryId: 'd-1' });
    const replay = await h.woocommerce('order.created', body, { deliveryId: 'd-1' });
    expect(await replay.json()).toEqual(await first.json());
    const resent = await h.woocommerce('order.created', body, { deliveryId: 'd-2' });
    expect((await resent.json()).outcome).toBe('unchanged');
    expect((await h.client.orders.list()).items.map((o) => o.id)).toEqual([ORDER_ID]);
  });
});

describe('WooCommerce order.updated', () => {
  test('status cancelled cancels the order; other changes are ignored', async () => {
    await h.woocommerce('order.created', fixture('woocommerce-order-created.json'));
    const completed = await h.woocommerce('order.updated', withStatus('on-hold'));
    expect(completed.status).toBe(202);
    expect((await completed.json()).outcome).toBe('ignored');
    expect((await h.client.orders.get(ORDER_ID)).status).toBe('open');

    const cancelled = await h.woocommerce('order.updated', withStatus('cancelled'));
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toEqual({
      platform: 'woocommerce',
      topic: 'order.updated',
      outcome: 'cancelled',
      orderId: ORDER_ID,
    });
    expect((await h.client.orders.get(ORDER_ID)).status).toBe('cancelled');
    const again = await h.woocommerce('order.updated', withStatus('cancelled'));
    expect((await again.json()).outcome).toBe('already_cancelled');
  });

  test('other topics are answered 202', async () => {
    for (const topic of ['order.deleted', 'product.updated', 'coupon.created']) {
      const response = await h.woocommerce(topic, fixture('woocommerce-order-created.json'));
      expect(response.status).toBe(202);
    }
    expect((await h.client.orders.list()).items).toEqual([]);
  });
});

describe('the ping WooCommerce sends when a webhook is saved', () => {
  test('is answered 200 unsigned, and stores nothing', async () => {
    const response = await h.woocommerce('', 'webhook_id=3', {
      secret: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toBe('ping');
    expect((await h.client.orders.list()).items).toEqual([]);
  });

  test('only that exact body passes unsigned', async () => {
    const response = await h.woocommerce('order.created', 'webhook_id=3&x=1', { secret: null });
    expect(response.status).toBe(401);
  });
});
