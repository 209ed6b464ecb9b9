import type {
  FormatHints,
  OwnerRegistrationRequest,
  PublicReturnCheckRequest,
  VerifyRequest,
} from '@serialkit/core';
import type { OwnerAnswer, ReturnAnswer, VerifyAnswer } from './answers.js';
import { ApiError } from './api-error.js';
import {
  readErrorBody,
  readFormatHints,
  readOwnerRegistration,
  readReturnCheck,
  readVerifyResult,
} from './response-checks.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the serialkit service (`https://shop.example/serialkit`), or '' for this origin. */
  endpoint: string;
  /** Milliseconds before a request is abandoned. Default 10 000. */
  timeout?: number;
  /** The fetch to use. Default: the global one, looked up on each call (so tests can replace it). */
  fetch?: typeof fetch;
}

/** The answer of {@link ApiClient.formats}. */
export type FormatHintsResponse =
  | { notModified: true }
  | { notModified: false; hints: FormatHints; etag: string | undefined };

/** The public routes of the serialkit service that the element uses. */
export interface ApiClient {
  /** `POST /v1/verify`. */
  verify(request: VerifyRequest, signal?: AbortSignal): Promise<VerifyAnswer>;
  /** `POST /v1/returns/check`. */
  checkReturn(request: PublicReturnCheckRequest, signal?: AbortSignal): Promise<ReturnAnswer>;
  /** `POST /v1/owners`: the customer registers the unit they own. */
  registerOwner(request: OwnerRegistrationRequest, signal?: AbortSignal): Promise<OwnerAnswer>;
  /** `GET /v1/formats`, conditional on the ETag of the copy already held. */
  formats(etag?: string, signal?: AbortSignal): Promise<FormatHintsResponse>;
}

/** Resolves `path` against the endpoint, keeping the endpoint's own path. */
export function routeUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${path}`;
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * A small fetch client for the public routes, with a timeout per request and every failure
 * turned into an {@link ApiError} whose `kind` the element can explain.
 *
 * @example
 * const api = createApiClient({ endpoint: 'https://shop.example/serialkit' });
 * const result = await api.verify({ input: 'SN-2024-0001238' });
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeout = options.timeout ?? 10_000;

  async function request(
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const controller = new AbortController();
    const abort = () => controller.abort(init.signal?.reason);
    if (init.signal?.aborted) abort();
    init.signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      return await (options.fetch ?? fetch)(routeUrl(options.endpoint, path), {
        method,
        headers,
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: controller.signal,
        // The element keeps its own copy of the format hints (see cache/); a conditional request
        // must reach the service so that a 304 comes back to us rather than to the HTTP cache.
        cache: 'no-store',
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      if (timedOut) throw new ApiError('timeout', `no answer within ${timeout} ms`, { cause });
      if (typeof navigator !== 'undefined' && navigator.onLine === false)
        throw new ApiError('offline', 'the browser is offline', { cause });
      throw new ApiError('network', 'the service could not be reached', { cause });
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', abort);
    }
  }

  async function readJson<T>(response: Response, read: (value: unknown) => T | undefined) {
    if (!response.ok) throw await errorFromResponse(response);
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ApiError('invalid_response', 'the answer is not JSON', {
        status: response.status,
        cause,
      });
    }
    const value = read(body);
    if (value === undefined)
      throw new ApiError('invalid_response', 'the answer does not have the expected shape', {
        status: response.status,
      });
    return value;
  }

  return {
    async verify(body, signal) {
      const response = await request('POST', '/v1/verify', { body, ...(signal && { signal }) });
      return readJson(response, readVerifyResult);
    },
    async checkReturn(body, signal) {
      const response = await request('POST', '/v1/returns/check', {
        body,
        ...(signal && { signal }),
      });
      return readJson(response, readReturnCheck);
    },
    async registerOwner(body, signal) {
      const response = await request('POST', '/v1/owners', { body, ...(signal && { signal }) });
      return readJson(response, readOwnerRegistration);
    },
    async formats(etag, signal) {
      const response = await request('GET', '/v1/formats', {
        ...(etag && { headers: { 'if-none-match': etag } }),
        ...(signal && { signal }),
      });
      if (response.status === 304) return { notModified: true };
      const hints = await readJson(response, readFormatHints);
      return {
        notModified: false,
        hints,
        etag: response.headers.get('etag') ?? `"${hints.version}"`,
      };
    },
  };
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  let body: ReturnType<typeof readErrorBody>;
  try {
    body = readErrorBody(await response.json());
  } catch {
    // An error page from a proxy or CDN: the status says enough.
  }
  const init = {
    status,
    ...(body && { code: body.code, issues: body.issues }),
  };
  const message = body?.message ?? `HTTP ${status}`;
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new ApiError('rate_limited', message, {
      ...init,
      ...(retryAfter !== undefined && { retryAfter }),
    });
  }
  if (status >= 400 && status < 500) return new ApiError('rejected', message, init);
  return new ApiError('server', message, init);
}
