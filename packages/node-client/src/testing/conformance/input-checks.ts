/**
 * What every store refuses, with `bad_request` and no change: unit timestamps in any form but the
 * one the client writes (a month 13 too), unique keys of neither form, malformed page cursors and
 * event-log positions. And how page sizes are read. Each case is a near miss of a valid input.
 */
import { badInput } from './atomicity.js';
import { at, rejection, unit } from './fixtures.js';
import type { Suite } from './suite.js';

/** A cursor as stores encode them (base64url JSON of the list's kind and its key). */
const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

export function inputCheckTests({ test, expect, withStore }: Suite): void {
  test(
    'unit timestamps: only the form Date#toISOString() writes, of a real instant',
    withStore(async (store) => {
      const refused = [
        '2024-13-01T00:00:00.000Z', // month 13: the right shape, no such date
        '2024-02-30T00:00:00.000Z', // 30 February
        '2024-01-01T24:00:00.000Z',
        '2024-01-01T00:00:00Z', // no milliseconds
        '2024-01-01T00:00:00.000+00:00', // an offset, not Z
        '2024-01-01',
        ' 2024-01-01T00:00:00.000Z',
      ];
      for (const registeredAt of refused) {
        const error = await rejection(store.insertSerials([unit('A', 'T1', { registeredAt })]));
        expect(badInput(error), registeredAt).toBe(true);
      }
      expect(await store.getSerial('A', 'T1')).toBe(null);
      // The same instant as the client writes it is taken, and read back as written.
      await store.insertSerials([unit('A', 'T1', { registeredAt: '2024-02-29T23:59:59.999Z' })]);
      expect((await store.getSerial('A', 'T1'))?.registeredAt).toBe('2024-02-29T23:59:59.999Z');
    }),
  );

  test(
    'unique keys: the serial, or the SKU, U+001F and the serial, nothing near them',
    withStore(async (store) => {
      const refused = [
        'A\u001eS1', // another separator
        'A\u001fS2', // another serial
        'B\u001fS1', // another SKU
        'A\u001fS1 ', // one character more
        '\u001fS1A', // the right length, the separator elsewhere
        's1', // the serial in another case
        '',
      ];
      for (const uniqueKey of refused) {
        const error = await rejection(store.insertSerials([unit('A', 'S1', { uniqueKey })]));
        expect(badInput(error), JSON.stringify(uniqueKey)).toBe(true);
      }
      expect(await store.getSerial('A', 'S1')).toBe(null);
      expect(await store.insertSerials([unit('A', 'S1', { uniqueKey: 'S1' })])).toEqual({
        inserted: 1,
        conflicts: [],
      });
      expect(await store.insertSerials([unit('A', 'S2', { uniqueKey: 'A\u001fS2' })])).toEqual({
        inserted: 1,
        conflicts: [],
      });
    }),
  );

  test(
    'page cursors: malformed ones are bad requests; an empty one is the first page',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2')]);
      const valid = (await store.listSerials({}, { limit: 1 })).nextCursor ?? '';
      const key = JSON.parse(Buffer.from(valid, 'base64url').toString('utf8')) as unknown[];
      const refused = [
        'not a cursor',
        cursorOf(key.slice(0, -1)), // a part short
        cursorOf([...key, 'x']), // a part more
        cursorOf(key.map((part, i) => (i === key.length - 1 ? 7 : part))), // a number
        cursorOf(['events', ...key.slice(1)]), // another list's
        cursorOf({ 0: key[0] }),
      ];
      for (const cursor of refused) {
        const error = await rejection(store.listSerials({}, { cursor }));
        expect(badInput(error), cursor).toBe(true);
      }
      expect((await store.listSerials({}, { cursor: valid })).items.map((u) => u.serial)).toEqual([
        'S2',
      ]);
      for (const cursor of ['', null, undefined]) {
        const page = await store.listSerials({}, { cursor, limit: 1 });
        expect(
          page.items.map((u) => u.serial),
          String(cursor),
        ).toEqual(['S1']);
      }
    }),
  );

  test(
    'page sizes: at least 1, at most 10,000, 100 when not a number (or refused as bad input)',
    withStore(async (store) => {
      const rows = Array.from({ length: 120 }, (_, i) =>
        unit('A', `S${String(i).padStart(3, '0')}`),
      );
      await store.insertSerials(rows);
      const size = async (limit: number | undefined) =>
        (await store.listSerials({}, limit === undefined ? {} : { limit })).items.length;
      expect(await size(undefined)).toBe(100);
      expect(await size(2)).toBe(2);
      // Out of range: a store clamps it as below, or (a remote store's schema) refuses it.
      const cases: [number, number][] = [
        [Number.NaN, 100],
        [Number.POSITIVE_INFINITY, 100],
        [0, 1],
        [-5, 1],
        [2.9, 2],
        [1_000_000, 120],
      ];
      for (const [limit, expected] of cases) {
        const answer = await size(limit).catch((error: unknown) => error);
        expect(answer === expected || badInput(answer), String(limit)).toBe(true);
      }
    }),
  );

  test(
    'event-log positions: a decimal event id or null, nothing near one',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      await store.appendEvents([{ sku: 'A', serial: 'S1', type: 'shipped', at: at(1) }]);
      const [first] = await store.readEventLog(null, 10);
      const id = first?.id ?? '';
      for (const after of [`${id}x`, `x${id}`, ` ${id}`, '-1', '1e3', '1.0', '1234567890123456']) {
        const error = await rejection(store.readEventLog(after, 10));
        expect(badInput(error), after).toBe(true);
      }
      expect(await store.readEventLog(id, 10)).toEqual([]);
    }),
  );
}
