/**
 * The PostgreSQL store's fast paths, each against the memory store as the reference: batches
 * COPYed straight into `serials` (and their fallback on a conflict), and a recall's units found
 * through the events that put them under it (`serials.recall_id` has no index).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { SerialFilter, SerialInsert, SerialStore, Transition } from '../../src/store.js';
import { memoryStore } from '../../src/stores/memory.js';
import { postgresMigrations } from '../../src/stores/postgres/schema.js';
import { postgresStore } from '../../src/stores/postgres.js';

const url = inject('postgresUrl');
const schemas: string[] = [];
function newSchema(): string {
  const schema = `p_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

const at = (minute: number) => `2024-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
const unit = (sku: string, serial: string, extra: Partial<SerialInsert> = {}): SerialInsert => ({
  sku,
  serial,
  uniqueKey: `${sku}\u001f${serial}`,
  registeredAt: at(0),
  ...extra,
});
const serial = (n: number) => `S${String(n).padStart(6, '0')}`;

/** Both stores, given the same calls. */
function pair(store: SerialStore) {
  const reference = memoryStore();
  return {
    reference,
    async both<T>(call: (s: SerialStore) => Promise<T>): Promise<T> {
      const expected = await call(reference);
      const actual = await call(store);
      expect(actual).toEqual(expected);
      return actual;
    },
  };
}

