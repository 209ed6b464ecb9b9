import { z } from 'zod';
import { isValidGtin } from '../gs1/gtin.js';
import { isWebUrl } from '../web-url.js';

/** SKU ids, order ids, account ids: 1–200 printable characters. */
export const identifierSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !hasControlCharacter(value), 'must not contain control characters');

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** ISO 8601 timestamp (`2024-05-01T12:00:00.000Z`) or calendar date (`2024-05-01`). */
export const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be an ISO 8601 date',
  );

/**
 * A link that serialkit shows to people (a recall notice's page): an absolute `http:` or `https:`
 * URL ({@link isWebUrl}) of at most 2,000 characters. `javascript:`, `data:` and every other
 * scheme are refused, so a link can never run code in a shopper's browser.
 *
 * @example
 * webUrlSchema.safeParse('https://brand.example/recall').success; // true
 * webUrlSchema.safeParse('javascript:alert(1)').success; // false
 */
export const webUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000);

/** A serial as stored: its canonical form. */
export const serialString = z.string().min(1).max(200);

export const uniquenessSchema = z
  .enum(['sku', 'global'])
  .describe("'sku': unique within its SKU; 'global': unique across every SKU with 'global'");

export const serialTrackingSchema = z.strictObject({
  enabled: z.boolean(),
  /** Pattern in the serialkit format language, e.g. `SN-{YYYY}-{D:6}{check:luhn}`. */
  format: z.string().min(1).max(500).optional(),
  /** A legacy format given as a regular expression (instead of `format`). */
  regex: z.string().min(1).max(500).optional(),
  uniqueness: uniquenessSchema.default('sku'),
});

export const gtinSchema = z
  .string()
  .regex(/^\d{8}$|^\d{12,14}$/, 'must be a GTIN-8, -12, -13 or -14')
  .refine(isValidGtin, 'the GTIN check digit is wrong');

/**
 * A SKU's warranty: `months` of coverage counted from the unit's shipment or from its owner's
 * registration (`startsAt`).
 *
 * @example
 * warrantySchema.parse({ months: 24, startsAt: 'shipment' });
 */
export const warrantySchema = z.strictObject({
  months: z.number().int().min(1).max(600),
  startsAt: z.enum(['shipment', 'registration']),
});

/** A SKU and its serial tracking settings. */
export const skuSchema = z.strictObject({
  sku: identifierSchema,
  name: z.string().min(1).max(500),
  gtin: gtinSchema.optional(),
  serialTracking: serialTrackingSchema,
  warranty: warrantySchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** Input of `skus.update`. */
export const skuUpdateSchema = z.strictObject({
  name: z.string().min(1).max(500),
  gtin: gtinSchema.optional(),
  serialTracking: serialTrackingSchema,
  warranty: warrantySchema.optional(),
});

export const serialStatusSchema = z.enum([
  'in_stock',
  'allocated',
  'shipped',
  'returned',
  'quarantined',
  'scrapped',
  'voided',
]);

export const channelSchema = z.enum(['b2c', 'b2b']);

/** A B2C customer. Personal data: never sent by public routes. */
export const customerSchema = z.strictObject({
  id: identifierSchema.optional(),
  email: z.email().max(320).optional(),
  name: z.string().max(500).optional(),
  postcode: z.string().max(32).optional(),
});

/** A B2B business account (reseller, distributor). */
export const accountSchema = z.strictObject({
  id: identifierSchema,
  name: z.string().max(500).optional(),
  /** Whom to reach at the account (a recall's contact list): business contact data. */
  contactName: z.string().max(500).optional(),
  email: z.email().max(320).optional(),
  phone: z.string().max(50).optional(),
});

/** Where a unit left: recorded on the serial when it ships. */
export const shipmentRefSchema = z.strictObject({
  orderId: identifierSchema,
  shipmentId: identifierSchema.optional(),
  channel: channelSchema,
  customer: customerSchema.optional(),
  account: accountSchema.optional(),
  shippedAt: isoDateTime,
});

/** One physical unit. */
export const serialRecordSchema = z.strictObject({
  sku: identifierSchema,
  /** Canonical serial. */
  serial: serialString,
  status: serialStatusSchema,
  /** Recall id when the unit is under recall (a flag over any status). */
  recallId: z.string().optional(),
  lot: z.string().max(100).optional(),
  manufacturedAt: isoDateTime.optional(),
  receivedAt: isoDateTime.optional(),
  registeredAt: isoDateTime,
  updatedAt: isoDateTime,
  shipment: shipmentRefSchema.optional(),
});

export const eventTypeSchema = z.enum([
  'commissioned',
  'allocated',
  'shipped',
  'return_checked',
  'returned',
  'return_rejected',
  'restocked',
  'quarantined',
  'scrapped',
  'recalled',
  'verified',
  'flagged',
  'sighted',
  'deallocated',
  'shipment_cancelled',
  'released',
  'recall_lifted',
  'voided',
  'corrected',
  'warranty_claimed',
  'owner_registered',
  'owner_erased',
  // The recall the unit is under was closed (`data.recallId`); the unit stays flagged.
  'recall_closed',
]);

/** An entry of a serial's history. */
export const serialEventSchema = z.strictObject({
  id: z.string(),
  sku: identifierSchema,
  serial: serialString,
  type: eventTypeSchema,
  at: isoDateTime,
  /** Event details (order id, reason, recall id, sighting source…). */
  data: z.record(z.string(), z.unknown()).optional(),
});

export type SerialTracking = z.infer<typeof serialTrackingSchema>;
export type Warranty = z.infer<typeof warrantySchema>;
export type Uniqueness = z.infer<typeof uniquenessSchema>;
export type Sku = z.infer<typeof skuSchema>;
export type SkuUpdate = z.input<typeof skuUpdateSchema>;
export type SerialStatus = z.infer<typeof serialStatusSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Customer = z.infer<typeof customerSchema>;
export type Account = z.infer<typeof accountSchema>;
export type ShipmentRef = z.infer<typeof shipmentRefSchema>;
export type SerialRecord = z.infer<typeof serialRecordSchema>;
export type SerialEventType = z.infer<typeof eventTypeSchema>;
export type SerialEvent = z.infer<typeof serialEventSchema>;
