import type { Order, PickResult } from '@serialkit/core';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import { LUHN, registerRange, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

const GTIN = '09506000134352';

/** A store with SKU-1 (SN format, GTIN, 5 units), KB (Luhn check digit, 3 units), CABLE untracked. */
async function packing(kind: StoreKind) {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN, { gtin: GTIN });
  await registerRange(s.client, 'SKU-1', 5);
  await trackedSku(s.client, 'KB', LUHN);
  const { serials: kb } = await s.client.serials.generate('KB', 3, { mode: 'sequential' });
  await s.client.skus.update('CABLE', { name: 'Cable', serialTracking: { enabled: false } });
  await trackedSku(s.client, 'OTHER', 'OT-{D:4}');
  await s.client.serials.register('OTHER', ['OT-0001']);
  return { ...s, kb: kb as string[] };
}

async function createOrder(
  client: Awaited<ReturnType<typeof packing>>['client'],
  id = 'ORD-1',
  lines: { sku: string; quantity: number }[] = [
    { sku: 'SKU-1', quantity: 2 },
    { sku: 'CABLE', quantity: 1 },
  ],
): Promise<Order> {
  return client.orders.create({
    id,
    channel: 'b2c',
    customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada' },
    lines,
    source: 'manual',
  });
}

const outcome = (result: PickResult) => [result.outcome, result.sku, result.serial];

