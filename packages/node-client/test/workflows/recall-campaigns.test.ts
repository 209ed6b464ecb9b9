import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../src/errors.js';
import { b2c, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

/** Two SKUs; units 1–3 of each shipped on day 1, 4–5 on day 10, 6 in stock. */
async function campaignSetup(kind: StoreKind) {
  const s = setup({ kind });
  for (const sku of ['KB', 'MS']) {
    await trackedSku(s.client, sku, SN);
    await s.client.serials.register(
      sku,
      Array.from({ length: 6 }, (_, i) => sn(i + 1)),
    );
  }
  await s.client.shipments.create({
    ...b2c('ORD-1', 'KB', [sn(1), sn(2)], { id: 'C-1', email: 'ada@example.com' }),
    lines: [
      { sku: 'KB', serials: [sn(1), sn(2)] },
      { sku: 'MS', serials: [sn(1)] },
    ],
  });
  await s.client.shipments.create({
    orderId: 'PO-7',
    channel: 'b2b',
    account: { id: 'ACC-1', name: 'Reseller', contactName: 'Bob', phone: '+49 30 1234' },
    lines: [
      { sku: 'KB', serials: [sn(3)] },
      { sku: 'MS', serials: [sn(2), sn(3)] },
    ],
  });
  s.clock.advance(9 * 24 * 60);
  await s.client.shipments.create(
    b2c('ORD-2', 'KB', [sn(4), sn(5)], { id: 'C-2', email: 'ada@example.com' }),
  );
  await s.client.shipments.create({
    orderId: 'ORD-3',
    channel: 'b2c',
    customer: { id: 'C-3' },
    lines: [{ sku: 'MS', serials: [sn(4), sn(5)] }],
  });
  s.clock.advance(24 * 60);
  return s;
}

describe.each(['memory', 'sqlite'] as const)('recall campaigns (%s)', (kind) => {
  it('spans several SKUs and selects by shipment window', async () => {
    const { client } = await campaignSetup(kind);
    const recall = await client.recalls.create({
      skus: ['KB', 'MS'],
      shippedBetween: { from: '2024-05-01', to: '2024-05-01' },
      notice: 'First batch overheats',
    });
    expect(recall).toMatchObject({
      sku: 'KB',
      skus: ['KB', 'MS'],
      status: 'open',
      criteria: { shippedBetween: { from: '2024-05-01', to: '2024-05-01' } },
      counts: { affected: 6, shipped: 6, inStock: 0, other: 0 },
    });
    expect((await client.serials.lookup(sn(4), { sku: 'KB' })).record.recallId).toBe(undefined);
    expect((await client.serials.lookup(sn(3), { sku: 'MS' })).record.recallId).toBe(recall.id);
    await expect(
      client.recalls.create({ sku: 'KB', skus: ['MS'], lot: 'x', notice: 'x' }),
    ).rejects.toSatisfy(ValidationError.isInstance);
  });

  it('lists one row per contact: customers, accounts and registered owners', async () => {
    const { client } = await campaignSetup(kind);
    await client.owners.register({
      input: sn(4),
      sku: 'MS',
      name: 'Grace',
      email: 'grace@example.com',
      consent: true,
    });
    const recall = await client.recalls.create({
      skus: ['KB', 'MS'],
      range: { from: sn(1), to: sn(5) },
      notice: 'x',
    });
    const contacts = await client.recalls.affected(recall.id).toArray();
    const summary = contacts.map((c) => ({
      kind: c.kind,
      name: c.name,
      email: c.email,
      phone: c.phone,
      orders: c.orderIds,
      units: c.units.map((u) => `${u.sku}/${u.serial}`).sort(),
    }));
    expect(summary).toEqual([
      {
        kind: 'customer',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: undefined,
        orders: ['ORD-1', 'ORD-2'],
        units: ['KB/SN-000001', 'KB/SN-000002', 'KB/SN-000004', 'KB/SN-000005', 'MS/SN-000001'],
      },
      {
        kind: 'account',
        // The account's contact, as the shipment gave it.
        name: 'Bob',
        email: undefined,
        phone: '+49 30 1234',
        orders: ['PO-7'],
        units: ['KB/SN-000003', 'MS/SN-000002', 'MS/SN-000003'],
      },
      {
        kind: 'customer',
        name: undefined,
        email: undefined,
        phone: undefined,
        orders: ['ORD-3'],
        units: ['MS/SN-000004', 'MS/SN-000005'],
      },
      {
        kind: 'owner',
        name: 'Grace',
        email: 'grace@example.com',
        phone: undefined,
        orders: [],
        units: ['MS/SN-000004'],
      },
    ]);
  });

  it('shows progress and closes', async () => {
    const { client, clock } = await campaignSetup(kind);
    const recall = await client.recalls.create({
      skus: ['KB', 'MS'],
      range: { from: sn(1), to: sn(6) },
      notice: 'x',
    });
    await client.owners.register({
      input: sn(4),
      sku: 'MS',
      name: 'Grace',
      email: 'grace@example.com',
      consent: true,
    });
    const before = await client.recalls.progress(recall.id);
    clock.advance(1);
    await client.returns.accept({ orderId: 'ORD-1', serial: sn(1), sku: 'KB' });
    await client.warranty.claim(
      sn(2),
      { decision: 'accepted', reason: 'recall', resolution: 'replaced' },
      { sku: 'KB' },
    );
    const progress = await client.recalls.progress(recall.id);
    expect(progress).toEqual({
      recallId: recall.id,
      status: 'open',
      affected: 12,
      returned: 1,
      replaced: 1,
      // No email or phone: ORD-3's customer (MS 5; MS 4 has a registered owner). PO-7's account
      // is reached by its contact's phone.
      unreachable: 1,
    });

    expect(before).toMatchObject({ returned: 0, replaced: 0, unreachable: 1 });

    const closed = await client.recalls.close(recall.id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2024-05-11T12:01:00.000Z' });
    expect(await client.recalls.get(recall.id)).toEqual(closed);
    expect((await client.recalls.progress(recall.id)).status).toBe('closed');
    await expect(client.recalls.close(recall.id)).rejects.toSatisfy(ConflictError.isInstance);
    // Closing the campaign keeps the units flagged.
    expect((await client.verify(sn(3), { sku: 'KB', fingerprint: 'f' })).status).toBe('recalled');
  });
});
