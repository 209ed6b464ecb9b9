/**
 * Lazily built Requests for the Node adapter. Constructing a WHATWG Request (and reading its
 * body back through a web stream) costs more than routing, validating and answering a small
 * JSON request. `toNodeListener` therefore hands handlers that opt in (`acceptsLazyRequests`)
 * an object that is a Request (`instanceof Request`, every property and method) whose real
 * Request is built only when something other than `url`, `method` and `headers` is used; the
 * body it already read is offered directly through `bodyOf`.
 */

import { forwardingPrototype } from './lazy-prototype.js';

/** Marks a handler that accepts lazy Requests (it never passes them to `new Request(…)`). */
export const acceptsLazyRequests: unique symbol = Symbol.for('serialkit.acceptsLazyRequests');

const state = Symbol('serialkit.lazyRequest');

interface LazyState {
  url: string;
  method: string;
  /** Header names and values as received, alternating (Node's `rawHeaders`). */
  rawHeaders: readonly string[];
  /** Built from `rawHeaders` on first use of `headers`. */
  headers: Headers | undefined;
  /** Bytes already read, or the stream to build on demand, or none. */
  body: Uint8Array | (() => ReadableStream<Uint8Array>) | null;
  real: Request | undefined;
}

type Lazy = Request & { [state]: LazyState };

function headersOf(s: LazyState): Headers {
  if (!s.headers) {
    const headers = new Headers();
    const raw = s.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
    s.headers = headers;
  }
  return s.headers;
}

function realOf(self: Lazy): Request {
  const s = self[state];
  if (!s.real) {
    const body = typeof s.body === 'function' ? s.body() : s.body;
    s.real = new Request(s.url, {
      method: s.method,
      headers: headersOf(s),
      ...(body ? { body, duplex: 'half' } : {}),
    } as RequestInit);
  }
  return s.real;
}

const OWN = new Set(['constructor', 'url', 'method', 'headers']);
const prototype = forwardingPrototype<Lazy, Request>(Request, OWN, realOf);
Object.defineProperties(prototype, {
  url: {
    get(this: Lazy) {
      return this[state].url;
    },
  },
  method: {
    get(this: Lazy) {
      return this[state].method;
    },
  },
  headers: {
    get(this: Lazy) {
      const s = this[state];
      return s.real?.headers ?? headersOf(s);
    },
  },
});

/**
 * A Request built on first use of anything but url, method, headers (and `bodyOf`,
 * `headerOf`); its Headers are built on first use of `headers`.
 */
export function lazyRequest(init: Omit<LazyState, 'real' | 'headers'>): Request {
  const request = Object.create(prototype) as Lazy;
  request[state] = {
    url: init.url,
    method: init.method,
    rawHeaders: init.rawHeaders,
    headers: undefined,
    body: init.body,
    real: undefined,
  };
  return request;
}

/**
 * `request.headers.get(name)` (`name` in lower case) without building the Headers of a lazy
 * Request: the values of every field with that name, joined by ", ", or null.
 */
export function headerOf(request: Request, name: string): string | null {
  const s = (request as Partial<Lazy>)[state];
  if (!s || s.headers || s.real) return request.headers.get(name);
  const raw = s.rawHeaders;
  let value: string | null = null;
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i]!;
    if (field.length === name.length && field.toLowerCase() === name) {
      const next = trimHttpWhitespace(raw[i + 1]!);
      // Headers joins repeated fields with ", " (cookies with "; ").
      value = value === null ? next : `${value}${name === 'cookie' ? '; ' : ', '}${next}`;
    }
  }
  return value;
}

/** Leading and trailing HTTP whitespace removed, as Headers does. */
function trimHttpWhitespace(value: string): string {
  return /^[\t\n\r ]|[\t\n\r ]$/.test(value)
    ? value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
    : value;
}

/**
 * The body of a request: the bytes an adapter already read when it left them (and nothing has
 * built the real Request since), else its stream.
 */
export function bodyOf(request: Request): Uint8Array | ReadableStream<Uint8Array> | null {
  const s = (request as Partial<Lazy>)[state];
  if (s && !s.real && s.body instanceof Uint8Array) return s.body;
  return request.body;
}

/** True for a Request made by `lazyRequest` (that is, one that came through toNodeListener). */
export function isLazyRequest(request: Request): boolean {
  return state in request;
}
