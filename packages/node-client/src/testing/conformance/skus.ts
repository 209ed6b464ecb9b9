/** SKUs: put, get, list with the tracking filter, pages. */
import type { Sku } from '@serialkit/core';
import { at, sku } from './fixtures.js';
import type { Suite } from './suite.js';

export function skuTests({ test, expect, withStore }: Suite): void {
  test(
    'putSku/getSku/listSkus tracking filter',
    withStore(async (store) => {
      const a = sku('A', {
        gtin: '04012345123456',
        serialTracking: { enabled: true, format: 'SN-{D:6}', uniqueness: 'global' },
      });
      const b = sku('B', { serialTracking: { enabled: false, uniqueness: 'sku' } });
      const c = sku('C', {
        serialTracking: { enabled: true, regex: '^X\\d+$', uniqueness: 'sku' },
      });
      await store.putSku(c);
      await store.putSku(a);
      await store.putSku(b);
      expect(await store.getSku('A')).toEqual(a);
      expect(Object.keys((await store.getSku('B')) ?? {}).sort()).toEqual(
        ['createdAt', 'name', 'serialTracking', 'sku', 'updatedAt'].sort(),
      );
      expect(Object.keys((await store.getSku('B'))?.serialTracking ?? {}).sort()).toEqual([
        'enabled',
        'uniqueness',
      ]);
      expect(await store.getSku('missing')).toBe(null);

      // Replace: every field follows the new value, including removed optional ones.
      const a2 = sku('A', {
        name: 'Renamed',
        serialTracking: { enabled: false, uniqueness: 'sku' },
        updatedAt: at(5),
      });
      await store.putSku(a2);
      expect(await store.getSku('A')).toEqual(a2);
      expect((await store.getSku('A'))?.gtin).toBe(undefined);

      expect((await store.listSkus()).items.map((s) => s.sku)).toEqual(['A', 'B', 'C']);
      expect((await store.listSkus({ tracking: true })).items).toEqual([c]);
      expect((await store.listSkus({ tracking: false })).items).toEqual([a2, b]);
    }),
  );

  test(
    'listSkus pagination',
    withStore(async (store) => {
      const ids = ['a', 'B', 'b', 'A', 'c-1', 'c-10', 'c-2'];
      for (const id of ids) await store.putSku(sku(id));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Sku[]; nextCursor: string | null } = await store.listSkus(
          {},
          { cursor, limit: 2 },
        );
        expect(page.items.length <= 2).toBe(true);
        seen.push(...page.items.map((s) => s.sku));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual(['A', 'B', 'a', 'b', 'c-1', 'c-10', 'c-2']);
      expect(pages).toBe(4);
    }),
  );
}
