/**
 * Admin routes: every merchant workflow, behind an API key. `read` keys may call the GET
 * routes; everything that changes state needs a `write` key.
 */

import {
  generateRequestSchema,
  importReportSchema,
  lookupSchema,
  pageSchema,
  recallContactSchema,
  recallCreateSchema,
  recallSchema,
  registerRowSchema,
  registerSummarySchema,
  returnAcceptSchema,
  returnCheckRequestSchema,
  returnCheckSchema,
  returnRejectSchema,
  serialEventSchema,
  serialRecordSchema,
  shipmentCreateSchema,
  shipmentImportReportSchema,
  shipmentSchema,
  sightingCreateSchema,
  skuSchema,
  skuUpdateSchema,
  traceSchema,
} from '@serialkit/core';
import { z } from 'zod';

import { NotFoundError } from '../../errors.js';
import type { List } from '../../workflows/list.js';
import { generatedSerialsSchema } from '../../workflows/serials.js';
import { csvBody } from '../body.js';
import { headerOf } from '../node/lazy-request.js';
import { json, streamText } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import {
  contactsQuery,
  eventExportQuery,
  eventListQuery,
  importSerialsQuery,
  recallListQuery,
  serialExportQuery,
  serialListQuery,
  skuListQuery,
  skuQuery,
} from './query.js';
import { err, readErrors } from './responses.js';

const authErrors = [err(401, 'Missing or invalid API key'), err(403, 'Read-only API key')];
const writeErrors = [
  err(400, 'Malformed or invalid body'),
  ...authErrors,
  err(409, 'The current state forbids this change'),
  err(413, 'Body too large'),
  err(415, 'Body is not JSON'),
];
const notFound = err(404, 'Not found');

/** Bodies of register requests: a JSON array of serials or rows. */
export const registerBodySchema = z.array(registerRowSchema).min(1).max(100_000);

const skuParam = { sku: 'SKU id' };
const serialParam = { serial: 'Serial as typed or canonical (percent-encoded)' };

const csvHeaders = (name: string) => ({
  'content-disposition': `attachment; filename="${name}"`,
});

async function firstPage<T>(list: List<T> | Promise<T[]>) {
  const page = await list;
  return Array.isArray(page) ? { items: page, nextCursor: null } : page;
}

function orNotFound<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new NotFoundError(`${what} not found`);
  return value;
}

