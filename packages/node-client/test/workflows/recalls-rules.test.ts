/**
 * The rules of recalls beyond the common selections: what a recall records (and leaves out),
 * counts by status, large serial lists, preview, the refusals and their words, and paging of
 * the contact list with cursors that cannot be forged. Written from the survivors of the
 * mutation run.
 */
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  ValidationError,
} from '../../src/errors.js';
import {
  b2c,
  createStore,
  errorOf,
  override,
  registerRange,
  SN,
  setup,
  sn,
  trackedSku,
} from './fixtures.js';

/** SKU-1 with units 1–6: 1–2 shipped, 3 returned, 4–6 in stock (lots L1 for 1–3, L2 after). */
async function stock(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  await trackedSku(s.client, 'SKU-1', SN);
  await s.client.serials.register(
    'SKU-1',
    Array.from({ length: 6 }, (_, i) => ({ serial: sn(i + 1), lot: i < 3 ? 'L1' : 'L2' })),
  );
  await s.client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3)]));
  await s.client.returns.accept({ orderId: 'ORD-1', serial: sn(3), disposition: 'quarantine' });
  return s;
}

describe('recalls.create', () => {
  it('records only the criteria given, and the SKU list when SKUs were listed', async () => {
    const { client, store } = await stock();
    const byRange = await client.recalls.create({
      skus: ['SKU-1'],
      range: { from: sn(5), to: sn(6) },
      notice: 'x',
    });
    expect(Object.keys(byRange).sort()).toEqual(
      ['counts', 'createdAt', 'criteria', 'id', 'notice', 'skus', 'sku', 'status'].sort(),
    );
    expect(byRange.skus).toEqual(['SKU-1']);
    expect(byRange.criteria).toStrictEqual({ range: { from: sn(5), to: sn(6) } });
    const [event] = (await store.listEvents({ sku: 'SKU-1', serial: sn(5), type: 'recalled' }))
      .items;
    expect(event?.data).toEqual({ recallId: byRange.id });
  });

  it('counts recalled units by status: shipped, in stock and the others', async () => {
    const { client } = await stock();
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    expect(recall.counts).toEqual({ affected: 3, shipped: 2, inStock: 0, other: 1 });
    const rest = await client.recalls.create({ sku: 'SKU-1', lot: 'L2', notice: 'y' });
    expect(rest.counts).toEqual({ affected: 3, shipped: 0, inStock: 3, other: 0 });
  });

  it('marks a long list of serials in chunks of 5,000', async () => {
    const inner = createStore();
    const chunks: number[] = [];
    const store = override(inner, {
      markRecalled: (filter, recallId, event) => {
        chunks.push(filter.serials?.length ?? -1);
        return inner.markRecalled(filter, recallId, event);
      },
    });
    const { client } = setup({ store });
    await trackedSku(client, 'SKU-1', SN);
    await registerRange(client, 'SKU-1', 5001);
    const serials = Array.from({ length: 5001 }, (_, i) => sn(i + 1));
    const recall = await client.recalls.create({ sku: 'SKU-1', serials, notice: 'x' });
    expect(chunks).toEqual([5000, 1]);
    expect(recall.counts.affected).toBe(5001);
    expect(await store.countSerials({ recallId: recall.id })).toBe(5001);
  });

  it('refuses a range whose ends do not read, naming the end', async () => {
    const { client } = await stock();
    for (const [range, path] of [
      [{ from: 'SN-1', to: sn(2) }, ['range', 'from']],
      [{ from: sn(1), to: 'SN-2' }, ['range', 'to']],
    ] as const) {
      const error = await errorOf(client.recalls.create({ sku: 'SKU-1', range, notice: 'x' }));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error.issues!.map((issue) => issue.path)).toEqual([path]);
    }
  });

  it('takes a serial that reads in any one of the SKUs, and counts every invalid one', async () => {
    const { client } = setup();
    await trackedSku(client, 'SKU-A', 'A-{D:4}');
    await trackedSku(client, 'SKU-B', SN);
    await registerRange(client, 'SKU-B', 1);
    const recall = await client.recalls.create({
      skus: ['SKU-A', 'SKU-B'],
      serials: [sn(1)],
      notice: 'x',
    });
    expect(recall.counts.affected).toBe(1);
    const bad = Array.from({ length: 101 }, (_, i) => `bad-${i}`);
    const error = await errorOf(client.recalls.create({ sku: 'SKU-B', serials: bad, notice: 'x' }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.message).toBe('Some serials of the recall are not valid for this SKU');
    expect(error.issues).toHaveLength(100);
    expect(error.details).toEqual({ invalid: 101 });
  });

  it('names what was invalid', async () => {
    const { client } = await stock();
    const create = await errorOf(client.recalls.create({ sku: 'SKU-1' } as never));
    expect(create.message).toBe('Invalid recall');
    const preview = await errorOf(client.recalls.preview({ sku: 'SKU-1', lot: 42 as never }));
    expect(preview.message).toBe('Invalid recall selection');
  });
});

