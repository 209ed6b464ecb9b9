/**
 * The slice of pg the PostgreSQL store uses (its typings stay out of our public API), how the
 * optional packages are loaded, how errors map to serialkit's, and the small helpers of its
 * transactions (names, lock keys, backoff).
 */
import { BadRequestError, ConnectionError, SerialkitError } from '../../errors.js';
import { TransitionRollback } from './transition.js';

/** A query with an optional name: named queries are prepared once per connection. */
export interface PgQueryConfigLike {
  text: string;
  values?: unknown[];
  name?: string;
}

export interface PgQueryResultLike {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** A checked-out `pg` client. */
/**
 * Runs one statement: on the pool (the store's own `#query`, which may prepare it) or on a
 * transaction's client.
 */
export type PgStatement = (
  text: string,
  values: unknown[],
  prepare?: boolean,
) => Promise<PgQueryResultLike>;

export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<PgQueryResultLike>;
  /** Release to the pool; `true` (or an error) destroys the connection instead. */
  release(destroy?: boolean | Error): void;
  /** pg clients are event emitters: see `guard`. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

const guarded = new WeakSet<PgClientLike>();
/**
 * A checked-out client whose connection drops between two queries of a transaction emits
 * 'error'; unheard, that ends the process. The next query fails instead and is mapped to a 503.
 */
export function guard(client: PgClientLike): PgClientLike {
  if (!guarded.has(client)) {
    client.on?.('error', () => {});
    guarded.add(client);
  }
  return client;
}

/** A `pg` Pool, or anything with the same shape. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(query: string | PgQueryConfigLike, values?: unknown[]): Promise<PgQueryResultLike>;
  end(): Promise<void>;
}

/** Attempts of a transaction that keeps hitting serialization failures or deadlocks. */
export const MAX_ATTEMPTS = 8;

export const SERIALIZATION_CODES = new Set(['40001', '40P01']);
export const UNIQUE_VIOLATION = '23505';
/** DDL races between concurrent first-time migrations (when advisory locks are unavailable). */
export const MIGRATION_RACE_CODES = new Set(['23505', '42P06', '42P07', '42710']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** Unreachable servers become `ConnectionError`; everything else is rethrown as is. */
export function mapError(error: unknown): unknown {
  if (SerialkitError.isInstance(error) || error instanceof TransitionRollback) return error;
  if (isConnectionFailure(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ConnectionError(`PostgreSQL: ${message}`, {
      cause: error,
      details: { code: errorCode(error) },
    });
  }
  if (SERIALIZATION_CODES.has(errorCode(error) ?? '')) {
    return new ConnectionError('PostgreSQL: the transaction kept conflicting with others; retry', {
      cause: error,
      details: { code: errorCode(error) },
    });
  }
  return error;
}

export async function importOptional<T>(name: string, why = ''): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new SerialkitError(
      'internal',
      `postgresStore needs the ${name} package${why}: run \`npm install ${name}\``,
      { status: 500, cause: error },
    );
  }
}

export interface PgModule {
  default?: {
    Pool: new (config: object) => PgPoolLike & { on(event: 'error', fn: () => void): void };
  };
  Pool?: new (config: object) => PgPoolLike & { on(event: 'error', fn: () => void): void };
}

export type CopyFrom = (sql: string) => NodeJS.WritableStream;

export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(name)) {
    throw new BadRequestError(`Invalid PostgreSQL schema name: ${name}`);
  }
  return `"${name}"`;
}

/** 64-bit FNV-1a: stable names and lock keys derived from text. */
export function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text))
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash;
}

/** The advisory lock key that serializes migrations of one schema. */
export const lockKey = (schema: string) =>
  BigInt.asIntN(64, fnv1a64(`serialkit.migrate:${schema}`)).toString();

/** A prepared statement name per SQL text (PostgreSQL truncates names at 63 bytes). */
export const statementName = (text: string) => `serialkit_${fnv1a64(text).toString(16)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff: 0–5 ms, 0–10 ms, … up to 0–320 ms. */
export const backoff = (attempt: number) => sleep(Math.random() * 5 * 2 ** Math.min(attempt, 6));

/** Rolls back; false when the connection is unusable (the caller then destroys it). */
export async function rollback(client: PgClientLike): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}
