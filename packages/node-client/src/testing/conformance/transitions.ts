/** Transitions: compare-and-set status changes, all or nothing, in order, concurrent. */
import type { SerialRecord } from '@serialkit/core';
import type { Transition } from '../../store.js';
import { at, B2B, B2C, ship, unit } from './fixtures.js';
import type { Suite } from './suite.js';

export function transitionTests({ test, expect, withStore }: Suite): void {
  test(
    'transition',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1', { lot: 'L1' }), unit('A', 'S2')]);
      const allocated = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['in_stock'],
          to: 'allocated',
          event: { type: 'allocated', at: at(5), data: { orderId: 'ORD-1' } },
        },
      ]);
      expect(allocated).toEqual({
        ok: true,
        records: [
          {
            sku: 'A',
            serial: 'S1',
            status: 'allocated',
            lot: 'L1',
            registeredAt: at(0),
            updatedAt: at(5),
          },
        ],
      });
      const shipped = await store.transition([ship('A', 'S1', B2C, 10)]);
      const expectedShipped: SerialRecord = {
        sku: 'A',
        serial: 'S1',
        status: 'shipped',
        lot: 'L1',
        registeredAt: at(0),
        updatedAt: at(10),
        shipment: B2C,
      };
      expect(shipped).toEqual({ ok: true, records: [expectedShipped] });
      expect(await store.getSerial('A', 'S1')).toEqual(expectedShipped);
      expect(await store.findSerial('S1')).toEqual([expectedShipped]);

      // An omitted `set` field is kept; recallId is set; then shipment and recallId are cleared.
      await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          set: { recallId: 'R9' },
          event: { type: 'returned', at: at(20) },
        },
      ]);
      expect(await store.getSerial('A', 'S1')).toEqual({
        ...expectedShipped,
        status: 'returned',
        recallId: 'R9',
        updatedAt: at(20),
      });
      await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['returned'],
          to: 'in_stock',
          set: { shipment: null, recallId: null },
          event: { type: 'restocked', at: at(30) },
        },
      ]);
      const restocked = await store.getSerial('A', 'S1');
      expect(restocked).toEqual({
        sku: 'A',
        serial: 'S1',
        status: 'in_stock',
        lot: 'L1',
        registeredAt: at(0),
        updatedAt: at(30),
      });
      expect(Object.keys(restocked ?? {}).includes('shipment')).toBe(false);

      const events = await store.listEvents({ sku: 'A', serial: 'S1' });
      expect(events.items.map((e) => [e.type, e.at, e.data])).toEqual([
        ['allocated', at(5), { orderId: 'ORD-1' }],
        ['shipped', at(10), { orderId: 'ORD-1' }],
        ['returned', at(20), undefined],
        ['restocked', at(30), undefined],
      ]);
      expect(await store.getSerial('A', 'S2')).toEqual({
        sku: 'A',
        serial: 'S2',
        status: 'in_stock',
        registeredAt: at(0),
        updatedAt: at(0),
      });
      expect(await store.transition([])).toEqual({ ok: true, records: [] });
    }),
  );

  test(
    'transition keeps B2B shipments',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const result = await store.transition([ship('A', 'S1', B2B, 20)]);
      expect(result.ok).toBe(true);
      expect((await store.getSerial('A', 'S1'))?.shipment).toEqual(B2B);
      expect(Object.keys((await store.getSerial('A', 'S1'))?.shipment ?? {}).sort()).toEqual(
        ['account', 'channel', 'orderId', 'shippedAt'].sort(),
      );
    }),
  );

  test(
    'transition is all or nothing',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      await store.transition([ship('A', 'S2', B2C)]);
      const before = await store.getSerial('A', 'S2');
      const result = await store.transition([
        ship('A', 'S1', B2B), // would succeed
        ship('A', 'S2', B2B), // S2 is already shipped
        ship('A', 'MISSING', B2B), // no such unit
        ship('A', 'S3', B2B), // would succeed
      ]);
      expect(result).toEqual({
        ok: false,
        failures: [
          { index: 1, current: before },
          { index: 2, current: null },
        ],
      });
      // Nothing was applied: S1 and S3 are untouched, no event was written.
      expect((await store.getSerial('A', 'S1'))?.status).toBe('in_stock');
      expect((await store.getSerial('A', 'S3'))?.status).toBe('in_stock');
      expect(await store.getSerial('A', 'S2')).toEqual(before);
      expect((await store.listEvents({ sku: 'A' })).items.map((e) => e.serial)).toEqual(['S2']);
    }),
  );

  test(
    'transition applies in order',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const result = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['in_stock'],
          to: 'allocated',
          event: { type: 'allocated', at: at(1) },
        },
        ship('A', 'S1', B2C, 2),
      ]);
      if (!result.ok) throw new Error('expected the transitions to apply');
      expect(result.records.map((r) => [r.status, r.updatedAt])).toEqual([
        ['allocated', at(1)],
        ['shipped', at(2)],
      ]);
      expect(result.records[0]?.shipment).toBe(undefined);
      expect((await store.getSerial('A', 'S1'))?.status).toBe('shipped');

      // A failure reports the unit as stored, not as the batch would have left it.
      const failed = await store.transition([
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          event: { type: 'returned', at: at(3) },
        },
        {
          sku: 'A',
          serial: 'S1',
          from: ['shipped'],
          to: 'returned',
          event: { type: 'returned', at: at(4) },
        },
      ]);
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.failures.map((f) => [f.index, f.current?.status])).toEqual([[1, 'shipped']]);
      }
      expect((await store.listEvents({ sku: 'A', serial: 'S1' })).items.length).toBe(2);
    }),
  );

  test(
    'transition concurrent: exactly one wins',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      const attempts = Array.from({ length: 8 }, (_, n) =>
        store.transition([
          ship('A', 'S1', { ...B2C, orderId: `ORD-${n}`, shipmentId: `SHP-${n}` }, n),
        ]),
      );
      const results = await Promise.all(attempts);
      const winners = results.flatMap((r, n) => (r.ok ? [n] : []));
      expect(winners.length).toBe(1);
      const winner = winners[0] as number;
      const stored = await store.getSerial('A', 'S1');
      expect(stored?.shipment?.orderId).toBe(`ORD-${winner}`);
      for (const result of results) {
        if (!result.ok) expect(result.failures).toEqual([{ index: 0, current: stored }]);
      }
      expect((await store.listEvents({ sku: 'A', serial: 'S1' })).items.length).toBe(1);

      // Batches that claim the same units in opposite orders: one wins, none half-applies.
      const forward = (n: number) =>
        store.transition([
          ship('A', 'S2', { ...B2B, orderId: `F-${n}` }),
          ship('A', 'S3', { ...B2B, orderId: `F-${n}` }),
        ]);
      const backward = (n: number) =>
        store.transition([
          ship('A', 'S3', { ...B2B, orderId: `B-${n}` }),
          ship('A', 'S2', { ...B2B, orderId: `B-${n}` }),
        ]);
      const crossed = await Promise.all([forward(0), backward(0), forward(1), backward(1)]);
      expect(crossed.filter((r) => r.ok).length).toBe(1);
      const s2 = await store.getSerial('A', 'S2');
      const s3 = await store.getSerial('A', 'S3');
      expect(s2?.shipment?.orderId).toBe(s3?.shipment?.orderId);
      expect((await store.listEvents({ sku: 'A', serial: 'S2' })).items.length).toBe(1);
      expect((await store.listEvents({ sku: 'A', serial: 'S3' })).items.length).toBe(1);
    }),
  );

  test(
    'transition requires the recall state it names',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2'), unit('A', 'S3')]);
      await store.markRecalled({ sku: 'A', serials: ['S1'] }, 'R1', { at: at(1) });
      const recalled = await store.getSerial('A', 'S1');
      const shipNotRecalled = (serial: string): Transition => ({
        ...ship('A', serial, B2C, 5),
        recalled: false,
      });

      // A unit under a recall does not ship when the shipment requires "not recalled", and the
      // whole call changes nothing.
      expect(await store.transition([shipNotRecalled('S2'), shipNotRecalled('S1')])).toEqual({
        ok: false,
        failures: [{ index: 1, current: recalled }],
      });
      expect((await store.getSerial('A', 'S2'))?.status).toBe('in_stock');
      expect((await store.listEvents({ type: 'shipped' })).items).toEqual([]);

      // A unit under no recall ships; `recalled: true` matches only recalled units.
      const shipped = await store.transition([shipNotRecalled('S2')]);
      expect(shipped.ok && shipped.records[0]?.status).toBe('shipped');
      const quarantine = (serial: string): Transition => ({
        sku: 'A',
        serial,
        from: ['in_stock'],
        recalled: true,
        to: 'quarantined',
        event: { type: 'quarantined', at: at(6) },
      });
      expect(await store.transition([quarantine('S3')])).toEqual({
        ok: false,
        failures: [{ index: 0, current: await store.getSerial('A', 'S3') }],
      });
      const held = await store.transition([quarantine('S1')]);
      expect(held.ok && held.records[0]).toEqual({
        ...recalled,
        status: 'quarantined',
        updatedAt: at(6),
      });

      // A recall committed after the unit was read still stops the shipment.
      const before = await store.getSerial('A', 'S3');
      expect(before?.recallId).toBe(undefined);
      await store.markRecalled({ sku: 'A', serials: ['S3'] }, 'R2', { at: at(7) });
      const late = await store.transition([shipNotRecalled('S3')]);
      expect(late.ok).toBe(false);
      expect((await store.getSerial('A', 'S3'))?.status).toBe('in_stock');
    }),
  );
}
