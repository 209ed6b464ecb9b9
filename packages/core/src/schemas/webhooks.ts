/**
 * Outbound webhooks: subscriptions, the messages they receive, their delivery log and their
 * dead letters. Messages follow the Standard Webhooks payload shape (`type`, `timestamp`, `data`).
 */
import { z } from 'zod';
import { identifierSchema, isoDateTime, serialString } from './domain.js';
import { importSummarySchema } from './imports.js';

/**
 * What a subscription can receive. Each comes from one kind of entry of the event log:
 * `unit.shipped` (shipped), `unit.returned` (returned or return_rejected, with the verdict),
 * `unit.flagged_suspicious` (flagged by public verification), `unit.recalled` (a recall marked
 * the unit) and `recall.created` (once per recall that marked units, named after the recall, with
 * `details.recallId`), `recall.closed` (once per closed recall that has units under it, from the
 * `recall_closed` entries its close writes, named after the recall likewise), and
 * `import.finished` (a CSV import of units, shipments or orders ended: its counts).
 */
export const webhookEventTypeSchema = z.enum([
  'unit.shipped',
  'unit.returned',
  'unit.flagged_suspicious',
  'unit.recalled',
  'recall.created',
  'warranty.claimed',
  'owner.registered',
  'recall.closed',
  'import.finished',
]);

/** The message types that tell about one unit (all but `import.finished`). */
export const webhookUnitEventTypeSchema = webhookEventTypeSchema.exclude(['import.finished']);

/**
 * A Standard Webhooks signing secret: `whsec_` and the base64 of 24 to 64 random bytes.
 *
 * @example
 * webhookSecretSchema.safeParse('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').success; // true
 */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'must be whsec_ followed by base64 of 24–64 bytes');

/** A receiver's address: an absolute http(s) URL without credentials. */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, 'must not contain credentials');

/** A new subscription. Without `secret`, one is generated (and shown once, in the answer). */
export const webhookSubscriptionCreateSchema = z.strictObject({
  url: webhookUrlSchema,
  eventTypes: z.array(webhookEventTypeSchema).min(1).max(20),
  secret: webhookSecretSchema.optional(),
  enabled: z.boolean().optional(),
  description: z.string().max(500).optional(),
});

/** A change of a subscription; omitted fields are kept. */
export const webhookSubscriptionUpdateSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  eventTypes: z.array(webhookEventTypeSchema).min(1).max(20).optional(),
  secret: webhookSecretSchema.optional(),
  enabled: z.boolean().optional(),
  description: z.string().max(500).optional(),
});

/** A subscription as stored (the store keeps the secret; the API shows it on creation only). */
export const webhookSubscriptionRecordSchema = z.strictObject({
  id: identifierSchema,
  url: webhookUrlSchema,
  eventTypes: z.array(webhookEventTypeSchema).min(1),
  secret: webhookSecretSchema,
  enabled: z.boolean(),
  description: z.string().max(500).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** A subscription as the API answers: the secret left out. */
export const webhookSubscriptionSchema = webhookSubscriptionRecordSchema.omit({ secret: true });

/**
 * The body of one webhook request (Standard Webhooks: type, timestamp, data). A unit's message
 * names the unit; `import.finished` carries the import's summary (counts only) instead.
 */
export const webhookMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: webhookUnitEventTypeSchema,
    timestamp: isoDateTime,
    data: z.strictObject({
      /** The event log entry this message tells about. */
      eventId: z.string(),
      sku: identifierSchema,
      serial: serialString,
      at: isoDateTime,
      /** `unit.returned` only: accepted (with its disposition) or rejected (with its reason). */
      verdict: z.enum(['accepted', 'rejected']).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('import.finished'),
    timestamp: isoDateTime,
    data: z.strictObject({
      /** The event log entry this message tells about. */
      eventId: z.string(),
      at: isoDateTime,
      import: importSummarySchema,
    }),
  }),
]);

/** One attempt to deliver a message. */
export const webhookDeliverySchema = z.strictObject({
  subscriptionId: identifierSchema,
  /** The `webhook-id` header: the same for every attempt of one message. */
  messageId: z.string(),
  eventId: z.string(),
  type: webhookEventTypeSchema,
  attempt: z.number().int().min(1),
  at: isoDateTime,
  /** The receiver's HTTP status; absent when no answer came (refused, timeout, network). */
  status: z.number().int().optional(),
  /** Why the attempt failed, when it did. */
  error: z.string().max(500).optional(),
  ok: z.boolean(),
  /** Time from sending to the answer (or the failure), in ms. */
  latencyMs: z.number().min(0),
});

/** A message given up after its retries, kept until replayed. */
export const webhookDeadLetterSchema = z.strictObject({
  subscriptionId: identifierSchema,
  messageId: z.string(),
  eventId: z.string(),
  message: webhookMessageSchema,
  attempts: z.number().int().min(1),
  firstAttemptAt: isoDateTime,
  failedAt: isoDateTime,
  lastError: z.string().max(500),
});

export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;
export type WebhookUnitEventType = z.infer<typeof webhookUnitEventTypeSchema>;
export type WebhookSubscriptionCreate = z.input<typeof webhookSubscriptionCreateSchema>;
export type WebhookSubscriptionUpdate = z.input<typeof webhookSubscriptionUpdateSchema>;
export type WebhookSubscriptionRecord = z.infer<typeof webhookSubscriptionRecordSchema>;
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export type WebhookDeadLetter = z.infer<typeof webhookDeadLetterSchema>;
