/**
 * `toNodeListener`: mounts a web-standard handler in Node's http server. Small bodies are read
 * into memory before the handler runs (cheaper than a web stream for typical JSON requests);
 * larger or chunked ones are passed on as a stream, so CSV imports stay streamed end to end.
 * Handlers that opt in (serialkit's own) get lazily built Requests: see lazy-request.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ConnectionInfo } from '../client-address.js';
import { rawBodyOf, rawHeadersOf } from '../response.js';
import { acceptsLazyRequests, lazyRequest } from './lazy-request.js';

export type WebHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

export interface NodeListenerOptions {
  /** Bodies up to this size (with a Content-Length) are buffered. Default 64 KiB. */
  bufferBodiesUpTo?: number;
  /** Called when writing a response fails (client gone, stream error). */
  onError?: (error: unknown) => void;
  /**
   * The handler reads only the Request's url, method, headers (through `headerOf`) and body, so it
   * may be given a lazily built Request (about a third cheaper per request). serialkit's own
   * `createHandler` says so itself; set this for a handler that wraps one, e.g. with static files.
   */
  lazyRequests?: boolean;
}

/**
 * Adapts a `(Request) => Promise<Response>` handler to `http.createServer`.
 *
 * @example
 * const server = http.createServer(toNodeListener(createHandler(client, { apiKeys })));
 * server.listen(8787, '127.0.0.1');
 */
export function toNodeListener(
  handler: WebHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const bufferLimit = options.bufferBodiesUpTo ?? 64 * 1024;
  const onError = options.onError ?? (() => {});
  const lazy = options.lazyRequests === true || acceptsLazyRequests in handler;
  return (req, res) => {
    handle(req, res, handler, bufferLimit, lazy).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"error":{"code":"internal","message":"Internal server error"}}');
      } else {
        res.destroy(error instanceof Error ? error : undefined);
      }
    });
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  handler: WebHandler,
  bufferLimit: number,
  lazy: boolean,
): Promise<void> {
  // No AbortSignal on the Request: it costs as much as the rest of a small request, and the
  // one thing it would stop, a streamed answer to a client that left, is stopped in writeResponse.
  const request = await toRequest(req, bufferLimit, lazy);
  const response = await handler(request, { remoteAddress: req.socket.remoteAddress });
  // A JSON answer is written at once; only streamed bodies need waiting for.
  if (!writeBuffered(response, res)) await writeResponse(response, res);
}

/** Writes a JSON answer never built into a Response, as it is; false for any other Response. */
function writeBuffered(response: Response, res: ServerResponse): boolean {
  const raw = rawBodyOf(response);
  const fields = raw === undefined ? undefined : rawHeadersOf(response);
  if (raw === undefined || fields === undefined) return false;
  // The answer is consumed here, so its fields take the length rather than being copied.
  const headers = fields as Record<string, string>;
  headers['content-length'] = String(Buffer.byteLength(raw));
  res.writeHead(response.status, headers);
  res.end(raw);
  return true;
}

async function toRequest(
  req: IncomingMessage,
  bufferLimit: number,
  lazy: boolean,
): Promise<Request> {
  const rawHeaders = req.rawHeaders;
  const method = req.method ?? 'GET';
  const url = requestUrl(req);
  let body: Uint8Array | null = null;
  let stream: (() => ReadableStream<Uint8Array>) | null = null;
  if (method !== 'GET' && method !== 'HEAD') {
    const length = Number(rawHeader(rawHeaders, 'content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length <= bufferLimit) body = await readAll(req, length);
    else stream = () => Readable.toWeb(req) as ReadableStream<Uint8Array>;
  }
  if (lazy) return lazyRequest({ url, method, rawHeaders, body: body ?? stream });
  const headers = new Headers();
  for (let i = 0; i < rawHeaders.length; i += 2) headers.append(rawHeaders[i]!, rawHeaders[i + 1]!);
  const source = body ?? stream?.();
  return new Request(url, {
    method,
    headers,
    ...(source ? { body: source, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * The first value of a header Node keeps only once (host, content-length), from `rawHeaders`:
 * cheaper than `req.headers`, which builds an object of every header.
 */
function rawHeader(raw: readonly string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i]!;
    if (field.length === name.length && field.toLowerCase() === name) return raw[i + 1];
  }
  return undefined;
}

function requestUrl(req: IncomingMessage): string {
  const path = req.url?.startsWith('/') ? req.url : `/${req.url ?? ''}`;
  const host = rawHeader(req.rawHeaders, 'host');
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  // A Host header that is not a host (spaces, slashes) must not make the URL unparseable.
  if (host && /^[\w.:[\]-]+$/.test(host)) return `${protocol}://${host}${path}`;
  return `${protocol}://localhost${path}`;
}

function readAll(req: IncomingMessage, expected: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > expected) {
        reject(new Error('Body longer than its Content-Length'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const raw = rawBodyOf(response);
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;

  if (raw !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(raw));
    res.writeHead(response.status, headers);
    res.end(raw);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // The client went away before the answer was complete: stop pulling from the source.
  let gone = false;
  res.once('close', () => {
    gone = !res.writableFinished;
  });
  try {
    for (;;) {
      if (gone) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const finish = () => {
            res.off('drain', finish);
            res.off('close', finish);
            resolve();
          };
          res.on('drain', finish);
          res.on('close', finish);
        });
      }
    }
    res.end();
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
}