function wantsCsv(request: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = headerOf(request, 'accept') ?? '';
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

export function adminRoutes(client: ServedClient): Route[] {
  return [
    // ── SKUs ──
    defineRoute({
      method: 'PUT',
      path: '/v1/skus/:sku',
      operationId: 'putSku',
      summary: 'Create or update a SKU and its serial tracking settings',
      tag: 'skus',
      access: 'write',
      params: skuParam,
      body: skuUpdateSchema,
      idempotent: true,
      responses: [{ status: 200, description: 'The SKU', schema: skuSchema }, ...writeErrors],
      async handle({ params, body }) {
        return json(await client.skus.update(params.sku!, body));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/skus/:sku',
      operationId: 'getSku',
      summary: 'A SKU',
      tag: 'skus',
      access: 'read',
      params: skuParam,
      responses: [
        { status: 200, description: 'The SKU', schema: skuSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(orNotFound(await client.skus.get(params.sku!), `SKU ${params.sku}`));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/skus',
      operationId: 'listSkus',
      summary: 'SKUs, optionally only those with serial tracking on (`tracking=true`)',
      tag: 'skus',
      access: 'read',
      query: skuListQuery,
      responses: [
        { status: 200, description: 'A page of SKUs', schema: pageSchema(skuSchema) },
        ...readErrors,
      ],
      async handle({ query }) {
        return json(await firstPage(client.skus.list(query.filter, query.page)));
      },
    }),

    // ── Serials ──
    defineRoute({
      method: 'POST',
      path: '/v1/skus/:sku/serials',
      operationId: 'registerSerials',
      summary:
        'Register units: a JSON array of serials or `{ serial, lot?, manufacturedAt? }` rows',
      description:
        'Every row is validated against the SKU format; invalid and duplicate rows are reported, valid rows kept. For more than 100,000 rows use POST /v1/imports/serials.',
      tag: 'serials',
      access: 'write',
      params: skuParam,
      body: registerBodySchema,
      idempotent: true,
      responses: [
        {
          status: 200,
          description: 'What was registered and what was not',
          schema: registerSummarySchema,
        },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, body }) {
        return json(await client.serials.register(params.sku!, body));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/skus/:sku/serials/generate',
      operationId: 'generateSerials',
      summary: 'Generate and register sequential or random (non-guessable) serials',
      tag: 'serials',
      access: 'write',
      params: skuParam,
      body: generateRequestSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The new serials', schema: generatedSerialsSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, body }) {
        const { count, ...options } = body;
        return json(await client.serials.generate(params.sku!, count, options), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial',
      operationId: 'lookupSerial',
      summary: 'Look up a unit: SKU, status, order, customer, history',
      tag: 'serials',
      access: 'read',
      params: serialParam,
      query: skuQuery,
      responses: [
        { status: 200, description: 'The unit', schema: lookupSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json(await client.serials.lookup(params.serial!, skuOption(query.sku)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/serials',
      operationId: 'listSerials',
      summary: 'Units matching a filter, a page at a time',
      tag: 'serials',
      access: 'read',
      query: serialListQuery,
      responses: [
        { status: 200, description: 'A page of units', schema: pageSchema(serialRecordSchema) },
        ...readErrors,
      ],
      async handle({ query }) {
        return json(await firstPage(client.serials.list(query.filter, query.page)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial/trace',
      operationId: 'traceSerial',
      summary: 'Who a unit was sold to, and where it was seen since',
      tag: 'tracing',
      access: 'read',
      params: serialParam,
      query: skuQuery,
      responses: [
        { status: 200, description: 'The trace', schema: traceSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json(await client.trace(params.serial!, skuOption(query.sku)));
      },
    }),

    // ── Shipments, returns ──
    defineRoute({
      method: 'POST',
      path: '/v1/shipments',
      operationId: 'createShipment',
      summary: 'Ship units on an order (B2C customer or B2B account); all or nothing',
      tag: 'shipments',
      access: 'write',
      body: shipmentCreateSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The shipment', schema: shipmentSchema },
        ...writeErrors,
      ],
      async handle({ body }) {
        return json(await client.shipments.create(body), 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/returns/inspect',
      operationId: 'checkReturn',
      summary: "The merchant's return check (includes the order a mismatched unit left in)",
      tag: 'returns',
      access: 'write',
      body: returnCheckRequestSchema,
      responses: [
        { status: 200, description: 'The verdict', schema: returnCheckSchema },
        ...writeErrors,
      ],
      async handle({ body }) {
        return json(await client.returns.check(body));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/returns/accept',
      operationId: 'acceptReturn',
      summary: 'Accept a returned unit: restock, quarantine or scrap it',
      tag: 'returns',
      access: 'write',
      body: returnAcceptSchema,
      idempotent: true,
      responses: [
        { status: 200, description: 'The unit after the return', schema: serialRecordSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ body }) {
        return json(await client.returns.accept(body));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/returns/reject',
      operationId: 'rejectReturn',
      summary: 'Reject a return, recording the reason',
      tag: 'returns',
      access: 'write',
      body: returnRejectSchema,
      idempotent: true,
      responses: [
        { status: 200, description: 'The unit', schema: serialRecordSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ body }) {
        return json(await client.returns.reject(body));
      },
    }),

    // ── Recalls ──
    defineRoute({
      method: 'POST',
      path: '/v1/recalls',
      operationId: 'createRecall',
      summary: 'Recall units by range, lot, manufacture window or list',
      tag: 'recalls',
      access: 'write',
      body: recallCreateSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The recall', schema: recallSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ body }) {
        return json(await client.recalls.create(body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/recalls',
      operationId: 'listRecalls',
      summary: 'Recalls, newest first',
      tag: 'recalls',
      access: 'read',
      query: recallListQuery,
      responses: [
        { status: 200, description: 'A page of recalls', schema: pageSchema(recallSchema) },
        ...readErrors,
      ],
      async handle({ query }) {
        return json(await firstPage(client.recalls.list(query.filter, query.page)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/recalls/:id',
      operationId: 'getRecall',
      summary: 'A recall and its counts',
      tag: 'recalls',
      access: 'read',
      params: { id: 'Recall id' },
      responses: [
        { status: 200, description: 'The recall', schema: recallSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(orNotFound(await client.recalls.get(params.id!), `Recall ${params.id}`));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/recalls/:id/contacts',
      operationId: 'listRecallContacts',
      summary: 'Orders and customers to contact about a recall (JSON pages, or CSV streamed)',
      description: 'CSV with `?format=csv` or `Accept: text/csv`; the CSV holds every contact.',
      tag: 'recalls',
      access: 'read',
      params: { id: 'Recall id' },
      query: contactsQuery,
      responses: [
        { status: 200, description: 'A page of contacts', schema: pageSchema(recallContactSchema) },
        { status: 200, description: 'Every contact as CSV', contentType: 'text/csv' },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query, request }) {
        if (wantsCsv(request, query.format)) {
          return streamText(
            client.recalls.affectedCsv(params.id!),
            'text/csv; charset=utf-8',
            csvHeaders(`recall-${params.id!.replace(/[^\w.-]/g, '_')}-contacts.csv`),
          );
        }
        return json(await firstPage(client.recalls.affected(params.id!, query.page)));
      },
    }),

    // ── Tracing, events ──
    defineRoute({
      method: 'POST',
      path: '/v1/sightings',
      operationId: 'recordSighting',
      summary: 'Record a unit seen elsewhere (marketplace listing, repair shop)',
      tag: 'tracing',
      access: 'write',
      body: sightingCreateSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The sighting event', schema: serialEventSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ body }) {
        return json(await client.sightings.record(body), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/events',
      operationId: 'listEvents',
      summary: 'Events by SKU, serial, type and time window',
      tag: 'events',
      access: 'read',
      query: eventListQuery,
      responses: [
        { status: 200, description: 'A page of events', schema: pageSchema(serialEventSchema) },
        ...readErrors,
      ],
      async handle({ query }) {
        return json(await firstPage(client.events.list(query.filter, query.page)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/events/epcis',
      operationId: 'exportEpcis',
      summary: 'Events as an EPCIS 2.0 JSON-LD document',
      tag: 'events',
      access: 'read',
      query: eventExportQuery,
      responses: [
        { status: 200, description: 'EPCISDocument', contentType: 'application/ld+json' },
        ...readErrors,
      ],
      async handle({ query }) {
        const document = await client.events.exportEpcis(query);
        if (isAsyncIterable(document)) return streamText(document, 'application/ld+json');
        const response = json(document);
        response.headers.set('content-type', 'application/ld+json');
        return response;
      },
    }),

    // ── Imports, exports ──
    defineRoute({
      method: 'POST',
      path: '/v1/imports/serials',
      operationId: 'importSerials',
      summary: 'Import units from CSV (streamed; millions of rows)',
      description:
        'Columns: `serial` and optionally `sku` (or `?sku=`), `lot`, `manufacturedAt`, `receivedAt`. Rows are validated and reported; valid rows are kept.',
      tag: 'imports',
      access: 'write',
      query: importSerialsQuery,
      body: 'csv',
      responses: [
        { status: 200, description: 'Import report', schema: importReportSchema },
        ...writeErrors,
      ],
      async handle({ request, query, maxImportBytes }) {
        const source = csvBody(request, maxImportBytes);
        return json(await client.imports.serials(source, skuOption(query.sku)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/imports/shipments',
      operationId: 'importShipments',
      summary: 'Import shipments from CSV (one row per unit; rows of an order ship together)',
      tag: 'imports',
      access: 'write',
      body: 'csv',
      responses: [
        { status: 200, description: 'Import report', schema: shipmentImportReportSchema },
        ...writeErrors,
      ],
      async handle({ request, maxImportBytes }) {
        return json(await client.imports.shipments(csvBody(request, maxImportBytes)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/exports/serials.csv',
      operationId: 'exportSerials',
      summary: 'Units matching a filter as CSV (streamed)',
      tag: 'exports',
      access: 'read',
      query: serialExportQuery,
      responses: [{ status: 200, description: 'CSV', contentType: 'text/csv' }, ...readErrors],
      async handle({ query }) {
        return streamText(
          client.exports.serials(query),
          'text/csv; charset=utf-8',
          csvHeaders('serials.csv'),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/exports/events.csv',
      operationId: 'exportEvents',
      summary: 'Events matching a filter as CSV (streamed)',
      tag: 'exports',
      access: 'read',
      query: eventExportQuery,
      responses: [{ status: 200, description: 'CSV', contentType: 'text/csv' }, ...readErrors],
      async handle({ query }) {
        return streamText(
          client.exports.events(query),
          'text/csv; charset=utf-8',
          csvHeaders('events.csv'),
        );
      },
    }),
  ];
}

function skuOption(sku: string | undefined): { sku?: string } {
  return sku === undefined ? {} : { sku };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
