import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import { b2c, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

async function shippedSetup() {
  const s = setup();
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 5);
  await s.client.shipments.create(
    b2c('ORD-1', 'SKU-1', [sn(1), sn(2)], { email: 'Ada@Example.com', postcode: 'sw1a 1aa' }),
  );
  await s.client.shipments.create(
    b2c('ORD-2', 'SKU-1', [sn(3)], { email: 'bob@example.com', postcode: '10115' }),
  );
  return s;
}

describe('returns.check', () => {
  it('answers match, mismatch, unknown, invalid and already_returned', async () => {
    const { client } = await shippedSetup();
    expect(await client.returns.check({ orderId: 'ORD-1', serial: 'sn 000001' })).toEqual({
      verdict: 'match',
      orderId: 'ORD-1',
      serial: sn(1),
      sku: 'SKU-1',
    });
    expect(await client.returns.check({ orderId: 'ORD-1', serial: sn(3) })).toEqual({
      verdict: 'mismatch',
      orderId: 'ORD-1',
      serial: sn(3),
      sku: 'SKU-1',
      shippedInOrderId: 'ORD-2',
    });
    // In stock: registered, but never left in any order.
    expect(await client.returns.check({ orderId: 'ORD-1', serial: sn(4) })).toMatchObject({
      verdict: 'mismatch',
      serial: sn(4),
    });
    expect(await client.returns.check({ orderId: 'ORD-1', serial: sn(99) })).toEqual({
      verdict: 'unknown',
      orderId: 'ORD-1',
      serial: sn(99),
    });
    const invalid = await client.returns.check({ orderId: 'ORD-1', serial: 'SN-1', sku: 'SKU-1' });
    expect(invalid.verdict).toBe('invalid');
    expect(invalid.issues?.[0]?.code).toEqual(expect.any(String));

    await client.returns.accept({ orderId: 'ORD-1', serial: sn(2), disposition: 'restock' });
    expect((await client.returns.check({ orderId: 'ORD-1', serial: sn(2) })).verdict).toBe(
      'already_returned',
    );
  });

  it('picks the unit of this order when SKUs share the serial', async () => {
    const { client } = await shippedSetup();
    await trackedSku(client, 'SKU-2', SN);
    await client.serials.register('SKU-1', [sn(10)]);
    await client.serials.register('SKU-2', [sn(10)]);
    await client.shipments.create(b2c('ORD-9', 'SKU-2', [sn(10)]));
    expect(await client.returns.check({ orderId: 'ORD-9', serial: sn(10) })).toMatchObject({
      verdict: 'match',
      sku: 'SKU-2',
    });
  });

  it('records a return_checked event only for units that exist', async () => {
    const { client, store } = await shippedSetup();
    await client.returns.check({ orderId: 'ORD-1', serial: sn(3) });
    await client.returns.check({ orderId: 'ORD-1', serial: sn(99) });
    const events = await store.listEvents({ type: 'return_checked' });
    expect(events.items).toEqual([
      expect.objectContaining({
        sku: 'SKU-1',
        serial: sn(3),
        data: { orderId: 'ORD-1', verdict: 'mismatch' },
      }),
    ]);
  });

  it('validates its input', async () => {
    const { client } = await shippedSetup();
    await expect(client.returns.check({ orderId: '', serial: sn(1) })).rejects.toSatisfy(
      ValidationError.isInstance,
    );
  });
});

