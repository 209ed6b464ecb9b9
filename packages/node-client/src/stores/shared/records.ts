/**
 * Rows ↔ domain objects. SQL stores keep a serial's shipment in flat, indexable columns; these
 * functions convert both ways so every store returns the same shapes: ISO strings as given (unit
 * timestamps are kept as integers, see `timestamps.ts`), and absent optional fields left out
 * (never null).
 */
import type {
  LogEntry,
  LogNotice,
  Recall,
  SerialEvent,
  SerialEventType,
  SerialRecord,
  ShipmentRef,
  Sku,
} from '@serialkit/core';
import { ACCOUNT_CONTACT_COLUMNS, SHIPMENT_COLUMNS } from '../../csv/columns.js';
import { millisToTimestamp } from './timestamps.js';

/** A `serials` row as SQL drivers return it. */
export interface SerialRow {
  sku: string;
  serial: string;
  status: string;
  recall_id: string | null;
  lot: string | null;
  manufactured_at: string | null;
  received_at: string | null;
  /** Milliseconds since the epoch (pg returns a bigint as its text). */
  registered_at: number | string;
  /** Milliseconds since the epoch; null until the unit first changes (then `registered_at`). */
  updated_at: number | string | null;
  order_id: string | null;
  shipment_id: string | null;
  channel: string | null;
  customer_id: string | null;
  customer_email: string | null;
  customer_name: string | null;
  customer_postcode: string | null;
  account_id: string | null;
  account_name: string | null;
  shipped_at: string | null;
  /** Whom to reach at a B2B account (migration 8 in SQLite, 10 in PostgreSQL). */
  account_contact_name: string | null;
  account_email: string | null;
  account_phone: string | null;
}

export { ACCOUNT_CONTACT_COLUMNS, SHIPMENT_COLUMNS };

/** Every column a stored shipment fills: the CSV shipment columns, then the account's contact. */
export const STORED_SHIPMENT_COLUMNS = [...SHIPMENT_COLUMNS, ...ACCOUNT_CONTACT_COLUMNS] as const;

export type ShipmentColumns = Record<(typeof STORED_SHIPMENT_COLUMNS)[number], string | null>;

/** Every column of `serials` a record reads, in table order. */
export const SERIAL_COLUMNS = [
  'sku',
  'serial',
  'status',
  'recall_id',
  'lot',
  'manufactured_at',
  'received_at',
  'registered_at',
  'updated_at',
  ...STORED_SHIPMENT_COLUMNS,
] as const;

const NO_SHIPMENT: ShipmentColumns = {
  order_id: null,
  shipment_id: null,
  channel: null,
  customer_id: null,
  customer_email: null,
  customer_name: null,
  customer_postcode: null,
  account_id: null,
  account_name: null,
  shipped_at: null,
  account_contact_name: null,
  account_email: null,
  account_phone: null,
};

export function shipmentToColumns(shipment: ShipmentRef | null | undefined): ShipmentColumns {
  if (!shipment) return NO_SHIPMENT;
  return {
    order_id: shipment.orderId,
    shipment_id: shipment.shipmentId ?? null,
    channel: shipment.channel,
    customer_id: shipment.customer?.id ?? null,
    customer_email: shipment.customer?.email ?? null,
    customer_name: shipment.customer?.name ?? null,
    customer_postcode: shipment.customer?.postcode ?? null,
    account_id: shipment.account?.id ?? null,
    account_name: shipment.account?.name ?? null,
    shipped_at: shipment.shippedAt,
    account_contact_name: shipment.account?.contactName ?? null,
    account_email: shipment.account?.email ?? null,
    account_phone: shipment.account?.phone ?? null,
  };
}

export function columnsToShipment(row: ShipmentColumns): ShipmentRef | undefined {
  if (row.order_id === null) return undefined;
  const shipment: ShipmentRef = {
    orderId: row.order_id,
    channel: row.channel as ShipmentRef['channel'],
    shippedAt: row.shipped_at ?? '',
  };
  if (row.shipment_id !== null) shipment.shipmentId = row.shipment_id;
  if (
    row.customer_id !== null ||
    row.customer_email !== null ||
    row.customer_name !== null ||
    row.customer_postcode !== null
  ) {
    const customer: NonNullable<ShipmentRef['customer']> = {};
    if (row.customer_id !== null) customer.id = row.customer_id;
    if (row.customer_email !== null) customer.email = row.customer_email;
    if (row.customer_name !== null) customer.name = row.customer_name;
    if (row.customer_postcode !== null) customer.postcode = row.customer_postcode;
    shipment.customer = customer;
  }
  if (row.account_id !== null) {
    const account: NonNullable<ShipmentRef['account']> = { id: row.account_id };
    if (row.account_name !== null) account.name = row.account_name;
    // Absent (undefined) in rows read before the migration that added them.
    if (row.account_contact_name != null) account.contactName = row.account_contact_name;
    if (row.account_email != null) account.email = row.account_email;
    if (row.account_phone != null) account.phone = row.account_phone;
    shipment.account = account;
  }
  return shipment;
}

/**
 * A shipment as every store reads it back: a deep copy without undefined fields and without an
 * empty customer object (flat columns cannot tell `customer: {}` from no customer).
 */
