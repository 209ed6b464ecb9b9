/**
 * An owner's registration and its event, written by `insertOwner` in one transaction: both or
 * neither, also when the event fails after the owner's row is written.
 */
import type { Owner } from '@serialkit/core';
import type { EventInsert } from '../../store.js';
import { badInput } from './atomicity.js';
import { at, errorCode, rejection, unit } from './fixtures.js';
import type { Suite } from './suite.js';

function owner(id: string, status: Owner['status'] = 'active', serial = 'S1'): Owner {
  return {
    id,
    sku: 'A',
    serial,
    status,
    name: `Name ${id}`,
    email: `${id}@example.com`,
    registeredAt: at(1),
  };
}

function registered(id: string, status: Owner['status'] = 'active', serial = 'S1'): EventInsert {
  return {
    sku: 'A',
    serial,
    type: 'owner_registered',
    at: at(1),
    data: { ownerId: id, status },
  };
}

/** Event data JSON cannot hold: it refers to itself. */
function cyclic(): Record<string, unknown> {
  const data: Record<string, unknown> = { note: 'refers to itself' };
  data.self = data;
  return data;
}

export function ownerEventTests({ test, expect, withStore }: Suite): void {
  test(
    'insertOwner with its event',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      expect(await store.insertOwner(owner('o1'), registered('o1'))).toEqual({ inserted: true });
      expect(await store.getOwner('o1')).toEqual(owner('o1'));
      const history = async () =>
        (await store.listEvents({ sku: 'A', serial: 'S1' })).items.map((e) => [e.type, e.data]);
      expect(await history()).toEqual([['owner_registered', { ownerId: 'o1', status: 'active' }]]);

      // A second active owner is not inserted, and appends nothing.
      expect(await store.insertOwner(owner('o2'), registered('o2'))).toEqual({ inserted: false });
      expect((await history()).length).toBe(1);
      // Kept for review, with its own event.
      const pending = owner('o2', 'pending_review');
      expect(await store.insertOwner(pending, registered('o2', 'pending_review'))).toEqual({
        inserted: true,
      });
      expect(await history()).toEqual([
        ['owner_registered', { ownerId: 'o1', status: 'active' }],
        ['owner_registered', { ownerId: 'o2', status: 'pending_review' }],
      ]);
      // A reused id is a conflict, and appends nothing.
      const reused = await rejection(
        store.insertOwner(pending, registered('o2', 'pending_review')),
      );
      expect(errorCode(reused)).toBe('conflict');
      expect((await history()).length).toBe(2);
    }),
  );

  test(
    'insertOwner keeps nothing when its event fails',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      // The event's unit is not there: found out after the owner's row is written.
      const missing = await rejection(
        store.insertOwner(owner('o1', 'active', 'S9'), registered('o1', 'active', 'S9')),
      );
      expect(errorCode(missing)).toBe('not_found');
      expect(await store.getOwner('o1')).toBe(null);
      // Event data JSON cannot hold, and a time in another form.
      const unreadable = { ...registered('o1'), data: cyclic() };
      expect((await rejection(store.insertOwner(owner('o1'), unreadable))) instanceof Error).toBe(
        true,
      );
      const badTime = { ...registered('o1'), at: '2024-01-01' };
      expect(badInput(await rejection(store.insertOwner(owner('o1'), badTime)))).toBe(true);
      expect(await store.getOwner('o1')).toBe(null);
      expect((await store.listOwners({})).items).toEqual([]);
      expect((await store.listEvents({})).items).toEqual([]);
      // Nothing half-kept blocks the unit: the same registration, well formed, goes in whole.
      expect(await store.insertOwner(owner('o1'), registered('o1'))).toEqual({ inserted: true });
      expect((await store.listEvents({ type: 'owner_registered' })).items.length).toBe(1);
    }),
  );

  test(
    'insertOwner concurrent first registrations with their events',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1')]);
      const ids = ['c1', 'c2', 'c3', 'c4'];
      const results = await Promise.all(
        ids.map((id) => store.insertOwner(owner(id), registered(id))),
      );
      expect(results.filter((r) => r.inserted).length).toBe(1);
      const winner = ids[results.findIndex((r) => r.inserted)];
      const { items } = await store.listEvents({ sku: 'A', serial: 'S1' });
      expect(items.map((e) => e.data)).toEqual([{ ownerId: winner, status: 'active' }]);
    }),
  );
}