describe('returns.checkPublic', () => {
  it('needs the order proven by email (any case) or postcode (any case or spacing)', async () => {
    const { client } = await shippedSetup();
    expect(
      await client.returns.checkPublic({
        orderId: 'ORD-1',
        email: ' ada@EXAMPLE.com',
        serial: sn(1),
      }),
    ).toEqual({
      verdict: 'match',
      next: 'send_back',
      issues: [],
    });
    expect(
      await client.returns.checkPublic({ orderId: 'ORD-1', postcode: 'SW1A1AA', serial: sn(1) }),
    ).toMatchObject({
      verdict: 'match',
    });
    for (const proof of [{ email: 'bob@example.com' }, { postcode: '10115' }, { email: '' }]) {
      expect(
        await client.returns.checkPublic({ orderId: 'ORD-1', ...proof, serial: sn(1) }),
      ).toEqual({
        verdict: 'order_not_found',
        next: 'check_order',
        issues: [],
      });
    }
    // An order that does not exist looks exactly like a wrong proof.
    expect(
      await client.returns.checkPublic({
        orderId: 'ORD-404',
        email: 'ada@example.com',
        serial: sn(1),
      }),
    ).toEqual({
      verdict: 'order_not_found',
      next: 'check_order',
      issues: [],
    });
  });

  it('never names another order and tells the customer what to do next', async () => {
    const { client } = await shippedSetup();
    const mismatch = await client.returns.checkPublic({
      orderId: 'ORD-1',
      email: 'ada@example.com',
      serial: sn(3),
    });
    expect(mismatch).toEqual({ verdict: 'mismatch', next: 'contact_support', issues: [] });
    expect(JSON.stringify(mismatch)).not.toContain('ORD-2');
    expect(
      await client.returns.checkPublic({
        orderId: 'ORD-1',
        email: 'ada@example.com',
        serial: sn(77),
      }),
    ).toEqual({
      verdict: 'unknown',
      next: 'check_serial',
      issues: [],
    });
    const invalid = await client.returns.checkPublic({
      orderId: 'ORD-1',
      email: 'ada@example.com',
      serial: 'xx',
    });
    expect(invalid.verdict).toBe('invalid');
    expect(invalid.next).toBe('check_serial');
    expect(invalid.issues.length).toBeGreaterThan(0);
  });

  it('needs an email or a postcode', async () => {
    const { client } = await shippedSetup();
    await expect(
      client.returns.checkPublic({ orderId: 'ORD-1', serial: sn(1) } as never),
    ).rejects.toSatisfy(ValidationError.isInstance);
  });
});

describe('returns.accept', () => {
  it.each([
    ['restock', 'in_stock', 'restocked'],
    ['quarantine', 'quarantined', 'quarantined'],
    ['scrap', 'scrapped', 'scrapped'],
  ] as const)('%s: shipped → returned → %s with events', async (disposition, status, event) => {
    const { client, store, clock } = await shippedSetup();
    clock.advance(60 * 24);
    const record = await client.returns.accept({
      orderId: 'ORD-1',
      serial: sn(1),
      disposition,
      reason: 'Broken key',
    });
    expect(record).toMatchObject({ sku: 'SKU-1', serial: sn(1), status });
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe(status);
    const events = await store.listEvents({ sku: 'SKU-1', serial: sn(1) });
    expect(events.items.map((e) => e.type)).toEqual(['shipped', 'returned', event]);
    expect(events.items[1]).toMatchObject({
      at: '2024-05-02T12:00:00.000Z',
      data: { orderId: 'ORD-1', disposition, reason: 'Broken key' },
    });
  });

  it('refuses any verdict but match, with the verdict', async () => {
    const { client, store } = await shippedSetup();
    for (const [serial, verdict] of [
      [sn(3), 'mismatch'],
      [sn(99), 'unknown'],
      ['nonsense', 'invalid'],
    ] as const) {
      const error = await client.returns
        .accept({ orderId: 'ORD-1', serial, disposition: 'restock' })
        .catch((e: unknown) => e);
      expect(ConflictError.isInstance(error)).toBe(true);
      expect((error as ConflictError).details).toMatchObject({ verdict });
    }
    expect((await store.getSerial('SKU-1', sn(3)))?.status).toBe('shipped');
  });

  it('accepts a unit once under concurrent accepts', async () => {
    const { client, store } = await shippedSetup();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      (await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'returned' })).items,
    ).toHaveLength(1);
  });
});

describe('returns.reject', () => {
  it('records the reason and leaves the status', async () => {
    const { client, store } = await shippedSetup();
    const event = await client.returns.reject({
      orderId: 'ORD-1',
      serial: sn(3),
      reason: 'Not from this order',
    });
    expect(event).toMatchObject({
      id: expect.any(String),
      sku: 'SKU-1',
      serial: sn(3),
      type: 'return_rejected',
      data: { orderId: 'ORD-1', reason: 'Not from this order', verdict: 'mismatch' },
    });
    expect(event.id).not.toBe('');
    expect((await store.getSerial('SKU-1', sn(3)))?.status).toBe('shipped');
  });

  it('needs a reason and a known unit', async () => {
    const { client } = await shippedSetup();
    await expect(
      client.returns.reject({ orderId: 'ORD-1', serial: sn(1), reason: '' }),
    ).rejects.toSatisfy(ValidationError.isInstance);
    await expect(
      client.returns.reject({ orderId: 'ORD-1', serial: sn(99), reason: 'x' }),
    ).rejects.toSatisfy(NotFoundError.isInstance);
  });
});
