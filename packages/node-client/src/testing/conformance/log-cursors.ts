/** Cursors of internal event log consumers: leases, compare-and-set moves, a start at the end. */
import { at, seed } from './fixtures.js';
import type { Suite } from './suite.js';

export function logCursorTests({ test, expect, withStore }: Suite): void {
  test(
    'leaseLogCursor',
    withStore(async (store) => {
      // Before any event, a new cursor is before the first.
      const first = { consumer: 'fresh', owner: 'A', at: at(0), until: at(1) };
      expect(await store.leaseLogCursor(first)).toEqual({ position: null });
      await seed(store);
      const end = (await store.readEventLog(null, 1000)).at(-1)!.id;
      const lease = (owner: string, now: number, until: number, consumer = 'write-back') =>
        store.leaseLogCursor({ consumer, owner, at: at(now), until: at(until) });

      // A new consumer starts at the end of the log.
      expect(await lease('A', 1, 5)).toEqual({ position: end });
      // Held: another owner is refused until the lease ends; the holder renews.
      expect(await lease('B', 2, 6)).toBe(null);
      expect(await lease('A', 3, 10)).toEqual({ position: end });
      expect(await lease('B', 9, 12)).toBe(null);
      expect(await lease('B', 11, 15)).toEqual({ position: end });
      expect(await lease('A', 12, 16)).toBe(null);
      // Consumers are independent of each other and of webhook subscriptions.
      expect(await lease('A', 12, 16, 'other')).toEqual({ position: end });
      expect(await store.listWebhookSubscriptions()).toEqual([]);
      // The first consumer's cursor kept its place.
      expect(await lease('A', 0, 1, 'fresh')).toEqual({ position: null });
    }),
  );

  test(
    'advanceLogCursor',
    withStore(async (store) => {
      await seed(store);
      const request = { consumer: 'write-back', owner: 'A', at: at(1), until: at(5) };
      const start = (await store.leaseLogCursor(request))!.position;
      await store.appendEvents([{ sku: 'A', serial: 'A-006', type: 'verified', at: at(2) }]);
      const next = (await store.readEventLog(start, 10)).map((e) => e.id);
      expect(next.length).toBe(1);
      const to = next[0]!;

      const move = { consumer: 'write-back', owner: 'A', from: start, to };
      expect(await store.advanceLogCursor({ ...move, owner: 'B' })).toBe(false);
      expect(await store.advanceLogCursor({ ...move, consumer: 'missing' })).toBe(false);
      expect(await store.advanceLogCursor(move)).toBe(true);
      // Compare-and-set: the position read before the move is stale now.
      expect(await store.advanceLogCursor(move)).toBe(false);
      expect(await store.leaseLogCursor(request)).toEqual({ position: to });
      expect(await store.readEventLog(to, 10)).toEqual([]);
    }),
  );
}
