import type { Issue } from '@serialkit/core';

/**
 * Why a request to the serialkit service failed, as the element explains it to customers:
 * - `offline`: the browser says it has no network;
 * - `network`: the request did not reach the service (DNS, CORS, connection reset);
 * - `timeout`: no answer within the element's `timeout`;
 * - `rate_limited`: HTTP 429; `retryAfter` says for how many seconds;
 * - `rejected`: HTTP 4xx, e.g. the service refused the input (`issues` say why);
 * - `server`: HTTP 5xx or an error page;
 * - `invalid_response`: a 2xx answer that is not the JSON the route promises.
 */
export type ApiErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'rejected'
  | 'server'
  | 'invalid_response';

/** A failed request to the serialkit service. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** What went wrong, see {@link ApiErrorKind}. */
  readonly kind: ApiErrorKind;
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** The service's error code (`rate_limited`, `validation_failed`…), when it sent one. */
  readonly code: string | undefined;
  /** Seconds to wait before asking again (429 only). */
  readonly retryAfter: number | undefined;
  /** Validation issues the service sent with the error. */
  readonly issues: Issue[];

  constructor(
    kind: ApiErrorKind,
    message: string,
    init: {
      status?: number;
      code?: string;
      retryAfter?: number;
      issues?: Issue[];
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfter = init.retryAfter;
    this.issues = init.issues ?? [];
  }
}

/** Whether retrying the same request later may succeed. */
export function isTransient(error: ApiError): boolean {
  return error.kind !== 'rejected' && error.kind !== 'invalid_response';
}
