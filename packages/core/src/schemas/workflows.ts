import { z } from 'zod';
import {
  accountSchema,
  channelSchema,
  customerSchema,
  identifierSchema,
  isoDateTime,
  serialEventSchema,
  serialRecordSchema,
  serialStatusSchema,
  serialString,
  webUrlSchema,
} from './domain.js';
import { unitShipmentSchema } from './unit-shipments.js';
import { coverageSchema, publicCoverageSchema } from './warranty.js';

const id = identifierSchema;

/** A validation issue as it travels over the wire (see `SerialIssue`). */
export const issueSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    input: z.string().optional(),
    position: z.number().int().nonnegative().optional(),
  })
  .loose();

// ── Registering units ────────────────────────────────────────────────────────

/** One unit to register: a bare serial or a serial with its lot and dates. */
export const registerRowSchema = z.union([
  serialString,
  z.strictObject({
    serial: serialString,
    lot: z.string().max(100).optional(),
    manufacturedAt: isoDateTime.optional(),
    receivedAt: isoDateTime.optional(),
  }),
]);

/** The outcome of one row of a registration, in input order. */
export const registerRowResultSchema = z.discriminatedUnion('status', [
  z.object({ index: z.number().int(), status: z.literal('registered'), serial: z.string() }),
  z.object({ index: z.number().int(), status: z.literal('duplicate'), serial: z.string() }),
  z.object({
    index: z.number().int(),
    status: z.literal('invalid'),
    input: z.string(),
    issues: z.array(issueSchema),
  }),
]);

export const registerSummarySchema = z.object({
  sku: z.string(),
  registered: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  /** Rows that were not registered (duplicates and invalid), in input order; capped by the caller. */
  rejected: z.array(registerRowResultSchema),
});

export const generateRequestSchema = z.strictObject({
  count: z.number().int().min(1).max(1_000_000),
  mode: z.enum(['sequential', 'random']).default('sequential'),
  lot: z.string().max(100).optional(),
  manufacturedAt: isoDateTime.optional(),
});

// ── Shipping ─────────────────────────────────────────────────────────────────

export const shipmentLineSchema = z.strictObject({
  sku: id,
  serials: z.array(z.string().min(1).max(200)).min(1).max(10_000),
});

/** Input of `shipments.create`: B2C needs `customer`, B2B needs `account`. */
export const shipmentCreateSchema = z
  .strictObject({
    orderId: id,
    shipmentId: id.optional(),
    channel: channelSchema,
    customer: customerSchema.optional(),
    account: accountSchema.optional(),
    shippedAt: isoDateTime.optional(),
    lines: z.array(shipmentLineSchema).min(1).max(1000),
  })
  .refine((s) => (s.channel === 'b2c' ? s.customer !== undefined : s.account !== undefined), {
    message: 'b2c shipments need a customer, b2b shipments an account',
    path: ['channel'],
  });

export const shipmentSchema = z.object({
  orderId: z.string(),
  shipmentId: z.string().optional(),
  channel: channelSchema,
  shippedAt: isoDateTime,
  units: z.array(z.object({ sku: z.string(), serial: z.string() })),
});

// ── Returns ──────────────────────────────────────────────────────────────────

export const returnVerdictSchema = z.enum([
  'match',
  'mismatch',
  'unknown',
  'invalid',
  'already_returned',
]);

export const returnCheckRequestSchema = z.strictObject({
  orderId: id,
  serial: z.string().min(1).max(2000),
  sku: id.optional(),
});

/** The merchant's view of a return check. */
export const returnCheckSchema = z.object({
  verdict: returnVerdictSchema,
  orderId: z.string(),
  /** Canonical serial when it could be read. */
  serial: z.string().optional(),
  sku: z.string().optional(),
  /** For `mismatch`: the order the unit actually left in (merchant only, never public). */
  shippedInOrderId: z.string().optional(),
  issues: z.array(issueSchema).optional(),
});

