/**
 * Response helpers shared by every route: JSON bodies, the one error body shape, and the
 * security headers every API answer carries.
 */
import { ERROR_CODES, SerialkitError } from '../errors.js';
import { lazyBodyOf, lazyFieldsOf, lazyResponse } from './node/lazy-response.js';

/** The already-serialized body of a Response made by {@link json} and not built yet, if any. */
export function rawBodyOf(response: Response): string | undefined {
  return lazyBodyOf(response);
}

/**
 * The header fields of a Response made by {@link json} whose Headers were never built, by
 * lower-case name; undefined otherwise (read `response.headers` then).
 */
export function rawHeadersOf(response: Response): Readonly<Record<string, string>> | undefined {
  return lazyFieldsOf(response);
}

/** Headers on every API response: nothing in it may be sniffed, framed or cached by accident. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
};

export type HeaderInit = Record<string, string>;

/** The header fields of an answer, by lower-case name. */
function baseFields(contentType: string | null, extra?: HeaderInit): Record<string, string> {
  const fields: Record<string, string> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
  if (contentType) fields['content-type'] = contentType;
  if (extra) for (const name in extra) fields[name.toLowerCase()] = extra[name]!;
  return fields;
}

function baseHeaders(contentType: string | null, extra?: HeaderInit): Headers {
  return new Headers(baseFields(contentType, extra));
}

/**
 * The fields of a JSON answer: `SECURITY_HEADERS`, no caching, the JSON media type. Written out as
 * a literal, which V8 builds many times faster than a copy of the constant (every answer makes
 * one); a test checks that both agree.
 */
export function jsonFields(): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
    'content-type': 'application/json; charset=utf-8',
  };
}

/**
 * A JSON response. `JSON.stringify` escapes nothing HTML-specific, so `<`, `>` and `&` are
 * escaped as \u003c… too: a body echoed into a page by a careless consumer cannot close a tag.
 */
export function json(body: unknown, status = 200, headers?: HeaderInit): Response {
  const text = escapeJson(JSON.stringify(body));
  const fields = jsonFields();
  if (headers) for (const name in headers) fields[name.toLowerCase()] = headers[name]!;
  return lazyResponse(text, status, fields);
}

const unsafeJson = /[<>&\u2028\u2029]/g;
const hasUnsafeJson = /[<>&\u2028\u2029]/;
const jsonEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function escapeJson(text: string): string {
  return hasUnsafeJson.test(text) ? text.replace(unsafeJson, (c) => jsonEscapes[c]!) : text;
}

/** An empty response (204, 304). */
export function empty(status: number, headers?: HeaderInit): Response {
  return new Response(null, { status, headers: baseHeaders(null, headers) });
}

/** A streamed text response (CSV exports). */
export function stream(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  headers?: HeaderInit,
): Response {
  return new Response(body, { status: 200, headers: baseHeaders(contentType, headers) });
}

/** What a caller reads for a server-side failure: its messages name hosts, ports and drivers. */
const SERVER_MESSAGES: Record<number, string> = {
  503: 'The service is unavailable for a moment; retry shortly',
};

/**
 * The response for any thrown value: serialkit errors keep their code, anything else is a 500.
 * A server-side error (5xx) keeps only its code and, when it has one, `retryAfter`: its message
 * and details (a driver's text with an internal host and port) go to `onInternal` alone.
 */
export function errorResponse(error: unknown, onInternal?: (error: unknown) => void): Response {
  if (SerialkitError.isInstance(error)) {
    const status = error.status >= 400 && error.status <= 599 ? error.status : 500;
    if (status >= 500) {
      onInternal?.(error);
      const retryAfter = error.details?.retryAfter;
      const retry = typeof retryAfter === 'number' ? retryAfter : undefined;
      const body = {
        error: {
          code: error.code,
          message: SERVER_MESSAGES[status] ?? 'Internal server error',
          ...(retry === undefined ? {} : { details: { retryAfter: retry } }),
        },
      };
      return json(body, status, retry === undefined ? {} : { 'retry-after': String(retry) });
    }
    const headers: HeaderInit = {};
    const retryAfter = error.details?.retryAfter;
    if (status === 429 && typeof retryAfter === 'number')
      headers['retry-after'] = String(retryAfter);
    if (status === 401) headers['www-authenticate'] = 'Bearer realm="serialkit"';
    const allow = error.details?.allow;
    if (status === 405 && Array.isArray(allow)) headers.allow = allow.join(', ');
    return json(error.toJSON(), status, headers);
  }
  onInternal?.(error);
  // The cause stays in the server's log; the client learns only that it was not its fault.
  return json({ error: { code: 'internal', message: 'Internal server error' } }, 500);
}

/** Shorthand for the errors the HTTP layer raises itself. */
export function httpError(
  code: 'method_not_allowed' | 'payload_too_large' | 'unsupported_media_type',
  message: string,
  details?: Record<string, unknown>,
): SerialkitError {
  const { status } = ERROR_CODES[code];
  return new SerialkitError(code, message, { status, ...(details ? { details } : {}) });
}

const encoder = new TextEncoder();

/**
 * A streamed response from an async iterable of text chunks, pulled only as fast as the client
 * reads. The first chunk is awaited before answering, so an error raised up front (an unknown
 * recall, a bad filter) still becomes a proper JSON error instead of a cut-off 200.
 */
export async function streamText(
  source: AsyncIterable<string | Uint8Array>,
  contentType: string,
  headers?: HeaderInit,
): Promise<Response> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (first.done) controller.close();
        else controller.enqueue(toBytes(first.value));
      },
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(toBytes(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
  return stream(body, contentType, headers);
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}
