/**
 * The edges of what a store answers: a page exactly full (no cursor to an empty page), never more
 * items than the limit, ties and crossed orders of the sort keys, the inclusive ends of a time
 * window and of a lease, out-of-order verifications, and a SKU whose units were all removed.
 */
import type { Order, Owner } from '@serialkit/core';
import type { StorePage } from '../../store.js';
import { at, recall, unit } from './fixtures.js';
import type { Suite } from './suite.js';
import { deadLetter, subscription } from './webhooks.js';

/** The ISO timestamp one millisecond after `at(minutes)`. */
function justAfter(minutes: number): string {
  return new Date(Date.parse(at(minutes)) + 1).toISOString();
}

/** Every page of a list with `limit`, as [ids of each page], asserting each is within the limit. */
async function pages<T>(
  expect: Suite['expect'],
  read: (cursor: string | null) => Promise<StorePage<T>>,
  id: (item: T) => string,
  limit: number,
): Promise<string[][]> {
  const seen: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: StorePage<T> = await read(cursor);
    expect(page.items.length <= limit, `a page of ${page.items.length} over ${limit}`).toBe(true);
    seen.push(page.items.map(id));
    cursor = page.nextCursor;
  } while (cursor !== null && seen.length < 10);
  return seen;
}

function owner(id: string, minute: number): Owner {
  return {
    id,
    sku: 'A',
    serial: `S-${id}`,
    status: 'active',
    name: `Name ${id}`,
    email: `${id}@example.com`,
    registeredAt: at(minute),
  };
}

function order(id: string, minute: number): Order {
  return {
    id,
    channel: 'b2c',
    customer: { email: 'ada@example.com', name: 'Ada' },
    source: 'manual',
    status: 'open',
    lines: [{ sku: 'A', quantity: 1, picked: 0, shipped: 0 }],
    picks: [],
    shipments: [],
    createdAt: at(minute),
    updatedAt: at(minute),
  };
}

