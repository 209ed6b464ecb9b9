/**
 * Migrating a SQLite database: each pending migration in its own write transaction (which
 * re-checks it, so concurrent processes apply it exactly once), recorded in
 * `serialkit_migrations`, with the time it took.
 */
import type { MigrationReport } from '../../store.js';
import type { SqliteDatabaseLike } from './driver.js';
import { SQLITE_MIGRATIONS } from './schema.js';

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS serialkit_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Applies every pending migration; what it applied, in order. */
export function applyMigrations(db: SqliteDatabaseLike): MigrationReport['applied'] {
  const done: MigrationReport['applied'] = [];
  for (const migration of SQLITE_MIGRATIONS) {
    const started = performance.now();
    const ran = db
      .transaction((): boolean => {
        db.exec(MIGRATIONS_TABLE);
        const applied = db
          .prepare('SELECT 1 FROM serialkit_migrations WHERE version = ?')
          .get(migration.version);
        if (applied) return false;
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO serialkit_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, new Date().toISOString());
        return true;
      })
      .immediate();
    if (ran) {
      const { version, name } = migration;
      done.push({ version, name, ms: performance.now() - started });
    }
  }
  return done;
}

/** The versions of the migrations a database still needs. */
export function pendingMigrations(db: SqliteDatabaseLike): number[] {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'serialkit_migrations'")
    .get();
  const applied = new Set(
    table
      ? (db.prepare('SELECT version FROM serialkit_migrations').all() as { version: number }[]).map(
          (row) => row.version,
        )
      : [],
  );
  return SQLITE_MIGRATIONS.filter((m) => !applied.has(m.version)).map((m) => m.version);
}
