/**
 * The SQLite store's cursors of internal event log consumers (`log_cursors`): a cursor and its
 * lease per consumer, as a webhook subscription's are on its row.
 */
import type { LogCursorLeaseRequest, LogCursorMove } from '../../store.js';
import { eventPosition } from '../shared/event-position.js';
import type { SqliteDatabaseLike } from './driver.js';

export function leaseLogCursor(
  db: SqliteDatabaseLike,
  request: LogCursorLeaseRequest,
): { position: string | null } | null {
  // One statement: a new consumer's cursor starts at the end of the log, leased; an existing
  // one is leased only when free, ended before `at`, or already this owner's.
  const row = db
    .prepare(
      `INSERT INTO log_cursors (consumer, position, lease_owner, lease_until)
       VALUES (?, (SELECT max(id) FROM events), ?, ?)
       ON CONFLICT (consumer) DO UPDATE SET
         lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
       WHERE log_cursors.lease_owner IS NULL OR log_cursors.lease_owner = excluded.lease_owner
         OR log_cursors.lease_until < ?
       RETURNING position`,
    )
    .get(request.consumer, request.owner, request.until, request.at) as
    | { position: number | bigint | null }
    | undefined;
  if (!row) return null;
  return { position: row.position === null ? null : String(row.position) };
}

export function advanceLogCursor(db: SqliteDatabaseLike, move: LogCursorMove): boolean {
  const from = move.from === null ? null : eventPosition(move.from);
  const { changes } = db
    .prepare(
      `UPDATE log_cursors SET position = ?
       WHERE consumer = ? AND lease_owner = ? AND position IS ?`,
    )
    .run(eventPosition(move.to), move.consumer, move.owner, from);
  return changes > 0;
}