function reasonOf(error: unknown): unknown {
  expect(ConflictError.isInstance(error)).toBe(true);
  return (error as ConflictError).details?.reason;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe.each<StoreKind>(['memory', 'sqlite'])('orders (%s)', (kind) => {
  it('creates, reads and lists orders; an existing id is a conflict, an unknown SKU not found', async () => {
    const { client } = await packing(kind);
    const order = await createOrder(client);
    expect(order).toEqual({
      id: 'ORD-1',
      channel: 'b2c',
      customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada' },
      source: 'manual',
      status: 'open',
      lines: [
        { sku: 'SKU-1', quantity: 2, picked: 0, shipped: 0 },
        { sku: 'CABLE', quantity: 1, picked: 0, shipped: 0 },
      ],
      picks: [],
      shipments: [],
      createdAt: '2024-05-01T12:00:00.000Z',
      updatedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(await client.orders.get('ORD-1')).toEqual(order);
    expect(reasonOf(await rejection(createOrder(client)))).toBe('order_exists');
    expect(
      NotFoundError.isInstance(
        await rejection(createOrder(client, 'ORD-X', [{ sku: 'NOPE', quantity: 1 }])),
      ),
    ).toBe(true);
    expect(NotFoundError.isInstance(await rejection(client.orders.get('ORD-X')))).toBe(true);
    // One line per SKU; b2b needs an account.
    const repeated = createOrder(client, 'ORD-R', [
      { sku: 'KB', quantity: 1 },
      { sku: 'KB', quantity: 2 },
    ]);
    expect(ValidationError.isInstance(await rejection(repeated))).toBe(true);
    const b2b = client.orders.create({
      id: 'ORD-B',
      channel: 'b2b',
      lines: [{ sku: 'KB', quantity: 1 }],
    });
    expect(ValidationError.isInstance(await rejection(b2b))).toBe(true);

    await createOrder(client, 'ORD-2', [{ sku: 'KB', quantity: 1 }]);
    expect((await client.orders.list()).items.map((o) => o.id)).toEqual(['ORD-2', 'ORD-1']);
    expect((await client.orders.list({ sku: 'KB' })).items.map((o) => o.id)).toEqual(['ORD-2']);
    await client.orders.cancel('ORD-2');
    expect((await client.orders.list({ status: 'open' })).items.map((o) => o.id)).toEqual([
      'ORD-1',
    ]);
    const all: string[] = [];
    for await (const o of client.orders.list({ limit: 1 })) all.push(o.id);
    expect(all).toEqual(['ORD-2', 'ORD-1']);
  });

  it('picks: accepted allocates the unit with an event; every refusal is a result', async () => {
    const { client, store, kb } = await packing(kind);
    await createOrder(client, 'ORD-1', [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'KB', quantity: 1 },
      { sku: 'CABLE', quantity: 1 },
    ]);
    const accepted = await client.orders.pick('ORD-1', ' sn-000001 ');
    expect(outcome(accepted)).toEqual(['accepted', 'SKU-1', sn(1)]);
    expect(accepted.order.picks).toEqual([
      { sku: 'SKU-1', serial: sn(1), at: '2024-05-01T12:00:00.000Z' },
    ]);
    expect(accepted.order.lines[0]).toEqual({ sku: 'SKU-1', quantity: 2, picked: 1, shipped: 0 });
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('allocated');
    const events = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'allocated' });
    expect(events.items.map((e) => e.data)).toEqual([{ orderId: 'ORD-1' }]);

    // A scanned Digital Link and a GS1 element string are read before any format check.
    const link = await client.orders.pick('ORD-1', `https://shop.example/01/${GTIN}/21/${sn(2)}`, {
      sku: 'SKU-1',
    });
    expect(outcome(link)).toEqual(['accepted', 'SKU-1', sn(2)]);
    expect(outcome(await client.orders.pick('ORD-1', `(01)${GTIN}(21)${sn(3)}`))).toEqual([
      'line_full',
      'SKU-1',
      sn(3),
    ]);
    expect(outcome(await client.orders.pick('ORD-1', sn(1)))).toEqual([
      'already_picked',
      'SKU-1',
      sn(1),
    ]);
    expect(outcome(await client.orders.pick('ORD-1', 'OT-0001'))).toEqual([
      'wrong_sku',
      'OTHER',
      'OT-0001',
    ]);
    expect(outcome(await client.orders.pick('ORD-1', 'SN-000099'))).toEqual([
      'not_registered',
      'SKU-1',
      'SN-000099',
    ]);
    expect((await client.orders.pick('ORD-1', '???')).outcome).toBe('invalid');

    // One wrong digit of a registered Luhn serial: the registered one is suggested.
    const good = kb[0]!;
    const last = good.length - 2;
    const typo = `${good.slice(0, last)}${(Number(good[last]) + 1) % 10}${good.slice(last + 1)}`;
    const mistyped = await client.orders.pick('ORD-1', typo);
    expect(mistyped.outcome).toBe('mistyped');
    expect(mistyped.suggestions).toContainEqual({ sku: 'KB', serial: good });

    // The order after each refusal is unchanged.
    expect(mistyped.order.picks.map((p) => p.serial)).toEqual([sn(1), sn(2)]);
  });

  it('picks: shipped, recalled, returned and allocated units are refused', async () => {
    const { client, store } = await packing(kind);
    await createOrder(client, 'ORD-1', [{ sku: 'SKU-1', quantity: 5 }]);
    await createOrder(client, 'ORD-2', [{ sku: 'SKU-1', quantity: 5 }]);
    await client.shipments.create({
      orderId: 'ORD-0',
      channel: 'b2c',
      customer: { email: 'bo@example.com' },
      lines: [{ sku: 'SKU-1', serials: [sn(1)] }],
    });
    expect(outcome(await client.orders.pick('ORD-1', sn(1)))).toEqual([
      'already_shipped',
      'SKU-1',
      sn(1),
    ]);
    await client.recalls.create({ sku: 'SKU-1', notice: 'Battery', serials: [sn(2)] });
    expect(outcome(await client.orders.pick('ORD-1', sn(2)))).toEqual(['recalled', 'SKU-1', sn(2)]);
    await client.orders.pick('ORD-2', sn(3));
    expect(outcome(await client.orders.pick('ORD-1', sn(3)))).toEqual([
      'already_picked',
      'SKU-1',
      sn(3),
    ]);
    await store.transition([
      {
        sku: 'SKU-1',
        serial: sn(4),
        from: ['in_stock'],
        to: 'quarantined',
        event: { type: 'quarantined', at: '2024-05-01T12:00:00.000Z' },
      },
    ]);
    const unavailable = await client.orders.pick('ORD-1', sn(4));
    expect([unavailable.outcome, unavailable.status]).toEqual(['unavailable', 'quarantined']);
    expect(unavailable.order.picks).toEqual([]);
  });

  it('concurrent picks of one unit by two calls: exactly one wins', async () => {
    const { client, store } = await packing(kind);
    await createOrder(client, 'ORD-1', [{ sku: 'SKU-1', quantity: 2 }]);
    await createOrder(client, 'ORD-2', [{ sku: 'SKU-1', quantity: 3 }]);
    const sameOrder = await Promise.all([
      client.orders.pick('ORD-1', sn(1)),
      client.orders.pick('ORD-1', sn(1)),
    ]);
    expect(sameOrder.map((r) => r.outcome).sort()).toEqual(['accepted', 'already_picked']);
    const twoOrders = await Promise.all([
      client.orders.pick('ORD-1', sn(2)),
      client.orders.pick('ORD-2', sn(2)),
    ]);
    expect(twoOrders.map((r) => r.outcome).sort()).toEqual(['accepted', 'already_picked']);
    const holders = (await client.orders.list()).items.filter((o) =>
      o.picks.some((p) => p.serial === sn(2)),
    );
    expect(holders.length).toBe(1);
    // Two different units at once on one order: both are kept.
    await Promise.all([client.orders.pick('ORD-2', sn(3)), client.orders.pick('ORD-2', sn(4))]);
    const ord2 = await client.orders.get('ORD-2');
    expect(ord2.picks.length).toBe(holders[0]!.id === 'ORD-2' ? 3 : 2);
    expect(ord2.lines[0]?.picked).toBe(ord2.picks.length);
    expect(await store.countSerials({ status: 'allocated' })).toBe(4);
  });

  it('unpick gives the unit back to stock', async () => {
    const { client, store } = await packing(kind);
    await createOrder(client);
    await client.orders.pick('ORD-1', sn(1));
    const order = await client.orders.unpick('ORD-1', { sku: 'SKU-1', serial: sn(1) });
    expect([order.picks, order.lines[0]?.picked]).toEqual([[], 0]);
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('in_stock');
    const events = await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'deallocated' });
    expect(events.items.map((e) => e.data)).toEqual([{ orderId: 'ORD-1' }]);
    const again = client.orders.unpick('ORD-1', { sku: 'SKU-1', serial: sn(1) });
    expect(NotFoundError.isInstance(await rejection(again))).toBe(true);
  });

  it('ship: complete orders only unless partial; untracked lines need no serials; partial shipments recorded', async () => {
    const { client, store, clock } = await packing(kind);
    await createOrder(client);
    await client.orders.pick('ORD-1', sn(1));

    const incomplete = await rejection(client.orders.ship('ORD-1'));
    expect(reasonOf(incomplete)).toBe('order_incomplete');
    expect((incomplete as ConflictError).details?.lines).toEqual([
      { sku: 'SKU-1', quantity: 2, shipped: 0, shipping: 1, missing: 1 },
      { sku: 'CABLE', quantity: 1, shipped: 0, shipping: 0, missing: 1 },
    ]);
    // A tracked line cannot close without serials; an untracked SKU cannot exceed its line.
    const tracked = client.orders.ship('ORD-1', { untracked: [{ sku: 'SKU-1', quantity: 1 }] });
    expect(reasonOf(await rejection(tracked))).toBe('serials_required');
    const over = client.orders.ship('ORD-1', { untracked: [{ sku: 'CABLE', quantity: 2 }] });
    expect(reasonOf(await rejection(over))).toBe('over_quantity');
    const notOnOrder = client.orders.ship('ORD-1', { untracked: [{ sku: 'KB', quantity: 1 }] });
    expect(reasonOf(await rejection(notOnOrder))).toBe('not_on_order');

    clock.advance(5);
    const first = await client.orders.ship('ORD-1', {
      partial: true,
      untracked: [{ sku: 'CABLE', quantity: 1 }],
    });
    expect(first.shipment).toEqual({
      orderId: 'ORD-1',
      shipmentId: 'ORD-1-1',
      channel: 'b2c',
      shippedAt: '2024-05-01T12:05:00.000Z',
      units: [{ sku: 'SKU-1', serial: sn(1) }],
    });
    expect(first.order.status).toBe('partially_shipped');
    expect(first.order.lines).toEqual([
      { sku: 'SKU-1', quantity: 2, picked: 0, shipped: 1 },
      { sku: 'CABLE', quantity: 1, picked: 0, shipped: 1 },
    ]);
    expect(first.order.shipments).toEqual([
      {
        shipmentId: 'ORD-1-1',
        shippedAt: '2024-05-01T12:05:00.000Z',
        units: [{ sku: 'SKU-1', serial: sn(1) }],
        untracked: [{ sku: 'CABLE', quantity: 1 }],
      },
    ]);
    expect(await store.getSerial('SKU-1', sn(1))).toMatchObject({
      status: 'shipped',
      shipment: { orderId: 'ORD-1', shipmentId: 'ORD-1-1', channel: 'b2c' },
    });
    expect(reasonOf(await rejection(client.orders.ship('ORD-1')))).toBe('nothing_to_ship');

    await client.orders.pick('ORD-1', sn(2));
    const second = await client.orders.ship('ORD-1', { shipmentId: 'SHP-2' });
    expect([second.order.status, second.shipment.shipmentId]).toEqual(['shipped', 'SHP-2']);
    expect((await client.orders.list({ status: 'shipped' })).items.map((o) => o.id)).toEqual([
      'ORD-1',
    ]);
    expect(reasonOf(await rejection(client.orders.pick('ORD-1', sn(3))))).toBe('order_closed');
  });

  it('ship refuses a unit recalled after it was picked, and ships nothing', async () => {
    const { client, store } = await packing(kind);
    await createOrder(client, 'ORD-1', [{ sku: 'SKU-1', quantity: 2 }]);
    await client.orders.pick('ORD-1', sn(1));
    await client.orders.pick('ORD-1', sn(2));
    await client.recalls.create({ sku: 'SKU-1', notice: 'Battery', serials: [sn(2)] });
    const error = await rejection(client.orders.ship('ORD-1'));
    expect(reasonOf(error)).toBe('units_blocked');
    expect((error as ConflictError).details?.problems).toEqual([
      { sku: 'SKU-1', serial: sn(2), reason: 'recalled', status: 'allocated' },
    ]);
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('allocated');
    expect((await client.orders.get('ORD-1')).shipments).toEqual([]);
  });

  it('cancel releases the picks; cancelShipment puts units back in stock and reopens the lines', async () => {
    const { client, store, clock } = await packing(kind);
    await createOrder(client, 'ORD-1', [{ sku: 'SKU-1', quantity: 2 }]);
    await client.orders.pick('ORD-1', sn(1));
    await client.orders.pick('ORD-1', sn(2));
    const { order: shipped } = await client.orders.ship('ORD-1');
    expect(shipped.status).toBe('shipped');

    clock.advance(60);
    const reopened = await client.orders.cancelShipment('ORD-1', 'ORD-1-1');
    expect(reopened.status).toBe('open');
    expect(reopened.lines).toEqual([{ sku: 'SKU-1', quantity: 2, picked: 0, shipped: 0 }]);
    expect(reopened.shipments[0]?.cancelledAt).toBe('2024-05-01T13:00:00.000Z');
    const unit = await store.getSerial('SKU-1', sn(1));
    expect([unit?.status, unit?.shipment]).toEqual(['in_stock', undefined]);
    // A cancelled shipment never left: it is not one of the unit's owners.
    expect((await client.serials.lookup(sn(1), { sku: 'SKU-1' })).shipments).toEqual([]);
    const events = await store.listEvents({ sku: 'SKU-1', serial: sn(1) });
    expect(events.items.map((e) => [e.type, e.data])).toEqual([
      ['allocated', { orderId: 'ORD-1' }],
      ['shipped', { orderId: 'ORD-1', shipmentId: 'ORD-1-1', channel: 'b2c' }],
      ['shipment_cancelled', { orderId: 'ORD-1', shipmentId: 'ORD-1-1' }],
    ]);
    const twice = client.orders.cancelShipment('ORD-1', 'ORD-1-1');
    expect(reasonOf(await rejection(twice))).toBe('shipment_cancelled');
    const missing = client.orders.cancelShipment('ORD-1', 'nope');
    expect(NotFoundError.isInstance(await rejection(missing))).toBe(true);

    await client.orders.pick('ORD-1', sn(1));
    const cancelled = await client.orders.cancel('ORD-1');
    expect([cancelled.status, cancelled.picks]).toEqual(['cancelled', []]);
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('in_stock');
    expect(reasonOf(await rejection(client.orders.cancel('ORD-1')))).toBe('order_closed');
  });
});
