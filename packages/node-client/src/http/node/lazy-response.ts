/**
 * Lazily built JSON Responses, the counterpart of lazy Requests (lazy-request.ts). A WHATWG
 * Response wraps its body in a web stream at construction, which costs more than serializing a
 * small answer. `json()` returns an object that is a Response (`instanceof Response`, every
 * property and method) holding the serialized text; the real Response is built only when
 * something other than `status`, `ok`, `statusText` and `headers` is used. The handler
 * materializes it before answering anyone but `toNodeListener`, which writes the text directly.
 */

import { forwardingPrototype } from './lazy-prototype.js';

const state = Symbol('serialkit.lazyResponse');

interface LazyState {
  text: string;
  status: number;
  /** Header fields by lower-case name, until `headers` is first used. */
  fields: Record<string, string>;
  /** Built from `fields` on first use; from then on the headers of the Response. */
  headers: Headers | undefined;
  real: Response | undefined;
}

type Lazy = Response & { [state]: LazyState };

function headersOf(s: LazyState): Headers {
  s.headers ??= new Headers(s.fields);
  return s.headers;
}

function realOf(self: Lazy): Response {
  const s = self[state];
  s.real ??= new Response(s.text, { status: s.status, headers: headersOf(s) });
  return s.real;
}

const OWN = new Set(['constructor', 'status', 'ok', 'statusText', 'headers']);
const prototype = forwardingPrototype<Lazy, Response>(Response, OWN, realOf);
Object.defineProperties(prototype, {
  status: {
    get(this: Lazy) {
      return this[state].status;
    },
  },
  ok: {
    get(this: Lazy) {
      return this[state].status >= 200 && this[state].status <= 299;
    },
  },
  statusText: {
    get(this: Lazy) {
      return this[state].real?.statusText ?? '';
    },
  },
  headers: {
    get(this: Lazy) {
      return headersOf(this[state]);
    },
  },
});

/**
 * A lazy Response. `fields` (lower-case names) becomes its Headers on first use of `headers`;
 * until then it is the Response's only copy of them, and is not copied.
 */
export function lazyResponse(
  text: string,
  status: number,
  fields: Record<string, string>,
): Response {
  const response = Object.create(prototype) as Lazy;
  response[state] = { text, status, fields, headers: undefined, real: undefined };
  return response;
}

/** The serialized body of a lazy Response not built yet (the Node adapter writes it as is). */
export function lazyBodyOf(response: Response): string | undefined {
  const s = (response as Partial<Lazy>)[state];
  return s && !s.real ? s.text : undefined;
}

/**
 * The header fields of a lazy Response whose Headers were never built, by lower-case name (the
 * Node adapter writes them as they are); undefined for any other Response.
 */
export function lazyFieldsOf(response: Response): Readonly<Record<string, string>> | undefined {
  const s = (response as Partial<Lazy>)[state];
  return s && !s.headers ? s.fields : undefined;
}

/**
 * Sets headers on a Response: straight into the fields of a lazy one whose Headers were never
 * built, else through `response.headers`. `fields` are lower-case names.
 */
export function setHeaders(response: Response, fields: Readonly<Record<string, string>>): void {
  const s = (response as Partial<Lazy>)[state];
  if (s && !s.headers) for (const name in fields) s.fields[name] = fields[name]!;
  else for (const name in fields) response.headers.set(name, fields[name]!);
}

/** A real Response for a lazy one (for runtimes that look inside it); others are returned as is. */
export function materialize(response: Response): Response {
  return (response as Partial<Lazy>)[state] ? realOf(response as Lazy) : response;
}