export const returnDispositionSchema = z.enum(['restock', 'quarantine', 'scrap']);

export const returnAcceptSchema = z.strictObject({
  orderId: id,
  serial: z.string().min(1).max(200),
  sku: id.optional(),
  disposition: returnDispositionSchema.default('restock'),
  reason: z.string().max(2000).optional(),
});

export const returnRejectSchema = z.strictObject({
  orderId: id,
  serial: z.string().min(1).max(200),
  sku: id.optional(),
  reason: z.string().min(1).max(2000),
});

/** Public return check: the customer proves the order with its email or postcode. */
export const publicReturnCheckRequestSchema = z
  .strictObject({
    orderId: id,
    email: z.string().max(320).optional(),
    postcode: z.string().max(32).optional(),
    serial: z.string().min(1).max(2000),
  })
  .refine((r) => r.email !== undefined || r.postcode !== undefined, {
    message: 'give the email or the postcode of the order',
    path: ['email'],
  });

/**
 * Public return verdict. `order_not_found` covers both "no such order" and "email/postcode does
 * not match", so the answer never confirms that an order exists to someone who does not own it.
 */
export const publicReturnCheckSchema = z.object({
  verdict: z.enum([
    'match',
    'mismatch',
    'unknown',
    'invalid',
    'already_returned',
    'order_not_found',
  ]),
  /** What the customer should do next, as a stable code the widget translates. */
  next: z.enum(['send_back', 'contact_support', 'check_serial', 'check_order']),
  issues: z.array(issueSchema),
});

// ── Recalls ──────────────────────────────────────────────────────────────────

const window = z.strictObject({ from: isoDateTime, to: isoDateTime });

/**
 * Which units a recall covers: one SKU (`sku`) or several (`skus`), and the units among theirs
 * selected by serial range, lot, manufacture or shipment window and/or an explicit list (all
 * given criteria must hold). `range` and `serials` are read in each SKU's format.
 */
export const recallSelectionShape = {
  sku: id.optional(),
  skus: z.array(id).min(1).max(100).optional(),
  range: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }).optional(),
  lot: z.string().min(1).max(100).optional(),
  manufacturedBetween: window.optional(),
  /** Units shipped in this window (inclusive; a date `to` covers that whole day). */
  shippedBetween: window.optional(),
  serials: z.array(z.string().min(1).max(200)).max(1_000_000).optional(),
};

/** The fields of a recall selection, as `checkRecallSelection` reads them. */
export type RecallSelectionFields = {
  [K in keyof typeof recallSelectionShape]?: unknown;
};

/**
 * The rules every recall selection meets: one of `sku` and `skus`, and at least one criterion
 * (a recall of every unit of a SKU is not a selection). Applied with `.superRefine`.
 */
