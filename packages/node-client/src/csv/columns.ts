/**
 * Column names of units and shipments in CSV files. The SQL stores name the flat shipment
 * columns of their `serials` table alike, so one list serves imports, exports and tables.
 */

/** Columns of a units CSV (`imports.serials`). `sku` may be left out when `options.sku` is given. */
export const SERIAL_IMPORT_COLUMNS = [
  'sku',
  'serial',
  'lot',
  'manufactured_at',
  'received_at',
] as const;

/** A unit's shipment as flat columns, in this order everywhere (CSV exports, SQL tables). */
export const SHIPMENT_COLUMNS = [
  'order_id',
  'shipment_id',
  'channel',
  'customer_id',
  'customer_email',
  'customer_name',
  'customer_postcode',
  'account_id',
  'account_name',
  'shipped_at',
] as const;

/**
 * Whom to reach at a B2B account (a recall's contact list joins them): after the shipment columns
 * in unit exports and shipment imports, and kept beside them in the SQL tables.
 */
export const ACCOUNT_CONTACT_COLUMNS = [
  'account_contact_name',
  'account_email',
  'account_phone',
] as const;

/** Columns of a shipments CSV (`imports.shipments`); one row per unit. */
export const SHIPMENT_IMPORT_COLUMNS = [
  ...SHIPMENT_COLUMNS,
  'sku',
  'serial',
  ...ACCOUNT_CONTACT_COLUMNS,
] as const;
