/** Closing a recall: the recall and its units' `recall_closed` events, in one step. */
import { badInput } from './atomicity.js';
import { at, recall, rejection, seed, serialOf } from './fixtures.js';
import type { Suite } from './suite.js';

export function recallCloseTests({ test, expect, withStore }: Suite): void {
  test(
    'closeRecall',
    withStore(async (store) => {
      await seed(store);
      // R1 put A-001…A-003 under it; A-001 moves to R3, so R1 keeps.
      await store.putRecall(recall('R1', 'A', 40));
      await store.markRecalled({ sku: 'A', serials: ['A-001'] }, 'R3', { at: at(45) });
      const closed = { ...recall('R1', 'A', 40), status: 'closed' as const, closedAt: at(50) };

      expect(await store.closeRecall(closed, { at: at(50), data: { recallId: 'R1' } })).toBe(2);
      expect(await store.getRecall('R1')).toEqual(closed);
      const events = await store.listEvents({ type: 'recall_closed' });
      expect(events.items.map((e) => [e.sku, e.serial, e.at, e.data])).toEqual([
        ['A', 'A-002', at(50), { recallId: 'R1' }],
        ['A', 'A-003', at(50), { recallId: 'R1' }],
      ]);
      // The event log holds them last, in (sku, serial) order.
      const log = await store.readEventLog(null, 1000);
      expect(log.slice(-2).map((e) => [e.type, serialOf(e)])).toEqual([
        ['recall_closed', 'A-002'],
        ['recall_closed', 'A-003'],
      ]);
      // The units stay under their recall.
      expect((await store.getSerial('A', 'A-002'))?.recallId).toBe('R1');

      // Closed already, or missing: nothing changes.
      const again = { ...closed, closedAt: at(60) };
      expect(await store.closeRecall(again, { at: at(60), data: { recallId: 'R1' } })).toBe(null);
      expect(await store.getRecall('R1')).toEqual(closed);
      const missing = { ...recall('R9', 'A', 40), status: 'closed' as const, closedAt: at(60) };
      expect(await store.closeRecall(missing, { at: at(60) })).toBe(null);
      expect(await store.getRecall('R9')).toBe(null);
      expect((await store.listEvents({ type: 'recall_closed' })).items.length).toBe(2);

      // A recall without units closes with none logged.
      await store.putRecall(recall('R4', 'B', 70));
      const empty = { ...recall('R4', 'B', 70), status: 'closed' as const, closedAt: at(71) };
      expect(await store.closeRecall(empty, { at: at(71) })).toBe(0);
      expect((await store.getRecall('R4'))?.status).toBe('closed');
    }),
  );

  test(
    'closeRecall keeps nothing when it fails',
    withStore(async (store) => {
      await seed(store);
      const open = recall('R2', 'B', 41);
      await store.putRecall(open);
      const closed = { ...open, status: 'closed' as const, closedAt: 'yesterday' };
      expect(badInput(await rejection(store.closeRecall(closed, { at: 'yesterday' })))).toBe(true);
      expect(await store.getRecall('R2')).toEqual(open);
      expect((await store.listEvents({ type: 'recall_closed' })).items).toEqual([]);
    }),
  );
}
