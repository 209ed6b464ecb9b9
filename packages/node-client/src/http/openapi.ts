/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas with zod's own
 * `z.toJSONSchema`: the API cannot drift from its documentation.
 */
import {
  errorBodySchema,
  formatHintsSchema,
  generateRequestSchema,
  issueSchema,
  lookupSchema,
  orderCreateSchema,
  orderSchema,
  orderShipSchema,
  pickResultSchema,
  publicReturnCheckRequestSchema,
  publicReturnCheckSchema,
  recallContactSchema,
  recallCreateSchema,
  recallSchema,
  registerSummarySchema,
  returnAcceptSchema,
  returnCheckRequestSchema,
  returnCheckSchema,
  returnRejectSchema,
  serialEventSchema,
  serialRecordSchema,
  shipmentCreateSchema,
  shipmentSchema,
  sightingCreateSchema,
  skuSchema,
  skuUpdateSchema,
  traceSchema,
  verifyRequestSchema,
  verifyResultSchema,
} from '@serialkit/core';
import { z } from 'zod';
import type { Route, Tag } from './route.js';

/** Names of the shared schemas in `components.schemas`. */
const NAMED: [z.ZodType, string][] = [
  [errorBodySchema, 'ErrorBody'],
  [issueSchema, 'Issue'],
  [verifyRequestSchema, 'VerifyRequest'],
  [verifyResultSchema, 'VerifyResult'],
  [publicReturnCheckRequestSchema, 'PublicReturnCheckRequest'],
  [publicReturnCheckSchema, 'PublicReturnCheck'],
  [formatHintsSchema, 'FormatHints'],
  [skuSchema, 'Sku'],
  [skuUpdateSchema, 'SkuUpdate'],
  [serialRecordSchema, 'SerialRecord'],
  [serialEventSchema, 'SerialEvent'],
  [registerSummarySchema, 'RegisterSummary'],
  [generateRequestSchema, 'GenerateRequest'],
  [lookupSchema, 'Lookup'],
  [shipmentCreateSchema, 'ShipmentCreate'],
  [shipmentSchema, 'Shipment'],
  [orderCreateSchema, 'OrderCreate'],
  [orderSchema, 'Order'],
  [orderShipSchema, 'OrderShip'],
  [pickResultSchema, 'PickResult'],
  [returnCheckRequestSchema, 'ReturnCheckRequest'],
  [returnCheckSchema, 'ReturnCheck'],
  [returnAcceptSchema, 'ReturnAccept'],
  [returnRejectSchema, 'ReturnReject'],
  [recallCreateSchema, 'RecallCreate'],
  [recallSchema, 'Recall'],
  [recallContactSchema, 'RecallContact'],
  [sightingCreateSchema, 'SightingCreate'],
  [traceSchema, 'Trace'],
];

const TAGS: Record<Tag, string> = {
  public:
    'Called by storefronts and the <serial-lookup> widget: CORS, rate-limited, no personal data',
  skus: 'SKU settings: serial tracking, format, uniqueness',
  serials: 'Registering and looking up units',
  shipments: 'Assigning units to orders (B2C and B2B)',
  orders: 'Orders to pack: lines, picks by scan, shipments against lines, corrections',
  returns: 'Checking, accepting and rejecting returns',
  recalls: 'Recalls and the customers to contact',
  owners: 'Registered owners: public registration; listing, export and erasure (personal data)',
  warranty: 'Warranty coverage and claims',
  tracing: 'Who a unit was sold to; sightings on marketplaces',
  events: 'The event history, also as EPCIS 2.0',
  imports: 'Streamed CSV imports',
  exports: 'Streamed CSV exports',
  stats: 'The numbers of the merchant console’s overview',
  store: 'The store protocol: SerialStore over HTTP (httpStore)',
  meta: 'This document and health',
  webhooks: 'Outbound webhook subscriptions (Standard Webhooks), delivery logs, dead letters',
  platforms: 'Orders in from shop platforms (Shopify, WooCommerce) and serials written back',
};

type JsonObject = Record<string, unknown>;