describe('recalls: reading and closing', () => {
  it('says which recall was not found, and which is closed already', async () => {
    const { client } = await stock();
    const missing = await errorOf(client.recalls.get('rcl_nope'));
    expect(NotFoundError.isInstance(missing)).toBe(true);
    expect(missing.message).toBe('Recall rcl_nope not found');
    expect(missing.details).toEqual({ id: 'rcl_nope' });
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    const closed = await client.recalls.close(recall.id);
    const twice = await errorOf(client.recalls.close(recall.id));
    expect(ConflictError.isInstance(twice)).toBe(true);
    expect(twice.message).toBe(`Recall ${recall.id} is closed already`);
    expect(twice.details).toEqual({ id: recall.id, closedAt: closed.closedAt });
  });

  it('closes once under concurrent closes, logging each unit once', async () => {
    const { client, store } = await stock();
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    const results = await Promise.allSettled([
      client.recalls.close(recall.id),
      client.recalls.close(recall.id),
    ]);
    const closed = results.find((result) => result.status === 'fulfilled');
    const refused = results.find((result) => result.status === 'rejected');
    expect(ConflictError.isInstance(refused?.reason)).toBe(true);
    expect(refused?.reason.message).toBe(`Recall ${recall.id} is closed already`);
    expect(refused?.reason.details).toEqual({ id: recall.id, closedAt: closed?.value.closedAt });
    const logged = await store.listEvents({ type: 'recall_closed' });
    expect(logged.items.map((event) => [event.serial, event.data])).toEqual(
      [1, 2, 3].map((n) => [sn(n), { recallId: recall.id }]),
    );
  });

  it('reads a recall stored without a status as open', async () => {
    const { client, store } = await stock();
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    const { status: _status, ...legacy } = recall;
    await store.putRecall(legacy);
    expect((await client.recalls.get(recall.id)).status).toBe('open');
  });

  it('lists recalls a page at a time', async () => {
    const { client } = await stock();
    await client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    await client.recalls.create({ sku: 'SKU-1', lot: 'L2', notice: 'y' });
    const first = await client.recalls.list({}, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBe(null);
    expect(await client.recalls.list({}, { limit: 1 }).toArray()).toHaveLength(2);
  });
});

describe('recalls.preview', () => {
  it('counts by status over every SKU, and what is recalled already', async () => {
    const { client } = await stock();
    await trackedSku(client, 'SKU-2', SN);
    await registerRange(client, 'SKU-2', 2);
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(4)], notice: 'x' });
    expect(
      await client.recalls.preview({
        skus: ['SKU-1', 'SKU-2'],
        serials: [sn(1), sn(2), sn(3), sn(4)],
      }),
    ).toEqual({
      sku: 'SKU-1',
      skus: ['SKU-1', 'SKU-2'],
      affected: 6,
      byStatus: { shipped: 2, quarantined: 1, in_stock: 3 },
      alreadyRecalled: 1,
    });
  });
});

