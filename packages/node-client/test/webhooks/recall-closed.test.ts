/**
 * `recall.closed`: a recall's close is written to the event log with it (one `recall_closed`
 * entry per unit under it), and a real local receiver gets one message named after the recall.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/webhooks/dispatcher.js';
import { webhookMessagesOf } from '../../src/webhooks/messages.js';
import { registerRange, setup, sn, trackedSku } from '../workflows/fixtures.js';
import { eventually, subscribedReceiver } from './receiver.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('recall.closed', () => {
  it('a closed recall makes one recall.closed after its recall.created, and its units keep the flag', async () => {
    const { client, store } = setup({ kind: 'sqlite' });
    await trackedSku(client, 'SKU-1');
    await registerRange(client, 'SKU-1', 4);
    const { rx: recalls } = await subscribedReceiver(client, ['recall.created', 'recall.closed']);
    const { rx: units } = await subscribedReceiver(client, ['unit.recalled']);
    cleanups.push(
      () => recalls.close(),
      () => units.close(),
    );
    const dispatcher = createWebhookDispatcher({
      store,
      allowPrivate: true,
      pollMs: 20,
      batchSize: 2,
      retry: { initialMs: 20, maxMs: 100 },
    });
    dispatcher.start();
    cleanups.push(() => dispatcher.stop());

    const recall = await client.recalls.create({
      sku: 'SKU-1',
      serials: [sn(1), sn(2), sn(3)],
      notice: 'Stop',
    });
    const closed = await client.recalls.close(recall.id);
    await expect(client.recalls.close(recall.id)).rejects.toMatchObject({ code: 'conflict' });

    await eventually(() => recalls.unique().length === 2 && units.unique().length === 3);
    expect(recalls.unique().map((r) => [r.id, r.message.type])).toEqual([
      [`msg_recall_${recall.id}`, 'recall.created'],
      [`msg_recall_closed_${recall.id}`, 'recall.closed'],
    ]);
    expect(recalls.unique()[1]?.message).toMatchObject({
      timestamp: closed.closedAt,
      data: { sku: 'SKU-1', serial: sn(1), at: closed.closedAt, details: { recallId: recall.id } },
    });
    // Every copy of the close carries the recall's id: a receiver keeps one.
    expect(new Set(recalls.received.map((r) => r.id)).size).toBe(2);
    expect(recalls.unverified).toBe(0);

    // The close is in each unit's history, written once; the units stay recalled.
    const log = await store.readEventLog(null, 100);
    expect(log.flatMap((e) => (e.type === 'recall_closed' ? [e.serial] : []))).toEqual([
      sn(1),
      sn(2),
      sn(3),
    ]);
    expect((await client.serials.lookup(sn(2))).record?.recallId).toBe(recall.id);
    expect((await client.recalls.get(recall.id)).status).toBe('closed');
    // A close is the recall's message only: no unit message comes of its entries.
    const entry = log.find((e) => e.type === 'recall_closed');
    expect(entry && webhookMessagesOf(entry).map((m) => [m.id, m.message.type])).toEqual([
      [`msg_recall_closed_${recall.id}`, 'recall.closed'],
    ]);
  });
});
