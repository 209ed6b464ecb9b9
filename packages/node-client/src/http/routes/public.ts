/**
 * Public routes, called by storefront pages and the `<serial-lookup>` widget: verification,
 * the customer's return check, and format hints. Answers go through their public schemas,
 * which drop any key not declared there: nothing personal can leak by accident.
 */

import {
  errorBodySchema,
  formatHintsSchema,
  publicReturnCheckRequestSchema,
  publicReturnCheckSchema,
  type VerifyResult,
  verifyRequestSchema,
  verifyResultSchema,
} from '@serialkit/core';
import type { RateLimitDecision, RateLimiter } from '../../coordination/coordination.js';
import { RateLimitError } from '../../errors.js';
import { headerOf } from '../node/lazy-request.js';
import { empty, json } from '../response.js';
import { defineRoute, type Route, type RouteResponse } from '../route.js';
import type { ServedClient } from '../served-client.js';

const errors: RouteResponse[] = [
  { status: 400, description: 'Malformed or invalid request', schema: errorBodySchema },
  { status: 413, description: 'Body too large', schema: errorBodySchema },
  { status: 415, description: 'Body is not JSON', schema: errorBodySchema },
  { status: 429, description: 'Rate limited; see Retry-After', schema: errorBodySchema },
];

/** Browsers and CDNs may keep format hints briefly; the ETag makes revalidation cheap. */
const FORMATS_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

export interface PublicRouteOptions {
  /** The return check's own limit, per address and per order id (null: none). */
  returnCheckLimiter: RateLimiter | null;
  /** Told every verification's outcome (metrics). */
  onVerified?: (status: VerifyResult['status']) => void;
}

export function publicRoutes(
  client: ServedClient,
  options: PublicRouteOptions = { returnCheckLimiter: null },
): Route[] {
  const limiter = options.returnCheckLimiter;
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/verify',
      operationId: 'verify',
      summary: 'Check that a serial (or GS1 Digital Link) is genuine',
      description:
        'Answers genuine, unknown, recalled, suspicious or invalid. The answer has the same keys whether the unit exists or not and never carries personal data.',
      tag: 'public',
      access: 'public',
      body: verifyRequestSchema,
      responses: [
        { status: 200, description: 'The verdict', schema: verifyResultSchema },
        ...errors,
      ],
      async handle({ body, fingerprint }) {
        const result = await client.verify(body.input, {
          fingerprint: fingerprint(),
          ...(body.sku === undefined ? {} : { sku: body.sku }),
        });
        options.onVerified?.(result.status);
        return json(verifyResultSchema.parse(result));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/returns/check',
      operationId: 'checkReturnPublic',
      summary: "A customer's return check",
      description:
        'The customer proves the order with its email or postcode (email only when the merchant requires it). `order_not_found` covers both an unknown order and a wrong proof. Limited more strictly than the other public routes: per address, and per order id for failed proofs.',
      tag: 'public',
      access: 'public',
      body: publicReturnCheckRequestSchema,
      responses: [
        { status: 200, description: 'The verdict', schema: publicReturnCheckSchema },
        ...errors,
      ],
      async handle({ body, address }) {
        // Every check counts against the address; only failed proofs against the order, so a
        // customer is not locked out by their own successful checks.
        const order = `order\u0000${body.orderId}`;
        if (limiter) {
          refuseOver(await limiter.hit(`address\u0000${address()}`));
          refuseOver(await limiter.peek(order));
        }
        const result = publicReturnCheckSchema.parse(await client.returns.checkPublic(body));
        if (limiter && result.verdict === 'order_not_found') await limiter.hit(order);
        return json(result);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/formats',
      operationId: 'getFormats',
      summary: 'Serial formats of tracked SKUs, for validating input before sending it',
      description: 'Cacheable: send the ETag back in If-None-Match to get a 304.',
      tag: 'public',
      access: 'public',
      responses: [
        { status: 200, description: 'Format hints', schema: formatHintsSchema },
        { status: 304, description: 'Not modified since the ETag sent' },
        ...errors.filter((error) => error.status === 429),
      ],
      async handle({ request }) {
        const hints = formatHintsSchema.parse(await client.formats.hints());
        const etag = `"${hints.version.replace(/["\\]/g, '')}"`;
        const headers = { etag, 'cache-control': FORMATS_CACHE_CONTROL };
        if (matchesEtag(headerOf(request, 'if-none-match'), etag)) return empty(304, headers);
        return json(hints, 200, headers);
      },
    }),
  ];
}

function refuseOver(taken: RateLimitDecision): void {
  if (taken.ok) return;
  throw new RateLimitError(`Too many return checks; retry in ${taken.retryAfter} s`, {
    details: { retryAfter: taken.retryAfter },
  });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