describe('recalls.affected', () => {
  async function twoContacts() {
    const s = await stock();
    await s.client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(4)], { id: 'C-2' }));
    const recall = await s.client.recalls.create({ sku: 'SKU-1', lot: 'L2', notice: 'x' });
    const all = await s.client.recalls.create({ sku: 'SKU-1', lot: 'L1', notice: 'x' });
    return { ...s, recall, all };
  }

  it('pages through the contacts, and ends on the last one', async () => {
    const { client } = await stock();
    await client.shipments.create(
      b2c('ORD-2', 'SKU-1', [sn(4)], { id: 'C-2', email: 'bob@example.com' }),
    );
    await client.shipments.create(
      b2c('ORD-3', 'SKU-1', [sn(5)], { id: 'C-3', email: 'eve@example.com' }),
    );
    const recall = await client.recalls.create({ sku: 'SKU-1', lot: 'L2', notice: 'x' });
    const first = await client.recalls.affected(recall.id, { limit: 1 });
    const second = await client.recalls.affected(recall.id, {
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]).not.toEqual(first.items[0]);
    const whole = await client.recalls.affected(recall.id, { limit: 2 });
    expect(whole.items).toHaveLength(2);
    expect(whole.nextCursor).toBe(null);
    expect(await client.recalls.affected(recall.id, { cursor: 'o12' })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses a cursor it did not give', async () => {
    const { client, recall } = await twoContacts();
    for (const cursor of ['', 'x1', 'o1x', 'xo1', 'o', 'oa', 'o1234567890']) {
      const error = await errorOf(client.recalls.affected(recall.id, { cursor }));
      expect(BadRequestError.isInstance(error), cursor).toBe(true);
      expect(error.message).toBe('This cursor does not belong to this list');
      expect(error.details).toEqual({ cursor });
    }
  });
});

describe('recalls: scanned codes of several SKUs', () => {
  const GTIN_A = '04012345000016';
  const GTIN_B = '04012345000023';
  const GTIN_C = '04012345000030';

  async function threeSkus() {
    const s = setup();
    await trackedSku(s.client, 'SKU-A', 'A-{D:4}', { gtin: GTIN_A });
    await trackedSku(s.client, 'SKU-B', SN, { gtin: GTIN_B });
    await trackedSku(s.client, 'SKU-C', SN, { gtin: GTIN_C });
    await registerRange(s.client, 'SKU-B', 1);
    await registerRange(s.client, 'SKU-C', 1);
    return s;
  }

  it('refuses a code of a SKU outside the recall, naming every SKU', async () => {
    const { client } = await threeSkus();
    const error = await errorOf(
      client.recalls.create({
        skus: ['SKU-A', 'SKU-B'],
        serials: [`(01)${GTIN_C}(21)${sn(1)}`],
        notice: 'x',
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues).toEqual([
      {
        code: 'invalid_gs1',
        reason: 'gtin_mismatch',
        ai: '01',
        message: `The scanned GTIN ${GTIN_C} is SKU SKU-C's, not one of the recall's SKUs SKU-A, SKU-B`,
        input: `(01)${GTIN_C}(21)${sn(1)}`,
        gtin: GTIN_C,
        skus: ['SKU-A', 'SKU-B', 'SKU-C'],
        path: ['serials', 0],
      },
    ]);
  });

  it('names every SKU of a GTIN that several SKUs outside the recall share', async () => {
    const { client } = await threeSkus();
    await trackedSku(client, 'SKU-D', SN, { gtin: GTIN_C });
    const error = await errorOf(
      client.recalls.create({
        skus: ['SKU-A', 'SKU-B'],
        serials: [`(01)${GTIN_C}(21)${sn(1)}`],
        notice: 'x',
      }),
    );
    expect(error.issues![0]?.message).toBe(
      `The scanned GTIN ${GTIN_C} is SKU SKU-C, SKU-D's, not one of the recall's SKUs SKU-A, SKU-B`,
    );
  });

  it("reads a code's serial in its own SKU's format only", async () => {
    const { client } = await threeSkus();
    // SN-000001 is SKU-B's format, not SKU-A's whose GTIN the code carries.
    const error = await errorOf(
      client.recalls.create({
        skus: ['SKU-A', 'SKU-B'],
        serials: [`(01)${GTIN_A}(21)${sn(1)}`],
        notice: 'x',
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.issues!.map((issue) => issue.path)).toEqual([['serials', 0]]);
  });
});
