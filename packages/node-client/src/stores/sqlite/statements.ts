/** The fixed statements of the SQLite store, prepared once per connection, and their helpers. */
import type { SerialRecord } from '@serialkit/core';
import type { Transition, VerificationCounts, VerificationInput } from '../../store.js';
import { eventDataJson } from '../shared/event-data.js';
import type { SqlDialect } from '../shared/filter.js';
import {
  rowToSerial,
  SERIAL_COLUMNS,
  type SerialRow,
  serialRowOf,
  shipmentToColumns,
} from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import { rawRows, type SqliteDatabaseLike, type SqliteStatementLike } from './driver.js';

export const SERIAL_SELECT = `SELECT ${SERIAL_COLUMNS.join(', ')} FROM serials`;

export const sqlite: SqlDialect = {
  placeholder: () => '?',
  inList: (column, placeholder) => `${column} IN (SELECT value FROM json_each(${placeholder}))`,
  listValue: (values) => JSON.stringify(values),
  never: '0',
};

export interface Statements {
  insertSerial: SqliteStatementLike;
  getSerial: SqliteStatementLike;
  findSerial: { statement: SqliteStatementLike; raw: boolean };
  cas: SqliteStatementLike;
  insertEvent: SqliteStatementLike;
  getSku: SqliteStatementLike;
  putSku: SqliteStatementLike;
  getRecall: SqliteStatementLike;
  putRecall: SqliteStatementLike;
  verify: SqliteStatementLike;
  verificationCounts: { statement: SqliteStatementLike; raw: boolean };
  getOutcome: SqliteStatementLike;
  putOutcome: SqliteStatementLike;
}

/** Every unit with this serial; rows come as arrays where the driver can, which is cheaper. */
export function findSerial(s: Statements, serial: string): SerialRecord[] {
  const rows = s.findSerial.statement.all(serial);
  return s.findSerial.raw
    ? rows.map((values) => rowToSerial(serialRowOf(values as unknown[])))
    : (rows as SerialRow[]).map(rowToSerial);
}

/** Records one verification inside a write transaction; the counts as of this write. */
export function recordVerification(s: Statements, input: VerificationInput): VerificationCounts {
  const { sku, serial } = input;
  s.verify.run(sku, serial, input.fingerprint, input.at, input.at);
  const row = s.verificationCounts.statement.get(input.windowStart, sku, serial, sku, serial);
  if (s.verificationCounts.raw) {
    const [distinctFingerprints, total, outcome] = row as [number, number, string | null];
    return { distinctFingerprints, total, outcome };
  }
  const counts = row as { distinct_fingerprints: number; total: number; outcome: string | null };
  return {
    distinctFingerprints: counts.distinct_fingerprints,
    total: counts.total,
    outcome: counts.outcome,
  };
}

