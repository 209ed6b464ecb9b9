/**
 * Atomicity under a real failure half-way: each multi-row method gets input whose third row the
 * store itself rejects while it writes (a key of neither form, a timestamp in another form, event
 * data JSON cannot hold), and must keep nothing of the call. No mock stands in for the store.
 */
import type { EventInsert, SerialInsert, Transition } from '../../store.js';
import { at, B2C, errorCode, rejection, ship, unit } from './fixtures.js';
import type { Suite } from './suite.js';

/**
 * Whether a store refused bad input with a typed error: `bad_request` from the store itself, or
 * `validation_failed` from a schema in front of it (a remote store's server).
 */
export function badInput(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'bad_request' || code === 'validation_failed';
}

/** Event data JSON cannot hold: it refers to itself. */
function cyclic(): Record<string, unknown> {
  const data: Record<string, unknown> = { note: 'refers to itself' };
  data.self = data;
  return data;
}

export function atomicityTests({ test, expect, withStore }: Suite): void {
  test(
    'insertSerials keeps nothing of a batch whose third row fails',
    withStore(async (store) => {
      for (const size of [4, 3_000]) {
        const rows = Array.from({ length: size }, (_, n) =>
          unit('A', `S${String(size - n).padStart(5, '0')}`),
        );
        const good = rows[2] as SerialInsert;
        rows[2] = { ...good, uniqueKey: `other\u001f${good.serial}` };
        const error = await rejection(store.insertSerials(rows));
        expect(badInput(error), `${size} rows, bad key`).toBe(true);
        expect(await store.countSerials({}), `${size} rows, bad key`).toBe(0);

        rows[2] = { ...good, registeredAt: '2024-01-01T00:00:00Z' };
        expect(badInput(await rejection(store.insertSerials(rows)))).toBe(true);
        expect(await store.countSerials({}), `${size} rows, bad time`).toBe(0);
      }
      // The same rows, well formed, go in whole.
      const rows = [unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3'), unit('A', 'S4')];
      expect(await store.insertSerials(rows)).toEqual({ inserted: 4, conflicts: [] });
    }),
  );

  test(
    'transition keeps nothing when the third event fails',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      const transitions: Transition[] = ['S1', 'S2', 'S3'].map((serial) => ship('A', serial, B2C));
      const third = transitions[2] as Transition;
      transitions[2] = { ...third, event: { ...third.event, data: cyclic() } };
      expect((await rejection(store.transition(transitions))) instanceof Error).toBe(true);
      for (const serial of ['S1', 'S2', 'S3']) {
        const record = await store.getSerial('A', serial);
        expect(record?.status, serial).toBe('in_stock');
        expect(record?.shipment, serial).toBe(undefined);
      }
      expect((await store.listEvents({})).items).toEqual([]);
      // A transition whose unit time is in another form is refused as a whole too.
      transitions[2] = { ...third, event: { ...third.event, at: '2024-01-01' } };
      expect(badInput(await rejection(store.transition(transitions)))).toBe(true);
      expect(await store.countSerials({ status: 'shipped' })).toBe(0);
    }),
  );

  test(
    'appendEvents keeps nothing when the third event fails',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const event = (n: number): EventInsert => ({
        sku: 'A',
        serial: 'S1',
        type: 'flagged',
        at: at(n),
        data: { n },
      });
      const events = [event(1), event(2), { ...event(3), data: cyclic() }, event(4)];
      expect((await rejection(store.appendEvents(events))) instanceof Error).toBe(true);
      expect((await store.listEvents({})).items).toEqual([]);
    }),
  );

  test(
    'setVerificationOutcome keeps nothing when the third event fails',
    withStore(async (store) => {
      if (!store.setVerificationOutcome) return;
      await store.insertSerials([unit('A', 'S1')]);
      const event = (n: number, data: Record<string, unknown>): EventInsert => ({
        sku: 'A',
        serial: 'S1',
        type: 'verified',
        at: at(n),
        data,
      });
      const change = {
        sku: 'A',
        serial: 'S1',
        from: null,
        to: 'genuine',
        at: at(1),
        events: [event(1, { n: 1 }), event(2, { n: 2 }), event(3, cyclic())],
      };
      expect((await rejection(store.setVerificationOutcome(change))) instanceof Error).toBe(true);
      expect((await store.listEvents({})).items).toEqual([]);
      const counts = await store.recordVerification({
        sku: 'A',
        serial: 'S1',
        fingerprint: 'f',
        at: at(4),
        windowStart: at(0),
      });
      expect(counts.outcome ?? null).toBe(null);
    }),
  );

  test(
    'markRecalled keeps nothing when it fails',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      expect(
        (await rejection(
          store.markRecalled({ sku: 'A' }, 'R1', { at: at(1), data: cyclic() }),
        )) instanceof Error,
      ).toBe(true);
      expect(
        badInput(await rejection(store.markRecalled({ sku: 'A' }, 'R1', { at: 'yesterday' }))),
      ).toBe(true);
      expect(await store.countSerials({ recalled: true })).toBe(0);
      expect((await store.listEvents({})).items).toEqual([]);
      expect(await store.markRecalled({ sku: 'A' }, 'R1', { at: at(2) })).toEqual({ in_stock: 3 });
    }),
  );
}
