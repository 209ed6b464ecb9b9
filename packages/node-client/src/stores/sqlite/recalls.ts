/**
 * Recalls in SQLite: the `recalls` table (each recall kept whole as JSON), marking units under a
 * recall with their `recalled` events, and closing a recall with its units' `recall_closed`
 * events, each in one write transaction.
 */
import type { Recall, SerialStatus } from '@serialkit/core';
import type { PageOptions, SerialFilter, StorePage } from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { SqlParams, serialConditions, where } from '../shared/filter.js';
import { type RecallRow, rowToRecall } from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import type { SqliteDatabaseLike } from './driver.js';
import type { StatementCache } from './statement-cache.js';
import { type Statements, sqlite } from './statements.js';

/** Marks the filter's units under `recallId` with a `recalled` event each; counts by status. */
export function markRecalled(
  db: SqliteDatabaseLike,
  cache: StatementCache,
  filter: SerialFilter,
  recallId: string,
  event: { at: string; data?: Record<string, unknown> },
): Partial<Record<SerialStatus, number>> {
  const params = new SqlParams(sqlite);
  const conditions = serialConditions(filter, params);
  conditions.push(`recall_id IS NOT ${params.add(recallId)}`);
  const selected = `FROM serials ${where(conditions)}`;
  const count = cache.prepare(`SELECT status, count(*) AS n ${selected} GROUP BY status`);
  const log = cache.prepare(
    `INSERT INTO events (sku, serial, type, at, data) SELECT sku, serial, 'recalled', ?, ? ${selected} ORDER BY sku, serial`,
  );
  const mark = cache.prepare(
    `UPDATE serials SET recall_id = ?, updated_at = ? ${where(conditions)}`,
  );
  const at = timestampToMillis(event.at, 'event.at');
  const data = eventDataJson(event.data);
  // Count, log, then mark: the three statements see the same rows inside one write
  // transaction, and marking last keeps `recall_id IS NOT ?` true for the first two.
  return db
    .transaction(() => {
      const counts: Partial<Record<SerialStatus, number>> = {};
      for (const { status, n } of count.all(...params.values) as {
        status: SerialStatus;
        n: number;
      }[]) {
        counts[status] = n;
      }
      if (Object.keys(counts).length === 0) return counts;
      log.run(event.at, data, ...params.values);
      mark.run(recallId, at, ...params.values);
      return counts;
    })
    .immediate();
}

/**
 * Closes a recall (stores `recall`, closed) with a `recall_closed` event for each unit still
 * under it. Null when the recall is missing or closed already, else the number of units.
 */
export function closeRecall(
  db: SqliteDatabaseLike,
  s: Statements,
  cache: StatementCache,
  recall: Recall,
  event: { at: string; data?: Record<string, unknown> },
): number | null {
  timestampToMillis(event.at, 'event.at');
  const data = eventDataJson(event.data);
  const log = cache.prepare(
    `INSERT INTO events (sku, serial, type, at, data)
     SELECT sku, serial, 'recall_closed', ?, ? FROM serials WHERE recall_id = ? ORDER BY sku, serial`,
  );
  return db
    .transaction(() => {
      const row = s.getRecall.get(recall.id) as RecallRow | undefined;
      if (!row || rowToRecall(row).status === 'closed') return null;
      const logged = log.run(event.at, data, recall.id).changes;
      s.putRecall.run(recall.id, recall.sku, recall.createdAt, JSON.stringify(recall));
      return Number(logged);
    })
    .immediate();
}

/** Recalls, newest first, a page at a time. */
export function listRecalls(
  cache: StatementCache,
  filter: { sku?: string },
  page: PageOptions,
): StorePage<Recall> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('recalls', page.cursor, 2);
  const params = new SqlParams(sqlite);
  const conditions: string[] = [];
  if (filter.sku !== undefined) conditions.push(`sku = ${params.add(filter.sku)}`);
  if (after) {
    conditions.push(`(created_at, id) < (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  const sql = `SELECT body FROM recalls ${where(conditions)} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`;
  const rows = cache.prepare(sql).all(...params.values) as RecallRow[];
  return pageOf(rows.map(rowToRecall), limit, (last) =>
    encodeCursor('recalls', [last.createdAt, last.id]),
  );
}
