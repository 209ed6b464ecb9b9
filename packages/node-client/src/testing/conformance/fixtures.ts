/** Fixtures the conformance topics share: timestamps, rows, SKUs, shipments and a seeded store. */
import {
  isLogNotice,
  type LogEntry,
  type Recall,
  type SerialRecord,
  type ShipmentRef,
  type Sku,
} from '@serialkit/core';
import type { SerialInsert, SerialStore, Transition } from '../../store.js';

const BASE = Date.UTC(2024, 0, 1);

/** The ISO timestamp `minutes` after 2024-01-01T00:00:00Z. */
export function at(minutes: number): string {
  return new Date(BASE + minutes * 60_000).toISOString();
}

export function unit(sku: string, serial: string, extra: Partial<SerialInsert> = {}): SerialInsert {
  return { sku, serial, uniqueKey: `${sku}\u001f${serial}`, registeredAt: at(0), ...extra };
}

export function sku(id: string, extra: Partial<Sku> = {}): Sku {
  return {
    sku: id,
    name: `Product ${id}`,
    serialTracking: { enabled: true, uniqueness: 'sku' },
    createdAt: at(0),
    updatedAt: at(0),
    ...extra,
  };
}

export function ship(
  skuId: string,
  serial: string,
  shipment: ShipmentRef,
  minute = 10,
): Transition {
  return {
    sku: skuId,
    serial,
    from: ['in_stock', 'allocated'],
    to: 'shipped',
    set: { shipment },
    event: { type: 'shipped', at: at(minute), data: { orderId: shipment.orderId } },
  };
}

export function recall(id: string, skuId: string, createdMinute: number): Recall {
  return {
    id,
    sku: skuId,
    notice: `Recall ${id}`,
    criteria: { lot: 'L1' },
    createdAt: at(createdMinute),
    counts: { affected: 0, shipped: 0, inStock: 0, other: 0 },
  };
}

export const B2C: ShipmentRef = {
  orderId: 'ORD-1',
  shipmentId: 'SHP-1',
  channel: 'b2c',
  customer: { id: 'C-1', email: 'ada@example.com', name: 'Ada', postcode: 'EC1A 1BB' },
  shippedAt: at(10),
};

export const B2B: ShipmentRef = {
  orderId: 'ORD-2',
  channel: 'b2b',
  account: { id: 'ACME', name: 'Acme Resellers' },
  shippedAt: at(20),
};

/**
 * Units of two SKUs with every filterable field varied:
 * A-001…A-010 in SKU A (lots L1/L2, manufactured minute = n, registered minute = n),
 * B-001…B-005 in SKU B; shipped B2C in ORD-1, A-004 shipped B2B in ORD-2,
 * A-005 allocated, A-001…A-003 recalled under R1, B-001 under R2.
 */
export async function seed(store: SerialStore): Promise<void> {
  const rows: SerialInsert[] = [];
  for (let n = 1; n <= 10; n++) {
    rows.push(
      unit('A', `A-${String(n).padStart(3, '0')}`, {
        lot: n <= 5 ? 'L1' : 'L2',
        manufacturedAt: at(n),
        registeredAt: at(n),
      }),
    );
  }
  for (let n = 1; n <= 5; n++) {
    rows.push(unit('B', `B-${String(n).padStart(3, '0')}`, { registeredAt: at(100 + n) }));
  }
  await store.insertSerials(rows);
  const shipped = await store.transition([
    ship('A', 'A-002', B2C, 10),
    ship('A', 'A-003', B2C, 10),
    ship('A', 'A-004', B2B, 20),
    {
      sku: 'A',
      serial: 'A-005',
      from: ['in_stock'],
      to: 'allocated',
      event: { type: 'allocated', at: at(30) },
    },
  ]);
  if (!shipped.ok) throw new Error('seed: transitions failed');
  await store.markRecalled({ sku: 'A', serials: ['A-001', 'A-002', 'A-003'] }, 'R1', {
    at: at(40),
  });
  await store.markRecalled({ sku: 'B', serials: ['B-001'] }, 'R2', { at: at(41) });
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

export function keys(records: SerialRecord[]): string[] {
  return records.map((record) => `${record.sku}/${record.serial}`);
}

/** What a log entry is about, to compare logs: its unit's serial, or `notice:<type>`. */
export function serialOf(entry: LogEntry): string {
  return isLogNotice(entry) ? `notice:${entry.type}` : entry.serial;
}
