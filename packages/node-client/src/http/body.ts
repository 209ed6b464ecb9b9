/**
 * Request body reading with a size limit: JSON bodies are read whole (up to `maxBytes`), CSV
 * bodies are streamed chunk by chunk so an import of millions of rows never sits in memory.
 */
import type { z } from 'zod';
import { BadRequestError, ValidationError } from '../errors.js';
import { bodyOf, headerOf } from './node/lazy-request.js';
import { httpError } from './response.js';

/** Media type of a request without parameters, lower-cased ('' when absent). */
export function mediaType(request: Request): string {
  const value = headerOf(request, 'content-type') ?? '';
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function tooLarge(maxBytes: number) {
  return httpError('payload_too_large', `Request body is larger than ${maxBytes} bytes`, {
    maxBytes,
  });
}

function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = headerOf(request, 'content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

/** Decodes whole bodies (no `stream` option, so no state is kept between calls). */
const wholeDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The whole body as text when an adapter already read it (or there is none), else undefined:
 * `readText` without waiting. Fails with 413 past `maxBytes`.
 */
export function bufferedText(request: Request, maxBytes: number): string | undefined {
  checkDeclaredLength(request, maxBytes);
  const body = bodyOf(request);
  if (!body) return '';
  if (!(body instanceof Uint8Array)) return undefined;
  if (body.byteLength > maxBytes) throw tooLarge(maxBytes);
  try {
    return wholeDecoder.decode(body);
  } catch {
    throw new BadRequestError('Request body is not valid UTF-8');
  }
}

/** Reads the whole body as text, failing with 413 as soon as it passes `maxBytes`. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const buffered = bufferedText(request, maxBytes);
  if (buffered !== undefined) return buffered;
  const body = bodyOf(request) as ReadableStream<Uint8Array>;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let text = '';
  try {
    for await (const chunk of limited(body, maxBytes)) {
      size += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } catch (error) {
    if (error instanceof TypeError && size <= maxBytes) {
      throw new BadRequestError('Request body is not valid UTF-8');
    }
    throw error;
  }
  return text;
}

/**
 * Reads the whole body as bytes, exactly as sent (no decoding, no BOM stripped), failing with 413
 * as soon as it passes `maxBytes`: what a signature over the raw body is checked against.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  checkDeclaredLength(request, maxBytes);
  const body = bodyOf(request);
  if (!body) return new Uint8Array(0);
  if (body instanceof Uint8Array) {
    if (body.byteLength > maxBytes) throw tooLarge(maxBytes);
    return body;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limited(body, maxBytes)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON body and validates it with `schema`. 415 for another media type, 400 naming the
 * problem for malformed JSON, 400 `validation_failed` with the issues for a schema failure.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  assertJson(request);
  return parseJsonText(await readText(request, maxBytes), schema);
}

/** 415 unless the request says its body is JSON. */
export function assertJson(request: Request): void {
  const type = mediaType(request);
  if (!isJsonType(type)) {
    throw httpError(
      'unsupported_media_type',
      `Send the body as application/json (got ${type || 'no content type'})`,
      { expected: 'application/json' },
    );
  }
}

/** Parses and validates a JSON text already read. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  if (text.trim() === '') throw new BadRequestError('Request body is empty: send a JSON value');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`Malformed JSON: ${(error as Error).message}`);
  }
  return parseWith(schema, value, 'body');
}

/** Validates a value already read (query, params, JSON), as a 400 with issues on failure. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(`Invalid ${where}`, {
    issues: result.error.issues.map((issue) => ({
      code: issue.code,
      message: issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      path: issue.path.map(String),
    })),
  });
}

/**
 * The body as a stream for CSV imports: checks the media type, then yields chunks as they
 * arrive and fails with 413 once `maxBytes` have passed.
 */
export function csvBody(request: Request, maxBytes: number): AsyncIterable<Uint8Array> {
  const type = mediaType(request);
  if (type !== 'text/csv' && type !== 'text/plain' && type !== 'application/csv') {
    throw httpError(
      'unsupported_media_type',
      `Send the body as text/csv (got ${type || 'no content type'})`,
      { expected: 'text/csv' },
    );
  }
  checkDeclaredLength(request, maxBytes);
  const body = bodyOf(request);
  if (!body) throw new BadRequestError('Request body is empty: send CSV rows');
  if (body instanceof Uint8Array) {
    if (body.byteLength > maxBytes) throw tooLarge(maxBytes);
    return (async function* () {
      yield body;
    })();
  }
  return limited(body, maxBytes);
}

async function* limited(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    // Stop reading a body we gave up on (413, client error) so the connection can be closed.
    reader.cancel().catch(() => {});
  }
}
