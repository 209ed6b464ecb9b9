/**
 * Bulk registration on PostgreSQL. A batch in key order goes straight into `serials` with one
 * COPY FROM STDIN, as a raw import would. If that meets a conflict, or the batch repeats a key, the
 * rows go through a temporary table instead and are inserted from it (optimistically, then with
 * ON CONFLICT DO NOTHING); smaller batches go in one INSERT … SELECT from unnest()ed arrays.
 * Either way the conflicting rows are reported by batch index.
 */
import type { SerialInsert } from '../../store.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { isGlobalKey } from '../shared/unique-key.js';
import { copyInto, keyOrder, serialsCopyText, stagingCopyText } from './copy.js';
import { type CopyFrom, errorCode, type PgClientLike, UNIQUE_VIOLATION } from './driver.js';

/** `uniqueKey` order: 'global' units by serial alone, whatever their SKU; then batch order. */
const KEY_ORDER = "CASE WHEN unique_global THEN '' ELSE sku END, serial, idx";

/** Batches at least this large go through COPY; smaller ones through one unnest() INSERT. */
export const COPY_FROM_ROWS = 20_000;

/** A row as the table stores it: the key reduced to its scope, the timestamp to milliseconds. */
export interface SerialValues {
  sku: string;
  serial: string;
  global: boolean;
  lot: string | null;
  manufacturedAt: string | null;
  receivedAt: string | null;
  registeredAt: number;
}

/** Checks and converts every row (a malformed key or timestamp rejects the batch). */
export function serialValues(rows: readonly SerialInsert[]): SerialValues[] {
  return rows.map((row) => ({
    sku: row.sku,
    serial: row.serial,
    global: isGlobalKey(row),
    lot: row.lot ?? null,
    manufacturedAt: row.manufacturedAt ?? null,
    receivedAt: row.receivedAt ?? null,
    registeredAt: timestampToMillis(row.registeredAt, 'registeredAt'),
  }));
}

/** Inserts the rows inside the caller's transaction; the batch indexes that conflicted. */
export async function insertSerialRows(
  client: PgClientLike,
  table: string,
  rows: readonly SerialInsert[],
  copyFrom: CopyFrom | null,
): Promise<number[]> {
  const values = serialValues(rows);
  // Rows in key order with no key twice (the order the batch came in, or sorted here).
  const order = copyFrom ? keyOrder(rows) : null;
  // Fastest: new units go straight into the table with one COPY, as a raw import would. A
  // conflict (an existing unit, or one inserted concurrently) fails it back to the savepoint and
  // the batch takes the path below, which reports every conflict by index.
  if (copyFrom && order) {
    await client.query('SAVEPOINT serialkit_copy');
    try {
      await copyInto(
        client,
        copyFrom(
          `COPY ${table} (registered_at, unique_global, sku, serial, status, lot, manufactured_at, received_at) FROM STDIN`,
        ),
        serialsCopyText(values, order),
      );
      await client.query('RELEASE SAVEPOINT serialkit_copy');
      return [];
    } catch (error) {
      if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
      await client.query('ROLLBACK TO SAVEPOINT serialkit_copy');
    }
  }
  let input: string;
  let params: unknown[] = [];
  if (copyFrom) {
    await client.query(
      `CREATE TEMPORARY TABLE serialkit_staging (
         idx integer NOT NULL, sku text, serial text, unique_global boolean, lot text,
         manufactured_at text, received_at text, registered_at bigint
       ) ON COMMIT DROP`,
    );
    await copyInto(client, copyFrom('COPY serialkit_staging FROM STDIN'), stagingCopyText(values));
    input = 'serialkit_staging';
  } else {
    params = [
      values.map((v) => v.sku),
      values.map((v) => v.serial),
      values.map((v) => (v.global ? true : null)),
      values.map((v) => v.lot),
      values.map((v) => v.manufacturedAt),
      values.map((v) => v.receivedAt),
      values.map((v) => v.registeredAt),
    ];
    input = `(SELECT (n - 1)::integer AS idx, sku, serial, unique_global, lot, manufactured_at, received_at, registered_at
              FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::bigint[])
              WITH ORDINALITY AS v(sku, serial, unique_global, lot, manufactured_at, received_at, registered_at, n))`;
  }
  const columns =
    'registered_at, unique_global, sku, serial, status, lot, manufactured_at, received_at';
  const select = `SELECT registered_at, unique_global, sku, serial, 'in_stock', lot, manufactured_at, received_at`;
  // Rows go in key order (the key's scope, then the serial), ties in batch order: index-friendly,
  // and of rows that conflict with each other (same key) the first in the batch wins.
  // Optimistic first: a plain INSERT is about twice as fast as ON CONFLICT's speculative
  // insertion, and new serials rarely conflict. At the first conflict it fails and rolls back to
  // the savepoint; rows sorted by key meet a conflict early unless conflicts are rare.
  await client.query('SAVEPOINT serialkit_insert');
  try {
    await client.query(
      `INSERT INTO ${table} (${columns}) ${select} FROM ${input} AS i ORDER BY ${KEY_ORDER}`,
      params,
    );
    await client.query('RELEASE SAVEPOINT serialkit_insert');
    return [];
  } catch (error) {
    if (errorCode(error) !== UNIQUE_VIOLATION) throw error;
    await client.query('ROLLBACK TO SAVEPOINT serialkit_insert');
  }
  // A row was inserted iff it is the first of its (sku, serial) in the batch among the rows
  // RETURNING reports (rows with the same (sku, serial) share their uniqueness scope).
  const { rows: skipped } = await client.query(
    `WITH input AS (SELECT * FROM ${input} AS i),
     inserted AS (
       INSERT INTO ${table} (${columns})
       ${select} FROM input ORDER BY ${KEY_ORDER}
       ON CONFLICT DO NOTHING
       RETURNING sku, serial
     ),
     winners AS (
       SELECT min(i.idx) AS idx FROM input i
       JOIN inserted n ON n.sku = i.sku AND n.serial = i.serial
       GROUP BY i.sku, i.serial
     )
     SELECT i.idx FROM input i WHERE NOT EXISTS (SELECT 1 FROM winners w WHERE w.idx = i.idx)
     ORDER BY i.idx`,
    params,
  );
  return skipped.map((row) => Number(row.idx));
}
