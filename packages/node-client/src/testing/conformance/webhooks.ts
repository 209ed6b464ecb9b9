/** Webhook subscriptions, their cursors and leases, the event log read, deliveries, dead letters. */
import type {
  WebhookDeadLetter,
  WebhookDelivery,
  WebhookSubscriptionRecord,
} from '@serialkit/core';
import type { EventInsert, SerialStore } from '../../store.js';
import { at, serialOf, unit } from './fixtures.js';
import type { Suite } from './suite.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** A subscription record; `extra` replaces any field. */
export function subscription(
  id: string,
  extra: Partial<WebhookSubscriptionRecord> = {},
): WebhookSubscriptionRecord {
  return {
    id,
    url: `https://hooks.example/${id}`,
    eventTypes: ['unit.shipped'],
    secret: SECRET,
    enabled: true,
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  };
}

function event(serial: string, minute: number): EventInsert {
  return { sku: 'A', serial, type: 'shipped', at: at(minute), data: { orderId: `O-${serial}` } };
}

function delivery(subscriptionId: string, attempt: number): WebhookDelivery {
  return {
    subscriptionId,
    messageId: 'msg_1',
    eventId: '1',
    type: 'unit.shipped',
    attempt,
    at: at(attempt),
    ok: attempt === 3,
    ...(attempt === 3 ? { status: 200 } : { error: 'connection refused' }),
    latencyMs: attempt * 10,
  };
}

/** A dead letter of `messageId` (`msg_<event id>`), given up at `minute`. */
export function deadLetter(
  subscriptionId: string,
  messageId: string,
  minute: number,
): WebhookDeadLetter {
  return {
    subscriptionId,
    messageId,
    eventId: messageId.replace('msg_', ''),
    message: {
      type: 'unit.shipped',
      timestamp: at(minute),
      data: { eventId: messageId.replace('msg_', ''), sku: 'A', serial: 'S1', at: at(minute) },
    },
    attempts: 5,
    firstAttemptAt: at(minute - 1),
    failedAt: at(minute),
    lastError: 'status 500',
  };
}

/** Registers the units the events below are about (events need their unit). */
async function units(store: SerialStore, ...serials: string[]): Promise<void> {
  await store.insertSerials(serials.map((serial) => unit('A', serial)));
}

async function allEvents(store: SerialStore, after: string | null, limit: number) {
  const seen: string[] = [];
  let position = after;
  for (;;) {
    const page = await store.readEventLog(position, limit);
    if (page.length === 0) return seen;
    seen.push(...page.map(serialOf));
    position = page[page.length - 1]?.id ?? position;
  }
}

