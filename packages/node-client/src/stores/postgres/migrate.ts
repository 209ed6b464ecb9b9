/**
 * Migrating a PostgreSQL schema: one migration per transaction, serialized across processes by an
 * advisory lock, each recorded in `serialkit_migrations` with the time it took.
 */
import type { MigrationReport } from '../../store.js';
import {
  backoff,
  errorCode,
  guard,
  isConnectionFailure,
  lockKey,
  MAX_ATTEMPTS,
  MIGRATION_RACE_CODES,
  type PgPoolLike,
  quoteIdentifier,
  rollback,
  SERIALIZATION_CODES,
} from './driver.js';
import { postgresMigrations } from './schema.js';

/** Applies the pending migrations of schema `name`; what it applied, in order. */
export async function migrateSchema(
  pool: PgPoolLike,
  name: string,
): Promise<MigrationReport['applied']> {
  const schema = quoteIdentifier(name);
  const migrations = postgresMigrations(schema);
  const migrationsTable = `${schema}.serialkit_migrations`;
  const done: MigrationReport['applied'] = [];
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const client = guard(await pool.connect());
    let broken = false;
    try {
      await client.query('BEGIN');
      // Serialize migrators of this schema. Engines without advisory locks (CockroachDB) skip
      // the lock: a racing migrator then fails on a duplicate table or version row, rolls
      // back, and retries against the migrated schema.
      await client.query('SAVEPOINT serialkit_lock');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockKey(name)]);
        await client.query('RELEASE SAVEPOINT serialkit_lock');
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        await client.query('ROLLBACK TO SAVEPOINT serialkit_lock');
      }
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${migrationsTable} (
           version integer NOT NULL PRIMARY KEY,
           name text NOT NULL,
           applied_at text NOT NULL
         )`,
      );
      const { rows } = await client.query(`SELECT version FROM ${migrationsTable}`);
      const applied = new Set(rows.map((row) => Number(row.version)));
      // One migration per transaction: a later one may write what an earlier one added, which
      // some engines (CockroachDB) allow only once the addition has committed.
      const migration = migrations.find(({ version }) => !applied.has(version));
      if (migration) {
        await client.query(migration.sql);
        for (const statement of migration.optional ?? []) {
          await client.query('SAVEPOINT serialkit_optional');
          try {
            await client.query(statement);
            await client.query('RELEASE SAVEPOINT serialkit_optional');
          } catch (error) {
            if (isConnectionFailure(error)) throw error;
            await client.query('ROLLBACK TO SAVEPOINT serialkit_optional');
          }
        }
        await client.query(
          `INSERT INTO ${migrationsTable} (version, name, applied_at) VALUES ($1, $2, $3)`,
          [migration.version, migration.name, new Date().toISOString()],
        );
      }
      await client.query('COMMIT');
      if (!migration) return done;
      done.push({
        version: migration.version,
        name: migration.name,
        ms: performance.now() - started,
      });
      attempt = 0; // the next migration, with attempts of its own
    } catch (error) {
      broken = !(await rollback(client));
      const code = errorCode(error) ?? '';
      const race = MIGRATION_RACE_CODES.has(code) || SERIALIZATION_CODES.has(code);
      if (!race || attempt >= MAX_ATTEMPTS) throw error;
      await backoff(attempt);
    } finally {
      client.release(broken);
    }
  }
}