/** Builds the OpenAPI 3.1 document of these routes. */
export function buildOpenApi(
  routes: readonly Route[],
  options: { basePath?: string } = {},
): JsonObject {
  const outputs = new Components('output');
  for (const [schema, name] of NAMED) outputs.name(schema, name);
  for (const route of routes) {
    for (const answer of route.responses) {
      if (answer.schema)
        outputs.ref(answer.schema, `${pascal(route.operationId)}Response${answer.status}`);
    }
  }
  // Request schemas are converted as inputs (defaults optional, before transforms); one that is
  // also an answer gets its own `…Input` component.
  const inputs = new Components('input');
  for (const [schema, name] of NAMED) {
    inputs.name(schema, outputs.names.has(name) ? `${name}Input` : name);
  }

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = `${options.basePath ?? ''}${route.path}`.replace(/:(\w+)/g, '{$1}');
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: route.access === 'public' || route.access === 'none' ? [] : [{ apiKey: [] }],
    };
    const parameters: JsonObject[] = [];
    for (const [name, description] of Object.entries(route.params ?? {})) {
      parameters.push({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      });
    }
    if (route.query) parameters.push(...queryParameters(route.query));
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Repeat a write safely: the same key within 24 h replays the first answer.',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    if (parameters.length) operation.parameters = parameters;
    if (route.body === 'csv') {
      operation.requestBody = {
        required: true,
        content: { 'text/csv': { schema: { type: 'string' } } },
      };
    } else if (route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: inputs.ref(route.body, `${pascal(route.operationId)}Request`),
          },
        },
      };
    }
    const responses: Record<string, JsonObject> = {};
    for (const answer of route.responses) {
      const key = String(answer.status);
      const entry = responses[key] ?? { description: answer.description };
      responses[key] = entry;
      if (answer.status === 429) {
        entry.headers = {
          'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
        };
      }
      if (answer.schema || answer.contentType) {
        const content = (entry.content ?? {}) as JsonObject;
        entry.content = content;
        const type = answer.contentType ?? 'application/json';
        content[type] = answer.schema
          ? { schema: outputs.ref(answer.schema, `${pascal(route.operationId)}Response${key}`) }
          : { schema: { type: 'string' } };
      }
    }
    operation.responses = responses;
    const item = paths[path] ?? {};
    item[route.method.toLowerCase()] = operation;
    paths[path] = item;
  }

  const schemas = { ...inputs.emit(), ...outputs.emit() };
  return {
    openapi: '3.1.0',
    info: {
      title: 'serialkit',
      version: '1.0.0',
      description:
        'Serial number tracking for e-commerce: public verification and return checks for storefronts, and the merchant API (SKUs, units, shipments, returns, recalls, tracing, events, CSV import/export).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({
      name,
      description: TAGS[name],
    })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key: `read` keys may GET, `write` keys may do everything.',
        },
      },
    },
  };
}

/** A set of component schemas converted in one pass, so shared schemas become $refs. */
class Components {
  readonly #registry = z.registry<{ id: string }>();
  readonly #ids = new Map<z.ZodType, string>();
  readonly #used = new Set<string>();

  constructor(readonly io: 'input' | 'output') {}

  get names(): ReadonlySet<string> {
    return this.#used;
  }

  name(schema: z.ZodType, id: string): void {
    if (!this.#ids.has(schema)) this.#ids.set(schema, id);
  }

  ref(schema: z.ZodType, fallbackId: string): JsonObject {
    let id = this.#ids.get(schema);
    if (!id) {
      id = fallbackId;
      this.#ids.set(schema, id);
    }
    if (!this.#used.has(id)) {
      this.#used.add(id);
      this.#registry.add(schema, { id });
    }
    return { $ref: `#/components/schemas/${id}` };
  }

  emit(): Record<string, JsonObject> {
    const { schemas } = z.toJSONSchema(this.#registry, {
      io: this.io,
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    });
    const result: Record<string, JsonObject> = {};
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _, $id: __, ...rest } = schema as JsonObject;
      result[id] = rest;
    }
    return result;
  }
}

function queryParameters(schema: z.ZodType): JsonObject[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.anyOf ? { explode: true } : {}),
    };
  });
}

function pascal(value: string): string {
  return value
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
    .replace(/^./, (c) => c.toUpperCase());
}
