/**
 * The event log in PostgreSQL: units' events appended in one statement (none when a unit is
 * missing), notices about no single unit, and units' events listed by time.
 */
import type { LogNoticeInsert, SerialEvent } from '@serialkit/core';
import { BadRequestError } from '../../errors.js';
import type { EventFilter, EventInsert, PageOptions, StorePage } from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { eventConditions, type SqlDialect, SqlParams, where } from '../shared/filter.js';
import { type EventRow, NOTICE_KEY, rowToEvent } from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { unknownUnitError } from '../shared/unknown-unit.js';
import type { PgStatement } from './driver.js';

/** Appends units' events in one statement: all of them, or none when a unit is missing. */
export async function appendEvents(
  query: PgStatement,
  tables: { events: string; serials: string },
  events: EventInsert[],
): Promise<void> {
  const { rows } = await query(
    `WITH v AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         WITH ORDINALITY AS v(sku, serial, type, at, data, n)
     ),
     missing AS (
       SELECT v.sku, v.serial FROM v
       WHERE NOT EXISTS (
         SELECT 1 FROM ${tables.serials} s WHERE s.sku = v.sku AND s.serial = v.serial
       )
       ORDER BY v.n LIMIT 1
     ),
     inserted AS (
       INSERT INTO ${tables.events} (sku, serial, type, at, data)
       SELECT sku, serial, type, at, data::jsonb FROM v
       WHERE NOT EXISTS (SELECT 1 FROM missing)
       ORDER BY n
       RETURNING 1
     )
     SELECT sku, serial FROM missing`,
    [
      events.map((e) => e.sku),
      events.map((e) => e.serial),
      events.map((e) => e.type),
      events.map((e) => e.at),
      events.map((e) => eventDataJson(e.data)),
    ],
  );
  const unknown = rows[0] as { sku: string; serial: string } | undefined;
  if (unknown) throw unknownUnitError(unknown.sku, unknown.serial);
}

/** Appends a notice: a row of no unit (`NOTICE_KEY`). */
export async function appendLogNotice(
  query: PgStatement,
  events: string,
  notice: LogNoticeInsert,
): Promise<void> {
  timestampToMillis(notice.at, 'notice.at');
  await query(
    `INSERT INTO ${events} (sku, serial, type, at, data) VALUES ($1, $1, $2, $3, $4::jsonb)`,
    [NOTICE_KEY, notice.type, notice.at, eventDataJson(notice.data)],
  );
}

/** Units' events by (at, id), a page at a time. */
export async function listEvents(
  query: PgStatement,
  events: string,
  dialect: SqlDialect,
  filter: EventFilter,
  page: PageOptions,
): Promise<StorePage<SerialEvent>> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('events', page.cursor, 2);
  const params = new SqlParams(dialect);
  const conditions = eventConditions(filter, params);
  if (after) {
    if (!/^\d{1,18}$/.test(after[1] ?? '')) {
      throw new BadRequestError('Invalid events cursor', { details: { cursor: page.cursor } });
    }
    conditions.push(`(at, id) > (${params.add(after[0])}, ${params.add(after[1])}::bigint)`);
  }
  const { rows } = await query(
    `SELECT id, sku, serial, type, at, data FROM ${events} ${where(conditions)}
     ORDER BY at, id LIMIT ${params.add(limit + 1)}`,
    params.values,
  );
  return pageOf((rows as unknown as EventRow[]).map(rowToEvent), limit, (last) =>
    encodeCursor('events', [last.at, last.id]),
  );
}
