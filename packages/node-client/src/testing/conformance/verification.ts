/** Verification counters and the recorded outcome. */
import { at } from './fixtures.js';
import type { Suite } from './suite.js';

export function verificationTests({ test, expect, withStore }: Suite): void {
  test(
    'recordVerification counts distinct fingerprints in window',
    withStore(async (store) => {
      const verify = (fingerprint: string, minute: number, windowStart: number, serial = 'S1') =>
        store.recordVerification({
          sku: 'A',
          serial,
          fingerprint,
          at: at(minute),
          windowStart: at(windowStart),
        });
      // Stores that keep verification outcomes also say that none is recorded yet.
      const keepsOutcomes = typeof store.setVerificationOutcome === 'function';
      const counts = (distinctFingerprints: number, total: number) => ({
        distinctFingerprints,
        total,
        ...(keepsOutcomes ? { outcome: null } : {}),
      });
      expect(await verify('fa', 0, -60)).toEqual(counts(1, 1));
      expect(await verify('fa', 5, -55)).toEqual(counts(1, 2));
      expect(await verify('fb', 10, -50)).toEqual(counts(2, 3));
      // fa was last seen at minute 5: outside a window that starts at minute 8.
      expect(await verify('fc', 20, 8)).toEqual(counts(2, 4));
      // A new verification by fa brings it back into the window.
      expect(await verify('fa', 30, 8)).toEqual(counts(3, 5));
      expect(await verify('fa', 31, 25)).toEqual(counts(1, 6));
      // Other units keep their own counters.
      expect(await verify('fa', 32, 0, 'S2')).toEqual(counts(1, 1));
      // Concurrent verifications are all counted.
      await Promise.all(Array.from({ length: 10 }, (_, n) => verify(`fx${n}`, 40, 40, 'S3')));
      expect(await verify('fy', 41, 40, 'S3')).toEqual(counts(11, 11));
    }),
  );

  test(
    'setVerificationOutcome',
    withStore(async (store) => {
      const verify = (skuId = 'A', serial = 'S1') =>
        store.recordVerification({
          sku: skuId,
          serial,
          fingerprint: 'fa',
          at: at(0),
          windowStart: at(-60),
        });
      if (typeof store.setVerificationOutcome !== 'function') {
        // Optional; a store without it must not report outcomes either.
        expect((await verify()).outcome).toBe(undefined);
        return;
      }
      const set = store.setVerificationOutcome.bind(store);
      const event = (type: 'verified' | 'flagged', outcome: string, minute: number) => ({
        sku: 'A',
        serial: 'S1',
        type,
        at: at(minute),
        data: { outcome },
      });
      const change = (from: string | null, to: string, minute: number, flagged = false) => ({
        sku: 'A',
        serial: 'S1',
        from,
        to,
        at: at(minute),
        events: [event('verified', to, minute), ...(flagged ? [event('flagged', to, minute)] : [])],
      });
      const logged = async () =>
        (await store.listEvents({ sku: 'A', serial: 'S1' })).items.map((e) => [
          e.type,
          e.at,
          e.data?.outcome,
        ]);

      expect((await verify()).outcome).toBe(null);
      expect(await set(change(null, 'genuine', 1))).toEqual({ applied: true, outcome: 'genuine' });
      expect((await verify()).outcome).toBe('genuine');
      expect(await logged()).toEqual([['verified', at(1), 'genuine']]);

      // A stale `from` changes nothing and appends nothing.
      expect(await set(change(null, 'recalled', 2))).toEqual({
        applied: false,
        outcome: 'genuine',
      });
      expect(await set(change('suspicious', 'recalled', 2))).toEqual({
        applied: false,
        outcome: 'genuine',
      });
      expect((await verify()).outcome).toBe('genuine');
      expect(await logged()).toEqual([['verified', at(1), 'genuine']]);

      // Events are appended in order with the change.
      expect(await set(change('genuine', 'suspicious many_clients', 3, true))).toEqual({
        applied: true,
        outcome: 'suspicious many_clients',
      });
      expect(await logged()).toEqual([
        ['verified', at(1), 'genuine'],
        ['verified', at(3), 'suspicious many_clients'],
        ['flagged', at(3), 'suspicious many_clients'],
      ]);
      expect((await verify()).outcome).toBe('suspicious many_clients');

      // Outcomes are per unit: the same serial in another SKU, another serial.
      expect((await verify('B', 'S1')).outcome).toBe(null);
      expect((await verify('A', 'S2')).outcome).toBe(null);
      expect(
        await set({
          sku: 'A',
          serial: 'S2',
          from: 'genuine',
          to: 'recalled',
          at: at(4),
          events: [],
        }),
      ).toEqual({ applied: false, outcome: null });
      expect(
        await set({ sku: 'B', serial: 'S1', from: null, to: 'recalled', at: at(4), events: [] }),
      ).toEqual({ applied: true, outcome: 'recalled' });
      expect((await verify('B', 'S1')).outcome).toBe('recalled');
      expect((await verify('A', 'S2')).outcome).toBe(null);
      expect((await verify()).outcome).toBe('suspicious many_clients');
      expect((await store.listEvents({ serial: 'S2' })).items).toEqual([]);
      expect((await store.listEvents({ sku: 'B' })).items).toEqual([]);

      // Concurrent changes from the same outcome: exactly one applies; the others see it.
      const results = await Promise.all(
        ['genuine', 'recalled', 'suspicious not_shipped'].map((to) =>
          set(change('suspicious many_clients', to, 5)),
        ),
      );
      const winners = results.filter((result) => result.applied);
      expect(winners.length).toBe(1);
      const winner = winners[0]?.outcome;
      expect(results.map((result) => result.outcome)).toEqual([winner, winner, winner]);
      expect((await verify()).outcome).toBe(winner);
      expect((await logged()).slice(3)).toEqual([['verified', at(5), winner]]);
    }),
  );
}
