/**
 * serialkit's typed errors. Every error a client, store or handler raises on purpose is a
 * `SerialkitError` with a stable `code`, an HTTP-like `status`, and `retryable`.
 * `isInstance` works across duplicate copies of this package (it checks a brand, not the class).
 *
 * @example
 * try {
 *   await client.shipments.create(order);
 * } catch (error) {
 *   if (ConflictError.isInstance(error)) console.log(error.details);
 * }
 */
import type { ErrorCode, Issue } from '@serialkit/core';

const brand = Symbol.for('serialkit.error');

export interface SerialkitErrorOptions {
  status?: number;
  retryable?: boolean;
  cause?: unknown;
  issues?: Issue[];
  details?: Record<string, unknown>;
  /** The `X-Request-Id` of the service's answer, for errors that came from a serialkit service. */
  requestId?: string;
}

export class SerialkitError extends Error {
  override readonly name: string = 'SerialkitError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly issues: Issue[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** The service's request id (its `X-Request-Id`) when the error came from a remote service: quote it to its operator. */
  readonly requestId: string | undefined;

  constructor(code: ErrorCode, message: string, options: SerialkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 500;
    this.retryable = options.retryable ?? false;
    this.issues = options.issues;
    this.details = options.details;
    this.requestId = options.requestId;
    Object.defineProperty(this, brand, { value: true });
  }

  /** True for any serialkit error, even from another copy of this package. */
  static isInstance(error: unknown): error is SerialkitError {
    return typeof error === 'object' && error !== null && brand in error;
  }

  /** The JSON body the HTTP API sends for this error. */
  toJSON(): {
    error: {
      code: ErrorCode;
      message: string;
      issues?: Issue[];
      details?: Record<string, unknown>;
    };
  } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

/** What the service says about an error code: its HTTP status, whether a retry may help, and when it is sent. */
export interface ErrorCodeInfo {
  readonly status: number;
  readonly retryable: boolean;
  /** The error class of this package that carries it, if any. */
  readonly className?: string;
  readonly when: string;
}

/**
 * Every error code serialkit sends, in one list: the error classes take their status from it,
 * the HTTP layer answers with it, and the README's error table is checked against it.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    retryable: false,
    className: 'ValidationError',
    when: 'input that fails validation; `issues` say what and where',
  },
  bad_request: {
    status: 400,
    retryable: false,
    className: 'BadRequestError',
    when: 'a request that is not well-formed (e.g. a foreign cursor, malformed JSON)',
  },
  unauthorized: {
    status: 401,
    retryable: false,
    className: 'AuthError',
    when: 'missing or wrong API key',
  },
  forbidden: {
    status: 403,
    retryable: false,
    className: 'ForbiddenError',
    when: 'a key without the scope this needs (a read-only key for a change)',
  },
  not_found: {
    status: 404,
    retryable: false,
    className: 'NotFoundError',
    when: 'no such SKU, unit, recall or route',
  },
  method_not_allowed: {
    status: 405,
    retryable: false,
    when: 'a route that exists, called with another method; `Allow` lists the methods',
  },
  conflict: {
    status: 409,
    retryable: false,
    className: 'ConflictError',
    when: 'the current state forbids the change; `details` say why',
  },
  payload_too_large: {
    status: 413,
    retryable: false,
    when: "a request body over the route's limit",
  },
  unsupported_media_type: {
    status: 415,
    retryable: false,
    when: "a body that is not the route's content type (JSON, or CSV for imports)",
  },
  rate_limited: {
    status: 429,
    retryable: true,
    className: 'RateLimitError',
    when: 'too many requests; `retryAfter` in seconds',
  },
  internal: {
    status: 500,
    retryable: false,
    when: 'a fault of the service; the answer says no more, its log has the cause under the request id',
  },
  unavailable: {
    status: 503,
    retryable: true,
    className: 'ConnectionError',
    when: 'the store or service could not be reached or timed out',
  },
} as const satisfies Record<ErrorCode, ErrorCodeInfo>;

function subclass<C extends ErrorCode>(name: string, code: C) {
  const { status, retryable } = ERROR_CODES[code];
  return class extends SerialkitError {
    override readonly name = name;
    constructor(message: string, options: Omit<SerialkitErrorOptions, 'status'> = {}) {
      super(code, message, { status, retryable, ...options });
    }
    static override isInstance(error: unknown): error is SerialkitError {
      return SerialkitError.isInstance(error) && error.code === code;
    }
  };
}

/** A SKU, serial, recall or route that does not exist (404). */
export class NotFoundError extends subclass('NotFoundError', 'not_found') {}
/** Input that fails validation; `issues` says what and where (400). */
export class ValidationError extends subclass('ValidationError', 'validation_failed') {}
/** A request that is not well-formed (400). */
export class BadRequestError extends subclass('BadRequestError', 'bad_request') {}
/** A state that forbids the change: not in stock, already shipped, duplicate (409). */
export class ConflictError extends subclass('ConflictError', 'conflict') {}
/** Missing or wrong API key (401). */
export class AuthError extends subclass('AuthError', 'unauthorized') {}
/** A valid key without the scope this needs (403). */
export class ForbiddenError extends subclass('ForbiddenError', 'forbidden') {}
/** Too many requests; `retryAfter` in seconds (429). */
export class RateLimitError extends subclass('RateLimitError', 'rate_limited') {
  get retryAfter(): number | undefined {
    const value = this.details?.retryAfter;
    return typeof value === 'number' ? value : undefined;
  }
}
/** The store or service could not be reached or timed out (503). */
export class ConnectionError extends subclass('ConnectionError', 'unavailable') {}

/** Statuses worth another attempt: timeouts, rate limits and server errors (but 501). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

const ERRORS: Partial<
  Record<
    ErrorCode,
    new (
      message: string,
      options?: Omit<SerialkitErrorOptions, 'status'>,
    ) => SerialkitError
  >
> = {
  unauthorized: AuthError,
  forbidden: ForbiddenError,
  not_found: NotFoundError,
  validation_failed: ValidationError,
  bad_request: BadRequestError,
  conflict: ConflictError,
  rate_limited: RateLimitError,
  unavailable: ConnectionError,
};

/**
 * The typed error of a serialkit service's error answer (body `{ error: { code, message,
 * issues?, details? } }`), carrying its request id; an answer without that body becomes a
 * `SerialkitError` of its status.
 */
export async function errorFromResponse(response: Response): Promise<SerialkitError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (
    body as
      | {
          error?: {
            code?: string;
            message?: string;
            issues?: Issue[];
            details?: Record<string, unknown>;
          };
        }
      | undefined
  )?.error;
  const code = (typeof error?.code === 'string' ? error.code : undefined) as ErrorCode | undefined;
  const message = error?.message ?? `HTTP ${response.status} ${response.statusText}`.trim();
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const options = {
    ...(error?.issues ? { issues: error.issues } : {}),
    ...(error?.details ? { details: error.details } : {}),
    ...(requestId ? { requestId } : {}),
  };
  if (response.status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const details = { ...options.details };
    if (Number.isFinite(header) && details.retryAfter === undefined) details.retryAfter = header;
    return new RateLimitError(message, { ...options, details });
  }
  const Class = code ? ERRORS[code] : undefined;
  if (Class) return new Class(message, options);
  return new SerialkitError(
    code ?? (response.status >= 500 ? 'internal' : 'bad_request'),
    message,
    {
      status: response.status,
      retryable: isRetryableStatus(response.status),
      ...options,
    },
  );
}