export function prepareStatements(db: SqliteDatabaseLike): Statements {
  const shipmentSets = shipmentColumnsList
    .map((column) => `${column} = CASE WHEN @set_shipment THEN @${column} ELSE ${column} END`)
    .join(',\n  ');
  return {
    insertSerial: db.prepare(
      `INSERT INTO serials (sku, serial, status, lot, registered_at, unique_global, manufactured_at, received_at)
       VALUES (?, ?, 'in_stock', ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    getSerial: db.prepare(`${SERIAL_SELECT} WHERE sku = ? AND serial = ?`),
    findSerial: rawRows(db.prepare(`${SERIAL_SELECT} WHERE serial = ? ORDER BY sku`)),
    cas: db.prepare(
      `UPDATE serials SET
  status = @to,
  updated_at = @at,
  ${shipmentSets},
  recall_id = CASE WHEN @set_recall THEN @recall_id ELSE recall_id END
WHERE sku = @sku AND serial = @serial AND status IN (SELECT value FROM json_each(@from))
  AND (@recalled IS NULL OR (recall_id IS NOT NULL) = @recalled)
RETURNING ${SERIAL_COLUMNS.join(', ')}`,
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (sku, serial, type, at, data) VALUES (?, ?, ?, ?, ?)',
    ),
    getSku: db.prepare('SELECT * FROM skus WHERE sku = ?'),
    putSku: db.prepare(
      `INSERT INTO skus (sku, name, gtin, tracking_enabled, format, regex, uniqueness, created_at, updated_at, warranty)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET
         name = excluded.name, gtin = excluded.gtin, tracking_enabled = excluded.tracking_enabled,
         format = excluded.format, regex = excluded.regex, uniqueness = excluded.uniqueness,
         created_at = excluded.created_at, updated_at = excluded.updated_at,
         warranty = excluded.warranty`,
    ),
    getRecall: db.prepare('SELECT body FROM recalls WHERE id = ?'),
    putRecall: db.prepare(
      `INSERT INTO recalls (id, sku, created_at, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, created_at = excluded.created_at, body = excluded.body`,
    ),
    verify: db.prepare(
      `INSERT INTO verifications (sku, serial, fingerprint, first_at, last_at, count)
       VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (sku, serial, fingerprint) DO UPDATE SET
         count = count + 1,
         first_at = min(first_at, excluded.first_at),
         last_at = max(last_at, excluded.last_at)`,
    ),
    verificationCounts: rawRows(
      db.prepare(
        `SELECT coalesce(sum(last_at >= ?), 0) AS distinct_fingerprints, coalesce(sum(count), 0) AS total,
           (SELECT outcome FROM verification_outcomes WHERE sku = ? AND serial = ?) AS outcome
         FROM verifications WHERE sku = ? AND serial = ?`,
      ),
    ),
    getOutcome: db.prepare(
      'SELECT outcome FROM verification_outcomes WHERE sku = ? AND serial = ?',
    ),
    putOutcome: db.prepare(
      `INSERT INTO verification_outcomes (sku, serial, outcome, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sku, serial) DO UPDATE SET outcome = excluded.outcome, at = excluded.at`,
    ),
  };
}

/**
 * Compare-and-set every transition in order and log its event, inside the caller's write
 * transaction: the units after each one, or the indexes that did not apply (the caller rolls
 * back then).
 */
export function applyCas(
  s: Statements,
  transitions: readonly Transition[],
): { ok: true; records: SerialRecord[] } | { ok: false; failed: number[] } {
  const records: SerialRecord[] = [];
  const failed: number[] = [];
  transitions.forEach((t, index) => {
    // The UPDATE only matches while the status is one of `from`.
    const row = s.cas.get(casParams(t)) as SerialRow | undefined;
    if (!row) {
      failed.push(index);
      return;
    }
    records.push(rowToSerial(row));
    s.insertEvent.run(t.sku, t.serial, t.event.type, t.event.at, eventDataJson(t.event.data));
  });
  return failed.length > 0 ? { ok: false, failed } : { ok: true, records };
}

/** Each failed transition's unit as stored now (after the rollback). */
export function failuresOf(
  s: Statements,
  transitions: readonly Transition[],
  failed: number[],
): { index: number; current: SerialRecord | null }[] {
  return failed.map((index) => {
    const t = transitions[index] as Transition;
    const row = s.getSerial.get(t.sku, t.serial) as SerialRow | undefined;
    return { index, current: row ? rowToSerial(row) : null };
  });
}

const shipmentColumnsList = Object.keys(shipmentToColumns(null));

export function casParams(t: Transition): Record<string, unknown> {
  const shipment = t.set?.shipment;
  const recallId = t.set?.recallId;
  return {
    sku: t.sku,
    serial: t.serial,
    from: JSON.stringify(t.from),
    to: t.to,
    at: timestampToMillis(t.event.at, 'event.at'),
    recalled: t.recalled === undefined ? null : t.recalled ? 1 : 0,
    set_shipment: shipment === undefined ? 0 : 1,
    ...shipmentToColumns(shipment),
    set_recall: recallId === undefined ? 0 : 1,
    recall_id: recallId ?? null,
  };
}
