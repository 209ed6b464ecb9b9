import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect, inject, test } from 'vitest';
import { postgresStore } from '../../src/stores/postgres.js';
import { expectLegacyDataKept, type LegacyUnit, legacyPostgresScript } from './legacy-fixture.js';

const url = inject('postgresUrl');
const schema = `legacy_${randomBytes(6).toString('hex')}`;
const pool = new pg.Pool({ connectionString: url, max: 2 });

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

test('migrate moves a schema written before compact units, and says how long it took', async () => {
  await pool.query(legacyPostgresScript(`"${schema}"`));
  const { rows: units } = await pool.query<LegacyUnit>(
    `SELECT * FROM "${schema}".serials ORDER BY sku, serial`,
  );
  const { rows: events } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".events`);

  const store = postgresStore({ pool }, { schema });
  const report = await store.migrate();
  await expectLegacyDataKept(
    store,
    report,
    { version: 5, name: 'compact units' },
    { units, events: events[0].n },
  );
  await store.close();

  const { rows: columns } = await pool.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'serials'`,
    [schema],
  );
  expect(columns.map((c) => c.column_name)).not.toContain('unique_key');
  // A store opened later finds nothing to do.
  const again = postgresStore({ pool }, { schema });
  expect(await again.migrate()).toEqual({ applied: [], ms: expect.any(Number) });
  await again.close();
});