export function checkRecallSelection(r: RecallSelectionFields, ctx: z.RefinementCtx): void {
  if ((r.sku === undefined) === (r.skus === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give sku or skus (one of them)', path: ['sku'] });
  }
  if (!(r.range || r.lot || r.manufacturedBetween || r.shippedBetween || r.serials)) {
    ctx.addIssue({
      code: 'custom',
      message: 'select units by range, lot, manufacturedBetween, shippedBetween or serials',
      path: ['range'],
    });
  }
}

export const recallCreateSchema = z
  .strictObject({
    ...recallSelectionShape,
    notice: z.string().min(1).max(5000),
    /** Where customers learn more (shown by the widget): an http(s) URL. */
    url: webUrlSchema.optional(),
  })
  .superRefine(checkRecallSelection);

/**
 * A recall. `sku` is its first SKU and `skus` all of them (recalls created before multi-SKU
 * recalls have `sku` only). `status` is `open` until closed (absent: open).
 */
export const recallSchema = z.object({
  id: z.string(),
  sku: z.string(),
  skus: z.array(z.string()).optional(),
  notice: z.string(),
  url: z.string().optional(),
  status: z.enum(['open', 'closed']).optional(),
  closedAt: isoDateTime.optional(),
  criteria: z.object({
    range: z.object({ from: z.string(), to: z.string() }).optional(),
    lot: z.string().optional(),
    manufacturedBetween: z.object({ from: z.string(), to: z.string() }).optional(),
    shippedBetween: z.object({ from: z.string(), to: z.string() }).optional(),
    serials: z.number().int().optional(),
  }),
  createdAt: isoDateTime,
  counts: z.object({
    affected: z.number().int(),
    shipped: z.number().int(),
    inStock: z.number().int(),
    other: z.number().int(),
  }),
});

/**
 * A recall's progress, counted now over the units it marked (see `recalls.progress`):
 * - `affected`: units marked by the recall and still under it (a unit lifted from the recall or
 *   moved to a later one no longer counts);
 * - `returned`: affected units with a `returned` event (a return accepted) since the recall was
 *   created, whatever happened to them after;
 * - `replaced`: affected units with an accepted warranty claim resolved `replaced` since the
 *   recall was created;
 * - `unreachable`: affected units out with customers (`shipped`) that no row of the contact list
 *   with an email or a phone names (no customer email, no account email or phone, no active
 *   registered owner with an email).
 */
export const recallProgressSchema = z.object({
  recallId: z.string(),
  status: z.enum(['open', 'closed']),
  affected: z.number().int(),
  returned: z.number().int(),
  replaced: z.number().int(),
  unreachable: z.number().int(),
});

/**
 * One row of a recall's contact list (merchant only): one contact (an order's customer, a B2B
 * account, or a registered owner) with every unit of the recall that concerns them. `orderId`,
 * `sku` and `serials` are the first order, the first SKU and that SKU's serials (kept for
 * compatibility); `units` lists all of them.
 */
export const recallContactSchema = z.object({
  kind: z.enum(['customer', 'account', 'owner']),
  orderId: z.string().optional(),
  orderIds: z.array(z.string()),
  channel: channelSchema.optional(),
  customerId: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  name: z.string().optional(),
  accountId: z.string().optional(),
  accountName: z.string().optional(),
  ownerId: z.string().optional(),
  sku: z.string(),
  serials: z.array(z.string()),
  units: z.array(z.object({ sku: z.string(), serial: z.string() })),
  shippedAt: z.string().optional(),
});

// ── Tracing and sightings ────────────────────────────────────────────────────

export const sightingCreateSchema = z.strictObject({
  serial: z.string().min(1).max(2000),
  sku: id.optional(),
  source: z.string().min(1).max(200),
  url: z.url().max(2000).optional(),
  seenAt: isoDateTime.optional(),
  note: z.string().max(2000).optional(),
});

export const traceSchema = z.object({
  serial: z.string(),
  sku: z.string(),
  status: serialStatusSchema,
  soldTo: z
    .object({
      channel: channelSchema,
      orderId: z.string(),
      customer: customerSchema.optional(),
      account: accountSchema.optional(),
      shippedAt: z.string(),
    })
    .optional(),
  sightings: z.array(serialEventSchema),
  /** Every shipment the unit left in, oldest first. */
  shipments: z.array(unitShipmentSchema),
  events: z.array(serialEventSchema),
  /** The unit's warranty coverage (absent in answers of servers before warranties). */
  coverage: coverageSchema.optional(),
});

/** `serials.lookup`: the unit, where it went, and its whole history. */
export const lookupSchema = z.object({
  record: serialRecordSchema,
  skuName: z.string().optional(),
  recall: recallSchema.optional(),
  /** Every shipment the unit left in, oldest first. */
  shipments: z.array(unitShipmentSchema),
  events: z.array(serialEventSchema),
  /** The unit's warranty coverage (absent in answers of servers before warranties). */
  coverage: coverageSchema.optional(),
});

// ── Public verification ──────────────────────────────────────────────────────

export const verifyStatusSchema = z.enum([
  'genuine',
  'unknown',
  'recalled',
  'suspicious',
  'invalid',
]);

export const verifyRequestSchema = z.strictObject({
  /** A serial as typed or scanned, or a GS1 Digital Link / element string. */
  input: z.string().min(1).max(2000),
  /** Restrict to one SKU's format. */
  sku: z.string().min(1).max(200).optional(),
});

/**
 * Public verification answer. Every key is present for every status (null when it does not
 * apply), so an answer for a serial that exists has the same shape as one that does not.
 */
export const verifyResultSchema = z.object({
  status: verifyStatusSchema,
  /** Canonical serial when the input could be read, else null. */
  serial: z.string().nullable(),
  product: z.object({ sku: z.string(), name: z.string() }).nullable(),
  recall: z
    .object({
      notice: z.string(),
      /**
       * An http(s) link, or null. A stored link of another scheme (saved before recalls checked
       * theirs, or written to a store directly) reads as null, so it never reaches a storefront.
       */
      url: webUrlSchema.nullable().catch(null),
    })
    .nullable(),
  /** Why a unit looks suspicious, as stable codes (no personal data). */
  reasons: z.array(z.enum(['many_clients', 'sighted_elsewhere', 'not_shipped'])),
  issues: z.array(issueSchema),
  /** Whether the unit is under warranty and until which month; null: no warranty, or unknown. */
  coverage: publicCoverageSchema,
  checkedAt: isoDateTime,
});

// ── Format hints (public, for the widget) ────────────────────────────────────

export const formatHintSchema = z.object({
  sku: z.string(),
  name: z.string(),
  /** Pattern in the format language (null for regex formats, which are validated server-side). */
  format: z.string().nullable(),
  hint: z.string(),
  example: z.string(),
});

export const formatHintsSchema = z.object({
  /** Changes whenever any tracked SKU's format changes; clients cache by it. */
  version: z.string(),
  formats: z.array(formatHintSchema),
});

// ── Errors ───────────────────────────────────────────────────────────────────

export const errorCodeSchema = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
]);

