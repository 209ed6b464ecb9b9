/**
 * The slice of better-sqlite3 the SQLite store uses (its typings stay out of our public API), how
 * the driver is loaded, and how its errors map to serialkit's.
 */
import { createRequire } from 'node:module';
import { ConnectionError, SerialkitError } from '../../errors.js';

/** A prepared statement of better-sqlite3. */
export interface SqliteStatementLike {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays of values instead of objects (used when available). */
  raw?(toggle?: boolean): unknown;
}

/** A better-sqlite3 `Database`, or anything with the same shape. */
export interface SqliteDatabaseLike {
  prepare(sql: string): SqliteStatementLike;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(
    fn: (...args: A) => R,
  ): ((...args: A) => R) & { immediate: (...args: A) => R };
  close(): unknown;
  readonly memory: boolean;
  readonly readonly: boolean;
}

export type SqliteConstructor = new (
  filename: string,
  options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number },
) => SqliteDatabaseLike;

export function loadDriver(): SqliteConstructor {
  try {
    const required = createRequire(import.meta.url)('better-sqlite3') as
      | SqliteConstructor
      | { default: SqliteConstructor };
    return 'default' in required ? required.default : required;
  } catch (error) {
    throw new SerialkitError(
      'internal',
      'sqliteStore needs the better-sqlite3 package: run `npm install better-sqlite3`',
      { status: 500, cause: error },
    );
  }
}

const CONNECTION_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
]);

/** Lock timeouts and unusable files become `ConnectionError`; everything else is rethrown. */
export function mapError(error: unknown): unknown {
  if (SerialkitError.isInstance(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) {
    const message = error instanceof Error ? error.message : String(error);
    return new ConnectionError(`SQLite: ${message}`, { cause: error, details: { code } });
  }
  return error;
}

/** The statement switched to rows as arrays, when the driver supports it. */
export function rawRows(statement: SqliteStatementLike): {
  statement: SqliteStatementLike;
  raw: boolean;
} {
  if (typeof statement.raw !== 'function') return { statement, raw: false };
  statement.raw(true);
  return { statement, raw: true };
}
