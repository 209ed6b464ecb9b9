/**
 * Orders: inserting once, reading back, listing newest first by status and SKU, and the
 * compare-and-set of an order with its units (all or nothing, one winner per revision).
 */
import type { Order } from '@serialkit/core';
import type { Transition } from '../../store.js';
import { at, unit } from './fixtures.js';
import type { Suite } from './suite.js';

/** An open order with one line per SKU given as [sku, quantity]. */
function order(id: string, minute: number, lines: [string, number][]): Order {
  return {
    id,
    channel: 'b2c',
    customer: { email: 'ada@example.com', name: 'Ada' },
    source: 'manual',
    status: 'open',
    lines: lines.map(([sku, quantity]) => ({ sku, quantity, picked: 0, shipped: 0 })),
    picks: [],
    shipments: [],
    createdAt: at(minute),
    updatedAt: at(minute),
  };
}

function allocate(sku: string, serial: string, orderId: string, minute: number): Transition {
  return {
    sku,
    serial,
    from: ['in_stock'],
    recalled: false,
    to: 'allocated',
    event: { type: 'allocated', at: at(minute), data: { orderId } },
  };
}

/** The order after picking one unit of `sku` at `minute`. */
function picked(base: Order, sku: string, serial: string, minute: number): Order {
  return {
    ...base,
    lines: base.lines.map((line) =>
      line.sku === sku ? { ...line, picked: line.picked + 1 } : line,
    ),
    picks: [...base.picks, { sku, serial, at: at(minute) }],
    updatedAt: at(minute),
  };
}