/** The one JSON shape of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Issue = z.infer<typeof issueSchema>;
export type RegisterRow = z.infer<typeof registerRowSchema>;
export type RegisterRowResult = z.infer<typeof registerRowResultSchema>;
export type RegisterSummary = z.infer<typeof registerSummarySchema>;
export type GenerateRequest = z.input<typeof generateRequestSchema>;
export type ShipmentLine = z.infer<typeof shipmentLineSchema>;
export type ShipmentCreate = z.input<typeof shipmentCreateSchema>;
export type Shipment = z.infer<typeof shipmentSchema>;
export type ReturnVerdict = z.infer<typeof returnVerdictSchema>;
export type ReturnCheckRequest = z.infer<typeof returnCheckRequestSchema>;
export type ReturnCheck = z.infer<typeof returnCheckSchema>;
export type ReturnDisposition = z.infer<typeof returnDispositionSchema>;
export type ReturnAccept = z.input<typeof returnAcceptSchema>;
export type ReturnReject = z.infer<typeof returnRejectSchema>;
export type PublicReturnCheckRequest = z.infer<typeof publicReturnCheckRequestSchema>;
export type PublicReturnCheck = z.infer<typeof publicReturnCheckSchema>;
export type RecallCreate = z.infer<typeof recallCreateSchema>;
export type Recall = z.infer<typeof recallSchema>;
export type RecallProgress = z.infer<typeof recallProgressSchema>;
export type RecallContact = z.infer<typeof recallContactSchema>;
export type SightingCreate = z.infer<typeof sightingCreateSchema>;
export type Trace = z.infer<typeof traceSchema>;
export type Lookup = z.infer<typeof lookupSchema>;
export type VerifyStatus = z.infer<typeof verifyStatusSchema>;
export type VerifyRequest = z.infer<typeof verifyRequestSchema>;
export type VerifyResult = z.infer<typeof verifyResultSchema>;
export type FormatHint = z.infer<typeof formatHintSchema>;
export type FormatHints = z.infer<typeof formatHintsSchema>;
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
