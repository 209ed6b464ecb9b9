/**
 * A serial freed by a void and registered again: the removed unit's events stay in the log, and
 * the new unit's events follow them in log order, so that the client can tell the two apart (a
 * unit's own history starts after the last `voided` event that freed its serial).
 */
import { at, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function reregistrationTests({ test, expect, withStore }: Suite): void {
  test(
    'amendSerial remove keeps the events; a unit registered again logs after them',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S-1')]);
      await store.appendEvents([
        { sku: 'A', serial: 'S-1', type: 'flagged', at: at(1), data: { n: 1 } },
        { sku: 'A', serial: 'S-1', type: 'flagged', at: at(2), data: { n: 2 } },
      ]);
      const removed = await store.amendSerial({
        sku: 'A',
        serial: 'S-1',
        from: ['in_stock'],
        remove: true,
        event: { type: 'voided', at: at(3), data: { freed: true } },
      });
      expect(removed).toEqual({ ok: true, record: null });
      // Registered again under the same serial.
      await store.insertSerials([unit('A', 'S-1', { registeredAt: at(3) })]);
      // The same time as the void: the log's order (by time, then by arrival) puts it after.
      await store.appendEvents([
        { sku: 'A', serial: 'S-1', type: 'flagged', at: at(3), data: { n: 3 } },
      ]);
      await store.appendEvents([
        { sku: 'A', serial: 'S-1', type: 'flagged', at: at(4), data: { n: 4 } },
      ]);
      const read = async (filter: Parameters<typeof store.listEvents>[0]) => {
        const seen: [string, unknown][] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof store.listEvents>> = await store.listEvents(
            filter,
            { cursor, limit: 2 },
          );
          seen.push(...page.items.map((e): [string, unknown] => [e.type, e.data]));
          cursor = page.nextCursor;
        } while (cursor !== null);
        return seen;
      };
      const all: [string, unknown][] = [
        ['flagged', { n: 1 }],
        ['flagged', { n: 2 }],
        ['voided', { freed: true }],
        ['flagged', { n: 3 }],
        ['flagged', { n: 4 }],
      ];
      expect(await read({ sku: 'A', serial: 'S-1' })).toEqual(all);
      // Read by type with the voids, as the client reads one kind of event of a unit.
      expect(await read({ sku: 'A', serial: 'S-1', type: ['flagged', 'voided'] })).toEqual(all);
    }),
  );
}
