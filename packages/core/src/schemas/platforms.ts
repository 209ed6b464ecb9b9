/**
 * What the shop platform intake answers: the outcome of one webhook delivery (Shopify,
 * WooCommerce) and of a CSV import of orders. Ids, counts and outcomes only: the platforms log
 * these answers, so they never carry a customer's personal data.
 */
import { z } from 'zod';

/**
 * What a delivery came to. Creating: `created`, `unchanged` (the order exists with the same
 * content: a replay), `differs` (it exists with other content; left as it is), `no_lines` (no
 * line had a SKU). Cancelling: `cancelled`, `already_cancelled`, `not_cancellable` (shipped),
 * `unknown_order`. Anything else: `ignored` (a topic or change that concerns no order to pack)
 * and `ping` (WooCommerce's test delivery when a webhook is saved).
 */
export const platformOutcomeSchema = z.enum([
  'created',
  'unchanged',
  'differs',
  'no_lines',
  'cancelled',
  'already_cancelled',
  'not_cancellable',
  'unknown_order',
  'ignored',
  'ping',
]);

/** The answer to a shop platform's webhook delivery. */
export const platformWebhookResultSchema = z.object({
  platform: z.enum(['shopify', 'woocommerce']),
  topic: z.string(),
  outcome: platformOutcomeSchema,
  /** The serialkit order the delivery concerned. */
  orderId: z.string().optional(),
  /** Lines of the order (after merging lines of one SKU). */
  lines: z.number().int().optional(),
  /** Platform lines left out: no SKU (gift cards, tips, custom items) or quantity 0. */
  skippedLines: z.number().int().optional(),
  /** SKUs unknown to serialkit, created untracked so their lines could be kept. */
  createdSkus: z.array(z.string()).optional(),
});

/** What writing an order's serials back to its platform did. */
export const platformWriteBackSchema = z.object({
  platform: z.enum(['shopify', 'woocommerce']),
  orderId: z.string(),
  /** The platform's own order id the serials were written to. */
  platformOrderId: z.string(),
  serials: z.number().int(),
});

/** One CSV row of an order import that was not used, with why. */
export const orderImportProblemSchema = z.object({
  line: z.number().int(),
  orderId: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** The report of a CSV import of orders: rows grouped into orders by order id. */
export const orderImportReportSchema = z.object({
  rows: z.number().int(),
  orders: z.object({
    created: z.array(z.string()),
    /** Orders that exist already with the same content: a repeated import. */
    unchanged: z.array(z.string()),
    /** Orders not created: see `problems`. */
    failed: z.array(z.string()),
  }),
  createdSkus: z.array(z.string()),
  problems: z.array(orderImportProblemSchema),
});

export type PlatformOutcome = z.infer<typeof platformOutcomeSchema>;
export type PlatformWebhookResult = z.infer<typeof platformWebhookResultSchema>;
export type PlatformWriteBack = z.infer<typeof platformWriteBackSchema>;
export type OrderImportProblem = z.infer<typeof orderImportProblemSchema>;
export type OrderImportReport = z.infer<typeof orderImportReportSchema>;
