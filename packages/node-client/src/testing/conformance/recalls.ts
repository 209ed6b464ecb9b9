/** Recalls: marking units, and the recall records. */
import { at, B2B, recall, seed } from './fixtures.js';
import type { Suite } from './suite.js';

export function recallTests({ test, expect, withStore, expectSelected }: Suite): void {
  test(
    'markRecalled',
    withStore(async (store) => {
      await seed(store);
      // Lot L1 = A-001…A-005: A-001…A-003 already under R1; A-004 shipped, A-005 allocated.
      const counts = await store.markRecalled({ sku: 'A', lot: 'L1' }, 'R3', {
        at: at(50),
        data: { recallId: 'R3', notice: 'battery' },
      });
      expect(counts).toEqual({ in_stock: 1, shipped: 3, allocated: 1 });
      await expectSelected(store, { recallId: 'R3' }, [
        'A/A-001',
        'A/A-002',
        'A/A-003',
        'A/A-004',
        'A/A-005',
      ]);
      const a4 = await store.getSerial('A', 'A-004');
      expect([a4?.recallId, a4?.updatedAt, a4?.status]).toEqual(['R3', at(50), 'shipped']);
      expect(a4?.shipment).toEqual(B2B);
      expect((await store.getSerial('A', 'A-006'))?.recallId).toBe(undefined);

      const events = await store.listEvents({
        type: 'recalled',
        between: { from: at(50), to: at(50) },
      });
      expect(events.items.map((e) => [e.sku, e.serial, e.at, e.data])).toEqual(
        ['A-001', 'A-002', 'A-003', 'A-004', 'A-005'].map((serial) => [
          'A',
          serial,
          at(50),
          { recallId: 'R3', notice: 'battery' },
        ]),
      );

      // Units already under this recall are not marked again.
      expect(await store.markRecalled({ sku: 'A', lot: 'L1' }, 'R3', { at: at(60) })).toEqual({});
      expect(await store.markRecalled({ sku: 'A', serials: [] }, 'R3', { at: at(60) })).toEqual({});
      expect((await store.listEvents({ type: 'recalled' })).items.length).toBe(9);
      expect((await store.getSerial('A', 'A-001'))?.updatedAt).toBe(at(50));
    }),
  );

  test(
    'recalls',
    withStore(async (store) => {
      const r1 = recall('R1', 'A', 10);
      const r2 = { ...recall('R2', 'B', 20), url: 'https://example.com/recall' };
      const r3 = recall('R3', 'A', 30);
      const r0 = recall('R0', 'A', 30);
      for (const r of [r2, r1, r3, r0]) await store.putRecall(r);
      expect(await store.getRecall('R2')).toEqual(r2);
      expect(await store.getRecall('missing')).toBe(null);
      // Newest first; equal times by id, descending.
      expect((await store.listRecalls()).items.map((r) => r.id)).toEqual(['R3', 'R0', 'R2', 'R1']);
      expect((await store.listRecalls({ sku: 'A' })).items.map((r) => r.id)).toEqual([
        'R3',
        'R0',
        'R1',
      ]);
      const first = await store.listRecalls({}, { limit: 3 });
      expect(first.items.map((r) => r.id)).toEqual(['R3', 'R0', 'R2']);
      const second = await store.listRecalls({}, { limit: 3, cursor: first.nextCursor });
      expect([second.items.map((r) => r.id), second.nextCursor]).toEqual([['R1'], null]);

      // putRecall replaces (counts are written after marking).
      const counted = { ...r1, counts: { affected: 5, shipped: 3, inStock: 1, other: 1 } };
      await store.putRecall(counted);
      expect(await store.getRecall('R1')).toEqual(counted);
      expect((await store.listRecalls()).items.length).toBe(4);
    }),
  );
}
