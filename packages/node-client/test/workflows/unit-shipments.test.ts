import { describe, expect, it } from 'vitest';
import { b2c, registerRange, SN, setup, sn, trackedSku } from './fixtures.js';

/** SN-000001 sold in ORD-1, returned and restocked, then sold to a reseller in PO-2. */
async function resold() {
  const s = setup();
  await trackedSku(s.client, 'SKU-1', SN);
  await registerRange(s.client, 'SKU-1', 3);
  await s.client.shipments.create(
    b2c('ORD-1', 'SKU-1', [sn(1), sn(2)], { email: 'ada@example.com', postcode: 'EC1A 1BB' }),
  );
  s.clock.advance(60);
  await s.client.returns.accept({ orderId: 'ORD-1', serial: sn(1), reason: 'Changed mind' });
  s.clock.advance(60);
  await s.client.shipments.create({
    orderId: 'PO-2',
    shipmentId: 'SHP-2',
    channel: 'b2b',
    account: { id: 'RES-9', name: 'Keys & Co' },
    lines: [{ sku: 'SKU-1', serials: [sn(1)] }],
  });
  return s;
}

describe("a unit's every owner", () => {
  it('lookup and trace list every order the unit shipped in, oldest first', async () => {
    const { client } = await resold();
    const expected = [
      {
        orderId: 'ORD-1',
        channel: 'b2c',
        shippedAt: '2024-05-01T12:00:00.000Z',
        returnedAt: '2024-05-01T13:00:00.000Z',
      },
      {
        orderId: 'PO-2',
        shipmentId: 'SHP-2',
        channel: 'b2b',
        accountId: 'RES-9',
        shippedAt: '2024-05-01T14:00:00.000Z',
      },
    ];
    expect((await client.serials.lookup(sn(1))).shipments).toEqual(expected);
    const trace = await client.trace(sn(1));
    expect(trace.shipments).toEqual(expected);
    expect(trace.soldTo?.orderId).toBe('PO-2');
    // Shipped once, never returned; never shipped.
    expect((await client.serials.lookup(sn(2))).shipments.map((s) => s.orderId)).toEqual(['ORD-1']);
    expect((await client.serials.lookup(sn(3))).shipments).toEqual([]);
  });

  it('a return against the earlier order is already_returned, not a mismatch', async () => {
    const { client } = await resold();
    expect(await client.returns.check({ orderId: 'ORD-1', serial: sn(1) })).toEqual({
      orderId: 'ORD-1',
      serial: sn(1),
      sku: 'SKU-1',
      verdict: 'already_returned',
    });
    expect((await client.returns.check({ orderId: 'PO-2', serial: sn(1) })).verdict).toBe('match');
    expect((await client.returns.check({ orderId: 'ORD-9', serial: sn(1) })).verdict).toBe(
      'mismatch',
    );
    // The customer of the earlier order, proving it with the unit still in it.
    expect(
      await client.returns.checkPublic({
        orderId: 'ORD-1',
        email: 'ada@example.com',
        serial: sn(1),
      }),
    ).toMatchObject({ verdict: 'already_returned' });
    // A wrong proof still learns nothing.
    expect(
      (
        await client.returns.checkPublic({
          orderId: 'ORD-1',
          email: 'eve@example.com',
          serial: sn(1),
        })
      ).verdict,
    ).toBe('order_not_found');
  });
});
