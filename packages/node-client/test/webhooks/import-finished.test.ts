/**
 * `import.finished`: a CSV import that reads its whole file leaves a notice in the event log,
 * and a real local receiver gets one signed message with the import's counts and no personal
 * data; unit subscriptions hear nothing of it, and an import that stops on an error says nothing.
 */
import { isLogNotice } from '@serialkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { importOrders } from '../../src/csv/order-import.js';
import { createWebhookDispatcher } from '../../src/webhooks/dispatcher.js';
import { setup, sn, trackedSku } from '../workflows/fixtures.js';
import { eventually, subscribedReceiver, unitOf } from './receiver.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harness() {
  const { client, store } = setup({ kind: 'sqlite' });
  await trackedSku(client, 'SKU-1');
  const { rx: importRx } = await subscribedReceiver(client, ['import.finished']);
  const { rx: unitRx } = await subscribedReceiver(client, ['unit.shipped']);
  cleanups.push(
    () => importRx.close(),
    () => unitRx.close(),
  );
  const dispatcher = createWebhookDispatcher({
    store,
    allowPrivate: true,
    pollMs: 20,
    retry: { initialMs: 20, maxMs: 100 },
  });
  dispatcher.start();
  cleanups.push(() => dispatcher.stop());
  return { client, store, importRx, unitRx };
}

describe('import.finished', () => {
  it('each finished import of units, shipments and orders sends its counts, once, in order', async () => {
    const { client, store, importRx, unitRx } = await harness();

    const units = await client.imports.serials(
      `serial\n${sn(1)}\n${sn(2)}\n${sn(2)}\nnot a serial\n`,
      { sku: 'SKU-1' },
    );
    expect(units).toMatchObject({ rows: 4, registered: 2, duplicates: 1, invalid: 1 });
    const shipped = await client.imports.shipments(
      'order_id,customer_email,customer_name,sku,serial\n' +
        `ORD-1,ada@example.com,Ada Lovelace,SKU-1,${sn(1)}\n` +
        `ORD-2,bob@example.com,Bob,SKU-1,${sn(9)}\n`,
    );
    expect(shipped).toMatchObject({ rows: 2, shipments: 1, units: 1, failedShipments: 1 });
    const orders = await importOrders(
      client,
      'order_id,channel,customer_email,sku,quantity\nORD-3,b2c,cy@example.com,SKU-1,2\n',
    );
    expect(orders.orders.created).toEqual(['ORD-3']);

    await eventually(() => importRx.unique().length === 3 && unitRx.unique().length === 1);
    expect(importRx.unique().map((r) => r.message.data)).toEqual([
      {
        eventId: expect.any(String),
        at: expect.any(String),
        import: {
          kind: 'serials',
          sku: 'SKU-1',
          rows: 4,
          registered: 2,
          duplicates: 1,
          invalid: 1,
          failed: 0,
          errorCount: 2,
        },
      },
      {
        eventId: expect.any(String),
        at: expect.any(String),
        import: {
          kind: 'shipments',
          rows: 2,
          shipments: 1,
          units: 1,
          failedShipments: 1,
          errorCount: 1,
        },
      },
      {
        eventId: expect.any(String),
        at: expect.any(String),
        import: { kind: 'orders', rows: 1, created: 1, unchanged: 0, failed: 0, errorCount: 0 },
      },
    ]);
    // Each message is named after its log entry, and every type is import.finished.
    const notices = (await store.readEventLog(null, 1000)).filter(isLogNotice);
    expect(importRx.unique().map((r) => [r.id, r.message.type])).toEqual(
      notices.map((n) => [`msg_${n.id}`, 'import.finished']),
    );
    // Counts only: no customer, email or name reaches the receiver.
    const bodies = JSON.stringify(importRx.received);
    for (const personal of ['ada@example.com', 'Ada Lovelace', 'cy@example.com', 'Bob']) {
      expect(bodies).not.toContain(personal);
    }
    expect(importRx.unverified).toBe(0);
    // The unit subscription got the shipped unit and nothing of the imports.
    expect(unitRx.unique().map((r) => [r.message.type, unitOf(r).serial])).toEqual([
      ['unit.shipped', sn(1)],
    ]);
    // Unit event lists do not show the notices.
    const listed = await client.events.list({});
    expect(listed.items.map((e) => e.type)).toContain('shipped');
    expect(listed.items.every((e) => e.sku === 'SKU-1')).toBe(true);
  });

  it('an import that stops on an error records nothing; a bad summary is refused', async () => {
    const { client, store } = await harness();
    await expect(client.imports.serials('lot\nL1\n', { sku: 'SKU-1' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect((await store.readEventLog(null, 100)).filter(isLogNotice)).toEqual([]);

    await expect(
      client.imports.recordFinished({
        kind: 'orders',
        rows: -1,
        created: 0,
        unchanged: 0,
        failed: 0,
        errorCount: 0,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      // A summary with a field the schema does not know (an email, say) is refused whole.
      client.imports.recordFinished({
        kind: 'orders',
        rows: 1,
        created: 1,
        unchanged: 0,
        failed: 0,
        errorCount: 0,
        email: 'ada@example.com',
      } as never),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await store.readEventLog(null, 100)).filter(isLogNotice)).toEqual([]);

    await client.imports.recordFinished({
      kind: 'orders',
      rows: 5,
      created: 5,
      unchanged: 0,
      failed: 0,
      errorCount: 0,
    });
    expect((await store.readEventLog(null, 100)).filter(isLogNotice).map((n) => n.data)).toEqual([
      { kind: 'orders', rows: 5, created: 5, unchanged: 0, failed: 0, errorCount: 0 },
    ]);
  });
});
