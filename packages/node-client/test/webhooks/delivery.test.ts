/**
 * Webhook delivery against real local receivers (node:http on 127.0.0.1, allowed with
 * `allowPrivate`), each verifying signatures with the Standard Webhooks reference library.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLogNotice, type SerialEvent } from '@serialkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import type { SerialStore } from '../../src/store.js';
import { sqliteStore } from '../../src/stores/sqlite.js';
import {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from '../../src/webhooks/dispatcher.js';
import { b2c, registerRange, setup, sn, trackedSku } from '../workflows/fixtures.js';
import { eventually, type Receiver, startReceiver, unitOf } from './receiver.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(secret: string, slowMs?: number): Promise<Receiver> {
  const started = await startReceiver(secret, slowMs);
  cleanups.push(() => started.close());
  return started;
}

function dispatcher(
  store: SerialStore,
  options: Partial<WebhookDispatcherOptions> = {},
): WebhookDispatcher {
  const started = createWebhookDispatcher({
    store,
    allowPrivate: true,
    pollMs: 20,
    timeoutMs: 2_000,
    retry: { initialMs: 20, maxMs: 100 },
    ...options,
  });
  started.start();
  cleanups.push(() => started.stop());
  return started;
}

describe('webhook delivery', () => {
  it('a receiver that is down gets every event once it is back, in order per unit, one webhook-id per event', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 3);
    const hook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/placeholder',
      eventTypes: ['unit.shipped', 'unit.returned', 'unit.recalled'],
    });
    const rx = await receiver(hook.secret);
    await client.webhooks.update(hook.id, { url: rx.url });
    rx.mode = 'down';
    dispatcher(store);

    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2)]));
    await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(3)]));
    await client.returns.accept({ orderId: 'ORD-1', serial: sn(1), disposition: 'restock' });
    await client.returns.reject({ orderId: 'ORD-2', serial: sn(3), reason: 'wrong unit' });
    await client.recalls.create({ sku: 'SKU-1', serials: [sn(1)], notice: 'Stop using it' });

    // Retried while down: several attempts, none verified.
    await eventually(() => rx.requests >= 4);
    expect(rx.received).toEqual([]);
    rx.mode = 'up';
    await eventually(() => rx.unique().length === 6);

    const log = (await store.readEventLog(null, 100)).filter(
      (e): e is SerialEvent =>
        !isLogNotice(e) && ['shipped', 'returned', 'return_rejected', 'recalled'].includes(e.type),
    );
    // Every event once, in log order, each named by its event.
    expect(rx.unique().map((r) => [r.id, r.message.type, unitOf(r).serial])).toEqual(
      log.map((e) => [
        `msg_${e.id}`,
        e.type === 'return_rejected' || e.type === 'returned'
          ? 'unit.returned'
          : e.type === 'shipped'
            ? 'unit.shipped'
            : 'unit.recalled',
        e.serial,
      ]),
    );
    expect(
      rx
        .unique()
        .filter((r) => unitOf(r).serial === sn(1))
        .map((r) => [r.message.type, unitOf(r).verdict]),
    ).toEqual([
      ['unit.shipped', undefined],
      ['unit.returned', 'accepted'],
      ['unit.recalled', undefined],
    ]);
    expect(
      rx.unique().find((r) => unitOf(r).serial === sn(3) && r.message.type === 'unit.returned')
        ?.message.data,
    ).toMatchObject({
      verdict: 'rejected',
      details: { orderId: 'ORD-2', reason: 'wrong unit' },
    });
    // The delivery log: the first message failed with 503 (same id every time), then got 204.
    const attempts = (await client.webhooks.deliveries(hook.id, { limit: 1000 })).items
      .filter((d) => d.messageId === rx.unique()[0]?.id)
      .reverse();
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.map((d) => d.attempt)).toEqual(attempts.map((_, i) => i + 1));
    expect(attempts.slice(0, -1).every((d) => d.status === 503 && !d.ok)).toBe(true);
    expect(attempts.at(-1)).toMatchObject({ status: 204, ok: true });
    expect(attempts.every((d) => d.latencyMs >= 0)).toBe(true);
    expect(rx.unverified).toBe(0);
  });

  it('gives a message up into the dead-letter list, moves on, and replays it with the same webhook-id', async () => {
    const { client, store } = setup({ kind: 'sqlite', webhooks: { allowPrivate: true } });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 2);
    const rx = await receiver('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const hook = await client.webhooks.create({
      url: rx.url,
      eventTypes: ['unit.shipped'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    rx.mode = 'down';
    dispatcher(store, { retry: { initialMs: 10, maxMs: 20, giveUpAfterMs: 60 } });
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));

    await eventually(async () => (await client.webhooks.deadLetters(hook.id)).items.length === 1);
    const [letter] = (await client.webhooks.deadLetters(hook.id)).items;
    expect(letter).toMatchObject({
      subscriptionId: hook.id,
      message: { type: 'unit.shipped', data: { serial: sn(1) } },
      lastError: 'status 503',
    });
    expect(letter?.attempts).toBeGreaterThan(1);

    // The cursor moved past it: the next event is delivered once the receiver is back.
    rx.mode = 'up';
    await client.shipments.create(b2c('ORD-2', 'SKU-1', [sn(2)]));
    await eventually(() => rx.unique().length === 1);
    expect(rx.unique().map((r) => unitOf(r).serial)).toEqual([sn(2)]);

    const replayed = await client.webhooks.replay(hook.id, letter?.messageId as string);
    expect(replayed).toMatchObject({ ok: true, status: 204, messageId: letter?.messageId });
    expect(rx.unique().map((r) => r.id)).toEqual([
      expect.stringMatching(/^msg_/),
      letter?.messageId,
    ]);
    expect((await client.webhooks.deadLetters(hook.id)).items).toEqual([]);
    await expect(
      client.webhooks.replay(hook.id, letter?.messageId as string),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a recall makes one recall.created, named after the recall, and unit.recalled per unit', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 3);
    const recallHook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['recall.created'],
    });
    const unitHook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['unit.recalled'],
    });
    const recalls = await receiver(recallHook.secret);
    const units = await receiver(unitHook.secret);
    await client.webhooks.update(recallHook.id, { url: recalls.url });
    await client.webhooks.update(unitHook.id, { url: units.url });
    dispatcher(store, { batchSize: 2 });
    const recall = await client.recalls.create({
      sku: 'SKU-1',
      serials: [sn(1), sn(2), sn(3)],
      notice: 'Stop',
    });
    await eventually(() => units.unique().length === 3 && recalls.unique().length === 1);
    expect(recalls.unique()[0]).toMatchObject({
      id: `msg_recall_${recall.id}`,
      message: { type: 'recall.created', data: { sku: 'SKU-1', details: { recallId: recall.id } } },
    });
    expect(units.unique().map((r) => unitOf(r).serial)).toEqual([sn(1), sn(2), sn(3)]);
    // Every copy of the recall message carries the recall's id: a receiver keeps one.
    expect(new Set(recalls.received.map((r) => r.id))).toEqual(
      new Set([`msg_recall_${recall.id}`]),
    );
  });

  it('a warranty claim and an owner registration reach their subscribers, the owner by id only', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 2);
    const hook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['warranty.claimed', 'owner.registered'],
    });
    const rx = await receiver(hook.secret);
    await client.webhooks.update(hook.id, { url: rx.url });
    dispatcher(store);
    await client.owners.register({
      input: sn(1),
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      consent: true,
    });
    await client.warranty.claim(sn(2), { decision: 'refused', reason: 'Water damage' });
    await eventually(() => rx.unique().length === 2);
    const [owner, claim] = rx.unique().map((r) => r.message);
    expect(owner).toMatchObject({
      type: 'owner.registered',
      data: { sku: 'SKU-1', serial: sn(1), details: { status: 'active' } },
    });
    expect(JSON.stringify(owner)).not.toMatch(/ada@|lovelace/i);
    expect(claim).toMatchObject({
      type: 'warranty.claimed',
      data: { serial: sn(2), details: { decision: 'refused', reason: 'Water damage' } },
    });
  });

  it('retries go to the URL the subscription has now: a fixed URL gets the waiting messages', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 2);
    const hook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/wrong',
      eventTypes: ['unit.shipped'],
    });
    const rx = await receiver(hook.secret);
    dispatcher(store);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2)]));
    await eventually(async () => (await client.webhooks.deliveries(hook.id)).items.length >= 2);
    await client.webhooks.update(hook.id, { url: rx.url });
    await eventually(() => rx.unique().length === 2);
    expect(rx.unique().map((r) => unitOf(r).serial)).toEqual([sn(1), sn(2)]);
    const failed = (await client.webhooks.deliveries(hook.id, { limit: 100 })).items.filter(
      (d) => !d.ok,
    );
    expect(failed.every((d) => d.error?.startsWith('ECONNREFUSED'))).toBe(true);
  });

  it('a receiver with another secret refuses every message: signatures are checked', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 1);
    const rx = await receiver('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const hook = await client.webhooks.create({ url: rx.url, eventTypes: ['unit.shipped'] });
    dispatcher(store);
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1)]));
    await eventually(() => rx.unverified >= 2);
    expect(rx.received).toEqual([]);
    const [last] = (await client.webhooks.deliveries(hook.id)).items;
    expect(last).toMatchObject({ ok: false, status: 401, error: 'status 401' });
  });

  it('a slow receiver does not hold up another subscription', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 3);
    const slowHook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['unit.shipped'],
    });
    const fastHook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['unit.shipped'],
    });
    const slow = await receiver(slowHook.secret, 60_000);
    const fast = await receiver(fastHook.secret);
    slow.mode = 'slow';
    await client.webhooks.update(slowHook.id, { url: slow.url });
    await client.webhooks.update(fastHook.id, { url: fast.url });
    dispatcher(store, { timeoutMs: 300 });
    await client.shipments.create(b2c('ORD-1', 'SKU-1', [sn(1), sn(2), sn(3)]));
    await eventually(() => fast.unique().length === 3);
    expect(slow.received).toEqual([]);
    await eventually(async () =>
      (await client.webhooks.deliveries(slowHook.id)).items.some((d) =>
        d.error?.startsWith('timeout'),
      ),
    );
  });

  it('two dispatchers on one database deliver each message once between them (cursor leases)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serialkit-webhooks-'));
    const filename = join(dir, 'shared.db');
    const stores = [sqliteStore({ filename }), sqliteStore({ filename })];
    cleanups.push(async () => {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const client = createSerialClient({ store: stores[0] as SerialStore });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 20);
    const hook = await client.webhooks.create({
      url: 'http://127.0.0.1:1/x',
      eventTypes: ['unit.shipped'],
    });
    const rx = await receiver(hook.secret);
    await client.webhooks.update(hook.id, { url: rx.url });
    for (const s of stores) dispatcher(s, { batchSize: 3 });
    for (let i = 1; i <= 20; i++) {
      await client.shipments.create(b2c(`ORD-${i}`, 'SKU-1', [sn(i)]));
    }
    await eventually(() => rx.unique().length === 20);
    expect(rx.received.length).toBe(20);
    expect(rx.unique().map((r) => unitOf(r).serial)).toEqual(
      Array.from({ length: 20 }, (_, i) => sn(i + 1)),
    );
  });
});
