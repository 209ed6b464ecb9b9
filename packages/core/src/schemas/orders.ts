/**
 * Orders to pack: an order's lines (SKU, quantity), the units picked for it and the shipments
 * made against it. One schema per payload, shared by the SDK, the HTTP API and the widget.
 */
import { z } from 'zod';
import {
  accountSchema,
  channelSchema,
  customerSchema,
  identifierSchema,
  isoDateTime,
  serialStatusSchema,
  serialString,
} from './domain.js';
import { unitSuggestionSchema } from './suggestions.js';

/** One line of a new order: a SKU and how many units of it. */
export const orderLineInputSchema = z.strictObject({
  sku: identifierSchema,
  quantity: z.number().int().min(1).max(100_000),
});

/**
 * Input of `orders.create`. B2C orders have no account; B2B orders need one. One line per SKU.
 *
 * @example
 * orderCreateSchema.parse({
 *   id: 'ORD-2001',
 *   channel: 'b2c',
 *   customer: { email: 'ada@example.com' },
 *   lines: [{ sku: 'KB-100', quantity: 2 }],
 * });
 */
export const orderCreateSchema = z
  .strictObject({
    id: identifierSchema,
    channel: channelSchema,
    customer: customerSchema.optional(),
    account: accountSchema.optional(),
    lines: z.array(orderLineInputSchema).min(1).max(1000),
    placedAt: isoDateTime.optional(),
    source: z.string().min(1).max(50).optional(),
  })
  .refine((o) => (o.channel === 'b2c' ? o.account === undefined : o.account !== undefined), {
    message: 'b2c orders have no account, b2b orders need one',
    path: ['account'],
  })
  .refine((o) => new Set(o.lines.map((line) => line.sku)).size === o.lines.length, {
    message: 'one line per SKU: a SKU is repeated',
    path: ['lines'],
  });

export const orderStatusSchema = z.enum(['open', 'partially_shipped', 'shipped', 'cancelled']);

/** A line of an order with its progress: units picked (not yet shipped) and shipped. */
export const orderLineSchema = z.object({
  sku: z.string(),
  quantity: z.number().int(),
  picked: z.number().int(),
  shipped: z.number().int(),
});

/** A unit allocated to an order and not yet shipped. */
export const pickSchema = z.object({ sku: z.string(), serial: z.string(), at: isoDateTime });

export const untrackedQuantitySchema = z.strictObject({
  sku: identifierSchema,
  quantity: z.number().int().min(1).max(100_000),
});

/** A shipment made against an order. */
export const orderShipmentSchema = z.object({
  shipmentId: z.string(),
  shippedAt: isoDateTime,
  units: z.array(z.object({ sku: z.string(), serial: z.string() })),
  untracked: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
  cancelledAt: isoDateTime.optional(),
});

/** An order to pack, with its lines, picks and shipments. */
export const orderSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  customer: customerSchema.optional(),
  account: accountSchema.optional(),
  source: z.string().optional(),
  status: orderStatusSchema,
  lines: z.array(orderLineSchema),
  picks: z.array(pickSchema),
  shipments: z.array(orderShipmentSchema),
  placedAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** What a scan at the pack station came to. Every outcome but `accepted` is a refusal. */
export const pickOutcomeSchema = z.enum([
  'accepted',
  'mistyped',
  'wrong_sku',
  'line_full',
  'already_picked',
  'already_shipped',
  'recalled',
  'not_registered',
  'unavailable',
  'invalid',
  'ambiguous',
]);

/** Input of `POST /v1/orders/:id/picks`: what was typed or scanned, and optionally its SKU. */
export const pickRequestSchema = z.strictObject({
  input: z.string().min(1).max(2000),
  sku: identifierSchema.optional(),
});

/** The answer to one scan, with the order as it is after it. */
export const pickResultSchema = z.object({
  outcome: pickOutcomeSchema,
  input: z.string(),
  sku: z.string().optional(),
  serial: serialString.optional(),
  suggestions: z.array(unitSuggestionSchema).optional(),
  candidates: z.array(z.string()).optional(),
  status: serialStatusSchema.optional(),
  order: orderSchema,
});

/** Input of `orders.ship`. Without `partial: true` every line must be complete. */
export const orderShipSchema = z.strictObject({
  shipmentId: identifierSchema.optional(),
  partial: z.boolean().optional(),
  untracked: z.array(untrackedQuantitySchema).max(1000).optional(),
});

/** Filter of `orders.list`. */
export const orderListQuerySchema = z.strictObject({
  status: orderStatusSchema.optional(),
  sku: identifierSchema.optional(),
});

export type OrderLineInput = z.infer<typeof orderLineInputSchema>;
export type OrderCreate = z.input<typeof orderCreateSchema>;
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderLine = z.infer<typeof orderLineSchema>;
export type Pick = z.infer<typeof pickSchema>;
export type OrderShipment = z.infer<typeof orderShipmentSchema>;
export type Order = z.infer<typeof orderSchema>;
export type PickOutcome = z.infer<typeof pickOutcomeSchema>;
export type PickRequest = z.infer<typeof pickRequestSchema>;
export type PickResult = z.infer<typeof pickResultSchema>;
export type OrderShip = z.input<typeof orderShipSchema>;
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;
