/**
 * The databases in test/fixtures were written by the schema before units were compacted (SQLite
 * migration 3, PostgreSQL migration 5). After `migrate()` a store must read back every unit,
 * event, SKU, recall and verification count as the old schema held them, and keep enforcing
 * both uniqueness policies.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { SerialStore } from '../../src/store.js';

export const LEGACY_SQLITE = new URL('../fixtures/legacy-v2.sqlite', import.meta.url);

/** The PostgreSQL script of the legacy schema and rows, for schema `schema` (quoted). */
export function legacyPostgresScript(schema: string): string {
  return readFileSync(
    new URL('../fixtures/legacy-v4.postgres.sql', import.meta.url),
    'utf8',
  ).replaceAll('{{schema}}', schema);
}

/** A legacy `serials` row, as its text columns held it. */
export type LegacyUnit = Record<string, string | null>;

const SHIPMENT_FIELDS = [
  ['order_id', 'orderId'],
  ['shipment_id', 'shipmentId'],
  ['channel', 'channel'],
  ['shipped_at', 'shippedAt'],
] as const;

/** The unit the store must read back for a legacy row. */
function expectedUnit(row: LegacyUnit): Record<string, unknown> {
  const unit: Record<string, unknown> = {
    sku: row.sku,
    serial: row.serial,
    status: row.status,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
  };
  if (row.recall_id !== null) unit.recallId = row.recall_id;
  if (row.lot !== null) unit.lot = row.lot;
  if (row.manufactured_at !== null) unit.manufacturedAt = row.manufactured_at;
  if (row.received_at !== null) unit.receivedAt = row.received_at;
  if (row.order_id !== null) {
    const shipment: Record<string, unknown> = {};
    for (const [column, field] of SHIPMENT_FIELDS) {
      if (row[column] !== null) shipment[field] = row[column];
    }
    if (row.customer_id !== null) {
      shipment.customer = {
        id: row.customer_id,
        email: row.customer_email,
        name: row.customer_name,
        postcode: row.customer_postcode,
      };
    }
    if (row.account_id !== null) shipment.account = { id: row.account_id, name: row.account_name };
    unit.shipment = shipment;
  }
  return unit;
}

/**
 * Checks a migrated store against the legacy rows read before `migrate()`, and the report of
 * the migration that compacted the units.
 */
export async function expectLegacyDataKept(
  store: SerialStore,
  report: Awaited<ReturnType<SerialStore['migrate']>>,
  compaction: { version: number; name: string },
  legacy: { units: LegacyUnit[]; events: number },
): Promise<void> {
  // Compaction first; migrations added after it follow.
  const applied = report?.applied.map(({ version, name }) => ({ version, name })) ?? [];
  expect(applied[0]).toEqual(compaction);
  expect(applied.every((m, i) => m.version === compaction.version + i)).toBe(true);
  expect(report?.applied[0]?.ms).toBeGreaterThanOrEqual(0);
  expect(report?.ms).toBeGreaterThanOrEqual(report?.applied[0]?.ms ?? Number.NaN);
  expect(legacy.units.length).toBe(16);

  const units = [
    ...(await store.listSerials({ sku: 'A' }, { limit: 100 })).items,
    ...(await store.listSerials({ sku: 'G' }, { limit: 100 })).items,
  ];
  expect(units).toEqual(legacy.units.map(expectedUnit));
  // Filters over the converted timestamps select what the text did.
  expect(
    (
      await store.listSerials({
        registeredBetween: { from: '2024-01-01T00:03', to: '2024-01-01T00:05:00.000Z' },
      })
    ).items.map((u) => u.serial),
  ).toEqual(['A-003', 'A-004', 'A-005']);
  expect(await store.countSerials({ recallId: 'R1' })).toBe(4);
  expect(await store.countSerials({ orderId: 'ORD-1' })).toBe(2);

  const events = await store.listEvents({}, { limit: 100 });
  expect(events.items.length).toBe(legacy.events);
  expect((await store.getSku('G'))?.serialTracking.uniqueness).toBe('global');
  expect((await store.getRecall('R1'))?.criteria).toEqual({ lot: 'L1' });
  const counts = await store.recordVerification({
    sku: 'A',
    serial: 'A-006',
    fingerprint: 'f3',
    at: '2024-01-01T02:00:00.000Z',
    windowStart: '2024-01-01T00:00:00.000Z',
  });
  expect(counts).toEqual({ distinctFingerprints: 3, total: 3, outcome: 'genuine' });

  // Both uniqueness policies still hold: G's serials are unique across 'global' SKUs, A's only
  // within A.
  const registeredAt = '2024-02-01T00:00:00.000Z';
  expect(
    await store.insertSerials([
      { sku: 'G2', serial: 'G1', uniqueKey: 'G1', registeredAt },
      { sku: 'G2', serial: 'G9', uniqueKey: 'G9', registeredAt },
      { sku: 'B', serial: 'A-001', uniqueKey: 'B\u001fA-001', registeredAt },
      { sku: 'A', serial: 'A-001', uniqueKey: 'A\u001fA-001', registeredAt },
    ]),
  ).toEqual({ inserted: 2, conflicts: [0, 3] });
  // A transition after the migration sets the unit's updatedAt.
  const moved = await store.transition([
    {
      sku: 'A',
      serial: 'A-010',
      from: ['in_stock'],
      to: 'scrapped',
      event: { type: 'scrapped', at: '2024-02-02T00:00:00.000Z' },
    },
  ]);
  expect(moved.ok && moved.records[0]?.updatedAt).toBe('2024-02-02T00:00:00.000Z');
}
