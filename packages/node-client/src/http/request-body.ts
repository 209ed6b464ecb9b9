/**
 * Bodies an adapter already read into memory, kept beside the Request instead of inside it.
 * Building a Request around a body and reading it back through a web stream costs more than the
 * rest of a small JSON request; adapters that buffer anyway (`toNodeListener`) hand the bytes
 * over here, to handlers that declare they look here first (`acceptsBufferedBodies`).
 */

const buffered = new WeakMap<Request, Uint8Array>();

/** Marks a handler that reads bodies through `bodyOf`, so adapters may use `withBufferedBody`. */
export const acceptsBufferedBodies: unique symbol = Symbol.for('serialkit.acceptsBufferedBodies');

/** Attaches an already-read body to a Request created without one. */
export function withBufferedBody(request: Request, body: Uint8Array): Request {
  buffered.set(request, body);
  return request;
}

/** The body of a request: the buffered bytes when an adapter left them, else its stream. */
export function bodyOf(request: Request): Uint8Array | ReadableStream<Uint8Array> | null {
  return buffered.get(request) ?? request.body;
}
