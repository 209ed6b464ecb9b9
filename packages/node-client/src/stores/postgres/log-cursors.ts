/**
 * The PostgreSQL store's cursors of internal event log consumers (`log_cursors`): a cursor and
 * its lease per consumer, as a webhook subscription's are on its row. Each is one statement.
 */
import type { LogCursorLeaseRequest, LogCursorMove } from '../../store.js';
import { eventPosition } from '../shared/event-position.js';
import type { PgQueryResultLike } from './driver.js';

type Query = (text: string, values?: unknown[]) => Promise<PgQueryResultLike>;

/** Quoted names of the tables the cursors use. */
export interface LogCursorTables {
  cursors: string;
  events: string;
}

export async function leaseLogCursor(
  query: Query,
  t: LogCursorTables,
  request: LogCursorLeaseRequest,
): Promise<{ position: string | null } | null> {
  // A new consumer's cursor starts at the end of the log, leased; an existing one is leased
  // only when free, ended before `at`, or already this owner's.
  const { rows } = await query(
    `INSERT INTO ${t.cursors} AS c (consumer, position, lease_owner, lease_until)
     VALUES ($1, (SELECT max(id) FROM ${t.events}), $2, $3)
     ON CONFLICT (consumer) DO UPDATE SET
       lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until
     WHERE c.lease_owner IS NULL OR c.lease_owner = EXCLUDED.lease_owner OR c.lease_until < $4
     RETURNING position`,
    [request.consumer, request.owner, request.until, request.at],
  );
  const row = rows[0];
  if (!row) return null;
  return { position: row.position === null ? null : String(row.position) };
}

export async function advanceLogCursor(
  query: Query,
  t: LogCursorTables,
  move: LogCursorMove,
): Promise<boolean> {
  const from = move.from === null ? null : eventPosition(move.from);
  const { rows } = await query(
    `UPDATE ${t.cursors} SET position = $1
     WHERE consumer = $2 AND lease_owner = $3 AND position IS NOT DISTINCT FROM $4::bigint
     RETURNING consumer`,
    [eventPosition(move.to), move.consumer, move.owner, from],
  );
  return rows.length > 0;
}
