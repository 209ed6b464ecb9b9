/**
 * What a route is: method, path, who may call it, the zod schemas of its query, body and
 * answers, and the function that answers. The same table drives the router, input validation
 * and the OpenAPI document, so they cannot disagree.
 */
import type { z } from 'zod';
import type { SerialStore } from '../store.js';
import type { Method } from './router.js';

export type Tag =
  | 'public'
  | 'skus'
  | 'serials'
  | 'shipments'
  | 'orders'
  | 'returns'
  | 'recalls'
  | 'owners'
  | 'warranty'
  | 'tracing'
  | 'events'
  | 'imports'
  | 'exports'
  | 'stats'
  | 'store'
  | 'meta'
  | 'webhooks'
  | 'platforms';

/**
 * `public`: anyone (CORS, rate limit); `read`/`write`: an API key of that scope; `store`: a
 * store key (the store protocol); `none`: anyone, no rate limit (health, OpenAPI).
 */
export type RouteAccess = 'public' | 'read' | 'write' | 'store' | 'none';

export interface RouteResponse {
  status: number;
  description: string;
  /** JSON answer schema (omitted for empty or non-JSON answers). */
  schema?: z.ZodType;
  /** Media type when not JSON, e.g. text/csv. */
  contentType?: string;
}

export interface RouteContext<Q = unknown, B = unknown> {
  request: Request;
  url: URL;
  params: Record<string, string>;
  query: Q;
  body: B;
  /** The limit for streamed (CSV) bodies. */
  maxImportBytes: number;
  /** Hashed fingerprint of the caller (its network); never the raw address. */
  fingerprint: () => string;
  /** The caller's address as the rate limits key it (see `trustProxy`). */
  address: () => string;
  /** The store behind the client, for the store protocol (undefined when not available). */
  store: SerialStore | undefined;
}

export interface Route<Q = unknown, B = unknown> {
  method: Exclude<Method, 'HEAD' | 'OPTIONS'>;
  /** Path below the base path, with `:name` parameters, e.g. `/v1/skus/:sku`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  access: RouteAccess;
  /** Path parameters, documented in the OpenAPI document. */
  params?: Record<string, string>;
  query?: z.ZodType<Q>;
  /** JSON body schema, or 'csv' for a streamed text/csv body the route reads itself. */
  body?: z.ZodType<B> | 'csv';
  /** Largest JSON body for this route, when not the handler's `maxBodyBytes`. */
  maxBodyBytes?: number;
  /** Writes honour `Idempotency-Key`. */
  idempotent?: boolean;
  responses: RouteResponse[];
  handle(context: RouteContext<Q, B>): Promise<Response> | Response;
}

/** Typed constructor: infers the query and body types from their schemas. */
export function defineRoute<Q = undefined, B = undefined>(route: Route<Q, B>): Route {
  return route as unknown as Route;
}
