/**
 * Warranty, registered owners and recall campaigns over HTTP. The owner registration is public
 * (CORS, rate limit, a small body) and answers with a status only; every route that reads an
 * owner needs an API key.
 */
import {
  coverageSchema,
  ownerRegistrationRequestSchema,
  ownerRegistrationResultSchema,
  ownerSchema,
  ownerStatusSchema,
  pageSchema,
  recallProgressSchema,
  recallSchema,
  warrantyClaimRecordSchema,
  warrantyClaimSchema,
} from '@serialkit/core';
import { z } from 'zod';
import { json, streamText } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';
import { pageOf, pageQuery } from './query.js';
import { err, readErrors } from './responses.js';

const writeErrors = [
  err(400, 'Malformed or invalid body'),
  err(401, 'Missing or invalid API key'),
  err(403, 'Read-only API key'),
  err(409, 'The current state forbids this change'),
  err(413, 'Body too large'),
  err(415, 'Body is not JSON'),
];
const notFound = err(404, 'Not found');
const serialParam = { serial: 'Serial as typed or canonical (percent-encoded)' };
const text = z.string().min(1).max(500);

/** A registration is a few short fields: anything larger is refused before it is parsed. */
const OWNER_REGISTRATION_MAX_BYTES = 4 * 1024;

const skuQuery = z.object({ sku: text.optional() });

const ownerListQuery = z
  .object({
    serial: text.optional(),
    sku: text.optional(),
    status: ownerStatusSchema.optional(),
    email: z.string().min(1).max(320).optional(),
    ...pageQuery,
  })
  .transform((q) => ({
    filter: {
      ...(q.serial === undefined ? {} : { serial: q.serial }),
      ...(q.sku === undefined ? {} : { sku: q.sku }),
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.email === undefined ? {} : { email: q.email }),
    },
    page: pageOf(q),
  }));

const skuOption = (sku: string | undefined) => (sku === undefined ? {} : { sku });

export function warrantyOwnerRoutes(client: ServedClient): Route[] {
  return [
    // ── Owners ──
    defineRoute({
      method: 'POST',
      path: '/v1/owners',
      operationId: 'registerOwner',
      summary: 'A customer registers the unit they own',
      description:
        'Public. Needs name, email and `consent: true`. Answers `received` for any registered unit, whether or not it already had an owner (a second owner is kept for the merchant to review), `unknown` or `invalid` otherwise. The answer never carries personal data or says whether the unit had an owner.',
      tag: 'owners',
      access: 'public',
      body: ownerRegistrationRequestSchema,
      maxBodyBytes: OWNER_REGISTRATION_MAX_BYTES,
      responses: [
        { status: 200, description: 'Received', schema: ownerRegistrationResultSchema },
        err(400, 'Malformed or invalid request'),
        err(413, 'Body too large'),
        err(415, 'Body is not JSON'),
        err(429, 'Rate limited; see Retry-After'),
      ],
      async handle({ body }) {
        return json(ownerRegistrationResultSchema.parse(await client.owners.register(body)));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/owners',
      operationId: 'listOwners',
      summary: "Registered owners: a unit's, those to review, or one person's (by email)",
      tag: 'owners',
      access: 'read',
      query: ownerListQuery,
      responses: [
        { status: 200, description: 'A page of owners', schema: pageSchema(ownerSchema) },
        ...readErrors,
        notFound,
      ],
      async handle({ query }) {
        return json(await client.owners.list(query.filter, query.page));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial/owners.csv',
      operationId: 'exportOwners',
      summary: "A unit's registered owners as CSV (a data-subject access request)",
      tag: 'owners',
      access: 'read',
      params: serialParam,
      query: skuQuery,
      responses: [
        { status: 200, description: 'Owners as CSV', contentType: 'text/csv' },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query }) {
        const lines = client.owners.exportCsv(params.serial!, skuOption(query.sku));
        // Read the first line here, so that an unknown unit is a 404 rather than a broken stream.
        const iterator = lines[Symbol.asyncIterator]();
        const first = await iterator.next();
        async function* all() {
          if (!first.done) yield first.value;
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            yield next.value;
          }
        }
        return streamText(all(), 'text/csv; charset=utf-8', {
          'content-disposition': 'attachment; filename="owners.csv"',
          'cache-control': 'no-store',
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/owners/:id/erase',
      operationId: 'eraseOwner',
      summary: "Erase an owner's personal data (a data-subject request)",
      description: 'The record stays as `erased`; an `owner_erased` event joins the unit history.',
      tag: 'owners',
      access: 'write',
      params: { id: 'Owner id' },
      idempotent: true,
      responses: [
        { status: 200, description: 'The erased owner', schema: ownerSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.owners.erase(params.id!));
      },
    }),

    // ── Warranty ──
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial/coverage',
      operationId: 'getCoverage',
      summary: "A unit's warranty coverage (null: none, or not started)",
      tag: 'warranty',
      access: 'read',
      params: serialParam,
      query: skuQuery,
      responses: [
        {
          status: 200,
          description: 'The coverage',
          schema: z.object({ coverage: coverageSchema }),
        },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json({
          coverage: await client.warranty.coverage(params.serial!, skuOption(query.sku)),
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/serials/:serial/claims',
      operationId: 'recordClaim',
      summary: 'Record a warranty claim (accepted or refused, with the reason)',
      tag: 'warranty',
      access: 'write',
      params: serialParam,
      query: skuQuery,
      body: warrantyClaimSchema,
      idempotent: true,
      responses: [
        { status: 201, description: 'The claim', schema: warrantyClaimRecordSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params, query, body }) {
        return json(await client.warranty.claim(params.serial!, body, skuOption(query.sku)), 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/serials/:serial/claims',
      operationId: 'listClaims',
      summary: "A unit's warranty claims, oldest first",
      tag: 'warranty',
      access: 'read',
      params: serialParam,
      query: skuQuery,
      responses: [
        {
          status: 200,
          description: 'The claims',
          schema: z.object({ items: z.array(warrantyClaimRecordSchema) }),
        },
        ...readErrors,
        notFound,
      ],
      async handle({ params, query }) {
        return json({ items: await client.warranty.claims(params.serial!, skuOption(query.sku)) });
      },
    }),

    // ── Recall campaigns ──
    defineRoute({
      method: 'POST',
      path: '/v1/recalls/:id/close',
      operationId: 'closeRecall',
      summary: 'Close a recall campaign (its units stay flagged)',
      tag: 'recalls',
      access: 'write',
      params: { id: 'Recall id' },
      idempotent: true,
      responses: [
        { status: 200, description: 'The closed recall', schema: recallSchema },
        ...writeErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.recalls.close(params.id!));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/recalls/:id/progress',
      operationId: 'getRecallProgress',
      summary: 'Units affected, returned, replaced and unreachable',
      tag: 'recalls',
      access: 'read',
      params: { id: 'Recall id' },
      responses: [
        { status: 200, description: 'The progress', schema: recallProgressSchema },
        ...readErrors,
        notFound,
      ],
      async handle({ params }) {
        return json(await client.recalls.progress(params.id!));
      },
    }),
  ];
}