export function boundaryTests({ test, expect, withStore, expectSelected }: Suite): void {
  test(
    'listEvents: pages within the limit, none after an exactly full one; a window includes its ends only',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('A', 'S2')]);
      await store.appendEvents(
        [1, 2, 3, 4].map((minute) => ({
          sku: 'A',
          serial: minute % 2 === 0 ? 'S2' : 'S1',
          type: 'flagged' as const,
          at: at(minute),
        })),
      );
      const atOf = (event: { at: string }) => event.at;
      const all = [
        [at(1), at(2)],
        [at(3), at(4)],
      ];
      expect(
        await pages(expect, (cursor) => store.listEvents({}, { cursor, limit: 2 }), atOf, 2),
      ).toEqual(all);
      expect((await store.listEvents({}, { limit: 4 })).nextCursor).toBe(null);
      // The index of one unit's events pages the same way.
      const unitPages = (cursor: string | null) =>
        store.listEvents({ sku: 'A', serial: 'S2' }, { cursor, limit: 1 });
      expect(await pages(expect, unitPages, atOf, 1)).toEqual([[at(2)], [at(4)]]);
      const window = await store.listEvents({ between: { from: at(2), to: at(3) } });
      expect(window.items.map(atOf)).toEqual([at(2), at(3)]);
    }),
  );

  test(
    'listOwners: pages within the limit, none after an exactly full one; ties by id',
    withStore(async (store) => {
      for (const [id, minute] of [
        ['o4', 1],
        ['o2', 2],
        ['o1', 2],
        ['o3', 3],
      ] as const) {
        await store.insertOwner(owner(id, minute));
      }
      const read = (cursor: string | null) => store.listOwners({}, { cursor, limit: 2 });
      expect(await pages(expect, read, (o) => o.id, 2)).toEqual([
        ['o4', 'o1'],
        ['o2', 'o3'],
      ]);
      expect((await store.listOwners({}, { limit: 4 })).nextCursor).toBe(null);
    }),
  );

  test(
    'listRecalls: pages within the limit, none after an exactly full one',
    withStore(async (store) => {
      for (const [id, minute] of [
        ['R1', 1],
        ['R2', 2],
        ['R3', 3],
        ['R4', 4],
      ] as const) {
        await store.putRecall(recall(id, 'A', minute));
      }
      const read = (cursor: string | null) => store.listRecalls({}, { cursor, limit: 2 });
      expect(await pages(expect, read, (r) => r.id, 2)).toEqual([
        ['R4', 'R3'],
        ['R2', 'R1'],
      ]);
      expect((await store.listRecalls({}, { limit: 4 })).nextCursor).toBe(null);
    }),
  );

  test(
    'listOrders: newest first, then by id descending, whatever the ids say; pages within the limit',
    withStore(async (store) => {
      // Ids in the opposite order of creation times, and a tie in time.
      for (const [id, minute] of [
        ['O-d', 0],
        ['O-b', 1],
        ['O-a', 2],
        ['O-c', 2],
      ] as const) {
        expect(await store.insertOrder(order(id, minute))).toBe(true);
      }
      const read = (cursor: string | null) => store.listOrders({}, { cursor, limit: 2 });
      expect(await pages(expect, read, (o) => o.id, 2)).toEqual([
        ['O-c', 'O-a'],
        ['O-b', 'O-d'],
      ]);
      expect((await store.listOrders({}, { limit: 4 })).nextCursor).toBe(null);
    }),
  );

  test(
    'listWebhookSubscriptions: by creation time, then by id',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_a', { createdAt: at(2) }));
      await store.putWebhookSubscription(subscription('wh_c', { createdAt: at(1) }));
      await store.putWebhookSubscription(subscription('wh_b', { createdAt: at(1) }));
      expect((await store.listWebhookSubscriptions()).map((s) => s.id)).toEqual([
        'wh_b',
        'wh_c',
        'wh_a',
      ]);
    }),
  );

  test(
    'listWebhookDeadLetters: by failure time, then message, across pages; deleting what is not there',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      await store.putWebhookSubscription(subscription('wh_2'));
      // Message ids in the opposite order of failure times, and a tie in time.
      for (const [message, minute] of [
        ['msg_9', 10],
        ['msg_5', 20],
        ['msg_1', 20],
        ['msg_2', 30],
      ] as const) {
        await store.putWebhookDeadLetter(deadLetter('wh_1', message, minute));
      }
      const read = (cursor: string | null) =>
        store.listWebhookDeadLetters('wh_1', { cursor, limit: 2 });
      expect(await pages(expect, read, (l) => l.messageId, 2)).toEqual([
        ['msg_9', 'msg_1'],
        ['msg_5', 'msg_2'],
      ]);
      expect((await store.listWebhookDeadLetters('wh_1', { limit: 4 })).nextCursor).toBe(null);
      // A subscription without letters, and one that does not exist, delete nothing.
      expect(await store.deleteWebhookDeadLetter('wh_2', 'msg_9')).toBe(false);
      expect(await store.deleteWebhookDeadLetter('wh_gone', 'msg_9')).toBe(false);
      expect((await store.listWebhookDeadLetters('wh_1')).items.length).toBe(4);
    }),
  );

  test(
    'a lease is held through its `until` instant and free just after',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      const lease = (owner: string, when: string) =>
        store.leaseWebhookCursor({ subscriptionId: 'wh_1', owner, at: when, until: at(10) });
      expect((await lease('a', at(0))) === null).toBe(false);
      expect(await lease('b', at(10))).toBe(null);
      expect((await lease('b', justAfter(10))) === null).toBe(false);

      const logLease = (owner: string, when: string) =>
        store.leaseLogCursor({ consumer: 'writer', owner, at: when, until: at(10) });
      expect((await logLease('a', at(0))) === null).toBe(false);
      expect(await logLease('b', at(10))).toBe(null);
      expect((await logLease('b', justAfter(10))) === null).toBe(false);
    }),
  );

  test(
    'recordVerification keeps the latest time of a fingerprint when verifications arrive out of order',
    withStore(async (store) => {
      const verify = (minute: number, windowStart: number) =>
        store.recordVerification({
          sku: 'A',
          serial: 'S1',
          fingerprint: 'fa',
          at: at(minute),
          windowStart: at(windowStart),
        });
      expect((await verify(10, 0)).distinctFingerprints).toBe(1);
      // Seen at minute 10 already: still in a window from minute 8, with an earlier sighting.
      const late = await verify(5, 8);
      expect([late.distinctFingerprints, late.total]).toEqual([1, 2]);
    }),
  );

  test(
    'listSerials by range and prefix in a SKU whose units were all removed',
    withStore(async (store) => {
      await store.insertSerials([unit('A', 'S1'), unit('B', 'S1')]);
      const removed = await store.amendSerial({
        sku: 'A',
        serial: 'S1',
        from: ['in_stock'],
        remove: true,
        event: { type: 'voided', at: at(1) },
      });
      expect(removed.ok).toBe(true);
      await expectSelected(store, { sku: 'A', range: { from: 'S0', to: 'S9' } }, []);
      await expectSelected(store, { sku: 'A', prefix: 'S' }, []);
      await expectSelected(store, { range: { from: 'S0', to: 'S9' } }, ['B/S1']);
    }),
  );

  test(
    'listSerials range with numericAt 0: numbers from the first character',
    withStore(async (store) => {
      await store.insertSerials(['9', '10', '100'].map((serial) => unit('N', serial)));
      // As text, 10 comes before 9: the plain range is empty.
      await expectSelected(store, { range: { from: '9', to: '10' } }, []);
      await expectSelected(store, { range: { from: '9', to: '10', numericAt: 0 } }, [
        'N/10',
        'N/9',
      ]);
    }),
  );
}
