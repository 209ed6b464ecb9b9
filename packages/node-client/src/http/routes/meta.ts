/**
 * Routes about the service itself: its OpenAPI document, liveness (`/v1/health`), readiness
 * (`/v1/ready`: the store answers and the service is not shutting down) and, when a registry is
 * given, Prometheus metrics (`/v1/metrics`, read keys).
 */
import { errorBodySchema } from '@serialkit/core';
import { z } from 'zod';
import type { Metrics } from '../metrics.js';
import { json } from '../response.js';
import { defineRoute, type Route } from '../route.js';
import type { ServedClient } from '../served-client.js';

/** How long readiness waits for the store before answering 503. */
const READY_TIMEOUT_MS = 2_000;

const readySchema = z.object({
  ok: z.boolean(),
  checks: z.object({ store: z.enum(['ok', 'failed', 'timeout']), accepting: z.boolean() }),
});

export interface MetaRouteOptions {
  /** False while the service drains (shutting down): readiness then answers 503. */
  accepting?: () => boolean;
  metrics?: Metrics | undefined;
}

export function metaRoutes(
  client: ServedClient,
  openapi: () => Response,
  options: MetaRouteOptions,
): Route[] {
  const routes: Route[] = [
    defineRoute({
      method: 'GET',
      path: '/v1/openapi.json',
      operationId: 'getOpenApi',
      summary: 'This OpenAPI 3.1 document',
      tag: 'meta',
      access: 'none',
      responses: [{ status: 200, description: 'The OpenAPI document' }],
      handle: openapi,
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/health',
      operationId: 'getHealth',
      summary: 'Liveness check: the process answers',
      tag: 'meta',
      access: 'none',
      responses: [{ status: 200, description: 'The service is up' }],
      handle: () => json({ ok: true }),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/ready',
      operationId: 'getReady',
      summary: 'Readiness check: the store answers and the service accepts work',
      description:
        'For load balancers and orchestrators: 503 while the store cannot be reached (within 2 s) or the service is shutting down. Names no host or driver.',
      tag: 'meta',
      access: 'none',
      responses: [
        { status: 200, description: 'Ready', schema: readySchema },
        { status: 503, description: 'Not ready', schema: readySchema },
      ],
      async handle() {
        const accepting = options.accepting?.() ?? true;
        const store = await storeAnswers(client);
        const ok = accepting && store === 'ok';
        return json({ ok, checks: { store, accepting } }, ok ? 200 : 503);
      },
    }),
  ];
  const metrics = options.metrics;
  if (metrics) {
    routes.push(
      defineRoute({
        method: 'GET',
        path: '/v1/metrics',
        operationId: 'getMetrics',
        summary: 'Prometheus metrics: requests and latency by route, verifications, errors',
        tag: 'meta',
        access: 'read',
        responses: [
          { status: 200, description: 'Prometheus text format', contentType: 'text/plain' },
          { status: 401, description: 'Missing or invalid API key', schema: errorBodySchema },
        ],
        async handle() {
          const { body, contentType } = await metrics.scrape();
          return new Response(body, {
            headers: { 'content-type': contentType, 'cache-control': 'no-store' },
          });
        },
      }),
    );
  }
  return routes;
}

/** One cheap read through the client; 'timeout' after READY_TIMEOUT_MS. */
async function storeAnswers(client: ServedClient): Promise<'ok' | 'failed' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      Promise.resolve(client.skus.list({}, { limit: 1 })).then(
        () => 'ok' as const,
        () => 'failed' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
