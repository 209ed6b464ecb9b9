/**
 * The raw better-sqlite3 baselines, on the schema the SQLite store creates (its migrations, so the
 * same table and the same indexes are maintained) and with the pragmas it sets.
 */
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../src/stores/sqlite/schema.js';
import { type Fixture, REGISTERED_AT, SKU } from './fixture.js';

export type RawSqlite = Database.Database;

/** The pragmas `sqliteStore` sets on the databases it opens. */
function storePragmas(db: RawSqlite): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32768');
}

/** A fresh database file with the store's schema. */
export function createRawSqlite(filename: string): RawSqlite {
  const db = new Database(filename);
  storePragmas(db);
  for (const migration of SQLITE_MIGRATIONS) db.exec(migration.sql);
  return db;
}

/** An existing database (e.g. the one the store filled), opened beside the store. */
export function openRawSqlite(filename: string): RawSqlite {
  const db = new Database(filename);
  storePragmas(db);
  return db;
}

/** One prepared INSERT per unit, in one transaction (registration time as the store keeps it). */
export function insertRaw(db: RawSqlite, fixture: Fixture): void {
  const insert = db.prepare(
    `INSERT INTO serials (sku, serial, status, lot, registered_at) VALUES (?, ?, 'in_stock', ?, ?)`,
  );
  const registeredAt = Date.parse(REGISTERED_AT);
  db.transaction(() => {
    for (const row of fixture.rows) insert.run(SKU, row.serial, row.lot, registeredAt);
  })();
}

/**
 * Bytes the database file holds per unit (every table and index, free pages excluded), after a
 * checkpoint moved the WAL into it, and the largest parts by name.
 */
export function sqliteBytes(
  db: RawSqlite,
  units: number,
): { perUnit: number; parts: { name: string; perUnit: number }[] } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const parts = (
    db
      .prepare(
        'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 4',
      )
      .all() as { name: string; bytes: number }[]
  ).map(({ name, bytes }) => ({ name, perUnit: bytes / units }));
  return { perUnit: ((pages - free) * pageSize) / units, parts };
}

/** The raw form of a lookup by serial: every unit with it, all columns. */
export function rawFindSerial(db: RawSqlite): (serial: string) => unknown[] {
  const select = db.prepare('SELECT * FROM serials WHERE serial = ?');
  return (serial) => select.all(serial);
}

/**
 * The raw form of a recall: log a `recalled` event per selected unit, then mark them, in one
 * transaction (the work `markRecalled` must do), with the same filter a recall by range or lot
 * compiles to.
 */
export function rawRecall(
  db: RawSqlite,
  by: { range: { from: string; to: string } } | { lot: string },
): (recallId: string, at: string) => number {
  const [condition, params] =
    'range' in by
      ? ['sku = ? AND serial BETWEEN ? AND ?', [SKU, by.range.from, by.range.to]]
      : ['sku = ? AND lot = ?', [SKU, by.lot]];
  const log = db.prepare(
    `INSERT INTO events (sku, serial, type, at, data)
     SELECT sku, serial, 'recalled', ?, ? FROM serials WHERE ${condition} AND recall_id IS NOT ?`,
  );
  const mark = db.prepare(
    `UPDATE serials SET recall_id = ?, updated_at = ? WHERE ${condition} AND recall_id IS NOT ?`,
  );
  const recall = db.transaction((recallId: string, at: string) => {
    log.run(at, JSON.stringify({ recallId }), ...params, recallId);
    return mark.run(recallId, Date.parse(at), ...params, recallId).changes;
  });
  return (recallId, at) => recall.immediate(recallId, at);
}