/** Every page of a listing, `limit` at a time. */
async function listAll(store: SerialStore, filter: SerialFilter, limit: number) {
  const items = [];
  let cursor: string | null = null;
  do {
    const page = await store.listSerials(filter, { cursor, limit });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

describe('postgresStore fast paths', () => {
  test('batches in key order, or sortable without a repeated key, are COPYed straight in', async () => {
    const store = postgresStore({ connectionString: url }, { schema: newSchema() });
    const { both } = pair(store);
    // In key order, with every COPY special character and optional field.
    const ordered = Array.from({ length: 25_000 }, (_, n) =>
      unit('A', serial(n), {
        lot: n % 5 === 0 ? 'tab\there\\back\nline\r' : `L${Math.floor(n / 1000)}`,
        ...(n % 7 === 0 ? { manufacturedAt: '2023-12-01', receivedAt: at(n % 60) } : {}),
        registeredAt: at(Math.floor(n / 10_000)),
      }),
    );
    ordered.push(unit('A', 'ü€𝄞\\x\ty'));
    await both((s) => s.insertSerials(ordered));
    // Shuffled, no key twice.
    const shuffled = Array.from({ length: 21_000 }, (_, n) =>
      unit('B', serial((n * 7_919) % 21_000)),
    );
    await both((s) => s.insertSerials(shuffled));
    await both((s) => s.countSerials({}));
    for (const probe of [serial(0), serial(7), serial(24_999), 'ü€𝄞\\x\ty']) {
      await both((s) => s.getSerial('A', probe));
    }
    await both((s) => s.listSerials({ sku: 'B' }, { limit: 50 }));
    await both((s) => s.listSerials({ sku: 'A', lot: 'tab\there\\back\nline\r' }, { limit: 20 }));
    await store.close();
  });

  test('a COPY that meets an existing unit falls back and reports conflicts by index', async () => {
    // One connection: the failed COPY must leave it usable.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const store = postgresStore({ pool }, { schema: newSchema() });
    const { both } = pair(store);
    await both((s) =>
      s.insertSerials([
        unit('A', serial(12_345), { lot: 'old' }),
        unit('A', serial(20_001), { lot: 'old' }),
      ]),
    );
    const rows = Array.from({ length: 22_000 }, (_, n) => unit('A', serial(n), { lot: 'new' }));
    const result = await both((s) => s.insertSerials(rows));
    expect(result.conflicts).toEqual([12_345, 20_001]);
    await both((s) => s.getSerial('A', serial(12_345)));
    await both((s) => s.getSerial('A', serial(12_346)));
    await both((s) => s.countSerials({ sku: 'A' }));
    // The same batch again: every row conflicts.
    expect(await store.insertSerials(rows)).toEqual({
      inserted: 0,
      conflicts: rows.map((_, n) => n),
    });
    expect(pool.idleCount + pool.waitingCount).toBe(1);
    await store.close();
    await pool.end();
  });

  test("a recall's units are found through its events, in pages, whatever happened since", async () => {
    const store = postgresStore({ connectionString: url }, { schema: newSchema() });
    const { both } = pair(store);
    const rows = [
      ...Array.from({ length: 1_200 }, (_, n) =>
        unit('A', serial(n), { lot: `L${Math.floor(n / 300)}` }),
      ),
      ...Array.from({ length: 50 }, (_, n) => unit('B', serial(n))),
    ];
    await both((s) => s.insertSerials(rows));
    const ship = (sku: string, n: number): Transition => ({
      sku,
      serial: serial(n),
      from: ['in_stock'],
      to: 'shipped',
      event: { type: 'shipped', at: at(1) },
      set: { shipment: { orderId: `O${n % 13}`, channel: 'b2c', shippedAt: at(1) } },
    });
    await both((s) => s.transition(Array.from({ length: 400 }, (_, i) => ship('A', i * 3))));
    // R1: a range; R2: a lot overlapping it (moves units from R1); R1 again over part of what
    // R2 took (those units have an R1 event twice); R3 and R4 through transitions, then R4
    // cleared.
    await both((s) =>
      s.markRecalled({ sku: 'A', range: { from: serial(100), to: serial(699) } }, 'R1', {
        at: at(2),
        data: { recallId: 'R1' },
      }),
    );
    await both((s) => s.markRecalled({ sku: 'A', lot: 'L2' }, 'R2', { at: at(3) }));
    await both((s) =>
      s.markRecalled({ sku: 'A', serials: [serial(600), serial(610), serial(1_000)] }, 'R1', {
        at: at(4),
      }),
    );
    await both((s) => s.markRecalled({ sku: 'B' }, 'R2', { at: at(4) }));
    const set = (sku: string, n: number, recallId: string | null): Transition => ({
      sku,
      serial: serial(n),
      from: ['in_stock', 'shipped'],
      to: 'returned',
      event: { type: 'returned', at: at(5) },
      set: { recallId },
    });
    await both((s) =>
      s.transition([set('A', 1_100, 'R3'), set('A', 1_101, 'R4'), set('B', 49, 'R3')]),
    );
    await both((s) =>
      s.transition([
        { ...set('A', 1_101, null), from: ['returned'], to: 'in_stock' },
        { ...set('A', 100, null), from: ['in_stock', 'shipped'], to: 'scrapped' },
      ]),
    );

    const filters: SerialFilter[] = [
      { recallId: 'R1' },
      { recallId: 'R2' },
      { recallId: 'R3' },
      { recallId: 'R4' },
      { recallId: 'none' },
      { recallId: 'R1', status: 'shipped' },
      { recallId: 'R2', sku: 'B' },
      { recallId: 'R2', sku: 'A', range: { from: serial(650), to: serial(700) } },
      { recallId: 'R1', recalled: false },
      { recalled: true },
      { recalled: true, sku: 'B' },
      { recalled: false, sku: 'A', lot: 'L1' },
    ];
    // What the filters below select, as the memory store counts it.
    expect(
      await Promise.all(
        ['R1', 'R2', 'R3', 'R4'].map((recallId) => both((s) => s.countSerials({ recallId }))),
      ),
    ).toEqual([502, 347, 2, 0]);
    for (const filter of filters) {
      await both((s) => s.countSerials(filter));
      for (const limit of [1, 7, 1_000]) await both((s) => listAll(s, filter, limit));
    }
    // Marking by recall: R2's units of SKU A move to R5, and only they.
    await both((s) => s.markRecalled({ recallId: 'R2', sku: 'A' }, 'R5', { at: at(6) }));
    await both((s) => s.markRecalled({ recalled: true, status: 'returned' }, 'R6', { at: at(7) }));
    for (const filter of [
      { recallId: 'R2' },
      { recallId: 'R5' },
      { recallId: 'R6' },
      { recalled: true },
    ]) {
      await both((s) => s.countSerials(filter));
      await both((s) => listAll(s, filter, 100));
    }
    await both((s) => s.listEvents({ type: 'recalled' }, { limit: 1_000 }));
    await store.close();
  });

  test('a schema migrated before: recalled units stay findable, recalls update in place', async () => {
    const schema = newSchema();
    const q = `"${schema}"`;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await pool.query(`CREATE SCHEMA ${q}`);
    await pool.query(
      `CREATE TABLE ${q}.serialkit_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`,
    );
    for (const migration of postgresMigrations(q).slice(0, 2)) {
      await pool.query(migration.sql);
      await pool.query(`INSERT INTO ${q}.serialkit_migrations VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        at(0),
      ]);
    }
    const insert = (sku: string, serial: string, recallId: string | null) =>
      pool.query(
        `INSERT INTO ${q}.serials (sku, serial, unique_key, status, recall_id, registered_at, updated_at)
         VALUES ($1, $2, $3, 'in_stock', $4, $5, $5)`,
        [sku, serial, `${sku}\u001f${serial}`, recallId, at(0)],
      );
    const event = (sku: string, serial: string, type: string, minute: number) =>
      pool.query(`INSERT INTO ${q}.events (sku, serial, type, at) VALUES ($1, $2, $3, $4)`, [
        sku,
        serial,
        type,
        at(minute),
      ]);
    await insert('A', 'S1', 'R1');
    await insert('A', 'S2', 'R1');
    await insert('A', 'S3', 'R2');
    await insert('A', 'S4', null);
    await event('A', 'S1', 'recalled', 1);
    await event('A', 'S1', 'verified', 2);
    await event('A', 'S2', 'recalled', 1);
    await event('A', 'S3', 'recalled', 1);
    await event('A', 'S3', 'returned', 3);
    await event('A', 'S4', 'shipped', 1);

    const store = postgresStore({ pool }, { schema });
    const keys = async (filter: SerialFilter) =>
      (await store.listSerials(filter)).items.map((unit) => unit.serial);
    expect(await keys({ recallId: 'R1' })).toEqual(['S1', 'S2']);
    expect(await keys({ recallId: 'R2' })).toEqual(['S3']);
    expect(await keys({ recalled: true })).toEqual(['S1', 'S2', 'S3']);
    expect(await store.countSerials({ recallId: 'R1' })).toBe(2);
    const { rows: applied } = await pool.query(
      `SELECT version FROM ${q}.serialkit_migrations ORDER BY version`,
    );
    expect(applied.map((row) => row.version)).toEqual(postgresMigrations(q).map((m) => m.version));
    const { rows: options } = await pool.query(
      `SELECT reloptions FROM pg_class WHERE oid = '${q}.serials'::regclass`,
    );
    expect(options[0]?.reloptions).toEqual(['fillfactor=80']);
    const { rows: indexes } = await pool.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%recall_id%'`,
      [schema],
    );
    expect(indexes.map((row) => row.indexdef)).toEqual([
      expect.stringContaining(`ON ${schema}.events USING btree (recall_id, sku, serial)`),
    ]);
    await store.close();
    await pool.end();
  });
});
