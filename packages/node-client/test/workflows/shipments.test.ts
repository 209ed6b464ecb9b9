import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors.js';
import type { ShipmentProblem } from '../../src/workflows/shipments.js';
import { b2c, registerRange, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

function problemsOf(error: unknown): ShipmentProblem[] {
  expect(ConflictError.isInstance(error)).toBe(true);
  return (error as ConflictError).details?.problems as ShipmentProblem[];
}

describe.each<StoreKind>(['memory', 'sqlite'])('shipments.create (%s)', (kind) => {
  it('ships units to a B2C customer: status, shipment and event recorded', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 3);

    const shipment = await client.shipments.create({
      ...b2c('ORD-1', 'SKU-1', ['sn 000001', sn(2)]),
      shipmentId: 'SHP-1',
    });
    expect(shipment).toEqual({
      orderId: 'ORD-1',
      shipmentId: 'SHP-1',
      channel: 'b2c',
      shippedAt: '2024-05-01T12:00:00.000Z',
      units: [
        { sku: 'SKU-1', serial: sn(1) },
        { sku: 'SKU-1', serial: sn(2) },
      ],
    });
    const unit = await store.getSerial('SKU-1', sn(1));
    expect(unit).toMatchObject({
      status: 'shipped',
      shipment: {
        orderId: 'ORD-1',
        shipmentId: 'SHP-1',
        channel: 'b2c',
        customer: { id: 'C-ORD-1', email: 'ada@example.com' },
        shippedAt: '2024-05-01T12:00:00.000Z',
      },
    });
    const events = await store.listEvents({ sku: 'SKU-1', serial: sn(1) });
    expect(events.items).toEqual([
      expect.objectContaining({
        type: 'shipped',
        at: '2024-05-01T12:00:00.000Z',
        data: { orderId: 'ORD-1', shipmentId: 'SHP-1', channel: 'b2c' },
      }),
    ]);
    expect((await store.getSerial('SKU-1', sn(3)))?.status).toBe('in_stock');
  });

  it('ships to a B2B account with a given date across several SKUs', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'A', SN);
    await trackedSku(client, 'B', 'B{D:3}');
    await registerRange(client, 'A', 1);
    await client.serials.register('B', ['B001']);
    await client.shipments.create({
      orderId: 'PO-9',
      channel: 'b2b',
      account: { id: 'ACC-1', name: 'Reseller Ltd' },
      shippedAt: '2024-04-30T10:00:00+02:00',
      lines: [
        { sku: 'A', serials: [sn(1)] },
        { sku: 'B', serials: ['b001'] },
      ],
    });
    expect(await store.getSerial('B', 'B001')).toMatchObject({
      status: 'shipped',
      shipment: {
        channel: 'b2b',
        account: { id: 'ACC-1', name: 'Reseller Ltd' },
        shippedAt: '2024-04-30T08:00:00.000Z',
      },
    });
  });

  it('names every problem and applies nothing', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    await trackedSku(client, 'SKU-2', SN);
    await registerRange(client, 'SKU-1', 5);
    await client.serials.register('SKU-2', [sn(50)]);
    await client.shipments.create(b2c('ORD-0', 'SKU-1', [sn(2)]));
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(3)], notice: 'Recalled' });

    const error = await client.shipments
      .create(
        b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3), sn(9), sn(50), 'SN-12', 'sn 000001', sn(4)]),
      )
      .catch((e: unknown) => e);
    expect(problemsOf(error)).toEqual([
      {
        sku: 'SKU-1',
        serial: 'SN-12',
        reason: 'invalid_format',
        issues: [expect.objectContaining({ code: expect.any(String) })],
      },
      { sku: 'SKU-1', serial: sn(1), reason: 'repeated' },
      { sku: 'SKU-1', serial: sn(2), reason: 'not_in_stock', status: 'shipped' },
      { sku: 'SKU-1', serial: sn(3), reason: 'recalled' },
      { sku: 'SKU-1', serial: sn(9), reason: 'not_found' },
      { sku: 'SKU-1', serial: sn(50), reason: 'wrong_sku', actualSku: 'SKU-2' },
    ]);
    expect((error as ConflictError).message).toMatch(/ORD-1/);
    expect((await store.getSerial('SKU-1', sn(1)))?.status).toBe('in_stock');
    expect((await store.getSerial('SKU-1', sn(4)))?.status).toBe('in_stock');
    expect(await store.countSerials({ orderId: 'ORD-1' })).toBe(0);
  });

  it('rejects malformed shipments and unknown SKUs', async () => {
    const { client } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    const noCustomer = {
      orderId: 'O',
      channel: 'b2c' as const,
      lines: [{ sku: 'SKU-1', serials: [sn(1)] }],
    };
    const error = await client.shipments.create(noCustomer).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({ path: ['channel'] });
    await expect(client.shipments.create(b2c('O', 'NOPE', [sn(1)]))).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
  });

  it('lets exactly one of many concurrent shipments of a unit win', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 2);
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        client.shipments.create(b2c(`ORD-${i}`, 'SKU-1', [sn(1)])),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const { reason } of lost) {
      expect(problemsOf(reason)).toEqual([
        { sku: 'SKU-1', serial: sn(1), reason: 'not_in_stock', status: 'shipped' },
      ]);
    }
    const winner = (won[0] as PromiseFulfilledResult<{ orderId: string }>).value.orderId;
    expect((await store.getSerial('SKU-1', sn(1)))?.shipment?.orderId).toBe(winner);
    expect(
      (await store.listEvents({ sku: 'SKU-1', serial: sn(1), type: 'shipped' })).items,
    ).toHaveLength(1);
  });

  it('lets one of two concurrent shipments sharing a unit win, and keeps the loser all-or-nothing', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 3);
    const results = await Promise.allSettled([
      client.shipments.create(b2c('ORD-A', 'SKU-1', [sn(1), sn(2)])),
      client.shipments.create(b2c('ORD-B', 'SKU-1', [sn(3), sn(2)])),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const shipped = await store.listSerials({ sku: 'SKU-1', status: 'shipped' });
    const orders = new Set(shipped.items.map((u) => u.shipment?.orderId));
    expect(shipped.items).toHaveLength(2);
    expect(orders.size).toBe(1);
  });
});
