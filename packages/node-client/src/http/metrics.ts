/**
 * Prometheus metrics of the HTTP API with prom-client: request counts and latency by route,
 * verification outcomes and server-side errors, plus Node's default process metrics, in a
 * registry of their own (never prom-client's global one).
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { HandlerMetrics } from './observe.js';

export interface Metrics extends HandlerMetrics {
  readonly registry: Registry;
  /** The exposition text and its content type, for a scrape. */
  scrape(): Promise<{ body: string; contentType: string }>;
}

/**
 * A metrics registry for `createHandler({ metrics })`, which then serves it at `GET /v1/metrics`
 * (read keys).
 *
 * @example
 * const metrics = createMetrics();
 * const handler = createHandler(client, { apiKeys, metrics });
 */
export function createMetrics(
  options: { prefix?: string; processMetrics?: boolean } = {},
): Metrics {
  const prefix = options.prefix ?? 'serialkit_';
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix });
  const requests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'Time to the head of the answer, by route and method',
    labelNames: ['route', 'method'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const verifications = new Counter({
    name: `${prefix}verifications_total`,
    help: 'Public verifications, by outcome',
    labelNames: ['status'],
    registers: [registry],
  });
  const errors = new Counter({
    name: `${prefix}errors_total`,
    help: 'Server-side errors: unavailable (the store could not be reached) or internal',
    labelNames: ['code'],
    registers: [registry],
  });
  return {
    registry,
    request(route, method, status, seconds) {
      const label = route ?? 'unmatched';
      requests.inc({ route: label, method, status: String(status) });
      latency.observe({ route: label, method }, seconds);
    },
    verification(status) {
      verifications.inc({ status });
    },
    error(code) {
      errors.inc({ code });
    },
    async scrape() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
