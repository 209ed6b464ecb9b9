import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/errors.js';
import { b2c, SN, type StoreKind, setup, sn, trackedSku } from './fixtures.js';

async function recallSetup(kind: StoreKind) {
  const s = setup({ kind });
  await trackedSku(s.client, 'SKU-1', SN);
  await trackedSku(s.client, 'SKU-2', SN);
  await s.client.serials.register(
    'SKU-1',
    Array.from({ length: 10 }, (_, i) => ({
      serial: sn(i + 1),
      lot: i < 5 ? 'L1' : 'L2',
      manufacturedAt: `2024-01-${String(i + 1).padStart(2, '0')}`,
    })),
  );
  await s.client.serials.register('SKU-2', [sn(1), sn(2)]);
  await s.client.shipments.create(
    b2c('ORD-1', 'SKU-1', [sn(1), sn(2)], {
      id: 'C-1',
      email: 'ada@example.com',
      name: '=HYPERLINK("http://x")',
    }),
  );
  await s.client.shipments.create({
    orderId: 'PO-7',
    channel: 'b2b',
    account: { id: 'ACC-1', name: '@Reseller' },
    lines: [{ sku: 'SKU-1', serials: [sn(3)] }],
  });
  return s;
}

describe.each<StoreKind>(['memory', 'sqlite'])('recalls (%s)', (kind) => {
  it('recalls a lot, counts units by status and flags them', async () => {
    const { client, store } = await recallSetup(kind);
    const recall = await client.recalls.create({
      sku: 'SKU-1',
      lot: 'L1',
      notice: 'Battery may overheat',
      url: 'https://example.com/recall',
    });
    expect(recall).toEqual({
      id: expect.stringMatching(/^rcl_[0-9a-f]{20}$/),
      sku: 'SKU-1',
      notice: 'Battery may overheat',
      url: 'https://example.com/recall',
      status: 'open',
      criteria: { lot: 'L1' },
      createdAt: '2024-05-01T12:00:00.000Z',
      counts: { affected: 5, shipped: 3, inStock: 2, other: 0 },
    });
    expect(await client.recalls.get(recall.id)).toEqual(recall);
    expect(await store.countSerials({ recallId: recall.id })).toBe(5);
    expect(await store.countSerials({ sku: 'SKU-2', recalled: true })).toBe(0);
    expect((await store.listEvents({ type: 'recalled' })).items).toHaveLength(5);
  });

  it('selects by canonical range, manufacture window and explicit serials together', async () => {
    const { client, store } = await recallSetup(kind);
    const byRange = await client.recalls.create({
      sku: 'SKU-1',
      range: { from: 'sn 000004', to: 'SN-000008' },
      manufacturedBetween: { from: '2024-01-05', to: '2024-01-07' },
      notice: 'Range',
    });
    expect(byRange.counts.affected).toBe(3);
    expect(byRange.criteria).toEqual({
      range: { from: sn(4), to: sn(8) },
      manufacturedBetween: { from: '2024-01-05', to: '2024-01-07' },
    });
    const bySerials = await client.recalls.create({
      sku: 'SKU-1',
      serials: [sn(9), 'sn 000010'],
      notice: 'List',
    });
    expect(bySerials.counts).toEqual({ affected: 2, shipped: 0, inStock: 2, other: 0 });
    expect(bySerials.criteria).toEqual({ serials: 2 });
    expect((await store.getSerial('SKU-1', sn(10)))?.recallId).toBe(bySerials.id);
  });

  it('selects a range by number when the format numbers units with a variable length', async () => {
    const { client, store } = setup({ kind });
    await trackedSku(client, 'VAR', 'SN-{D:1-6}');
    await client.serials.register(
      'VAR',
      Array.from({ length: 120 }, (_, i) => `SN-${i + 1}`),
    );
    const selection = { sku: 'VAR', range: { from: 'sn-9', to: 'SN-12' } };
    expect((await client.recalls.preview(selection)).affected).toBe(4);
    const recall = await client.recalls.create({ ...selection, notice: 'Range by number' });
    expect(recall.counts.affected).toBe(4);
    expect(recall.criteria).toEqual({ range: { from: 'SN-9', to: 'SN-12' } });
    const marked = (await store.listSerials({ recallId: recall.id })).items.map((u) => u.serial);
    expect(marked.sort()).toEqual(['SN-10', 'SN-11', 'SN-12', 'SN-9']);
    // Across more lengths: 99 to 101 is three units, not every serial from 'SN-101' to 'SN-99'.
    const wide = await client.recalls.preview({
      sku: 'VAR',
      range: { from: 'SN-99', to: 'SN-101' },
    });
    expect(wide.affected).toBe(3);
  });

  it('rejects invalid serials and unknown SKUs', async () => {
    const { client } = await recallSetup(kind);
    const error = await client.recalls
      .create({ sku: 'SKU-1', serials: [sn(1), 'bad'], notice: 'x' })
      .catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues?.[0]).toMatchObject({ path: ['serials', 1] });
    await expect(
      client.recalls.create({ sku: 'SKU-1', notice: 'no criteria' } as never),
    ).rejects.toSatisfy(ValidationError.isInstance);
    await expect(client.recalls.create({ sku: 'nope', lot: 'L1', notice: 'x' })).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
    await expect(client.recalls.get('rcl_missing')).rejects.toSatisfy(NotFoundError.isInstance);
  });

  it('lists the orders and customers to contact, grouped by order', async () => {
    const { client } = await recallSetup(kind);
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    const contacts = await client.recalls.affected(recall.id).toArray();
    expect(contacts).toEqual([
      {
        kind: 'customer',
        orderId: 'ORD-1',
        orderIds: ['ORD-1'],
        channel: 'b2c',
        customerId: 'C-1',
        email: 'ada@example.com',
        name: '=HYPERLINK("http://x")',
        sku: 'SKU-1',
        serials: [sn(1), sn(2)],
        units: [
          { sku: 'SKU-1', serial: sn(1) },
          { sku: 'SKU-1', serial: sn(2) },
        ],
        shippedAt: '2024-05-01T12:00:00.000Z',
      },
      {
        kind: 'account',
        orderId: 'PO-7',
        orderIds: ['PO-7'],
        channel: 'b2b',
        accountId: 'ACC-1',
        accountName: '@Reseller',
        sku: 'SKU-1',
        serials: [sn(3)],
        units: [{ sku: 'SKU-1', serial: sn(3) }],
        shippedAt: '2024-05-01T12:00:00.000Z',
      },
    ]);
    const first = await client.recalls.affected(recall.id, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    await expect(client.recalls.affected('rcl_missing').toArray()).rejects.toSatisfy(
      NotFoundError.isInstance,
    );
  });

  it('writes the contact list as CSV with formula cells neutralized', async () => {
    const { client } = await recallSetup(kind);
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    const lines: string[] = [];
    for await (const line of client.recalls.affectedCsv(recall.id)) lines.push(line);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    const rows = parse(lines.join(''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      order_id: 'ORD-1',
      name: `'=HYPERLINK("http://x")`,
      serials: `SKU-1/${sn(1)} SKU-1/${sn(2)}`,
    });
    expect(rows[1]).toMatchObject({ order_id: 'PO-7', account_name: "'@Reseller" });
  });

  it('lists recalls newest first', async () => {
    const { client, clock } = await recallSetup(kind);
    const a = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'a' });
    clock.advance(5);
    const b = await client.recalls.create({ sku: 'SKU-1', lot: 'L2', notice: 'b' });
    expect((await client.recalls.list()).items.map((r) => r.id)).toEqual([b.id, a.id]);
  });
});
