/**
 * `kill -9` of one of three instances while 10,000 units ship through `httpStore`: a tiny
 * balancer in front (httpStore's `fetch`) sends calls round robin and stops sending to an
 * instance that refuses connections; httpStore retries a call cut off by the kill on another
 * instance with the same Idempotency-Key. Every unit ships exactly once and none is lost.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { ConflictError } from '../../src/errors.js';
import { httpStore } from '../../src/stores/http.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { createDatabase, type Instance, STORE_KEY, startServe, stopAll } from './processes.js';

const UNITS = 10_000;
const PER_SHIPMENT = 100;
const serial = (n: number) => `KB-${String(n).padStart(6, '0')}`;

let database: Awaited<ReturnType<typeof createDatabase>>;
let instances: Instance[] = [];
let direct: ReturnType<typeof postgresStore>;

beforeAll(async () => {
  database = await createDatabase(inject('postgresUrl'));
  direct = postgresStore({ connectionString: database.url });
  const client = createSerialClient({ store: direct });
  await client.skus.update('KB-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{D:6}', uniqueness: 'sku' },
  });
  const registered = await client.serials.register(
    'KB-1',
    Array.from({ length: UNITS }, (_, i) => serial(i + 1)),
  );
  expect(registered.registered).toBe(UNITS);
  instances = await Promise.all(
    [0, 1, 2].map(() => startServe(['--postgres', database.url, '--store-protocol'])),
  );
});

afterAll(async () => {
  await stopAll();
  await direct?.close();
  await database?.drop();
});

/** A round-robin balancer that takes an instance out once it refuses connections. */
function balancer(targets: string[]): typeof fetch {
  const up = new Set(targets);
  let next = 0;
  return async (input, init) => {
    const live = targets.filter((target) => up.has(target));
    const target = live[next++ % live.length]!;
    const url = String(input).replace('http://balancer.invalid', target);
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED' && live.length > 1) up.delete(target);
      throw error;
    }
  };
}

test('kill -9 of one instance while shipping 10,000 units: each ships exactly once', {
  timeout: 120_000,
}, async () => {
  const client = createSerialClient({
    store: httpStore({
      baseUrl: 'http://balancer.invalid',
      apiKey: STORE_KEY,
      fetch: balancer(instances.map((instance) => instance.url)),
      retries: 8,
      timeout: 30_000,
      backoff: { initialMs: 50, maxMs: 1_000 },
    }),
  });
  const orders = Array.from({ length: UNITS / PER_SHIPMENT }, (_, o) => ({
    orderId: `ORD-${o}`,
    serials: Array.from({ length: PER_SHIPMENT }, (_, i) => serial(o * PER_SHIPMENT + i + 1)),
  }));
  let done = 0;
  let killed = false;
  const failures: { orderId: string; error: unknown }[] = [];
  let cursor = 0;
  // Four workers, each shipping one order at a time; the first instance dies a third of the way.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (cursor < orders.length) {
        const order = orders[cursor++]!;
        try {
          await client.shipments.create({
            orderId: order.orderId,
            channel: 'b2b',
            account: { id: 'ACME' },
            lines: [{ sku: 'KB-1', serials: order.serials }],
          });
        } catch (error) {
          failures.push({ orderId: order.orderId, error });
        }
        if (++done === Math.floor(orders.length / 3) && !killed) {
          killed = true;
          instances[0]!.child.kill('SIGKILL');
        }
      }
    }),
  );
  expect(killed).toBe(true);
  expect(await instances[0]!.exited).toBe('SIGKILL');

  // A shipment the killed instance committed but could not answer is retried elsewhere: the
  // store then answers as to any repeat (already shipped). Each such failure must be exactly
  // that: its units shipped on its own order.
  for (const { orderId, error } of failures) {
    expect(ConflictError.isInstance(error), String(error)).toBe(true);
    const order = orders.find((o) => o.orderId === orderId)!;
    for (const unit of order.serials.slice(0, 3)) {
      const record = await direct.getSerial('KB-1', unit);
      expect(record?.shipment?.orderId).toBe(orderId);
    }
  }
  expect(failures.length).toBeLessThanOrEqual(4);

  expect(await direct.countSerials({ status: 'shipped' })).toBe(UNITS);
  const shippedOn = new Map<string, string>();
  let events = 0;
  let pageCursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await direct.listEvents(
      { type: 'shipped' },
      { limit: 10_000, ...(pageCursor ? { cursor: pageCursor } : {}) },
    );
    for (const event of result.items) {
      events++;
      shippedOn.set(event.serial, String(event.data?.orderId));
    }
    pageCursor = result.nextCursor;
    if (!pageCursor) break;
  }
  // Exactly one shipped event per unit, on the order it belongs to.
  expect(events).toBe(UNITS);
  expect(shippedOn.size).toBe(UNITS);
  for (const [o, order] of orders.entries()) {
    expect(shippedOn.get(order.serials[0]!)).toBe(`ORD-${o}`);
  }
});
