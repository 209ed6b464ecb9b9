/** Statements the SQLite store prepares as it goes: generated filter queries, unit histories. */
import { EVENT_COLUMNS } from '../shared/records.js';
import type { SqliteDatabaseLike, SqliteStatementLike } from './driver.js';

/** Statement cache size for filter queries (one entry per distinct filter shape). */
const DYNAMIC_CACHE_SIZE = 200;

export class StatementCache {
  readonly #db: SqliteDatabaseLike;
  #dynamic = new Map<string, SqliteStatementLike>();
  /** `unitHistory` statements by row count. */
  #histories = new Map<number, SqliteStatementLike>();

  constructor(db: SqliteDatabaseLike) {
    this.#db = db;
  }

  /**
   * The first `rows` events of one unit, in (at, id) order, which `events_unit` (sku, serial, at)
   * serves as stored (it ends with the rowid, the id): no sort. Rows come as arrays; null when
   * the driver cannot return them.
   */
  unitHistory(rows: number): SqliteStatementLike | null {
    let statement = this.#histories.get(rows);
    if (!statement) {
      statement = this.#db.prepare(unitHistorySql(rows));
      if (typeof statement.raw !== 'function') return null;
      statement.raw(true);
      this.#histories.set(rows, statement);
    }
    return statement;
  }

  /** A prepared statement for generated SQL, cached by its text. */
  prepare(sql: string): SqliteStatementLike {
    let statement = this.#dynamic.get(sql);
    if (statement) {
      // Refresh its position: the cache evicts the least recently used.
      this.#dynamic.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#dynamic.size >= DYNAMIC_CACHE_SIZE) {
        const oldest = this.#dynamic.keys().next().value;
        if (oldest !== undefined) this.#dynamic.delete(oldest);
      }
    }
    this.#dynamic.set(sql, statement);
    return statement;
  }
}

/** The SQL of `unitHistory`: one unit's first `rows` events in (at, id) order. */
export function unitHistorySql(rows: number): string {
  return `SELECT ${EVENT_COLUMNS.join(', ')} FROM events WHERE sku = ? AND serial = ? ORDER BY at, id LIMIT ${rows}`;
}
