/** Notices in the event log: entries about no single unit (an import's end). */
import type { LogNoticeInsert } from '@serialkit/core';
import { badInput } from './atomicity.js';
import { at, rejection, seed, serialOf } from './fixtures.js';
import type { Suite } from './suite.js';

/** An import's end at `minutes`, of `rows` rows, one of them a duplicate. */
export const finished = (minutes: number, rows: number): LogNoticeInsert => ({
  type: 'import_finished',
  at: at(minutes),
  data: {
    kind: 'serials',
    sku: 'A',
    rows,
    registered: rows - 1,
    duplicates: 1,
    invalid: 0,
    failed: 0,
    errorCount: 1,
  },
});

export function logNoticeTests({ test, expect, withStore }: Suite): void {
  test(
    'appendLogNotice: the log keeps it in commit order among unit events',
    withStore(async (store) => {
      await seed(store);
      const before = (await store.readEventLog(null, 1000)).length;
      await store.appendEvents([{ sku: 'A', serial: 'A-001', type: 'shipped', at: at(300) }]);
      await store.appendLogNotice(finished(301, 12));
      await store.appendEvents([{ sku: 'A', serial: 'A-002', type: 'shipped', at: at(302) }]);
      const log = (await store.readEventLog(null, 1000)).slice(before);
      expect(log.map(serialOf)).toEqual(['A-001', 'notice:import_finished', 'A-002']);
      const notice = log[1];
      expect(notice).toEqual({ id: notice?.id, ...finished(301, 12) });
      expect(typeof notice?.id).toBe('string');
      // Read from the notice's position on: the next entry, as for any entry.
      expect((await store.readEventLog(notice?.id ?? null, 10)).map(serialOf)).toEqual(['A-002']);
      // A consumer's cursor moves past it like past any entry.
      const lease = await store.leaseLogCursor({
        consumer: 'c',
        owner: 'o',
        at: at(0),
        until: at(10),
      });
      expect(lease === null).toBe(false);
      const end = log.at(-1)?.id ?? '';
      expect(
        await store.advanceLogCursor({
          consumer: 'c',
          owner: 'o',
          from: lease?.position ?? null,
          to: end,
        }),
      ).toBe(true);
    }),
  );

  test(
    'listEvents never lists notices',
    withStore(async (store) => {
      await seed(store);
      await store.appendLogNotice(finished(301, 3));
      await store.appendEvents([{ sku: 'A', serial: 'A-001', type: 'shipped', at: at(302) }]);
      const filters = [
        {},
        { between: { from: at(300), to: at(400) } },
        { sku: 'A' },
        { type: 'shipped' as const },
      ];
      for (const filter of filters) {
        const items = [];
        let cursor: string | null = null;
        do {
          const page = await store.listEvents(filter, { cursor, limit: 2 });
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(
          items.every((e) => e.sku !== '' && e.serial !== ''),
          JSON.stringify(filter),
        ).toBe(true);
        expect(
          items.some((e) => e.at === at(302)),
          JSON.stringify(filter),
        ).toBe(true);
      }
    }),
  );

  test(
    'appendLogNotice refuses a bad time with a typed error and appends nothing',
    withStore(async (store) => {
      await seed(store);
      const before = (await store.readEventLog(null, 1000)).length;
      const error = await rejection(store.appendLogNotice({ ...finished(1, 1), at: 'yesterday' }));
      expect(badInput(error)).toBe(true);
      expect((await store.readEventLog(null, 1000)).length).toBe(before);
    }),
  );
}
