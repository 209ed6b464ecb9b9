/**
 * `kill -9` of the `serialkit serve` process that delivers webhooks, in the middle of delivering:
 * units keep shipping while it is down; two new processes on the same PostgreSQL database then
 * resume from the subscription's cursor. The receiver (a real node:http server verifying every
 * signature with the Standard Webhooks library) gets every message, in shipping order, and at
 * most the one message in flight at the kill twice, always under the same webhook-id.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createSerialClient, type SerialClient } from '../../src/client.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { eventually, type Receiver, startReceiver, unitOf } from '../webhooks/receiver.js';
import { createDatabase, type Instance, startServe, stopAll } from './processes.js';

const UNITS = 40;
const serial = (n: number) => `KB-${String(n).padStart(6, '0')}`;

let database: Awaited<ReturnType<typeof createDatabase>>;
let direct: ReturnType<typeof postgresStore>;
let client: SerialClient;
let rx: Receiver;

const serveArgs = () => [
  '--postgres',
  database.url,
  '--webhooks-allow-private',
  '--webhooks-poll',
  '50',
  '--webhooks-retry',
  '50',
  '--webhooks-timeout',
  '1000',
  '--webhooks-lease',
  '2000',
];

beforeAll(async () => {
  database = await createDatabase(inject('postgresUrl'));
  direct = postgresStore({ connectionString: database.url });
  client = createSerialClient({ store: direct });
  await client.skus.update('KB-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{D:6}', uniqueness: 'sku' },
  });
  await client.serials.register(
    'KB-1',
    Array.from({ length: UNITS }, (_, i) => serial(i + 1)),
  );
});

afterAll(async () => {
  await stopAll();
  await rx?.close();
  await direct?.close();
  await database?.drop();
});

const ship = (n: number) =>
  client.shipments.create({
    orderId: `ORD-${n}`,
    channel: 'b2c',
    customer: { id: `CUS-${n}`, email: `buyer${n}@example.com` },
    lines: [{ sku: 'KB-1', serials: [serial(n)] }],
  });

test('a killed serve process resumes delivery from its cursor: nothing lost, nothing out of order', async () => {
  const hook = await client.webhooks.create({
    url: 'http://127.0.0.1:1/later',
    eventTypes: ['unit.shipped'],
  });
  // The receiver answers slowly, so the kill lands while deliveries are in flight.
  rx = await startReceiver(hook.secret, 100);
  rx.mode = 'slow';
  await client.webhooks.update(hook.id, { url: rx.url });

  const first: Instance = await startServe(serveArgs());
  for (let n = 1; n <= UNITS / 2; n++) await ship(n);
  await eventually(() => rx.unique().length >= 5);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const beforeKill = rx.unique().length;
  expect(beforeKill).toBeLessThan(UNITS / 2);

  // Changes go on while no dispatcher runs: they wait in the event log.
  for (let n = UNITS / 2 + 1; n <= UNITS; n++) await ship(n);
  rx.mode = 'up';
  await Promise.all([startServe(serveArgs()), startServe(serveArgs())]);
  await eventually(() => rx.unique().length === UNITS, 30_000);

  expect(rx.unique().map((r) => unitOf(r).serial)).toEqual(
    Array.from({ length: UNITS }, (_, i) => serial(i + 1)),
  );
  // Resumed from the cursor, not from the start: only the message in flight at the kill can
  // come twice (at-least-once), with its one webhook-id.
  expect(rx.received.length - rx.unique().length).toBeLessThanOrEqual(1);
  expect(rx.unverified).toBe(0);
  const log = await client.webhooks.deliveries(hook.id, { limit: 1000 });
  // Every message has an accepted attempt in the log (the killed process may have been cut off
  // between its receiver's answer and logging it).
  expect(new Set(log.items.filter((d) => d.ok).map((d) => d.messageId)).size).toBe(UNITS);
});
