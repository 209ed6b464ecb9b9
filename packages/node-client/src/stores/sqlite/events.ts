/**
 * The event log in SQLite: units' events appended in one write transaction (none when a unit is
 * missing), notices about no single unit, and units' events listed by time.
 */
import type { LogNoticeInsert, SerialEvent } from '@serialkit/core';
import type { EventFilter, EventInsert, PageOptions, StorePage } from '../../store.js';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '../shared/cursor.js';
import { eventDataJson } from '../shared/event-data.js';
import { eventConditions, SqlParams, where } from '../shared/filter.js';
import {
  EVENT_COLUMNS,
  type EventRow,
  eventRowOf,
  NOTICE_KEY,
  rowToEvent,
} from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { unknownUnitError } from '../shared/unknown-unit.js';
import type { SqliteDatabaseLike } from './driver.js';
import type { StatementCache } from './statement-cache.js';
import { type Statements, sqlite } from './statements.js';

/** Appends units' events in one write transaction: all of them, or none when a unit is missing. */
export function appendEvents(db: SqliteDatabaseLike, s: Statements, events: EventInsert[]): void {
  db.transaction(() => {
    for (const e of events) {
      if (s.getSerial.get(e.sku, e.serial) === undefined) {
        throw unknownUnitError(e.sku, e.serial);
      }
      s.insertEvent.run(e.sku, e.serial, e.type, e.at, eventDataJson(e.data));
    }
  }).immediate();
}

/** Appends a notice: a row of no unit (`NOTICE_KEY`). */
export function appendLogNotice(s: Statements, notice: LogNoticeInsert): void {
  timestampToMillis(notice.at, 'notice.at');
  const data = eventDataJson(notice.data);
  s.insertEvent.run(NOTICE_KEY, NOTICE_KEY, notice.type, notice.at, data);
}

/** Units' events by (at, id), a page at a time; one unit's first page by a fixed statement. */
export function listEvents(
  cache: StatementCache,
  filter: EventFilter,
  page: PageOptions,
): StorePage<SerialEvent> {
  const limit = pageSize(page.limit);
  const after = decodeCursor('events', page.cursor, 2);
  const history =
    !after &&
    filter.sku !== undefined &&
    filter.serial !== undefined &&
    filter.type === undefined &&
    filter.between === undefined
      ? cache.unitHistory(limit + 1)
      : null;
  if (history) {
    // One unit's history (every lookup reads it): a fixed statement read as arrays.
    const rows = history.all(filter.sku, filter.serial) as unknown[][];
    return pageOf(
      rows.map((values) => rowToEvent(eventRowOf(values))),
      limit,
      (last) => encodeCursor('events', [last.at, last.id]),
    );
  }
  const params = new SqlParams(sqlite);
  const conditions = eventConditions(filter, params);
  if (after) {
    conditions.push(`(at, id) > (${params.add(after[0])}, ${params.add(Number(after[1]))})`);
  }
  const sql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM events ${where(conditions)} ORDER BY at, id LIMIT ${limit + 1}`;
  const rows = cache.prepare(sql).all(...params.values) as EventRow[];
  return pageOf(rows.map(rowToEvent), limit, (last) => encodeCursor('events', [last.at, last.id]));
}