export function webhookTests({ test, expect, withStore }: Suite): void {
  test(
    'putWebhookSubscription',
    withStore(async (store) => {
      expect(await store.getWebhookSubscription('wh_1')).toBe(null);
      await store.putWebhookSubscription(subscription('wh_2', { createdAt: at(2) }));
      await store.putWebhookSubscription(subscription('wh_1', { description: 'ERP' }));
      expect(await store.getWebhookSubscription('wh_1')).toEqual(
        subscription('wh_1', { description: 'ERP' }),
      );
      // Ordered by creation time.
      expect((await store.listWebhookSubscriptions()).map((s) => s.id)).toEqual(['wh_1', 'wh_2']);
      // Replacing keeps one row, with the new fields.
      const changed = subscription('wh_1', {
        enabled: false,
        eventTypes: ['unit.returned', 'unit.recalled'],
        updatedAt: at(5),
      });
      await store.putWebhookSubscription(changed);
      expect(await store.getWebhookSubscription('wh_1')).toEqual(changed);
      expect((await store.listWebhookSubscriptions()).length).toBe(2);
    }),
  );

  test(
    'deleteWebhookSubscription',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      await store.appendWebhookDeliveries([delivery('wh_1', 1)]);
      await store.putWebhookDeadLetter(deadLetter('wh_1', 'msg_1', 5));
      expect(await store.deleteWebhookSubscription('wh_1')).toBe(true);
      expect(await store.deleteWebhookSubscription('wh_1')).toBe(false);
      expect(await store.getWebhookSubscription('wh_1')).toBe(null);
      // A subscription made again under the id starts with no history.
      await store.putWebhookSubscription(subscription('wh_1'));
      expect((await store.listWebhookDeliveries('wh_1')).items).toEqual([]);
      expect((await store.listWebhookDeadLetters('wh_1')).items).toEqual([]);
    }),
  );

  test(
    'readEventLog',
    withStore(async (store) => {
      expect(await store.readEventLog(null, 10)).toEqual([]);
      await units(store, 'S1', 'S2', 'S3');
      // Appended out of time order: the log reads in the order of appending.
      await store.appendEvents([event('S1', 30), event('S2', 10)]);
      await store.appendEvents([event('S3', 20)]);
      const all = await store.readEventLog(null, 10);
      expect(all.map(serialOf)).toEqual(['S1', 'S2', 'S3']);
      const { id: _id, ...first } = all[0] ?? { id: '' };
      expect(first).toEqual({
        sku: 'A',
        serial: 'S1',
        type: 'shipped',
        at: at(30),
        data: { orderId: 'O-S1' },
      });
      expect((await store.readEventLog(all[0]?.id ?? null, 1)).map(serialOf)).toEqual(['S2']);
      expect(await store.readEventLog(all[2]?.id ?? null, 10)).toEqual([]);
      expect(await allEvents(store, null, 2)).toEqual(['S1', 'S2', 'S3']);
      const refused = await store.readEventLog('not a position', 10).then(
        () => null,
        (error: { code?: string }) => error.code,
      );
      expect(refused).toBe('bad_request');
    }),
  );

  test(
    'leaseWebhookCursor',
    withStore(async (store) => {
      await units(store, 'OLD', 'NEW');
      await store.appendEvents([event('OLD', 0)]);
      await store.putWebhookSubscription(subscription('wh_1'));
      expect(
        await store.leaseWebhookCursor({
          subscriptionId: 'wh_missing',
          owner: 'a',
          at: at(0),
          until: at(1),
        }),
      ).toBe(null);
      const lease = (owner: string, minute: number) =>
        store.leaseWebhookCursor({
          subscriptionId: 'wh_1',
          owner,
          at: at(minute),
          until: at(minute + 1),
        });
      const granted = await lease('a', 0);
      expect(granted === null).toBe(false);
      // A new subscription starts at the end of the log: events before it are not its own.
      expect(await store.readEventLog(granted?.position ?? null, 10)).toEqual([]);
      await store.appendEvents([event('NEW', 1)]);
      expect((await store.readEventLog(granted?.position ?? null, 10)).map(serialOf)).toEqual([
        'NEW',
      ]);
      // Held by a: b is refused until the lease ends; a renews it.
      expect(await lease('b', 0.5)).toBe(null);
      expect(await lease('a', 0.5)).toEqual(granted);
      expect(await lease('b', 1)).toBe(null);
      expect(await lease('b', 2)).toEqual(granted);
      expect(await lease('a', 2)).toBe(null);
      // Updating the subscription keeps its cursor and lease.
      await store.putWebhookSubscription(subscription('wh_1', { enabled: false }));
      expect(await lease('a', 2.5)).toBe(null);
      expect(await lease('b', 2.5)).toEqual(granted);
    }),
  );

  test(
    'advanceWebhookCursor',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      await units(store, 'S1', 'S2', 'S3');
      await store.appendEvents([event('S1', 1), event('S2', 2), event('S3', 3)]);
      const granted = await store.leaseWebhookCursor({
        subscriptionId: 'wh_1',
        owner: 'a',
        at: at(0),
        until: at(10),
      });
      const from = granted?.position ?? null;
      const [e1, e2] = await store.readEventLog(from, 10);
      const move = (owner: string, start: string | null, to: string) =>
        store.advanceWebhookCursor({ subscriptionId: 'wh_1', owner, from: start, to });
      // Only the lease holder moves the cursor, and only from where it is.
      expect(await move('b', from, e1?.id as string)).toBe(false);
      // Of two concurrent moves from one position, one applies.
      const moves = await Promise.all([
        move('a', from, e1?.id as string),
        move('a', from, e2?.id as string),
      ]);
      expect(moves.filter(Boolean).length).toBe(1);
      const read = await store.leaseWebhookCursor({
        subscriptionId: 'wh_1',
        owner: 'a',
        at: at(1),
        until: at(10),
      });
      expect([e1?.id, e2?.id].includes(read?.position ?? undefined)).toBe(true);
      expect(await move('a', from, e2?.id as string)).toBe(false);
      expect(await move('a', read?.position ?? null, e2?.id as string)).toBe(
        read?.position !== e2?.id,
      );
      expect(
        (
          await store.leaseWebhookCursor({
            subscriptionId: 'wh_1',
            owner: 'a',
            at: at(2),
            until: at(10),
          })
        )?.position,
      ).toBe(e2?.id);
      expect(await move('a', 'x', e2?.id as string).catch(() => false)).toBe(false);
    }),
  );

  test(
    'listWebhookDeliveries',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      await store.putWebhookSubscription(subscription('wh_2'));
      await store.appendWebhookDeliveries([delivery('wh_1', 1), delivery('wh_2', 1)]);
      await store.appendWebhookDeliveries([delivery('wh_1', 2), delivery('wh_1', 3)]);
      // Attempts of subscriptions that do not exist are not kept.
      await store.appendWebhookDeliveries([delivery('wh_gone', 1)]);
      const first = await store.listWebhookDeliveries('wh_1', { limit: 2 });
      expect(first.items).toEqual([delivery('wh_1', 3), delivery('wh_1', 2)]);
      const second = await store.listWebhookDeliveries('wh_1', { cursor: first.nextCursor });
      expect(second).toEqual({ items: [delivery('wh_1', 1)], nextCursor: null });
      expect((await store.listWebhookDeliveries('wh_2')).items).toEqual([delivery('wh_2', 1)]);
      expect((await store.listWebhookDeliveries('wh_gone')).items).toEqual([]);
    }),
  );

  test(
    'putWebhookDeadLetter',
    withStore(async (store) => {
      await store.putWebhookSubscription(subscription('wh_1'));
      await store.putWebhookDeadLetter(deadLetter('wh_1', 'msg_2', 20));
      await store.putWebhookDeadLetter(deadLetter('wh_1', 'msg_1', 10));
      await store.putWebhookDeadLetter(deadLetter('wh_1', 'msg_3', 30));
      await store.putWebhookDeadLetter(deadLetter('wh_gone', 'msg_1', 10));
      // Oldest first, paged.
      const first = await store.listWebhookDeadLetters('wh_1', { limit: 2 });
      expect(first.items).toEqual([
        deadLetter('wh_1', 'msg_1', 10),
        deadLetter('wh_1', 'msg_2', 20),
      ]);
      expect(await store.listWebhookDeadLetters('wh_1', { cursor: first.nextCursor })).toEqual({
        items: [deadLetter('wh_1', 'msg_3', 30)],
        nextCursor: null,
      });
      // A message given up again replaces its letter.
      await store.putWebhookDeadLetter(deadLetter('wh_1', 'msg_1', 40));
      expect((await store.listWebhookDeadLetters('wh_1')).items.map((l) => l.messageId)).toEqual([
        'msg_2',
        'msg_3',
        'msg_1',
      ]);
      expect(await store.deleteWebhookDeadLetter('wh_1', 'msg_2')).toBe(true);
      expect(await store.deleteWebhookDeadLetter('wh_1', 'msg_2')).toBe(false);
      expect((await store.listWebhookDeadLetters('wh_1')).items.map((l) => l.messageId)).toEqual([
        'msg_3',
        'msg_1',
      ]);
      expect((await store.listWebhookDeadLetters('wh_gone')).items).toEqual([]);
    }),
  );
}
