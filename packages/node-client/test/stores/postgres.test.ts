import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { BadRequestError, ConnectionError } from '../../src/errors.js';
import type { SerialInsert, SerialStore, Transition } from '../../src/store.js';
import { memoryStore } from '../../src/stores/memory.js';
import { postgresMigrations } from '../../src/stores/postgres/schema.js';
import { postgresStore } from '../../src/stores/postgres.js';
import { runStoreConformance } from '../../src/testing.js';
import {
  expectConcurrentRecallsNeverShipRecalledUnits,
  expectRecallBetweenCheckAndShipStopsIt,
} from './recall-race.js';

const url = inject('postgresUrl');
const schemas: string[] = [];
/** A schema name of its own for each store, so tests never see each other's rows. */
function newSchema(): string {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}
const newStore = (schema = newSchema()) => postgresStore({ connectionString: url }, { schema });

afterAll(async () => {
  // Matters when SERIALKIT_TEST_DATABASE_URL points at a long-lived server.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

const at = '2024-01-01T00:00:00.000Z';
const unit = (serial: string, extra: Partial<SerialInsert> = {}): SerialInsert => ({
  sku: 'A',
  serial,
  uniqueKey: `A\u001f${serial}`,
  registeredAt: at,
  ...extra,
});
const allocate = (serial: string, orderId: string): Transition => ({
  sku: 'A',
  serial,
  from: ['in_stock'],
  to: 'allocated',
  event: { type: 'allocated', at, data: { orderId } },
});

describe('postgresStore', () => {
  runStoreConformance({ test, expect, describe, createStore: () => newStore() });

  test('capabilities', async () => {
    const store = newStore();
    expect(store.capabilities).toEqual({
      name: 'postgres',
      persistent: true,
      concurrentWriters: true,
      preferredBatchSize: 50_000,
    });
    await store.close();
  });

  test('insertSerials through COPY reports the same conflicts as the memory store', async () => {
    const store = newStore();
    const reference = memoryStore();
    const existing = [
      unit('S000100', { lot: 'old' }),
      { ...unit('G1'), sku: 'B', uniqueKey: 'G1' },
    ];
    await store.insertSerials(existing);
    await reference.insertSerials(existing);
    // 30,000 rows in shuffled order, with repeats, existing units and COPY's special characters.
    const rows: SerialInsert[] = [];
    for (let n = 0; n < 30_000; n++) {
      const serial = `S${String((n * 7_919) % 30_000).padStart(6, '0')}`;
      rows.push(unit(serial, { lot: n % 3 === 0 ? 'tab\there\\back\nline\r' : `L${n % 7}` }));
    }
    rows[500] = { ...(rows[9_000] as SerialInsert) };
    rows[29_999] = { ...(rows[0] as SerialInsert) };
    rows.push({ ...unit('G1'), sku: 'C', uniqueKey: 'G1' });
    rows.push({ ...unit('ü€𝄞'), manufacturedAt: '2023-12-01', receivedAt: at });
    const expected = await reference.insertSerials(rows);
    const result = await store.insertSerials(rows);
    expect(result).toEqual(expected);
    expect(result.conflicts.length).toBe(4);
    expect(await store.countSerials({})).toBe(await reference.countSerials({}));
    for (const serial of ['S000000', 'S000100', 'S000003', 'ü€𝄞']) {
      expect(await store.getSerial('A', serial)).toEqual(await reference.getSerial('A', serial));
    }
    expect((await store.getSerial('A', 'S000000'))?.lot).toBe('tab\there\\back\nline\r');
    await store.close();
  });

  test('insertSerials keeps nothing of a batch that fails, and releases its client', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const store = postgresStore({ pool }, { schema: newSchema() });
    for (const size of [10, 25_000]) {
      const rows = Array.from({ length: size }, (_, n) => unit(`S${n}`));
      rows[size - 1] = { ...unit('BAD'), registeredAt: null as unknown as string };
      await expect(store.insertSerials(rows)).rejects.toThrow(
        /registeredAt must be a UTC timestamp/,
      );
      await expect(store.insertSerials(rows)).rejects.toThrow(
        /registeredAt must be a UTC timestamp/,
      );
      expect(await store.countSerials({})).toBe(0);
    }
    // With a pool of one, this only works if every failed transaction released its client.
    expect(await store.insertSerials([unit('S1')])).toEqual({ inserted: 1, conflicts: [] });
    expect(pool.idleCount + pool.waitingCount).toBe(1);
    await store.close();
    await pool.end();
  });

  test('transition concurrent from separate pools: exactly one wins', async () => {
    const schema = newSchema();
    const setup = newStore(schema);
    const serials = Array.from({ length: 20 }, (_, n) => `U${String(n).padStart(2, '0')}`);
    await setup.insertSerials([unit('S1'), ...serials.map((serial) => unit(serial))]);
    const stores: SerialStore[] = Array.from({ length: 8 }, () => newStore(schema));
    await Promise.all(stores.map((store) => store.migrate()));

    // Eight processes claim one unit at the same moment.
    const results = await Promise.all(
      stores.map((store, n) => store.transition([allocate('S1', `ORD-${n}`)])),
    );
    const winners = results.flatMap((result, n) => (result.ok ? [n] : []));
    expect(winners.length).toBe(1);
    const events = await setup.listEvents({ sku: 'A', serial: 'S1' });
    expect(events.items.map((e) => e.data)).toEqual([{ orderId: `ORD-${winners[0]}` }]);
    for (const result of results) {
      if (!result.ok) expect(result.failures[0]?.current?.status).toBe('allocated');
    }

    // Each claims all twenty units, in its own shuffled order: one batch wins, none half-applies,
    // and no deadlock surfaces.
    const shuffled = (n: number) =>
      serials
        .map((serial, i) => ({ serial, key: (i * 7 + n * 13) % 20 }))
        .sort((a, b) => a.key - b.key);
    const batches = await Promise.all(
      stores.map((store, n) =>
        store.transition(shuffled(n).map(({ serial }) => allocate(serial, `BATCH-${n}`))),
      ),
    );
    const batchWinners = batches.flatMap((result, n) => (result.ok ? [n] : []));
    expect(batchWinners.length).toBe(1);
    const claimed = await setup.listSerials({ sku: 'A', prefix: 'U' });
    expect(claimed.items.every((record) => record.status === 'allocated')).toBe(true);
    const log = await setup.listEvents({ sku: 'A', type: 'allocated' }, { limit: 1_000 });
    expect(new Set(log.items.filter((e) => e.serial !== 'S1').map((e) => e.data?.orderId))).toEqual(
      new Set([`BATCH-${batchWinners[0]}`]),
    );
    expect(log.items.length).toBe(21);
    await Promise.all([setup, ...stores].map((store) => store.close()));
  });

  test('markRecalled and transitions racing on the same units stay consistent', async () => {
    const schema = newSchema();
    const a = newStore(schema);
    const b = newStore(schema);
    const serials = Array.from({ length: 200 }, (_, n) => `R${String(n).padStart(3, '0')}`);
    await a.insertSerials(serials.map((serial) => unit(serial)));
    await b.migrate();
    const [counts, ...shipped] = await Promise.all([
      a.markRecalled({ sku: 'A' }, 'RC1', { at }),
      ...serials.slice(0, 50).map((serial) => b.transition([allocate(serial, 'O')])),
    ]);
    expect(shipped.every((result) => result.ok)).toBe(true);
    expect(Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(await a.countSerials({ recallId: 'RC1' })).toBe(200);
    expect(await a.countSerials({ status: 'allocated' })).toBe(50);
    expect((await a.listEvents({ type: 'recalled' }, { limit: 1_000 })).items.length).toBe(200);
    await Promise.all([a.close(), b.close()]);
  });

  test('concurrent first migrations from separate pools apply each migration once', async () => {
    const schema = newSchema();
    const stores = Array.from({ length: 5 }, () => newStore(schema));
    await Promise.all(stores.map((store) => store.migrate()));
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const { rows } = await pool.query(`SELECT version, name FROM "${schema}".serialkit_migrations`);
    expect(rows).toEqual(postgresMigrations('s').map(({ version, name }) => ({ version, name })));
    expect(rows[0]).toEqual({ version: 1, name: 'initial schema' });
    await pool.end();
    await Promise.all(stores.map((store) => store.close()));
  });

  test('a schema verified before outcomes were kept: each unit gets the outcome of its newest verified event', async () => {
    const schema = newSchema();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(postgresMigrations(`"${schema}"`)[0]!.sql);
    await pool.query(
      `CREATE TABLE "${schema}".serialkit_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`,
    );
    await pool.query(
      `INSERT INTO "${schema}".serialkit_migrations VALUES (1, 'initial schema', $1)`,
      [at],
    );
    const insert = (sku: string, serial: string, type: string, time: string, outcome?: unknown) =>
      pool.query(
        `INSERT INTO "${schema}".events (sku, serial, type, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [sku, serial, type, time, outcome === undefined ? null : JSON.stringify({ outcome })],
      );
    await insert('A', 'S1', 'verified', '2024-01-01T00:02:00.000Z', 'suspicious not_shipped');
    await insert('A', 'S1', 'verified', '2024-01-01T00:01:00.000Z', 'genuine');
    await insert('A', 'S1', 'flagged', '2024-01-01T00:03:00.000Z', 'flagged');
    // Same time: the later insertion is the newer one.
    await insert('A', 'S2', 'verified', at, 'genuine');
    await insert('A', 'S2', 'verified', at, 'recalled');
    await insert('B', 'S1', 'verified', at, 'genuine');
    // The newest verified event without an outcome: none recorded (as the event log says).
    await insert('B', 'S1', 'verified', '2024-01-01T00:05:00.000Z');
    await insert('B', 'S2', 'verified', at, 42);
    await insert('B', 'S3', 'sighted', at, 'genuine');
    await pool.end();

    const store = newStore(schema);
    const recorded = async (sku: string, serial: string) =>
      (await store.recordVerification({ sku, serial, fingerprint: 'f', at, windowStart: at }))
        .outcome;
    expect(await recorded('A', 'S1')).toBe('suspicious not_shipped');
    expect(await recorded('A', 'S2')).toBe('recalled');
    expect(await recorded('B', 'S1')).toBe(null);
    expect(await recorded('B', 'S2')).toBe(null);
    expect(await recorded('B', 'S3')).toBe(null);
    expect(await recorded('C', 'S1')).toBe(null);
    await store.close();
  });

  test('uses a caller pool and leaves it open', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const schema = newSchema();
    const store = postgresStore({ pool }, { schema });
    await store.insertSerials([unit('S1')]);
    await store.close();
    const { rows } = await pool.query(`SELECT serial, status FROM "${schema}".serials`);
    expect(rows).toEqual([{ serial: 'S1', status: 'in_stock' }]);
    await pool.end();
  });

  test('stores in two schemas share a caller pool, with and without prepared statements', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const one = postgresStore({ pool }, { schema: newSchema() });
    const two = postgresStore({ pool }, { schema: newSchema(), preparedStatements: false });
    const three = postgresStore({ pool }, { schema: newSchema() });
    await one.insertSerials([unit('S1', { lot: 'one' })]);
    await two.insertSerials([unit('S1', { lot: 'two' })]);
    await three.insertSerials([unit('S1', { lot: 'three' })]);
    // One connection, so the same prepared lookup runs for different schemas on it.
    for (let i = 0; i < 2; i++) {
      expect((await one.getSerial('A', 'S1'))?.lot).toBe('one');
      expect((await two.getSerial('A', 'S1'))?.lot).toBe('two');
      expect((await three.findSerial('S1')).map((r) => r.lot)).toEqual(['three']);
    }
    await Promise.all([one.close(), two.close(), three.close()]);
    await pool.end();
  });

  test('an unreachable server is a retryable ConnectionError', async () => {
    const store = postgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' });
    const error = await store.getSerial('A', 'S1').catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).retryable).toBe(true);
    await store.close();
  });

  test('rejects schema names that are not plain identifiers', () => {
    expect(() =>
      postgresStore({ connectionString: url }, { schema: 'x"; DROP TABLE y; --' }),
    ).toThrow(BadRequestError);
  });
});

describe('postgresStore: recall versus shipment, two pools on one schema', () => {
  test('a recall committed between the check and the compare-and-set stops the shipment', async () => {
    const schema = newSchema();
    const shipping = newStore(schema);
    const recalling = newStore(schema);
    await expectRecallBetweenCheckAndShipStopsIt(shipping, recalling);
    await Promise.all([shipping.close(), recalling.close()]);
  });

  test('concurrent shipments and recalls never ship a recalled unit', async () => {
    const schema = newSchema();
    const shipping = newStore(schema);
    const recalling = newStore(schema);
    await expectConcurrentRecallsNeverShipRecalledUnits(shipping, recalling, 60);
    await Promise.all([shipping.close(), recalling.close()]);
  });
});
