/**
 * PostgreSQL stopped for 5 s (as a crash would) and started again while two instances take
 * writes and verifications: requests in between get a retryable 503 that names no host, the
 * service recovers by itself once the database is back, and every acknowledged write is there.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSerialClient } from '../../src/client.js';
import { postgresStore } from '../../src/stores/postgres.js';
import {
  type PostgresTestServer,
  startPostgresTestServer,
} from '../../src/testing/postgres-server.js';
import { API_KEY, eventually, type Instance, sleep, startServe, stopAll } from './processes.js';

let server: PostgresTestServer;
let instances: Instance[] = [];

beforeAll(async () => {
  // A server of its own: stopping the shared one would fail other tests. Commits are
  // acknowledged only once their WAL is written (the test default, off, loses the last ones
  // when the server is killed: acknowledged writes would go missing for the server's reason).
  server = await startPostgresTestServer({ settings: { synchronous_commit: 'on' } });
  const store = postgresStore({ connectionString: server.url });
  await createSerialClient({ store }).skus.update('KB-1', {
    name: 'Keyboard',
    serialTracking: { enabled: true, format: 'KB-{D:6}', uniqueness: 'sku' },
  });
  await store.close();
  instances = await Promise.all(
    [0, 1].map(() => startServe(['--postgres', server.url, '--no-rate-limit'])),
  );
});

afterAll(async () => {
  await stopAll();
  await server?.stop();
});

interface Outcome {
  status: number;
  body: string;
}

test('a 5 s database outage under load: 503s in between, recovery, no acknowledged write lost', {
  timeout: 90_000,
}, async () => {
  const acknowledged: string[] = [];
  const outcomes: Outcome[] = [];
  let timeouts = 0;
  let next = 1;
  let stop = false;

  async function call(
    path: string,
    init: RequestInit,
    instance: Instance,
  ): Promise<Outcome | null> {
    try {
      const response = await fetch(`${instance.url}${path}`, {
        ...init,
        signal: AbortSignal.timeout(15_000),
      });
      const outcome = { status: response.status, body: await response.text() };
      outcomes.push(outcome);
      return outcome;
    } catch {
      timeouts++;
      return null;
    }
  }

  const register = (serial: string, instance: Instance) =>
    call(
      '/v1/skus/KB-1/serials',
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${API_KEY}`,
          'content-type': 'application/json',
          'idempotency-key': `register-${serial}`,
        },
        body: JSON.stringify([serial]),
      },
      instance,
    );

  // Four workers: each registers a new unit, then verifies one, until told to stop.
  const workers = Array.from({ length: 4 }, async (_, w) => {
    for (let i = 0; i < 20_000 && !stop; i++) {
      const instance = instances[(w + i) % instances.length]!;
      const serial = `KB-${String(next++).padStart(6, '0')}`;
      const written = await register(serial, instance);
      if (written?.status === 200 && JSON.parse(written.body).registered === 1) {
        acknowledged.push(serial);
      }
      await call(
        '/v1/verify',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input: serial }),
        },
        instance,
      );
      if (written?.status !== 200) await sleep(50);
    }
  });

  await sleep(1_500);
  const before = acknowledged.length;
  await server.pause();
  await sleep(5_000);
  const duringOutage = outcomes.length;
  await server.resume();
  // Recovery without any restart of the instances: a new write on each is acknowledged.
  const recovered = await eventually(
    async () => {
      const probes = await Promise.all(
        instances.map((instance, i) => register(`KB-9${String(i).padStart(5, '0')}`, instance)),
      );
      return probes.every((probe) => probe?.status === 200);
    },
    30_000,
    200,
  );
  const after = acknowledged.length;
  await sleep(1_000);
  stop = true;
  await Promise.all(workers);

  expect(before).toBeGreaterThan(0);
  expect(recovered).toBe(true);
  expect(acknowledged.length).toBeGreaterThan(after);
  expect(duringOutage).toBeGreaterThan(0);

  const failed = outcomes.filter((o) => o.status >= 300);
  expect(failed.length).toBeGreaterThan(0);
  // Every failure is a retryable 503 that says what to do and nothing about the database.
  expect([...new Set(failed.map((o) => o.status))]).toEqual([503]);
  for (const { body } of failed) {
    expect(JSON.parse(body).error.code).toBe('unavailable');
    expect(body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b|\n\s+at /);
  }
  expect(timeouts).toBe(0);

  const store = postgresStore({ connectionString: server.url });
  try {
    const found = await store.listSerials(
      { sku: 'KB-1', serials: acknowledged },
      { limit: 10_000 },
    );
    expect(found.items.length).toBe(acknowledged.length);
  } finally {
    await store.close();
  }
});
