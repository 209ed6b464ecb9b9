/**
 * The store protocol: every `SerialStore` method over HTTP, so a store can live in another
 * process, another language, or a hosted service (`httpStore` is its client). Store keys only:
 * a store holds personal data and trusts its caller to have applied the workflow rules.
 */
import {
  errorBodySchema,
  eventTypeSchema,
  isoDateTime,
  logEntrySchema,
  logNoticeSchema,
  orderSchema,
  orderStatusSchema,
  ownerSchema,
  ownerStatusSchema,
  recallSchema,
  serialEventSchema,
  serialRecordSchema,
  serialStatusSchema,
  shipmentRefSchema,
  skuSchema,
  webhookDeadLetterSchema,
  webhookDeliverySchema,
  webhookSubscriptionRecordSchema,
} from '@serialkit/core';
import { z } from 'zod';
import type { EventFilter, OwnerFilter, SerialFilter, SerialStore } from '../../store.js';
import { STORE_METHODS, type StoreMethodName } from '../../store-protocol-methods.js';
import { empty, json } from '../response.js';
import { defineRoute, type Route } from '../route.js';

const text = z.string().min(1).max(2000);
const window = z.strictObject({ from: z.string(), to: z.string() });
const statuses = z.union([serialStatusSchema, z.array(serialStatusSchema)]);
const data = z.record(z.string(), z.unknown());

