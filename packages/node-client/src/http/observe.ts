/**
 * What the handler tells an operator about each request: a request id (taken from a well-formed
 * `X-Request-Id`, else generated) returned in the `X-Request-Id` header, one log entry per
 * answer, and the hooks a metrics registry implements (see `metrics.ts`).
 */
import { randomUUID } from 'node:crypto';
import { SerialkitError } from '../errors.js';

/** One answered request, as `onResponse` receives it. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  /** The route's path pattern (`/v1/serials/:serial`), or null when no route matched. */
  route: string | null;
  status: number;
  /** Time to the answer's head, in milliseconds. */
  ms: number;
}

/** What a metrics registry records; every method is called on the request's path. */
export interface HandlerMetrics {
  /** A request answered, by route pattern (`null`: no route), method and status. */
  request(route: string | null, method: string, status: number, seconds: number): void;
  /** A public verification's outcome. */
  verification(status: string): void;
  /** A server-side error: `unavailable` (the store could not be reached) or `internal`. */
  error(code: string): void;
}

const WELL_FORMED_ID = /^[\w.:@-]{1,128}$/;

/** The request id: the caller's `X-Request-Id` when it is well-formed, else a new UUID. */
export function requestIdOf(header: string | null | undefined): string {
  return header && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

/** The label of a server-side error for metrics. */
export function errorCodeOf(error: unknown): string {
  return SerialkitError.isInstance(error) && error.code === 'unavailable'
    ? 'unavailable'
    : 'internal';
}
