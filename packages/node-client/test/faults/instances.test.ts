/**
 * Three `serialkit serve` processes on one PostgreSQL act as one service: a burst spread across
 * them is limited at one service's rate, and a write retried on another instance is replayed.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { API_KEY, createDatabase, type Instance, startServe, stopAll } from './processes.js';

let database: Awaited<ReturnType<typeof createDatabase>>;
let instances: Instance[] = [];
const store = () => postgresStore({ connectionString: database.url });
let seeded: ReturnType<typeof store>;

beforeAll(async () => {
  database = await createDatabase(inject('postgresUrl'));
  seeded = store();
  const client = createSerialClient({ store: seeded });
  await client.skus.update('KB-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{D:6}', uniqueness: 'sku' },
  });
  await client.serials.register('KB-1', ['KB-000001', 'KB-000002']);
  instances = await Promise.all([0, 1, 2].map(() => startServe(['--postgres', database.url])));
});

afterAll(async () => {
  await stopAll();
  await seeded?.close();
  await database?.drop();
});

const admin = (body: unknown, key: string) => ({
  method: 'POST',
  headers: {
    authorization: `Bearer ${API_KEY}`,
    'content-type': 'application/json',
    'idempotency-key': key,
  },
  body: JSON.stringify(body),
});

describe('three instances on one PostgreSQL', { timeout: 60_000 }, () => {
  test('a burst spread across the instances is limited at one service’s rate', async () => {
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    // 240 public requests from one address, round robin, 12 at a time.
    for (let wave = 0; wave < 20; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${instances[i % 3]!.url}/v1/verify`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ input: 'KB-000001' }),
          }),
        ),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter.push(answer.headers.get('retry-after'));
        await answer.arrayBuffer();
      }
    }
    const allowed = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // The default bucket holds 60 and refills 1 a second: one service grants 60 and what the
    // burst's few seconds refill; three separate limiters would grant 180.
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThan(120);
    expect(retryAfter.length).toBe(240 - allowed);
    expect(retryAfter.every((value) => Number(value) >= 1)).toBe(true);
  });

  test('a shipment retried on another instance is replayed, not applied twice', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const shipment = {
      orderId: 'ORD-1',
      channel: 'b2b',
      account: { id: 'ACME' },
      lines: [{ sku: 'KB-1', serials: ['KB-000001'] }],
    };
    const first = await fetch(`${a.url}/v1/shipments`, admin(shipment, 'retry-1'));
    const firstBody = await first.text();
    expect(first.status).toBe(201);
    const retried = await fetch(`${b.url}/v1/shipments`, admin(shipment, 'retry-1'));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.text()).toBe(firstBody);
    // The same key with another body, on the third instance, is refused.
    const other = { ...shipment, lines: [{ sku: 'KB-1', serials: ['KB-000002'] }] };
    const reused = await fetch(`${c.url}/v1/shipments`, admin(other, 'retry-1'));
    expect(reused.status).toBe(409);
    // Without the key the repeat is a real second attempt, and the unit is already shipped.
    const { 'idempotency-key': _, ...noKey } = admin(shipment, '').headers;
    const again = await fetch(`${c.url}/v1/shipments`, { ...admin(shipment, ''), headers: noKey });
    expect(again.status).toBe(409);

    const events = await seeded.listEvents({ serial: 'KB-000001', type: 'shipped' });
    expect(events.items).toHaveLength(1);
    expect((await seeded.getSerial('KB-1', 'KB-000002'))?.status).toBe('in_stock');
  });
});
