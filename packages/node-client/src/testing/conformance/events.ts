/** The event log: appending, filtering, pages. */
import type { EventInsert } from '../../store.js';
import { at, errorCode, rejection, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function eventTests({ test, expect, withStore }: Suite): void {
  test(
    'events',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('B', 'S1')]);
      await store.appendEvents([
        {
          sku: 'A',
          serial: 'S1',
          type: 'sighted',
          at: at(30),
          data: { source: 'ebay', nested: { n: [1, 'two', null] } },
        },
        { sku: 'A', serial: 'S1', type: 'verified', at: at(10) },
        { sku: 'A', serial: 'S2', type: 'verified', at: at(20) },
        { sku: 'B', serial: 'S1', type: 'flagged', at: at(10) },
        { sku: 'A', serial: 'S1', type: 'flagged', at: at(10) },
      ]);
      await store.appendEvents([]);
      const unitEvents = (await store.listEvents({ sku: 'A', serial: 'S1' })).items;
      // Ordered by time, then by insertion.
      expect(unitEvents.map((e) => [e.type, e.at])).toEqual([
        ['verified', at(10)],
        ['flagged', at(10)],
        ['sighted', at(30)],
      ]);
      expect(unitEvents[2]?.data).toEqual({ source: 'ebay', nested: { n: [1, 'two', null] } });
      expect(Object.keys(unitEvents[0] ?? {}).sort()).toEqual([
        'at',
        'id',
        'serial',
        'sku',
        'type',
      ]);
      const all = (await store.listEvents({})).items;
      expect(all.length).toBe(5);
      expect(new Set(all.map((e) => e.id)).size).toBe(5);
      expect(all.every((e) => typeof e.id === 'string')).toBe(true);
      expect(all.map((e) => `${e.sku}/${e.serial}/${e.type}`)).toEqual([
        'A/S1/verified',
        'B/S1/flagged',
        'A/S1/flagged',
        'A/S2/verified',
        'A/S1/sighted',
      ]);
      expect((await store.listEvents({ sku: 'B' })).items.map((e) => e.type)).toEqual(['flagged']);
      expect((await store.listEvents({ serial: 'S1' })).items.length).toBe(4);
      expect((await store.listEvents({ type: 'verified' })).items.map((e) => e.serial)).toEqual([
        'S1',
        'S2',
      ]);
      expect((await store.listEvents({ type: ['sighted', 'flagged'] })).items.length).toBe(3);
      expect(
        (await store.listEvents({ between: { from: at(11), to: at(30) } })).items.map((e) => e.at),
      ).toEqual([at(20), at(30)]);

      // Pages follow the same order.
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await store.listEvents(
          {},
          { cursor, limit: 2 },
        );
        paged.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(all.map((e) => e.id));
    }),
  );

  test(
    'appendEvents refuses events of units that are not stored, keeping none of the batch',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const batch: EventInsert[] = [
        { sku: 'A', serial: 'S1', type: 'flagged', at: at(1) },
        { sku: 'A', serial: 'NOPE', type: 'flagged', at: at(2) },
        { sku: 'B', serial: 'S1', type: 'flagged', at: at(3) },
      ];
      const error = await rejection(store.appendEvents(batch));
      expect(errorCode(error)).toBe('not_found');
      expect((error as { details?: unknown }).details).toEqual({ sku: 'A', serial: 'NOPE' });
      // The same serial under another SKU is another unit.
      expect(errorCode(await rejection(store.appendEvents(batch.slice(2))))).toBe('not_found');
      expect((await store.listEvents({})).items).toEqual([]);
      await store.appendEvents(batch.slice(0, 1));
      expect((await store.listEvents({})).items.map((e) => e.serial)).toEqual(['S1']);
    }),
  );
}
