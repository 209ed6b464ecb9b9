/**
 * A small static file server for the storefront demo (`serialkit serve --static DIR`): GET and
 * HEAD only, paths resolved inside the root (no `..` escapes, no dotfiles), a content type by
 * extension, ETag revalidation.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticOptions {
  /** Extra URL paths mapped to files anywhere, e.g. `{ '/assets/serial-lookup.js': bundlePath }`. */
  files?: Record<string, string>;
  /** File served for `/` and directory paths. Default index.html. */
  index?: string;
  /**
   * Serve the index page for GS1 Digital Link paths (`/01/{gtin}/21/{serial}`, with any path
   * before `/01/`), so a QR code on a unit can point at the storefront, which reads the serial
   * from its own URL. Default true.
   */
  digitalLinkPages?: boolean;
}

/** A GS1 Digital Link primary key in a path: `/01/` then a GTIN-8 to GTIN-14. */
const DIGITAL_LINK_PATH = /\/01\/\d{8,14}(?:\/|$)/;

/** Answers a request from files, or null when it is not a file here (let the API answer). */
export type StaticHandler = (request: Request) => Promise<Response | null>;

/**
 * Serves files from `root`.
 *
 * @example
 * const files = serveStatic('examples/storefront');
 * const api = createHandler(client, options);
 * const handler = async (request: Request) => (await files(request)) ?? api(request);
 */
export function serveStatic(root: string | undefined, options: StaticOptions = {}): StaticHandler {
  const base = root ? resolve(root) : undefined;
  const index = options.index ?? 'index.html';
  const extra = new Map(
    Object.entries(options.files ?? {}).map(([path, file]) => [path, resolve(file)]),
  );
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return null;
    }
    let file = extra.get(pathname);
    if (!file && base) {
      if (pathname.includes('\0') || pathname.split('/').some((part) => part.startsWith('.'))) {
        return null;
      }
      const candidate = resolve(join(base, pathname.endsWith('/') ? pathname + index : pathname));
      if (candidate !== base && !candidate.startsWith(base + sep)) return null;
      file = candidate;
    }
    if (!file) return null;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, index);
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile() && base && options.digitalLinkPages !== false) {
      if (DIGITAL_LINK_PATH.test(pathname) && !extra.has(pathname)) {
        file = join(base, index);
        info = await stat(file).catch(() => null);
      }
    }
    if (!info?.isFile()) return null;
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const headers = {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers });
    }
    if (request.method === 'HEAD') {
      return new Response(null, { headers: { ...headers, 'content-length': String(info.size) } });
    }
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: { ...headers, 'content-length': String(info.size) } });
  };
}
