/**
 * The HTTP store: a `SerialStore` that lives behind a serialkit service's store protocol
 * (`createHandler(client, { storeProtocol: true })`, or any server speaking it). Every call is
 * `POST {baseUrl}/v1/store/<method>`. Calls are retried with exponential backoff and full
 * jitter on connection errors, timeouts, 5xx and 429 (honouring Retry-After); writes carry an
 * `Idempotency-Key` that stays the same across retries, so a retried write is applied once.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorCode, Issue } from '@serialkit/core';
import {
  AuthError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  SerialkitError,
  ValidationError,
} from '../errors.js';
import type {
  SerialStore,
  StoreCapabilities,
  VerificationOutcomeChange,
  VerificationOutcomeResult,
} from '../store.js';
import { STORE_METHODS, type StoreMethodName } from '../store-protocol-methods.js';

export interface HttpStoreOptions {
  /** Root of the service, e.g. `https://serials.example` (or with its base path). */
  baseUrl: string;
  /** A `write` API key of that service. */
  apiKey: string;
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
  /** Overrides of the reported capabilities. */
  capabilities?: Partial<Omit<StoreCapabilities, 'name'>>;
}

/**
 * Creates a store that talks to a serialkit service over HTTP.
 *
 * @example
 * const store = httpStore({ baseUrl: 'http://127.0.0.1:8787', apiKey: process.env.SERIALKIT_API_KEY! });
 * const client = createSerialClient({ store });
 * await client.serials.lookup('SN-2024-0001238');
 */
export function httpStore(options: HttpStoreOptions): SerialStore {
  return new HttpStore(options);
}

class HttpStore implements SerialStore {
  readonly capabilities: StoreCapabilities;
  readonly #base: string;
  readonly #auth: string;
  readonly #timeout: number;
  readonly #retries: number;
  readonly #initial: number;
  readonly #max: number;
  readonly #maxRetryAfter: number;
  readonly #fetch: typeof fetch;
  #closed = false;

