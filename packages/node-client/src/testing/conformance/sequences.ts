/** Sequence counters: runs of numbers reserved atomically, with no gaps and no repeats. */
import { badInput } from './atomicity.js';
import { rejection } from './fixtures.js';
import type { Suite } from './suite.js';

export function sequenceTests({ test, expect, withStore }: Suite): void {
  test(
    'nextSequence',
    withStore(async (store) => {
      // A new counter starts at 1; each run continues right after the last one.
      expect(await store.nextSequence('A\u001f2026', 3)).toEqual({ first: 1 });
      expect(await store.nextSequence('A\u001f2026', 1)).toEqual({ first: 4 });
      expect(await store.nextSequence('A\u001f2026', 10)).toEqual({ first: 5 });
      // Keys are independent, and compared exactly.
      expect(await store.nextSequence('A\u001f2027', 2)).toEqual({ first: 1 });
      expect(await store.nextSequence('a\u001f2026', 1)).toEqual({ first: 1 });
      expect(await store.nextSequence('A\u001f2026', 1)).toEqual({ first: 15 });
      // `after` moves a counter past numbers in use, never back.
      expect(await store.nextSequence('B', 5, { after: 100 })).toEqual({ first: 101 });
      expect(await store.nextSequence('B', 1, { after: 50 })).toEqual({ first: 106 });
      expect(await store.nextSequence('B', 1, {})).toEqual({ first: 107 });
      expect(await store.nextSequence('A\u001f2027', 1, { after: 2 })).toEqual({ first: 3 });
      // The largest run allowed, and numbers beyond 2^32.
      expect(await store.nextSequence('C', 1_000_000, { after: 2 ** 40 })).toEqual({
        first: 2 ** 40 + 1,
      });
      expect(await store.nextSequence('C', 1)).toEqual({ first: 2 ** 40 + 1_000_001 });
    }),
  );

  test(
    'nextSequence rejects bad input and reserves nothing',
    withStore(async (store) => {
      await store.nextSequence('A', 2);
      for (const call of [
        () => store.nextSequence('A', 0),
        () => store.nextSequence('A', 1.5),
        () => store.nextSequence('A', 1_000_001),
        () => store.nextSequence('A', 1, { after: -1 }),
        () => store.nextSequence('', 1),
      ]) {
        expect(badInput(await rejection(call()))).toBe(true);
      }
      // A run that would pass the safe integers reserves nothing, on a new or an existing key.
      const top = Number.MAX_SAFE_INTEGER - 10;
      expect(await store.nextSequence('D', 5, { after: top })).toEqual({ first: top + 1 });
      expect(badInput(await rejection(store.nextSequence('D', 6)))).toBe(true);
      expect(badInput(await rejection(store.nextSequence('E', 11, { after: top })))).toBe(true);
      expect(await store.nextSequence('D', 5)).toEqual({ first: top + 6 });
      expect(await store.nextSequence('E', 1)).toEqual({ first: 1 });
      expect(await store.nextSequence('A', 1)).toEqual({ first: 3 });
    }),
  );

  test(
    'nextSequence under concurrent calls',
    withStore(async (store) => {
      // Many reservations at once, of different sizes: the runs are disjoint and leave no gap.
      const counts = Array.from({ length: 60 }, (_, i) => (i % 7) + 1);
      const runs = await Promise.all(
        counts.map(async (count) => ({ count, ...(await store.nextSequence('K', count)) })),
      );
      const total = counts.reduce((sum, count) => sum + count, 0);
      const numbers = runs.flatMap(({ first, count }) =>
        Array.from({ length: count }, (_, i) => first + i),
      );
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(await store.nextSequence('K', 1)).toEqual({ first: total + 1 });
    }),
  );
}
