import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, test } from 'vitest';
import { sqliteStore } from '../../src/stores/sqlite.js';
import { expectLegacyDataKept, LEGACY_SQLITE, type LegacyUnit } from './legacy-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'serialkit-sqlite-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('migrate moves a database written by the schema before compact units, and says how long it took', async () => {
  const filename = join(dir, 'legacy.db');
  copyFileSync(LEGACY_SQLITE, filename);
  const raw = new Database(filename);
  const units = raw.prepare('SELECT * FROM serials ORDER BY sku, serial').all() as LegacyUnit[];
  const events = (raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  expect(raw.prepare('SELECT max(version) AS v FROM serialkit_migrations').get()).toEqual({ v: 2 });
  raw.close();

  const store = sqliteStore({ filename });
  const report = await store.migrate();
  await expectLegacyDataKept(
    store,
    report,
    { version: 3, name: 'compact units' },
    { units, events },
  );
  expect(await store.migrate()).toEqual({ applied: [], ms: expect.any(Number) });
  await store.close();

  // The old key column and its index are gone; timestamps are integers.
  const db = new Database(filename, { readonly: true });
  const columns = (db.prepare('PRAGMA table_info(serials)').all() as { name: string }[]).map(
    (column) => column.name,
  );
  expect(columns).not.toContain('unique_key');
  expect(db.prepare('SELECT typeof(registered_at) AS t FROM serials LIMIT 1').get()).toEqual({
    t: 'integer',
  });
  expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  db.close();
});
