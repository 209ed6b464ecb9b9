/** Registered owners (personal data), and SKUs that carry a warranty. */
import type { Owner } from '@serialkit/core';
import { at, errorCode, rejection, sku } from './fixtures.js';
import type { Suite } from './suite.js';

function owner(id: string, serial: string, minute: number, extra: Partial<Owner> = {}): Owner {
  return {
    id,
    sku: 'A',
    serial,
    status: 'active',
    name: `Name ${id}`,
    email: `${id}@example.com`,
    registeredAt: at(minute),
    ...extra,
  };
}

export function ownerTests({ test, expect, withStore }: Suite): void {
  test(
    'insertOwner/getOwner',
    withStore(async (store) => {
      const first = owner('o1', 'A-001', 1);
      expect(await store.insertOwner(first)).toEqual({ inserted: true });
      expect(await store.getOwner('o1')).toEqual(first);
      expect(await store.getOwner('nope')).toBe(null);

      // A second active owner of the unit is refused and nothing is kept.
      expect(await store.insertOwner(owner('o2', 'A-001', 2))).toEqual({ inserted: false });
      expect(await store.getOwner('o2')).toBe(null);
      // As a registration for review it is kept; another unit takes its own active owner.
      const pending = owner('o2', 'A-001', 2, { status: 'pending_review' });
      expect(await store.insertOwner(pending)).toEqual({ inserted: true });
      expect(await store.getOwner('o2')).toEqual(pending);
      expect(await store.insertOwner(owner('o3', 'A-002', 3))).toEqual({ inserted: true });
      // Same unit under another SKU is another unit.
      expect(await store.insertOwner(owner('o4', 'A-001', 4, { sku: 'B' }))).toEqual({
        inserted: true,
      });

      // A reused id is a conflict, never a silent success.
      const error = await rejection(
        store.insertOwner(owner('o1', 'A-009', 5, { status: 'pending_review' })),
      );
      expect(errorCode(error)).toBe('conflict');
      expect(await store.getOwner('o1')).toEqual(first);
    }),
  );

  test(
    'insertOwner concurrent first registrations',
    withStore(async (store) => {
      const results = await Promise.all(
        ['c1', 'c2', 'c3', 'c4'].map((id, i) => store.insertOwner(owner(id, 'A-007', i))),
      );
      expect(results.filter((r) => r.inserted).length).toBe(1);
      const { items } = await store.listOwners({ sku: 'A', serial: 'A-007' });
      expect(items.map((o) => o.status)).toEqual(['active']);
    }),
  );

  test(
    'listOwners',
    withStore(async (store) => {
      await store.insertOwner(owner('o3', 'A-002', 3));
      await store.insertOwner(owner('o1', 'A-001', 1));
      await store.insertOwner(owner('o2', 'A-001', 2, { status: 'pending_review' }));
      await store.insertOwner(
        owner('o0', 'A-001', 2, { status: 'pending_review', email: 'o1@example.com' }),
      );
      await store.insertOwner(owner('o5', 'A-001', 5, { sku: 'B' }));

      const ids = async (filter: Parameters<typeof store.listOwners>[0]) => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Owner[]; nextCursor: string | null } = await store.listOwners(
            filter,
            { cursor, limit: 2 },
          );
          seen.push(...page.items.map((o) => o.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        return seen;
      };
      // Ordered by (registeredAt, id), paged.
      expect(await ids({})).toEqual(['o1', 'o0', 'o2', 'o3', 'o5']);
      expect(await ids({ sku: 'A', serial: 'A-001' })).toEqual(['o1', 'o0', 'o2']);
      expect(await ids({ sku: 'A', status: 'pending_review' })).toEqual(['o0', 'o2']);
      expect(await ids({ status: ['active'] })).toEqual(['o1', 'o3', 'o5']);
      expect(await ids({ status: [] })).toEqual([]);
      expect(await ids({ email: 'o1@example.com' })).toEqual(['o1', 'o0']);
      expect(await ids({ sku: 'B' })).toEqual(['o5']);
      const error = await rejection(store.listOwners({}, { cursor: 'garbage' }));
      expect(errorCode(error)).toBe('bad_request');
    }),
  );

  test(
    'eraseOwner',
    withStore(async (store) => {
      await store.insertOwner(owner('o1', 'A-001', 1));
      const event = {
        sku: 'A',
        serial: 'A-001',
        type: 'owner_erased' as const,
        at: at(9),
        data: { ownerId: 'o1' },
      };
      const erased = await store.eraseOwner('o1', event);
      const expected: Owner = {
        id: 'o1',
        sku: 'A',
        serial: 'A-001',
        status: 'erased',
        registeredAt: at(1),
        erasedAt: at(9),
      };
      expect(erased).toEqual(expected);
      expect(await store.getOwner('o1')).toEqual(expected);
      expect((await store.listOwners({ email: 'o1@example.com' })).items).toEqual([]);
      const events = await store.listEvents({ sku: 'A', serial: 'A-001' });
      expect(events.items.map((e) => [e.type, e.at, e.data])).toEqual([
        ['owner_erased', at(9), { ownerId: 'o1' }],
      ]);
      // Erased once: erasing again changes nothing and logs nothing.
      expect(await store.eraseOwner('o1', { ...event, at: at(10) })).toEqual(expected);
      expect(await store.eraseOwner('missing', event)).toBe(null);
      expect((await store.listEvents({ type: 'owner_erased' })).items.length).toBe(1);
      // The unit can take an active owner again.
      expect(await store.insertOwner(owner('o2', 'A-001', 11))).toEqual({ inserted: true });
    }),
  );

  test(
    'putSku warranty',
    withStore(async (store) => {
      const covered = sku('W', { warranty: { months: 24, startsAt: 'registration' } });
      await store.putSku(covered);
      expect(await store.getSku('W')).toEqual(covered);
      expect((await store.listSkus()).items).toEqual([covered]);
      const plain = sku('W');
      await store.putSku(plain);
      expect(await store.getSku('W')).toEqual(plain);
    }),
  );
}
