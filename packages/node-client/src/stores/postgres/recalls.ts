/**
 * Recalls in PostgreSQL: the `recalls` table (each recall kept whole as JSON), marking units
 * under a recall with their `recalled` events in one statement, closing a recall with its units'
 * `recall_closed` events in one transaction, and the candidates a recall filter reads.
 */
import type { Recall, SerialStatus } from '@serialkit/core';
import type { PageOptions, SerialFilter, StorePage } from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { type SqlDialect, SqlParams, serialConditions, where } from '../shared/filter.js';
import { type RecallRow, rowToRecall } from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import type { PgStatement } from './driver.js';

/** The tables recalls touch. */
export interface RecallTables {
  recalls: string;
  serials: string;
  events: string;
}

/**
 * For a filter on recalls (`recallId`, `recalled: true`), the units that may match, as a
 * subquery `c` of distinct (sku, serial): those of the events that put a unit under a recall
 * (`events_recall`). `serials.recall_id` has no index, so that recalls update units in place;
 * the caller still applies the filter to each candidate, looked up by primary key (`OFFSET 0`
 * keeps the planner from turning that into a scan of every unit). Null for other filters.
 */
export function recallCandidates(
  events: string,
  filter: SerialFilter,
  params: SqlParams,
  after: readonly string[] | null,
  ordered: boolean,
): string | null {
  const conditions: string[] = [];
  if (filter.recallId !== undefined)
    conditions.push(`e.recall_id = ${params.add(filter.recallId)}`);
  else if (filter.recalled === true) conditions.push('e.recall_id IS NOT NULL');
  else return null;
  if (filter.sku !== undefined) conditions.push(`e.sku = ${params.add(filter.sku)}`);
  if (after) {
    conditions.push(`(e.sku, e.serial) > (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  return `(SELECT DISTINCT e.sku, e.serial FROM ${events} AS e ${where(conditions)}${
    ordered ? ' ORDER BY e.sku, e.serial' : ''
  }) AS c`;
}

/**
 * Marks the filter's units under `recallId` and logs a `recalled` event for each, in one
 * statement (run it in a transaction: `query` on its client); the units marked, by status.
 */
export async function markRecalled(
  query: PgStatement,
  tables: RecallTables,
  dialect: SqlDialect,
  filter: SerialFilter,
  recallId: string,
  event: { at: string; data?: Record<string, unknown> },
): Promise<Partial<Record<SerialStatus, number>>> {
  const params = new SqlParams(dialect);
  const conditions = serialConditions(filter, params);
  const candidates = recallCandidates(tables.events, filter, params, null, false);
  if (candidates) conditions.push(`(sku, serial) IN (SELECT c.sku, c.serial FROM ${candidates})`);
  const id = params.add(recallId);
  conditions.push(`recall_id IS DISTINCT FROM ${id}`);
  const at = params.add(event.at);
  const atMillis = params.add(timestampToMillis(event.at, 'event.at'));
  const data = params.add(eventDataJson(event.data));
  // One statement: mark, log and count the same rows. Rows a concurrent transaction changes
  // are re-checked against the filter before they are marked. No index covers the columns
  // set, so each unit is updated in place (HOT) when its page has room; the events record the
  // recall, which is how its units are found again.
  const { rows } = await query(
    `WITH marked AS (
       UPDATE ${tables.serials} SET recall_id = ${id}, updated_at = ${atMillis}
       ${where(conditions)}
       RETURNING sku, serial, status
     ),
     logged AS (
       INSERT INTO ${tables.events} (sku, serial, type, at, data, recall_id)
       SELECT sku, serial, 'recalled', ${at}, ${data}::jsonb, ${id}
       FROM marked ORDER BY sku, serial
     )
     SELECT status, count(*) AS n FROM marked GROUP BY status`,
    params.values,
  );
  const counts: Partial<Record<SerialStatus, number>> = {};
  for (const row of rows) counts[row.status as SerialStatus] = Number(row.n);
  return counts;
}

export async function putRecall(query: PgStatement, recalls: string, recall: Recall) {
  await query(
    `INSERT INTO ${recalls} (id, sku, created_at, body) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, created_at = EXCLUDED.created_at, body = EXCLUDED.body`,
    [recall.id, recall.sku, recall.createdAt, JSON.stringify(recall)],
  );
}

/**
 * Closes a recall (stores `recall`, closed) with a `recall_closed` event for each unit still
 * under it; run it in a transaction (`query` on its client). Null when the recall is missing or
 * closed already, else the number of units.
 */
export async function closeRecall(
  query: PgStatement,
  tables: RecallTables,
  recall: Recall,
  event: { at: string; data?: Record<string, unknown> },
): Promise<number | null> {
  timestampToMillis(event.at, 'event.at');
  const data = eventDataJson(event.data);
  // The row lock makes concurrent closes of one recall take turns: the second sees it closed.
  const { rows } = await query(`SELECT body FROM ${tables.recalls} WHERE id = $1 FOR UPDATE`, [
    recall.id,
  ]);
  const row = rows[0] as RecallRow | undefined;
  if (!row || rowToRecall(row).status === 'closed') return null;
  // The recall's units are found through the events that put them under it (events_recall).
  const logged = await query(
    `INSERT INTO ${tables.events} (sku, serial, type, at, data)
     SELECT s.sku, s.serial, 'recall_closed', $2, $3::jsonb
     FROM (SELECT DISTINCT e.sku, e.serial FROM ${tables.events} AS e WHERE e.recall_id = $1) AS c
     JOIN ${tables.serials} AS s ON s.sku = c.sku AND s.serial = c.serial AND s.recall_id = $1
     ORDER BY s.sku, s.serial`,
    [recall.id, event.at, data],
  );
  await query(`UPDATE ${tables.recalls} SET body = $2::jsonb WHERE id = $1`, [
    recall.id,
    JSON.stringify(recall),
  ]);
  return logged.rowCount ?? 0;
}

export async function getRecall(
  query: PgStatement,
  recalls: string,
  id: string,
): Promise<Recall | null> {
  const { rows } = await query(`SELECT body FROM ${recalls} WHERE id = $1`, [id], true);
  const row = rows[0] as RecallRow | undefined;
  return row ? rowToRecall(row) : null;
}

export async function listRecalls(
  query: PgStatement,
  recalls: string,
  dialect: SqlDialect,
  filter: { sku?: string },
  page: PageOptions,
): Promise<StorePage<Recall>> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('recalls', page.cursor, 2);
  const params = new SqlParams(dialect);
  const conditions: string[] = [];
  if (filter.sku !== undefined) conditions.push(`sku = ${params.add(filter.sku)}`);
  if (after) {
    conditions.push(`(created_at, id) < (${params.add(after[0])}, ${params.add(after[1])})`);
  }
  const { rows } = await query(
    `SELECT body FROM ${recalls} ${where(conditions)}
     ORDER BY created_at DESC, id DESC LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return pageOf((rows as unknown as RecallRow[]).map(rowToRecall), limit, (last) =>
    encodeCursor('recalls', [last.createdAt, last.id]),
  );
}
