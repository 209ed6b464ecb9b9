/**
 * `amendSerial` on PostgreSQL: lock the unit, compare, then update or delete it and log the
 * event, inside the caller's transaction. The row lock (`FOR UPDATE`) queues concurrent
 * transitions and amendments of the unit, so the comparison is against the committed unit.
 */
import type { SerialRecord } from '@serialkit/core';
import type { AmendmentResult, SerialAmendment } from '../../store.js';
import { amendedRecord, amendmentApplies } from '../shared/amend.js';
import { eventDataJson } from '../shared/event-data.js';
import { rowToSerial, SERIAL_COLUMNS, type SerialRow } from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import type { PgClientLike } from './driver.js';

export async function applyAmendment(
  client: PgClientLike,
  serials: string,
  events: string,
  change: SerialAmendment,
): Promise<AmendmentResult> {
  const at = timestampToMillis(change.event.at, 'event.at');
  const { rows } = await client.query(
    `SELECT ${SERIAL_COLUMNS.join(', ')} FROM ${serials} WHERE sku = $1 AND serial = $2 FOR UPDATE`,
    [change.sku, change.serial],
  );
  const row = rows[0] as SerialRow | undefined;
  const current = row ? rowToSerial(row) : null;
  if (!amendmentApplies(current, change)) return { ok: false, current };
  let record: SerialRecord | null = null;
  if (change.remove) {
    await client.query(`DELETE FROM ${serials} WHERE sku = $1 AND serial = $2`, [
      change.sku,
      change.serial,
    ]);
  } else {
    record = amendedRecord(current, change);
    await client.query(
      `UPDATE ${serials} SET status = $3, lot = $4, manufactured_at = $5, received_at = $6,
         updated_at = $7 WHERE sku = $1 AND serial = $2`,
      [
        change.sku,
        change.serial,
        record.status,
        record.lot ?? null,
        record.manufacturedAt ?? null,
        record.receivedAt ?? null,
        at,
      ],
    );
  }
  await client.query(
    `INSERT INTO ${events} (sku, serial, type, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [
      change.sku,
      change.serial,
      change.event.type,
      change.event.at,
      eventDataJson(change.event.data),
    ],
  );
  return { ok: true, record };
}