  constructor(options: HttpStoreOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`httpStore baseUrl must be http(s): ${options.baseUrl}`);
    }
    if (!options.apiKey) throw new TypeError('httpStore needs an apiKey');
    this.#base = `${url.origin}${url.pathname.replace(/\/+$/, '')}/v1/store/`;
    this.#auth = `Bearer ${options.apiKey}`;
    this.#timeout = options.timeout ?? 10_000;
    this.#retries = options.retries ?? 3;
    this.#initial = options.backoff?.initialMs ?? 100;
    this.#max = options.backoff?.maxMs ?? 5_000;
    this.#maxRetryAfter = options.maxRetryAfter ?? 30;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.capabilities = {
      name: 'http',
      persistent: true,
      concurrentWriters: true,
      preferredBatchSize: 2_000,
      ...options.capabilities,
    };
  }

  async close(): Promise<void> {
    // The remote store belongs to the service: closing only ends this client's use of it.
    this.#closed = true;
  }

  async call(method: StoreMethodName, values: unknown[]): Promise<unknown> {
    if (this.#closed) {
      throw new SerialkitError('unavailable', 'The http store is closed', { status: 503 });
    }
    const spec = STORE_METHODS[method];
    const args: Record<string, unknown> = {};
    spec.args.forEach((name, index) => {
      if (values[index] !== undefined) args[name] = values[index];
    });
    const body = JSON.stringify(args);
    const headers: Record<string, string> = {
      authorization: this.#auth,
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (spec.write) headers['idempotency-key'] = randomUUID();

    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(method, headers, body);
      if (outcome.ok) return outcome.value;
      if (!outcome.retry || attempt >= this.#retries) throw outcome.error;
      // Full jitter: a random wait up to the exponential step spreads out retrying clients.
      const step = Math.min(this.#max, this.#initial * 2 ** attempt);
      await sleep(outcome.waitMs ?? Math.random() * step);
    }
  }

  async #attempt(
    method: StoreMethodName,
    headers: Record<string, string>,
    body: string,
  ): Promise<
    | { ok: true; value: unknown }
    | { ok: false; error: SerialkitError; retry: boolean; waitMs?: number }
  > {
    let response: Response;
    try {
      response = await this.#fetch(this.#base + method, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.#timeout),
      });
    } catch (cause) {
      return { ok: false, error: connectionError(cause, this.#timeout), retry: true };
    }
    if (response.ok) {
      try {
        return { ok: true, value: response.status === 204 ? undefined : await response.json() };
      } catch (cause) {
        // A body cut off mid-way is a connection problem, not an answer.
        return { ok: false, error: connectionError(cause, this.#timeout), retry: true };
      }
    }
    const error = await errorFrom(response);
    if (response.status === 429) {
      const retryAfter = retryAfterSeconds(response, error);
      if (retryAfter === undefined) return { ok: false, error, retry: true };
      if (retryAfter > this.#maxRetryAfter) return { ok: false, error, retry: false };
      return { ok: false, error, retry: true, waitMs: retryAfter * 1000 };
    }
    return { ok: false, error, retry: isRetryableStatus(response.status) };
  }

  migrate() {
    return this.call('migrate', []) as ReturnType<SerialStore['migrate']>;
  }
  getSku(...a: Parameters<SerialStore['getSku']>) {
    return this.call('getSku', a) as ReturnType<SerialStore['getSku']>;
  }
  putSku(...a: Parameters<SerialStore['putSku']>) {
    return this.call('putSku', a) as ReturnType<SerialStore['putSku']>;
  }
  listSkus(...a: Parameters<SerialStore['listSkus']>) {
    return this.call('listSkus', a) as ReturnType<SerialStore['listSkus']>;
  }
  insertSerials(...a: Parameters<SerialStore['insertSerials']>) {
    return this.call('insertSerials', a) as ReturnType<SerialStore['insertSerials']>;
  }
  getSerial(...a: Parameters<SerialStore['getSerial']>) {
    return this.call('getSerial', a) as ReturnType<SerialStore['getSerial']>;
  }
  findSerial(...a: Parameters<SerialStore['findSerial']>) {
    return this.call('findSerial', a) as ReturnType<SerialStore['findSerial']>;
  }
  listSerials(...a: Parameters<SerialStore['listSerials']>) {
    return this.call('listSerials', a) as ReturnType<SerialStore['listSerials']>;
  }
  countSerials(...a: Parameters<SerialStore['countSerials']>) {
    return this.call('countSerials', a) as ReturnType<SerialStore['countSerials']>;
  }
  transition(...a: Parameters<SerialStore['transition']>) {
    return this.call('transition', a) as ReturnType<SerialStore['transition']>;
  }
  markRecalled(...a: Parameters<SerialStore['markRecalled']>) {
    return this.call('markRecalled', a) as ReturnType<SerialStore['markRecalled']>;
  }
  appendEvents(...a: Parameters<SerialStore['appendEvents']>) {
    return this.call('appendEvents', a) as ReturnType<SerialStore['appendEvents']>;
  }
  listEvents(...a: Parameters<SerialStore['listEvents']>) {
    return this.call('listEvents', a) as ReturnType<SerialStore['listEvents']>;
  }
  putRecall(...a: Parameters<SerialStore['putRecall']>) {
    return this.call('putRecall', a) as ReturnType<SerialStore['putRecall']>;
  }
  getRecall(...a: Parameters<SerialStore['getRecall']>) {
    return this.call('getRecall', a) as ReturnType<SerialStore['getRecall']>;
  }
  listRecalls(...a: Parameters<SerialStore['listRecalls']>) {
    return this.call('listRecalls', a) as ReturnType<SerialStore['listRecalls']>;
  }
  insertOwner(...a: Parameters<SerialStore['insertOwner']>) {
    return this.call('insertOwner', a) as ReturnType<SerialStore['insertOwner']>;
  }
  getOwner(...a: Parameters<SerialStore['getOwner']>) {
    return this.call('getOwner', a) as ReturnType<SerialStore['getOwner']>;
  }
  listOwners(...a: Parameters<SerialStore['listOwners']>) {
    return this.call('listOwners', a) as ReturnType<SerialStore['listOwners']>;
  }
  eraseOwner(...a: Parameters<SerialStore['eraseOwner']>) {
    return this.call('eraseOwner', a) as ReturnType<SerialStore['eraseOwner']>;
  }
  recordVerification(...a: Parameters<SerialStore['recordVerification']>) {
    return this.call('recordVerification', a) as ReturnType<SerialStore['recordVerification']>;
  }
  setVerificationOutcome(change: VerificationOutcomeChange) {
    return this.call('setVerificationOutcome', [change]) as Promise<VerificationOutcomeResult>;
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
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

function connectionError(cause: unknown, timeout: number): SerialkitError {
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ConnectionError(`The store service did not answer within ${timeout} ms`, { cause });
  }
  const message = (cause as Error | null)?.message ?? String(cause);
  return new ConnectionError(`Could not reach the store service: ${message}`, { cause });
}

const ERRORS: Partial<
  Record<
    ErrorCode,
    new (
      message: string,
      options?: { issues?: Issue[]; details?: Record<string, unknown> },
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

/** The typed error of an error response (its body shape is `{ error: { code, message } }`). */
export async function errorFrom(response: Response): Promise<SerialkitError> {
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
  const options = {
    ...(error?.issues ? { issues: error.issues } : {}),
    ...(error?.details ? { details: error.details } : {}),
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
