/** Bulk registration's COPY text: the rows in key order, escaped as COPY's text format wants. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SerialInsert } from '../../store.js';
import type { PgClientLike } from './driver.js';
import type { SerialValues } from './insert.js';

/** Streams COPY text to a `COPY … FROM STDIN` on the client. */
export async function copyInto(
  client: PgClientLike,
  copy: NodeJS.WritableStream,
  text: Iterable<string>,
): Promise<void> {
  const stream = (client as unknown as { query(stream: unknown): NodeJS.WritableStream }).query(
    copy,
  );
  await pipeline(Readable.from(text), stream);
}

/**
 * The positions of `rows` in ascending `uniqueKey` order, or null when a key repeats (the batch
 * then has a conflict of its own). Batches usually arrive in order (sequences, sorted files), so
 * this is one pass; otherwise they are sorted here, which costs less than sorting in the server.
 * (JavaScript orders by UTF-16 code unit, not code point as `COLLATE "C"` does: only how well the
 * inserts follow the indexes depends on it, never what is inserted.)
 */
export function keyOrder(rows: readonly SerialInsert[]): Uint32Array | null {
  const order = new Uint32Array(rows.length);
  let ascending = true;
  for (let i = 0; i < rows.length; i++) {
    order[i] = i;
    if (
      i > 0 &&
      ascending &&
      !((rows[i - 1] as SerialInsert).uniqueKey < (rows[i] as SerialInsert).uniqueKey)
    ) {
      ascending = false;
    }
  }
  if (ascending) return order;
  const keys = rows.map((row) => row.uniqueKey);
  order.sort((a, b) => {
    const x = keys[a] as string;
    const y = keys[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let i = 1; i < order.length; i++) {
    if (keys[order[i - 1] as number] === keys[order[i] as number]) return null;
  }
  return order;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A text value in COPY text format (tab-separated, backslash escapes). */
function copyText(value: string): string {
  return COPY_SPECIAL.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** A nullable value in COPY text format, `\N` for NULL. */
function copyField(value: string | null | undefined): string {
  return value === null || value === undefined ? '\\N' : copyText(value);
}

/** Chunks of about 64 KiB. */
const COPY_CHUNK = 65_536;

/**
 * The rows as COPY text for `serials` (registered_at, unique_global, sku, serial, status, lot,
 * manufactured_at, received_at), in `order`. The columns around the serial usually repeat from
 * row to row (one SKU, lot and registration time), so their text is built once per change rather
 * than once per row.
 */
export function* serialsCopyText(
  rows: readonly SerialValues[],
  order: Uint32Array,
): Generator<string> {
  let chunk = '';
  let last: SerialValues | undefined;
  let head = '';
  let tail = '';
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i] as number] as SerialValues;
    if (
      last === undefined ||
      row.sku !== last.sku ||
      row.global !== last.global ||
      row.lot !== last.lot ||
      row.manufacturedAt !== last.manufacturedAt ||
      row.receivedAt !== last.receivedAt ||
      row.registeredAt !== last.registeredAt
    ) {
      head = `${row.registeredAt}\t${row.global ? 't' : '\\N'}\t${copyField(row.sku)}\t`;
      tail = `\tin_stock\t${copyField(row.lot)}\t${copyField(row.manufacturedAt)}\t${copyField(row.receivedAt)}\n`;
      last = row;
    }
    chunk += head + copyField(row.serial) + tail;
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The rows as COPY text for the staging table: batch index first. */
export function* stagingCopyText(rows: readonly SerialValues[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SerialValues;
    chunk += `${i}\t${copyField(row.sku)}\t${copyField(row.serial)}\t${row.global ? 't' : '\\N'}\t${copyField(row.lot)}\t${copyField(row.manufacturedAt)}\t${copyField(row.receivedAt)}\t${row.registeredAt}\n`;
    if (chunk.length >= COPY_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