export const pageOptionsSchema = z.strictObject({
  cursor: z.string().max(2000).nullable().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

/** Every `SerialFilter` field, typed as the interface types it (a missing one does not compile). */
export const serialFilterSchema = z.strictObject({
  sku: text.optional(),
  status: statuses.optional(),
  lot: text.optional(),
  range: z
    .strictObject({
      from: z.string(),
      to: z.string(),
      numericAt: z.number().int().min(0).max(2000).optional(),
    })
    .optional(),
  prefix: text.optional(),
  serials: z.array(z.string()).max(1_000_000).optional(),
  orderId: text.optional(),
  customerId: text.optional(),
  customerEmail: text.optional(),
  accountId: text.optional(),
  recalled: z.boolean().optional(),
  recallId: text.optional(),
  manufacturedBetween: window.optional(),
  registeredBetween: window.optional(),
  shippedBetween: window.optional(),
} satisfies { [K in keyof SerialFilter]-?: z.ZodType<SerialFilter[K]> });

export const eventFilterSchema = z.strictObject({
  sku: text.optional(),
  serial: text.optional(),
  type: z.union([eventTypeSchema, z.array(eventTypeSchema)]).optional(),
  between: window.optional(),
} satisfies { [K in keyof EventFilter]-?: z.ZodType<EventFilter[K]> });

const serialInsertSchema = z.strictObject({
  sku: text,
  serial: text,
  uniqueKey: text,
  lot: z.string().optional(),
  manufacturedAt: isoDateTime.optional(),
  receivedAt: isoDateTime.optional(),
  registeredAt: isoDateTime,
});

const eventInsertSchema = z.strictObject({
  sku: text,
  serial: text,
  type: eventTypeSchema,
  at: isoDateTime,
  data: data.optional(),
});

const transitionSchema = z.strictObject({
  sku: text,
  serial: text,
  from: z.array(serialStatusSchema),
  recalled: z.boolean().optional(),
  to: serialStatusSchema,
  set: z
    .strictObject({
      shipment: shipmentRefSchema.nullable().optional(),
      recallId: z.string().nullable().optional(),
    })
    .optional(),
  event: z.strictObject({ type: eventTypeSchema, at: isoDateTime, data: data.optional() }),
});

const failuresSchema = z.array(
  z.object({ index: z.number().int(), current: serialRecordSchema.nullable() }),
);
const storedOrderSchema = z.object({ order: orderSchema, revision: z.number().int() });
const serialDetailsSchema = z.strictObject({
  lot: z.string().optional(),
  manufacturedAt: isoDateTime.optional(),
  receivedAt: isoDateTime.optional(),
});

const amendmentSchema = z.strictObject({
  sku: text,
  serial: text,
  from: z.array(serialStatusSchema),
  expect: serialDetailsSchema.optional(),
  set: z
    .strictObject({
      status: serialStatusSchema.optional(),
      lot: z.string().nullable().optional(),
      manufacturedAt: isoDateTime.nullable().optional(),
      receivedAt: isoDateTime.nullable().optional(),
    })
    .optional(),
  remove: z.boolean().optional(),
  event: z.strictObject({ type: eventTypeSchema, at: isoDateTime, data: data.optional() }),
});
/** Every `OwnerFilter` field, typed as the interface types it. */
export const ownerFilterSchema = z.strictObject({
  sku: text.optional(),
  serial: text.optional(),
  status: z.union([ownerStatusSchema, z.array(ownerStatusSchema)]).optional(),
  email: text.optional(),
} satisfies { [K in keyof OwnerFilter]-?: z.ZodType<OwnerFilter[K]> });

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Argument and result schemas of every method (result undefined: answers 204). */
const SCHEMAS: Record<StoreMethodName, { args: z.ZodObject; result?: z.ZodType; summary: string }> =
  {
    migrate: {
      args: z.strictObject({}),
      result: z.object({
        applied: z.array(z.object({ version: z.number(), name: z.string(), ms: z.number() })),
        ms: z.number(),
      }),
      summary: 'Create or migrate the schema; the migrations applied and how long each took',
    },
    getSku: {
      args: z.strictObject({ sku: text }),
      result: skuSchema.nullable(),
      summary: 'A SKU or null',
    },
    putSku: { args: z.strictObject({ sku: skuSchema }), summary: 'Insert or replace a SKU' },
    listSkus: {
      args: z.strictObject({
        filter: z.strictObject({ tracking: z.boolean().optional() }).optional(),
        page: pageOptionsSchema.optional(),
      }),
      result: page(skuSchema),
      summary: 'SKUs ordered by id',
    },
    insertSerials: {
      args: z.strictObject({ rows: z.array(serialInsertSchema).max(100_000) }),
      result: z.object({ inserted: z.number().int(), conflicts: z.array(z.number().int()) }),
      summary: 'Insert units; conflicting rows reported by index',
    },
    getSerial: {
      args: z.strictObject({ sku: text, serial: text }),
      result: serialRecordSchema.nullable(),
      summary: 'A unit or null',
    },
    findSerial: {
      args: z.strictObject({ serial: text }),
      result: z.array(serialRecordSchema),
      summary: 'Every unit with this serial, across SKUs',
    },
    listSerials: {
      args: z.strictObject({ filter: serialFilterSchema, page: pageOptionsSchema.optional() }),
      result: page(serialRecordSchema),
      summary: 'Units matching a filter, ordered by (sku, serial)',
    },
    countSerials: {
      args: z.strictObject({ filter: serialFilterSchema }),
      result: z.number().int(),
      summary: 'Number of units matching a filter',
    },
    transition: {
      args: z.strictObject({ transitions: z.array(transitionSchema).max(100_000) }),
      result: z.union([
        z.object({ ok: z.literal(true), records: z.array(serialRecordSchema) }),
        z.object({
          ok: z.literal(false),
          failures: z.array(
            z.object({ index: z.number().int(), current: serialRecordSchema.nullable() }),
          ),
        }),
      ]),
      summary: 'Compare-and-set status changes, all or nothing',
    },
    markRecalled: {
      args: z.strictObject({
        filter: serialFilterSchema,
        recallId: text,
        event: z.strictObject({ at: isoDateTime, data: data.optional() }),
      }),
      result: z.record(z.string(), z.number().int()),
      summary: 'Flag matching units as recalled; counts by status',
    },
    amendSerial: {
      args: z.strictObject({ change: amendmentSchema }),
      result: z.union([
        z.object({ ok: z.literal(true), record: serialRecordSchema.nullable() }),
        z.object({ ok: z.literal(false), current: serialRecordSchema.nullable() }),
      ]),
      summary: "Correct or remove one unit's registration, compare-and-set, with its event",
    },
    appendEvents: {
      args: z.strictObject({ events: z.array(eventInsertSchema).max(100_000) }),
      summary: 'Append events',
    },
    appendLogNotice: {
      args: z.strictObject({ notice: logNoticeSchema.omit({ id: true }) }),
      summary: 'Append a notice about no single unit (an import finished) to the event log',
    },
    listEvents: {
      args: z.strictObject({ filter: eventFilterSchema, page: pageOptionsSchema.optional() }),
      result: page(serialEventSchema),
      summary: 'Events ordered by time, then insertion',
    },
    putRecall: {
      args: z.strictObject({ recall: recallSchema }),
      summary: 'Insert or replace a recall',
    },
    closeRecall: {
      args: z.strictObject({
        recall: recallSchema,
        event: z.strictObject({ at: isoDateTime, data: data.optional() }),
      }),
      result: z.number().int().nullable(),
      summary: 'Close an open recall and log recall_closed for each of its units',
    },
    getRecall: {
      args: z.strictObject({ id: text }),
      result: recallSchema.nullable(),
      summary: 'A recall or null',
    },
    listRecalls: {
      args: z.strictObject({
        filter: z.strictObject({ sku: text.optional() }).optional(),
        page: pageOptionsSchema.optional(),
      }),
      result: page(recallSchema),
      summary: 'Recalls, newest first',
    },
    insertOrder: {
      args: z.strictObject({ order: orderSchema }),
      result: z.boolean(),
      summary: 'Insert an order at revision 1 unless its id exists; true when inserted',
    },
    getOrder: {
      args: z.strictObject({ id: text }),
      result: storedOrderSchema.nullable(),
      summary: 'An order and its revision, or null',
    },
    listOrders: {
      args: z.strictObject({
        filter: z
          .strictObject({ status: orderStatusSchema.optional(), sku: text.optional() })
          .optional(),
        page: pageOptionsSchema.optional(),
      }),
      result: page(orderSchema),
      summary: 'Orders, newest first',
    },
    changeOrder: {
      args: z.strictObject({
        change: z.strictObject({
          order: orderSchema,
          revision: z.number().int().min(1),
          transitions: z.array(transitionSchema).max(100_000),
        }),
      }),
      result: z.union([
        z.object({
          ok: z.literal(true),
          revision: z.number().int(),
          records: z.array(serialRecordSchema),
        }),
        z.object({
          ok: z.literal(false),
          reason: z.literal('revision'),
          current: storedOrderSchema.nullable(),
        }),
        z.object({ ok: z.literal(false), reason: z.literal('units'), failures: failuresSchema }),
      ]),
      summary: 'Compare-and-set of an order (by revision) with unit transitions, all or nothing',
    },
    insertOwner: {
      args: z.strictObject({ owner: ownerSchema, event: eventInsertSchema.optional() }),
      result: z.object({ inserted: z.boolean() }),
      summary:
        'Insert a registered owner (at most one active owner per unit) and its event, both or neither',
    },
    getOwner: {
      args: z.strictObject({ id: text }),
      result: ownerSchema.nullable(),
      summary: 'An owner or null',
    },
    listOwners: {
      args: z.strictObject({ filter: ownerFilterSchema, page: pageOptionsSchema.optional() }),
      result: page(ownerSchema),
      summary: 'Owners matching a filter, ordered by (registeredAt, id)',
    },
    eraseOwner: {
      args: z.strictObject({ id: text, event: eventInsertSchema }),
      result: ownerSchema.nullable(),
      summary: "Erase an owner's personal data and append an anonymous event",
    },
    recordVerification: {
      args: z.strictObject({
        input: z.strictObject({
          sku: text,
          serial: text,
          fingerprint: text,
          at: isoDateTime,
          windowStart: isoDateTime,
        }),
      }),
      result: z.object({
        distinctFingerprints: z.number().int(),
        total: z.number().int(),
        outcome: z.string().nullable().optional(),
      }),
      summary: 'Record a verification; counts for clone detection and the recorded outcome',
    },
    setVerificationOutcome: {
      args: z.strictObject({
        change: z.strictObject({
          sku: text,
          serial: text,
          from: text.nullable(),
          to: text,
          at: isoDateTime,
          events: z.array(eventInsertSchema).max(100),
        }),
      }),
      result: z.object({ applied: z.boolean(), outcome: z.string().nullable() }),
      summary: "Compare-and-set of a unit's verification outcome, with its events",
    },
    nextSequence: {
      args: z.strictObject({
        key: text,
        count: z.number().int().min(1).max(1_000_000),
        options: z
          .strictObject({ after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() })
          .optional(),
      }),
      result: z.object({ first: z.number().int() }),
      summary: 'Reserve consecutive numbers of a counter; the first of them',
    },
    putWebhookSubscription: {
      args: z.strictObject({ subscription: webhookSubscriptionRecordSchema }),
      summary: 'Insert or replace a webhook subscription (a new one starts at the log end)',
    },
    getWebhookSubscription: {
      args: z.strictObject({ id: text }),
      result: webhookSubscriptionRecordSchema.nullable(),
      summary: 'A webhook subscription or null',
    },
    listWebhookSubscriptions: {
      args: z.strictObject({}),
      result: z.array(webhookSubscriptionRecordSchema),
      summary: 'Every webhook subscription',
    },
    deleteWebhookSubscription: {
      args: z.strictObject({ id: text }),
      result: z.boolean(),
      summary: 'Delete a webhook subscription and its state',
    },
    leaseWebhookCursor: {
      args: z.strictObject({
        request: z.strictObject({
          subscriptionId: text,
          owner: text,
          at: isoDateTime,
          until: isoDateTime,
        }),
      }),
      result: z.object({ position: z.string().nullable() }).nullable(),
      summary: "Take or renew the lease of a subscription's cursor",
    },
    advanceWebhookCursor: {
      args: z.strictObject({
        move: z.strictObject({
          subscriptionId: text,
          owner: text,
          from: text.nullable(),
          to: text,
        }),
      }),
      result: z.boolean(),
      summary: "Compare-and-set of a subscription's cursor",
    },
    readEventLog: {
      args: z.strictObject({
        after: text.nullable(),
        limit: z.number().int().min(1).max(10_000),
      }),
      result: z.array(logEntrySchema),
      summary: 'Log entries appended after a position, in commit order',
    },
    leaseLogCursor: {
      args: z.strictObject({
        request: z.strictObject({
          consumer: text,
          owner: text,
          at: isoDateTime,
          until: isoDateTime,
        }),
      }),
      result: z.object({ position: z.string().nullable() }).nullable(),
      summary: "Take or renew the lease of an internal consumer's event log cursor",
    },
    advanceLogCursor: {
      args: z.strictObject({
        move: z.strictObject({ consumer: text, owner: text, from: text.nullable(), to: text }),
      }),
      result: z.boolean(),
      summary: "Compare-and-set of an internal consumer's event log cursor",
    },
    appendWebhookDeliveries: {
      args: z.strictObject({ deliveries: z.array(webhookDeliverySchema).max(10_000) }),
      summary: 'Append webhook delivery attempts',
    },
    listWebhookDeliveries: {
      args: z.strictObject({ subscriptionId: text, page: pageOptionsSchema.optional() }),
      result: page(webhookDeliverySchema),
      summary: "A subscription's delivery attempts, newest first",
    },
    putWebhookDeadLetter: {
      args: z.strictObject({ letter: webhookDeadLetterSchema }),
      summary: 'Insert or replace a dead letter',
    },
    listWebhookDeadLetters: {
      args: z.strictObject({ subscriptionId: text, page: pageOptionsSchema.optional() }),
      result: page(webhookDeadLetterSchema),
      summary: "A subscription's dead letters, oldest first",
    },
    deleteWebhookDeadLetter: {
      args: z.strictObject({ subscriptionId: text, messageId: text }),
      result: z.boolean(),
      summary: 'Remove a dead letter',
    },
  };

export function storeProtocolRoutes(
  store: SerialStore,
  options: { maxBodyBytes: number },
): Route[] {
  // A store without an optional method (e.g. one written before it) does not serve its route.
  const names = (Object.keys(STORE_METHODS) as StoreMethodName[]).filter(
    (name) => typeof store[name] === 'function',
  );
  const routes: Route[] = names.map((name) => {
    const spec = STORE_METHODS[name];
    const schemas = SCHEMAS[name];
    return defineRoute({
      method: 'POST',
      path: `/v1/store/${name}`,
      operationId: `store_${name}`,
      summary: schemas.summary,
      description: `SerialStore.${name}(${spec.args.join(', ')})`,
      tag: 'store',
      access: 'store',
      body: schemas.args,
      maxBodyBytes: options.maxBodyBytes,
      idempotent: spec.write,
      responses: [
        schemas.result
          ? { status: 200, description: 'The result', schema: schemas.result }
          : { status: 204, description: 'Done' },
        { status: 400, description: 'Invalid arguments', schema: errorBodySchema },
        { status: 401, description: 'Missing or invalid API key', schema: errorBodySchema },
        { status: 403, description: 'Not a store key', schema: errorBodySchema },
      ],
      async handle({ body }) {
        const args = body as Record<string, unknown>;
        const method = store[name] as (...values: unknown[]) => Promise<unknown>;
        const result = await method.apply(
          store,
          spec.args.map((arg) => args[arg]),
        );
        return schemas.result ? json(result ?? null) : empty(204);
      },
    });
  });
  routes.push(
    defineRoute({
      method: 'GET',
      path: '/v1/store/capabilities',
      operationId: 'store_capabilities',
      summary: 'What the store behind this service can do',
      tag: 'store',
      access: 'store',
      responses: [{ status: 200, description: 'StoreCapabilities' }],
      handle: () => json(store.capabilities),
    }),
  );
  return routes;
}
