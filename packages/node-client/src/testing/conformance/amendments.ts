/** `amendSerial`: correcting one unit's registration, compare-and-set, with its event. */
import type { SerialAmendment, SerialStore } from '../../store.js';
import { badInput } from './atomicity.js';
import { at, rejection, seed, unit } from './fixtures.js';
import type { Suite } from './suite.js';

const edit = (extra: Partial<SerialAmendment> = {}): SerialAmendment => ({
  sku: 'A',
  serial: 'A-006',
  from: ['in_stock'],
  expect: { lot: 'L2', manufacturedAt: at(6) },
  set: { lot: 'L9', manufacturedAt: null, receivedAt: '2024-02-03' },
  event: { type: 'corrected', at: at(50), data: { before: { lot: 'L2' } } },
  ...extra,
});

async function unitEvents(store: SerialStore, serial: string) {
  return (await store.listEvents({ sku: 'A', serial })).items.map((e) => [e.type, e.data]);
}

export function amendmentTests({ test, expect, withStore }: Suite): void {
  test(
    'amendSerial sets and clears fields, with its event',
    withStore(async (store) => {
      await seed(store);
      const result = await store.amendSerial(edit());
      const expected = {
        sku: 'A',
        serial: 'A-006',
        status: 'in_stock',
        lot: 'L9',
        receivedAt: '2024-02-03',
        registeredAt: at(6),
        updatedAt: at(50),
      };
      expect(result).toEqual({ ok: true, record: expected });
      expect(await store.getSerial('A', 'A-006')).toEqual(expected);
      expect(await unitEvents(store, 'A-006')).toEqual([['corrected', { before: { lot: 'L2' } }]]);
      // Filters read the new values.
      expect((await store.listSerials({ lot: 'L9' })).items.length).toBe(1);
    }),
  );

  test(
    'amendSerial compares status and details',
    withStore(async (store) => {
      await seed(store);
      const before = await store.getSerial('A', 'A-006');
      // Details that are not the stored ones (the lot changed since it was read).
      const stale = await store.amendSerial(edit({ expect: { lot: 'L1', manufacturedAt: at(6) } }));
      expect(stale).toEqual({ ok: false, current: before });
      // A status not in `from`.
      const shipped = await store.amendSerial(edit({ serial: 'A-002', expect: undefined }));
      expect(shipped.ok).toBe(false);
      if (!shipped.ok) expect(shipped.current?.status).toBe('shipped');
      // A unit that does not exist.
      expect(await store.amendSerial(edit({ serial: 'NOPE' }))).toEqual({
        ok: false,
        current: null,
      });
      expect(await store.getSerial('A', 'A-006')).toEqual(before);
      expect(await unitEvents(store, 'A-006')).toEqual([]);
    }),
  );

  test(
    'amendSerial moves the status',
    withStore(async (store) => {
      await seed(store);
      const result = await store.amendSerial({
        sku: 'A',
        serial: 'A-007',
        from: ['in_stock'],
        set: { status: 'voided' },
        event: { type: 'voided', at: at(60) },
      });
      expect(result.ok && result.record?.status).toBe('voided');
      expect((await store.getSerial('A', 'A-007'))?.status).toBe('voided');
      expect(await store.countSerials({ status: 'voided' })).toBe(1);
    }),
  );

  test(
    'amendSerial removes a unit and frees its serial',
    withStore(async (store) => {
      await store.insertSerials([
        unit('G', 'S-1', { uniqueKey: 'S-1', lot: 'L1' }),
        unit('A', 'S-2'),
      ]);
      const result = await store.amendSerial({
        sku: 'G',
        serial: 'S-1',
        from: ['in_stock'],
        remove: true,
        event: { type: 'voided', at: at(5), data: { freed: true } },
      });
      expect(result).toEqual({ ok: true, record: null });
      expect(await store.getSerial('G', 'S-1')).toBe(null);
      expect(await store.findSerial('S-1')).toEqual([]);
      expect(await store.countSerials({ sku: 'G' })).toBe(0);
      // The history stays.
      const events = (await store.listEvents({ sku: 'G', serial: 'S-1' })).items;
      expect(events.map((e) => [e.type, e.data])).toEqual([['voided', { freed: true }]]);
      // Both the (sku, serial) and the global unique key are free again.
      expect(await store.insertSerials([unit('G', 'S-1', { uniqueKey: 'S-1' })])).toEqual({
        inserted: 1,
        conflicts: [],
      });
      // Removing again: nothing there.
      const again = await store.amendSerial({
        sku: 'A',
        serial: 'S-9',
        from: ['in_stock'],
        remove: true,
        event: { type: 'voided', at: at(6) },
      });
      expect(again).toEqual({ ok: false, current: null });
    }),
  );

  test(
    'amendSerial concurrent calls on one unit: one applies',
    withStore(async (store) => {
      await seed(store);
      const attempts = await Promise.all(
        ['X1', 'X2', 'X3', 'X4'].map((lot, i) =>
          store.amendSerial(edit({ set: { lot }, event: { type: 'corrected', at: at(70 + i) } })),
        ),
      );
      const applied = attempts.filter((result) => result.ok);
      expect(applied.length).toBe(1);
      expect(await unitEvents(store, 'A-006')).toEqual([['corrected', undefined]]);
    }),
  );

  test(
    'amendSerial rejects a malformed event time',
    withStore(async (store) => {
      await seed(store);
      const error = await rejection(
        store.amendSerial(edit({ event: { type: 'corrected', at: '2024-01-01 00:00' } })),
      );
      expect(badInput(error)).toBe(true);
      expect((await store.getSerial('A', 'A-006'))?.lot).toBe('L2');
    }),
  );
}