export function canonicalShipment(
  shipment: ShipmentRef | null | undefined,
): ShipmentRef | undefined {
  return columnsToShipment(shipmentToColumns(shipment));
}

/**
 * A `serials` row from its values in `SERIAL_COLUMNS` order (drivers return arrays faster than
 * objects).
 */
export function serialRowOf(values: readonly unknown[]): SerialRow {
  const v = values as readonly (string | null)[];
  return {
    sku: v[0] as string,
    serial: v[1] as string,
    status: v[2] as string,
    recall_id: v[3] as string | null,
    lot: v[4] as string | null,
    manufactured_at: v[5] as string | null,
    received_at: v[6] as string | null,
    registered_at: v[7] as number | string,
    updated_at: v[8] as number | string | null,
    order_id: v[9] as string | null,
    shipment_id: v[10] as string | null,
    channel: v[11] as string | null,
    customer_id: v[12] as string | null,
    customer_email: v[13] as string | null,
    customer_name: v[14] as string | null,
    customer_postcode: v[15] as string | null,
    account_id: v[16] as string | null,
    account_name: v[17] as string | null,
    shipped_at: v[18] as string | null,
    account_contact_name: v[19] as string | null,
    account_email: v[20] as string | null,
    account_phone: v[21] as string | null,
  };
}

export function rowToSerial(row: SerialRow): SerialRecord {
  const record: SerialRecord = {
    sku: row.sku,
    serial: row.serial,
    status: row.status as SerialRecord['status'],
    registeredAt: millisToTimestamp(row.registered_at),
    updatedAt: millisToTimestamp(row.updated_at ?? row.registered_at),
  };
  if (row.recall_id !== null) record.recallId = row.recall_id;
  if (row.lot !== null) record.lot = row.lot;
  if (row.manufactured_at !== null) record.manufacturedAt = row.manufactured_at;
  if (row.received_at !== null) record.receivedAt = row.received_at;
  const shipment = columnsToShipment(row);
  if (shipment) record.shipment = shipment;
  return record;
}

/** A `skus` row. `tracking_enabled` is 0/1 in SQLite and a boolean in PostgreSQL. */
export interface SkuRow {
  sku: string;
  name: string;
  gtin: string | null;
  tracking_enabled: number | boolean;
  format: string | null;
  regex: string | null;
  uniqueness: string;
  created_at: string;
  updated_at: string;
  /** JSON text in SQLite, parsed JSON in PostgreSQL (migration 4 / 6 on). */
  warranty?: string | Sku['warranty'] | null;
}

export function rowToSku(row: SkuRow): Sku {
  const serialTracking: Sku['serialTracking'] = {
    enabled: row.tracking_enabled === true || row.tracking_enabled === 1,
    uniqueness: row.uniqueness as Sku['serialTracking']['uniqueness'],
  };
  if (row.format !== null) serialTracking.format = row.format;
  if (row.regex !== null) serialTracking.regex = row.regex;
  const sku: Sku = {
    sku: row.sku,
    name: row.name,
    serialTracking,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.gtin !== null) sku.gtin = row.gtin;
  if (row.warranty !== undefined && row.warranty !== null) {
    sku.warranty = typeof row.warranty === 'string' ? JSON.parse(row.warranty) : row.warranty;
  }
  return sku;
}

/** An `events` row; `data` is JSON text in SQLite and already parsed in PostgreSQL. */
export interface EventRow {
  id: string | number | bigint;
  sku: string;
  serial: string;
  type: string;
  at: string;
  data: string | Record<string, unknown> | null;
}

/** The columns of an event, in the order `eventRowOf` reads them. */
export const EVENT_COLUMNS = ['id', 'sku', 'serial', 'type', 'at', 'data'] as const;

/** An `events` row from its values in `EVENT_COLUMNS` order. */
export function eventRowOf(values: readonly unknown[]): EventRow {
  return {
    id: values[0] as EventRow['id'],
    sku: values[1] as string,
    serial: values[2] as string,
    type: values[3] as string,
    at: values[4] as string,
    data: values[5] as EventRow['data'],
  };
}

/**
 * The `sku` (and `serial`) of a notice's row in `events`: a notice concerns no unit, and no unit
 * has an empty key, so unit queries never meet one.
 */
export const NOTICE_KEY = '';

/** An `events` row as a log entry: a notice when it has no unit, else a unit's event. */
export function rowToLogEntry(row: EventRow): LogEntry {
  if (row.sku !== NOTICE_KEY) return rowToEvent(row);
  const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
  return { id: String(row.id), type: row.type as LogNotice['type'], at: row.at, data };
}

export function rowToEvent(row: EventRow): SerialEvent {
  const event: SerialEvent = {
    id: String(row.id),
    sku: row.sku,
    serial: row.serial,
    type: row.type as SerialEventType,
    at: row.at,
  };
  if (row.data !== null) {
    event.data =
      typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
  }
  return event;
}

/** A `recalls` row: the recall is kept whole as JSON, with its sort keys beside it. */
export interface RecallRow {
  body: string | Recall;
}

export function rowToRecall(row: RecallRow): Recall {
  return typeof row.body === 'string' ? (JSON.parse(row.body) as Recall) : row.body;
}
