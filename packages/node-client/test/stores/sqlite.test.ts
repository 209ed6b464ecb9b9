import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { ConnectionError, SerialkitError } from '../../src/errors.js';
import type { SerialInsert } from '../../src/store.js';
import { SQLITE_MIGRATIONS } from '../../src/stores/sqlite/schema.js';
import { unitHistorySql } from '../../src/stores/sqlite/statement-cache.js';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { runStoreConformance } from '../../src/testing.js';
import {
  expectConcurrentRecallsNeverShipRecalledUnits,
  expectRecallBetweenCheckAndShipStopsIt,
} from './recall-race.js';

const dir = mkdtempSync(join(tmpdir(), 'serialkit-sqlite-'));
let files = 0;
/** A new database file path per call. */
const tempFile = () => join(dir, `store-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = '2024-01-01T00:00:00.000Z';
const unit = (serial: string, extra: Partial<SerialInsert> = {}): SerialInsert => ({
  sku: 'A',
  serial,
  uniqueKey: `A\u001f${serial}`,
  registeredAt: at,
  ...extra,
});

describe('sqliteStore', () => {
  runStoreConformance({
    test,
    expect,
    describe,
    createStore: () => sqliteStore({ filename: tempFile() }),
  });

  test('capabilities', () => {
    expect(sqliteStore({ filename: tempFile() }).capabilities).toEqual({
      name: 'sqlite',
      persistent: true,
      concurrentWriters: false,
      preferredBatchSize: 50_000,
    });
    expect(sqliteStore({ filename: ':memory:' }).capabilities.persistent).toBe(false);
  });

  test('reopens the file and finds the data; migrations are recorded once', async () => {
    const filename = tempFile();
    const first = sqliteStore({ filename });
    await first.insertSerials([unit('S1', { lot: 'L1' })]);
    await first.appendEvents([{ sku: 'A', serial: 'S1', type: 'verified', at }]);
    await first.close();

    const second = sqliteStore({ filename });
    await second.migrate();
    expect(await second.getSerial('A', 'S1')).toEqual({
      sku: 'A',
      serial: 'S1',
      status: 'in_stock',
      lot: 'L1',
      registeredAt: at,
      updatedAt: at,
    });
    expect((await second.listEvents({})).items.map((e) => e.type)).toEqual(['verified']);
    await second.close();

    const db = new Database(filename, { readonly: true });
    const migrations = db.prepare('SELECT version, name FROM serialkit_migrations').all();
    expect(migrations).toEqual(SQLITE_MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(migrations[0]).toEqual({ version: 1, name: 'initial schema' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  test('concurrent migrations from two connections apply each migration once', async () => {
    const filename = tempFile();
    const a = sqliteStore({ filename });
    const b = sqliteStore({ filename });
    await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
    await a.insertSerials([unit('S1')]);
    expect((await b.getSerial('A', 'S1'))?.serial).toBe('S1');
    await Promise.all([a.close(), b.close()]);
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM serialkit_migrations').get()).toEqual({
      n: SQLITE_MIGRATIONS.length,
    });
    db.close();
  });

  test('a file verified before outcomes were kept: each unit gets the outcome of its newest verified event', async () => {
    const filename = tempFile();
    const old = new Database(filename);
    old.exec(SQLITE_MIGRATIONS[0]!.sql);
    old.exec(
      'CREATE TABLE serialkit_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    old.prepare('INSERT INTO serialkit_migrations VALUES (1, ?, ?)').run('initial schema', at);
    const insert = old.prepare(
      'INSERT INTO events (sku, serial, type, at, data) VALUES (?, ?, ?, ?, ?)',
    );
    const outcome = (value: unknown) => JSON.stringify({ outcome: value });
    insert.run(
      'A',
      'S1',
      'verified',
      '2024-01-01T00:02:00.000Z',
      outcome('suspicious not_shipped'),
    );
    insert.run('A', 'S1', 'verified', '2024-01-01T00:01:00.000Z', outcome('genuine'));
    insert.run('A', 'S1', 'flagged', '2024-01-01T00:03:00.000Z', outcome('flagged'));
    // Same time: the later insertion is the newer one.
    insert.run('A', 'S2', 'verified', at, outcome('genuine'));
    insert.run('A', 'S2', 'verified', at, outcome('recalled'));
    insert.run('B', 'S1', 'verified', at, outcome('genuine'));
    // The newest verified event without an outcome: none recorded (as the event log says).
    insert.run('B', 'S1', 'verified', '2024-01-01T00:05:00.000Z', null);
    insert.run('B', 'S2', 'verified', at, outcome(42));
    insert.run('B', 'S3', 'sighted', at, outcome('genuine'));
    old.close();

    const store = sqliteStore({ filename });
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

  test('uses a database the caller opened and leaves it open', async () => {
    const db = new Database(':memory:');
    const store = sqliteStore({ database: db });
    expect(store.capabilities.persistent).toBe(false);
    await store.insertSerials([unit('S1')]);
    await store.close();
    expect(db.open).toBe(true);
    expect(db.prepare('SELECT serial FROM serials').all()).toEqual([{ serial: 'S1' }]);
    db.close();
  });

  test('readonly reads a migrated file and refuses an unmigrated one', async () => {
    const filename = tempFile();
    const writer = sqliteStore({ filename });
    await writer.insertSerials([unit('S1')]);
    await writer.close();
    const reader = sqliteStore({ filename, readonly: true });
    expect((await reader.getSerial('A', 'S1'))?.status).toBe('in_stock');
    const denied = await reader.insertSerials([unit('S2')]).catch((error: unknown) => error);
    expect(denied instanceof Error).toBe(true);
    await reader.close();

    const empty = tempFile();
    new Database(empty).close();
    const unmigrated = sqliteStore({ filename: empty, readonly: true });
    const error = await unmigrated.getSerial('A', 'S1').catch((e: unknown) => e);
    expect(SerialkitError.isInstance(error) && error.message).toMatch(/needs migration 1/);
    await unmigrated.close();

    const missing = sqliteStore({ filename: join(dir, 'missing.db'), readonly: true });
    expect(ConnectionError.isInstance(await missing.migrate().catch((e: unknown) => e))).toBe(true);
    await missing.close();
  });

  test('a write lock held by another connection becomes a retryable ConnectionError', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename, busyTimeout: 50 });
    await store.migrate();
    const other = new Database(filename);
    other.exec('BEGIN IMMEDIATE');
    const error = await store.insertSerials([unit('S1')]).catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(SerialkitError.isInstance(error) && error.retryable).toBe(true);
    other.exec('ROLLBACK');
    other.close();
    // Reads are not blocked by a writer in WAL mode, and the store works once the lock is gone.
    expect(await store.insertSerials([unit('S1')])).toEqual({ inserted: 1, conflicts: [] });
    await store.close();
  });

  test('verifications of one turn share a write transaction, each counted as if alone', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.migrate();
    const db = new Database(filename);
    const before = db.pragma('data_version', { simple: true });
    const verify = (fingerprint: string, serial = 'S1') =>
      store.recordVerification({ sku: 'A', serial, fingerprint, at, windowStart: at });
    const counts = await Promise.all([
      verify('fa'),
      verify('fb'),
      verify('fa'),
      verify('fa', 'S2'),
    ]);
    expect(counts).toEqual([
      { distinctFingerprints: 1, total: 1, outcome: null },
      { distinctFingerprints: 2, total: 2, outcome: null },
      { distinctFingerprints: 2, total: 3, outcome: null },
      { distinctFingerprints: 1, total: 1, outcome: null },
    ]);
    // Another connection saw one commit.
    expect(db.pragma('data_version', { simple: true })).toBe((before as number) + 1);
    // A call the database refuses fails alone.
    const results = await Promise.allSettled([
      verify('fc'),
      store.recordVerification({
        sku: {} as string,
        serial: 'S1',
        fingerprint: 'f',
        at,
        windowStart: at,
      }),
      verify('fd'),
      store.findSerial('S1'),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(results[2]).toEqual({
      status: 'fulfilled',
      value: { distinctFingerprints: 4, total: 5, outcome: null },
    });
    expect(results[3]).toEqual({ status: 'fulfilled', value: [] });
    db.close();
    await store.close();
  });

  test('lookups join verifications waiting for the end of the turn; lone lookups read at once', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.insertSerials([unit('S1', { lot: 'L1' }), unit('S2')]);
    const order: string[] = [];
    const turnEnd = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('turn end');
        resolve();
      }),
    );
    const lone = store.findSerial('S1').then((units) => order.push(`lone ${units.length}`));
    await lone;
    expect(order).toEqual(['lone 1']);

    // Verifications wait for the end of the turn; lookups made meanwhile read with them.
    const verified = store.recordVerification({
      sku: 'A',
      serial: 'S1',
      fingerprint: 'fa',
      at,
      windowStart: at,
    });
    const joined = store.findSerial('S2');
    const missing = store.findSerial('S3');
    const other = new Database(filename);
    other
      .prepare("UPDATE serials SET status = 'allocated' WHERE sku = 'A' AND serial = 'S2'")
      .run();
    other.close();
    expect((await joined).map((u) => [u.serial, u.status])).toEqual([['S2', 'allocated']]);
    expect(await missing).toEqual([]);
    expect(await verified).toEqual({ distinctFingerprints: 1, total: 1, outcome: null });
    await turnEnd;
    await store.close();
  });

  test("lookups that wait for the turn's end do not wait for another process's write lock", async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename, busyTimeout: 50 });
    await store.insertSerials([unit('S1')]);
    const other = new Database(filename);
    other.exec('BEGIN IMMEDIATE');
    const verified = store
      .recordVerification({ sku: 'A', serial: 'S1', fingerprint: 'fa', at, windowStart: at })
      .catch((error: unknown) => error);
    const found = await store.findSerial('S1');
    expect(found.map((u) => u.serial)).toEqual(['S1']);
    const error = await verified;
    expect(ConnectionError.isInstance(error) && error.retryable).toBe(true);
    other.exec('ROLLBACK');
    other.close();
    await store.close();
  });

  test('close writes the verifications still waiting for their turn', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.migrate();
    const pending = store.recordVerification({
      sku: 'A',
      serial: 'S1',
      fingerprint: 'fa',
      at,
      windowStart: at,
    });
    await store.close();
    expect(await pending).toEqual({ distinctFingerprints: 1, total: 1, outcome: null });
    const db = new Database(filename, { readonly: true });
    expect(db.prepare('SELECT sku, serial, fingerprint, count FROM verifications').all()).toEqual([
      { sku: 'A', serial: 'S1', fingerprint: 'fa', count: 1 },
    ]);
    db.close();
    const closed = await store
      .recordVerification({ sku: 'A', serial: 'S1', fingerprint: 'fa', at, windowStart: at })
      .catch((error: unknown) => error);
    expect(SerialkitError.isInstance(closed) && closed.code).toBe('unavailable');
  });

  test('works with a driver whose statements cannot return arrays', async () => {
    const db = new Database(':memory:');
    const plain = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare') {
          return (sql: string) => {
            const statement = target.prepare(sql);
            return {
              run: statement.run.bind(statement),
              get: statement.get.bind(statement),
              all: statement.all.bind(statement),
            };
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const store = sqliteStore({ database: plain });
    await store.insertSerials([unit('S1', { lot: 'L1' })]);
    expect(await store.findSerial('S1')).toEqual([
      { sku: 'A', serial: 'S1', status: 'in_stock', lot: 'L1', registeredAt: at, updatedAt: at },
    ]);
    await store.close();
    db.close();
  });

  test('insertSerials keeps nothing of a batch that fails', async () => {
    const store = sqliteStore({ filename: tempFile() });
    const rows = Array.from({ length: 3_000 }, (_, n) => unit(`S${3_000 - n}`));
    rows[1_500] = { ...unit('BAD'), registeredAt: null as unknown as string };
    await expect(store.insertSerials(rows)).rejects.toThrow(/registeredAt must be a UTC timestamp/);
    expect(await store.countSerials({})).toBe(0);
    expect(await store.insertSerials(rows.slice(0, 10))).toEqual({ inserted: 10, conflicts: [] });
    await store.close();
  });

  test('markRecalled rolls back when the event log write fails', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.insertSerials([unit('S1'), unit('S2')]);
    // A trigger stands in for any failure between marking and logging.
    const db = new Database(filename);
    db.exec(
      "CREATE TRIGGER fail_events BEFORE INSERT ON events WHEN NEW.serial = 'S2' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    await expect(store.markRecalled({ sku: 'A' }, 'R1', { at })).rejects.toThrow(/boom/);
    expect(await store.countSerials({ recalled: true })).toBe(0);
    expect((await store.listEvents({})).items).toEqual([]);
    db.exec('DROP TRIGGER fail_events');
    db.close();
    expect(await store.markRecalled({ sku: 'A' }, 'R1', { at })).toEqual({ in_stock: 2 });
    await store.close();
  });

  test('pages of one SKU seek by the primary key', async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.insertSerials([unit('S1')]);
    await store.close();
    // The plan of the query listSerials runs for the second page of a SKU.
    const db = new Database(filename, { readonly: true });
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT * FROM serials WHERE sku = ? AND serial > ? ORDER BY sku, serial LIMIT 101',
      )
      .all('A', 'S1') as { detail: string }[];
    expect(plan.map((row) => row.detail)).toEqual([
      'SEARCH serials USING PRIMARY KEY (sku=? AND serial>?)',
    ]);
    db.close();
  });

  test("a unit's history is read in its order by events_unit: no sort", async () => {
    const filename = tempFile();
    const store = sqliteStore({ filename });
    await store.insertSerials([unit('S1')]);
    await store.close();
    // The statement every lookup runs for the history.
    const db = new Database(filename, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${unitHistorySql(101)}`).all('A', 'S1') as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail)).toEqual([
      'SEARCH events USING INDEX events_unit (sku=? AND serial=?)',
    ]);
    db.close();
  });
});

describe('sqliteStore: recall versus shipment, two connections to one file', () => {
  test('a recall committed between the check and the compare-and-set stops the shipment', async () => {
    const filename = tempFile();
    const shipping = sqliteStore({ filename });
    const recalling = sqliteStore({ filename });
    await expectRecallBetweenCheckAndShipStopsIt(shipping, recalling);
    await Promise.all([shipping.close(), recalling.close()]);
  });

  test('concurrent shipments and recalls never ship a recalled unit', async () => {
    const filename = tempFile();
    const shipping = sqliteStore({ filename });
    const recalling = sqliteStore({ filename });
    await expectConcurrentRecallsNeverShipRecalledUnits(shipping, recalling);
    await Promise.all([shipping.close(), recalling.close()]);
  });
});
