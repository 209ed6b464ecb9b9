/**
 * A small static file server for the storefront demo (`serialkit serve --static DIR`): GET and
 * HEAD only, built assets only (an allow-list of extensions: no package.json, sources, maps or
 * node_modules), paths resolved inside the root (no `..` escapes, no dotfiles), a content type
 * by extension, ETag revalidation, and security headers: a Content-Security-Policy that allows
 * the page's own inline scripts by their hashes, no framing, no sniffing.
 */

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { headerOf } from './node/lazy-request.js';

/** The built assets served from the root, by extension; anything else is not served. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

/** Folders never served, whatever they hold. */
const HIDDEN_FOLDERS = new Set(['node_modules']);

/** Headers on every file. */
const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The policy of a page: its own origin only, its inline scripts by hash, styles inline too (Lit
 * and storefront themes set them), images from data: URLs, no plugins, no framing.
 */
function pagePolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Hashes of a page's inline scripts, for its policy. */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`sha256-${createHash('sha256').update(match[1]!).digest('base64')}`);
  }
  return hashes;
}

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
      const parts = pathname.split('/');
      if (
        pathname.includes('\0') ||
        parts.some((part) => part.startsWith('.') || HIDDEN_FOLDERS.has(part))
      ) {
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
    const type = TYPES[extname(file).toLowerCase()];
    // Files from the root must be built assets; files mapped one by one are the operator's choice.
    if (type === undefined && !extra.has(pathname)) return null;
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    const isPage = type?.startsWith('text/html') ?? false;
    const html = isPage ? await readFile(file, 'utf8') : undefined;
    const headers = {
      'content-type': type ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag,
      ...FILE_HEADERS,
      'content-security-policy':
        html === undefined
          ? "default-src 'none'; frame-ancestors 'none'"
          : pagePolicy(inlineScriptHashes(html)),
    };
    if (headerOf(request, 'if-none-match') === etag) {
      return new Response(null, { status: 304, headers });
    }
    if (request.method === 'HEAD') {
      return new Response(null, { headers: { ...headers, 'content-length': String(info.size) } });
    }
    if (html !== undefined) {
      return new Response(html, {
        headers: { ...headers, 'content-length': String(Buffer.byteLength(html)) },
      });
    }
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: { ...headers, 'content-length': String(info.size) } });
  };
}
