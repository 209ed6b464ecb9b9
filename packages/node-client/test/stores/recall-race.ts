/**
 * Recall versus shipment on stores that several connections write: a shipment checks the unit,
 * a recall commits through another connection, and the shipment's compare-and-set must then
 * refuse the unit. Shared by the SQLite and PostgreSQL tests, each with two real connections.
 */
import { expect } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { ConflictError } from '../../src/errors.js';
import type { SerialStore } from '../../src/store.js';

const SKU = 'KB';
const serialOf = (n: number) => `SN-${String(n).padStart(4, '0')}`;

/** `store`, with `hook` run once right after the first `listSerials` call returns. */
function afterFirstRead(store: SerialStore, hook: () => Promise<unknown>): SerialStore {
  let pending: (() => Promise<unknown>) | null = hook;
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'listSerials') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<SerialStore['listSerials']>) => {
        const page = await target.listSerials(...args);
        const run = pending;
        pending = null;
        if (run) await run();
        return page;
      };
    },
  });
}

async function registerUnits(store: SerialStore, count: number): Promise<void> {
  const client = createSerialClient({ store });
  await client.skus.update(SKU, { name: 'Keyboard', serialTracking: { enabled: true } });
  await client.serials.register(
    SKU,
    Array.from({ length: count }, (_, n) => serialOf(n)),
  );
}

/**
 * A recall that commits between the shipment's check and its compare-and-set: the shipment
 * fails with `recalled` and the unit stays in stock, under the recall.
 */
export async function expectRecallBetweenCheckAndShipStopsIt(
  shipping: SerialStore,
  recalling: SerialStore,
): Promise<void> {
  await registerUnits(shipping, 2);
  const client = createSerialClient({
    store: afterFirstRead(shipping, () =>
      recalling.markRecalled({ sku: SKU, serials: [serialOf(1)] }, 'R1', {
        at: new Date().toISOString(),
      }),
    ),
  });
  const error = await client.shipments
    .create({
      orderId: 'ORD-1',
      channel: 'b2c',
      customer: { id: 'C-1' },
      lines: [{ sku: SKU, serials: [serialOf(0), serialOf(1)] }],
    })
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(ConflictError.isInstance(error)).toBe(true);
  expect((error as ConflictError).details).toMatchObject({
    problems: [{ sku: SKU, serial: serialOf(1), reason: 'recalled' }],
  });
  for (const n of [0, 1]) {
    expect((await recalling.getSerial(SKU, serialOf(n)))?.status).toBe('in_stock');
  }
  expect((await recalling.getSerial(SKU, serialOf(1)))?.recallId).toBe('R1');
  expect((await recalling.listEvents({ type: 'shipped' })).items).toEqual([]);
}

/**
 * Many shipments and recalls at once, through two connections: every unit ends shipped or
 * recalled in stock, and no unit shipped after its recall.
 */
export async function expectConcurrentRecallsNeverShipRecalledUnits(
  shipping: SerialStore,
  recalling: SerialStore,
  units = 40,
): Promise<void> {
  await registerUnits(shipping, units);
  const client = createSerialClient({ store: shipping });
  const work: Promise<unknown>[] = [];
  for (let n = 0; n < units; n++) {
    work.push(
      client.shipments
        .create({
          orderId: `ORD-${n}`,
          channel: 'b2c',
          customer: { id: 'C-1' },
          lines: [{ sku: SKU, serials: [serialOf(n)] }],
        })
        .catch((error: unknown) => {
          if (!ConflictError.isInstance(error)) throw error;
        }),
    );
    if (n % 4 === 0) {
      const serials = [serialOf(n), serialOf(n + 1), serialOf(n + 2)];
      work.push(
        recalling.markRecalled({ sku: SKU, serials }, `R${n}`, { at: new Date().toISOString() }),
      );
    }
  }
  await Promise.all(work);
  const recalled = await recalling.countSerials({ sku: SKU, recalled: true });
  expect(recalled).toBeGreaterThan(0);
  let shipped = 0;
  for (let n = 0; n < units; n++) {
    const history = (await recalling.listEvents({ sku: SKU, serial: serialOf(n) })).items;
    const ids = (type: string) => history.filter((e) => e.type === type).map((e) => Number(e.id));
    const [shipment] = ids('shipped');
    if (shipment !== undefined) {
      shipped++;
      // Ids follow commit order per unit (a recall waits for the shipment's lock, or the other
      // way round): a recall logged before the shipment would mean a recalled unit shipped.
      expect(
        ids('recalled').every((id) => id > shipment),
        serialOf(n),
      ).toBe(true);
    } else {
      expect((await recalling.getSerial(SKU, serialOf(n)))?.status, serialOf(n)).toBe('in_stock');
    }
  }
  expect(shipped).toBeGreaterThan(0);
}
