/**
 * How serialkit's remote clients (the HTTP store and the service client) talk to a service:
 * every attempt has a time limit; connection errors, timeouts, 408, 429 and 5xx (but 501) are
 * retried with exponential backoff and full jitter, honouring Retry-After up to a limit; writes
 * carry an `Idempotency-Key` that stays the same across the retries of one call, so a retried
 * write is applied once; an error answer becomes the typed `SerialkitError` of its code, with
 * the service's request id. Isomorphic: no Node-only module.
 */
import {
  ConnectionError,
  errorFromResponse,
  isRetryableStatus,
  type SerialkitError,
} from '../errors.js';

/** Timeouts and retries of a remote client. */
export interface RetryOptions {
  /** Time limit of one attempt, in ms. Default 10,000. */
  timeout?: number;
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** First backoff step and cap, in ms. Defaults 100 and 5,000. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Longest Retry-After (seconds) worth waiting for; longer ones fail at once. Default 30. */
  maxRetryAfter?: number;
  /** A fetch implementation (tests, proxies). Default: the global fetch. */
  fetch?: typeof fetch;
}

/** {@link RetryOptions} with every default applied. */
export interface RetryPolicy {
  readonly timeout: number;
  readonly retries: number;
  readonly initialMs: number;
  readonly maxMs: number;
  readonly maxRetryAfter: number;
  readonly fetch: typeof fetch;
}

export function retryPolicy(options: RetryOptions): RetryPolicy {
  return {
    timeout: options.timeout ?? 10_000,
    retries: options.retries ?? 3,
    initialMs: options.backoff?.initialMs ?? 100,
    maxMs: options.backoff?.maxMs ?? 5_000,
    maxRetryAfter: options.maxRetryAfter ?? 30,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  };
}

/** One request, re-sendable: its body is a string (or absent), never a stream. */
export interface RemoteRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** A change: it gets an `Idempotency-Key` (unless it carries one) that its retries repeat. */
  write: boolean;
  /** Cancels the call, retries included. */
  signal?: AbortSignal | undefined;
}

/**
 * Sends `request` until an answer is accepted, retrying as the module header says, and returns
 * what `read` makes of the first successful (2xx) answer. A `read` that fails (a body cut off
 * mid-way) counts as a connection error and is retried.
 */
export async function sendWithRetries<T>(
  policy: RetryPolicy,
  request: RemoteRequest,
  read: (response: Response) => Promise<T>,
  service: string,
): Promise<T> {
  const headers = { ...request.headers };
  if (
    request.write &&
    !Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')
  ) {
    headers['idempotency-key'] = globalThis.crypto.randomUUID();
  }
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(policy, { ...request, headers }, read, service);
    if (outcome.ok) return outcome.value;
    if (request.signal?.aborted || !outcome.retry || attempt >= policy.retries) throw outcome.error;
    // Full jitter: a random wait up to the exponential step spreads out retrying clients.
    const step = Math.min(policy.maxMs, policy.initialMs * 2 ** attempt);
    await sleep(outcome.waitMs ?? Math.random() * step);
  }
}

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: SerialkitError; retry: boolean; waitMs?: number };

async function attemptOnce<T>(
  policy: RetryPolicy,
  request: RemoteRequest,
  read: (response: Response) => Promise<T>,
  service: string,
): Promise<Outcome<T>> {
  const timeout = AbortSignal.timeout(policy.timeout);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await policy.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
    });
  } catch (cause) {
    return { ok: false, error: connectionError(cause, policy.timeout, service), retry: true };
  }
  if (response.ok) {
    try {
      return { ok: true, value: await read(response) };
    } catch (cause) {
      return { ok: false, error: connectionError(cause, policy.timeout, service), retry: true };
    }
  }
  const error = await errorFromResponse(response);
  if (response.status === 429) {
    const retryAfter = retryAfterSeconds(response, error);
    if (retryAfter === undefined) return { ok: false, error, retry: true };
    if (retryAfter > policy.maxRetryAfter) return { ok: false, error, retry: false };
    return { ok: false, error, retry: true, waitMs: retryAfter * 1000 };
  }
  return { ok: false, error, retry: isRetryableStatus(response.status) };
}

function retryAfterSeconds(response: Response, error: SerialkitError): number | undefined {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, (date - Date.now()) / 1000);
  }
  const detail = error.details?.retryAfter;
  return typeof detail === 'number' ? detail : undefined;
}

function connectionError(cause: unknown, timeout: number, service: string): SerialkitError {
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'TimeoutError') {
    return new ConnectionError(`The ${service} did not answer within ${timeout} ms`, { cause });
  }
  if (name === 'AbortError') {
    return new ConnectionError(`The call to the ${service} was cancelled`, {
      cause,
      retryable: false,
    });
  }
  const message = (cause as Error | null)?.message ?? String(cause);
  return new ConnectionError(`Could not reach the ${service}: ${message}`, { cause });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