export function orderTests({ test, expect, withStore }: Suite): void {
  test(
    'insertOrder',
    withStore(async (store) => {
      const first = order('ORD-1', 1, [
        ['A', 2],
        ['B', 1],
      ]);
      expect(await store.insertOrder(first)).toBe(true);
      expect(await store.getOrder('ORD-1')).toEqual({ order: first, revision: 1 });
      // The id is taken: nothing changes.
      expect(await store.insertOrder({ ...first, source: 'csv', lines: [] })).toBe(false);
      expect(await store.getOrder('ORD-1')).toEqual({ order: first, revision: 1 });
      expect(await store.getOrder('missing')).toBe(null);
      const b2b: Order = {
        ...order('ORD-2', 2, [['A', 1]]),
        channel: 'b2b',
        account: { id: 'ACME', name: 'Acme' },
        placedAt: '2024-01-01',
      };
      delete b2b.customer;
      expect(await store.insertOrder(b2b)).toBe(true);
      expect((await store.getOrder('ORD-2'))?.order).toEqual(b2b);
    }),
  );

  test(
    'listOrders',
    withStore(async (store) => {
      await store.insertOrder(order('ORD-1', 1, [['A', 1]]));
      await store.insertOrder(order('ORD-3', 3, [['B', 1]]));
      await store.insertOrder(
        order('ORD-2', 3, [
          ['A', 1],
          ['B', 2],
        ]),
      );
      await store.insertOrder({ ...order('ORD-4', 4, [['C', 1]]), status: 'cancelled' });
      const ids = (orders: Order[]) => orders.map((o) => o.id);
      // Newest first; equal times by id, descending.
      expect(ids((await store.listOrders()).items)).toEqual(['ORD-4', 'ORD-3', 'ORD-2', 'ORD-1']);
      expect(ids((await store.listOrders({ status: 'open' })).items)).toEqual([
        'ORD-3',
        'ORD-2',
        'ORD-1',
      ]);
      expect(ids((await store.listOrders({ sku: 'A' })).items)).toEqual(['ORD-2', 'ORD-1']);
      expect(ids((await store.listOrders({ sku: 'B', status: 'open' })).items)).toEqual([
        'ORD-3',
        'ORD-2',
      ]);
      expect((await store.listOrders({ sku: 'Z' })).items).toEqual([]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Order[]; nextCursor: string | null } = await store.listOrders(
          {},
          { cursor, limit: 3 },
        );
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(['ORD-4', 'ORD-3', 'ORD-2', 'ORD-1']);
    }),
  );

  test(
    'changeOrder',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'A-1'), unit('A', 'A-2')]);
      const base = order('ORD-1', 1, [['A', 2]]);
      await store.insertOrder(base);

      const one = picked(base, 'A', 'A-1', 5);
      const applied = await store.changeOrder({
        order: one,
        revision: 1,
        transitions: [allocate('A', 'A-1', 'ORD-1', 5)],
      });
      expect(applied.ok && applied.revision).toBe(2);
      expect(applied.ok && applied.records.map((r) => [r.serial, r.status])).toEqual([
        ['A-1', 'allocated'],
      ]);
      expect(await store.getOrder('ORD-1')).toEqual({ order: one, revision: 2 });
      expect((await store.getSerial('A', 'A-1'))?.status).toBe('allocated');
      const events = await store.listEvents({ sku: 'A', serial: 'A-1', type: 'allocated' });
      expect(events.items.map((e) => [e.at, e.data])).toEqual([[at(5), { orderId: 'ORD-1' }]]);

      // A stale revision changes neither the order nor any unit.
      const stale = await store.changeOrder({
        order: picked(base, 'A', 'A-2', 6),
        revision: 1,
        transitions: [allocate('A', 'A-2', 'ORD-1', 6)],
      });
      expect(stale).toEqual({
        ok: false,
        reason: 'revision',
        current: { order: one, revision: 2 },
      });
      expect((await store.getSerial('A', 'A-2'))?.status).toBe('in_stock');

      // A transition that cannot apply changes nothing either, and names the unit.
      const units = await store.changeOrder({
        order: picked(picked(one, 'A', 'A-2', 7), 'A', 'A-1', 7),
        revision: 2,
        transitions: [allocate('A', 'A-2', 'ORD-1', 7), allocate('A', 'A-1', 'ORD-1', 7)],
      });
      expect(units.ok ? 'ok' : units.reason).toBe('units');
      expect(
        !units.ok && units.reason === 'units'
          ? units.failures.map((f) => [f.index, f.current?.status])
          : [],
      ).toEqual([[1, 'allocated']]);
      expect(await store.getOrder('ORD-1')).toEqual({ order: one, revision: 2 });
      expect((await store.getSerial('A', 'A-2'))?.status).toBe('in_stock');
      expect((await store.listEvents({ sku: 'A', serial: 'A-2' })).items).toEqual([]);

      // Without transitions, the order alone changes; the status is what listOrders filters by.
      const cancelled: Order = { ...one, status: 'cancelled', updatedAt: at(8) };
      const alone = await store.changeOrder({ order: cancelled, revision: 2, transitions: [] });
      expect(alone).toEqual({ ok: true, revision: 3, records: [] });
      expect((await store.listOrders({ status: 'cancelled' })).items).toEqual([cancelled]);
      expect((await store.listOrders({ status: 'open' })).items).toEqual([]);

      const missing = await store.changeOrder({
        order: order('ORD-9', 9, [['A', 1]]),
        revision: 1,
        transitions: [],
      });
      expect(missing).toEqual({ ok: false, reason: 'revision', current: null });
      expect(await store.getOrder('ORD-9')).toBe(null);
    }),
  );

  test(
    'changeOrder concurrently',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'A-1'), unit('A', 'A-2'), unit('A', 'A-3')]);
      const first = order('ORD-1', 1, [['A', 3]]);
      const second = order('ORD-2', 2, [['A', 3]]);
      await store.insertOrder(first);
      await store.insertOrder(second);

      // Two changes of one order at the same revision: exactly one wins.
      const sameOrder = await Promise.all(
        ['A-1', 'A-2'].map((serial) =>
          store.changeOrder({
            order: picked(first, 'A', serial, 5),
            revision: 1,
            transitions: [allocate('A', serial, 'ORD-1', 5)],
          }),
        ),
      );
      expect(sameOrder.filter((r) => r.ok).length).toBe(1);
      const allocated = await store.listSerials({ status: 'allocated' });
      expect(allocated.items.length).toBe(1);
      expect((await store.getOrder('ORD-1'))?.order.picks.map((p) => p.serial)).toEqual(
        allocated.items.map((u) => u.serial),
      );

      // One unit claimed by two orders: exactly one wins.
      const ord1 = (await store.getOrder('ORD-1'))!;
      const sameUnit = await Promise.all([
        store.changeOrder({
          order: picked(ord1.order, 'A', 'A-3', 6),
          revision: ord1.revision,
          transitions: [allocate('A', 'A-3', 'ORD-1', 6)],
        }),
        store.changeOrder({
          order: picked(second, 'A', 'A-3', 6),
          revision: 1,
          transitions: [allocate('A', 'A-3', 'ORD-2', 6)],
        }),
      ]);
      expect(sameUnit.filter((r) => r.ok).length).toBe(1);
      const holders = [
        (await store.getOrder('ORD-1'))!.order,
        (await store.getOrder('ORD-2'))!.order,
      ].filter((o) => o.picks.some((p) => p.serial === 'A-3'));
      expect(holders.length).toBe(1);
      const events = await store.listEvents({ sku: 'A', serial: 'A-3', type: 'allocated' });
      expect(events.items.map((e) => e.data)).toEqual([{ orderId: holders[0]!.id }]);
    }),
  );
}
