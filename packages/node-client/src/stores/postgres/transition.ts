/**
 * Transitions on PostgreSQL: lock the units, compare and set in order, write each changed unit
 * once, and log the events, inside the caller's transaction.
 *
 * Units are locked with `SELECT … ORDER BY sku, serial FOR UPDATE`, so concurrent transitions (and
 * recalls, whose UPDATE locks the same rows) queue on the same units in the same order; under READ
 * COMMITTED a unit another transaction changed is re-read once that commits, so the comparison
 * (status, and recall when the transition asks) is always against the committed unit.
 */
import type { SerialRecord } from '@serialkit/core';
import type { Transition, TransitionResult } from '../../store.js';
import { eventDataJson } from '../shared/event-data.js';
import {
  rowToSerial,
  SERIAL_COLUMNS,
  type SerialRow,
  STORED_SHIPMENT_COLUMNS,
  shipmentToColumns,
} from '../shared/records.js';
import { timestampToMillis } from '../shared/timestamps.js';
import type { PgClientLike } from './driver.js';

/** Thrown inside the transaction to roll it back with a result; never escapes the store. */
export class TransitionRollback {
  constructor(readonly result: TransitionResult) {}
}

const unitKey = (sku: string, serial: string) => `${sku}\u0000${serial}`;

/** The columns a transition writes, with the array type each is sent as. */
const WRITTEN: readonly [keyof SerialRow, string][] = [
  ['status', 'text'],
  ['updated_at', 'bigint'],
  ['recall_id', 'text'],
  ...STORED_SHIPMENT_COLUMNS.map((column): [keyof SerialRow, string] => [column, 'text']),
];

export async function applyTransitions(
  client: PgClientLike,
  serials: string,
  events: string,
  transitions: readonly Transition[],
): Promise<TransitionResult> {
  const times = transitions.map((t) => timestampToMillis(t.event.at, 'event.at'));

  // 1. Lock every unit, in key order so concurrent batches queue instead of deadlocking.
  const units = new Map<string, { sku: string; serial: string }>();
  for (const t of transitions) units.set(unitKey(t.sku, t.serial), t);
  const skus: string[] = [];
  const serialList: string[] = [];
  for (const { sku, serial } of units.values()) {
    skus.push(sku);
    serialList.push(serial);
  }
  const { rows: locked } = await client.query(
    `SELECT ${SERIAL_COLUMNS.join(', ')} FROM ${serials}
     WHERE (sku, serial) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     ORDER BY sku, serial FOR UPDATE`,
    [skus, serialList],
  );
  const stored = new Map<string, SerialRow>();
  for (const row of locked as unknown as SerialRow[]) stored.set(unitKey(row.sku, row.serial), row);

  // 2. Compare and set, in order, against the locked rows.
  const current = new Map(stored);
  const records: SerialRecord[] = [];
  const failed: number[] = [];
  transitions.forEach((t, index) => {
    const key = unitKey(t.sku, t.serial);
    const row = current.get(key);
    if (
      !row ||
      !(t.from as string[]).includes(row.status) ||
      (t.recalled !== undefined && (row.recall_id !== null) !== t.recalled)
    ) {
      failed.push(index);
      return;
    }
    const next: SerialRow = { ...row, status: t.to, updated_at: times[index] as number };
    if (t.set?.shipment !== undefined) Object.assign(next, shipmentToColumns(t.set.shipment));
    if (t.set?.recallId !== undefined) next.recall_id = t.set.recallId;
    current.set(key, next);
    records.push(rowToSerial(next));
  });
  if (failed.length > 0) {
    throw new TransitionRollback({
      ok: false,
      failures: failed.map((index) => {
        const t = transitions[index] as Transition;
        const row = stored.get(unitKey(t.sku, t.serial));
        return { index, current: row ? rowToSerial(row) : null };
      }),
    });
  }

  // 3. Write each changed unit once, still guarded by the status we locked.
  const changed = [...current.entries()].filter(([key, row]) => stored.get(key) !== row);
  const arrays: unknown[] = [
    changed.map(([, row]) => row.sku),
    changed.map(([, row]) => row.serial),
    changed.map(([key]) => stored.get(key)?.status),
    ...WRITTEN.map(([column]) => changed.map(([, row]) => row[column])),
  ];
  const types = ['text', 'text', 'text', ...WRITTEN.map(([, type]) => type)];
  const placeholders = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const names = WRITTEN.map(([column]) => column);
  const updated = await client.query(
    `UPDATE ${serials} AS s SET ${names.map((c) => `${c} = v.${c}`).join(', ')}
     FROM unnest(${placeholders}) AS v(sku, serial, expected, ${names.join(', ')})
     WHERE s.sku = v.sku AND s.serial = v.serial AND s.status = v.expected`,
    arrays,
  );
  if (updated.rowCount !== changed.length) {
    throw new Error(`transition: ${updated.rowCount} of ${changed.length} locked units updated`);
  }
  // An event that puts its unit under a recall records it: that is how the recall's units are
  // found (`events_recall`).
  await client.query(
    `INSERT INTO ${events} (sku, serial, type, at, data, recall_id)
     SELECT sku, serial, type, at, data::jsonb, recall_id
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       WITH ORDINALITY AS v(sku, serial, type, at, data, recall_id, n)
     ORDER BY n`,
    [
      transitions.map((t) => t.sku),
      transitions.map((t) => t.serial),
      transitions.map((t) => t.event.type),
      transitions.map((t) => t.event.at),
      transitions.map((t) => eventDataJson(t.event.data)),
      transitions.map((t) => t.set?.recallId ?? null),
    ],
  );
  return { ok: true, records };
}
