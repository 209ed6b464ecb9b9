/**
 * Streaming CSV records with their line numbers, for imports. Each record is one line: a quoted
 * field cannot span lines. That restriction is what lets one malformed line (an unbalanced
 * quote) be reported and skipped instead of swallowing the rest of the file, which is what a
 * CSV parser does with an unclosed quote.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readCell } from './cells.js';

/** What imports read: text or bytes (UTF-8), streamed or whole. */
export type CsvSource =
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>;

/** A line that is not a CSV record. */
export interface MalformedLine {
  line: number;
  message: string;
}

export interface CsvRecord {
  /** 1-based line number. */
  line: number;
  cells: string[];
}

/**
 * The records of a CSV source, header included, trimmed, empty lines skipped. Malformed lines
 * are passed to `onMalformed` (possibly before earlier records are consumed: the parser reads
 * ahead) and skipped. Memory stays bounded by the stream buffers whatever the size of the input.
 */
export async function* csvRecords(
  source: CsvSource,
  onMalformed: (problem: MalformedLine) => void,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    // A stray quote inside a field is kept as a character; the serial's validation reports it.
    relax_quotes: true,
    // Callers check the field count against the header, with their own message.
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      const line = (error as { lines?: unknown } | undefined)?.lines;
      onMalformed({
        line: typeof line === 'number' ? line : 0,
        message: error?.message ?? 'Malformed CSV line',
      });
      return undefined;
    },
  });
  const input = Readable.from(guardQuotes(chunksOf(source), onMalformed), { objectMode: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    // The `'` an export put before a formula-like cell comes off again (see cells.ts).
    yield { line: info.lines, cells: record.map(readCell) };
  }
}

async function* chunksOf(source: CsvSource): AsyncGenerator<string | Uint8Array> {
  if (typeof source === 'string') {
    yield source;
  } else if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    yield* source as AsyncIterable<string | Uint8Array>;
  }
}

/**
 * Decodes chunks to text and replaces each line with an odd number of quotes by an empty line
 * (keeping line numbers), reporting it. Chunks without quotes pass through untouched.
 */
async function* guardQuotes(
  chunks: AsyncIterable<string | Uint8Array>,
  onMalformed: (problem: MalformedLine) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  /** Number of the first line in `carry`. */
  let line = 1;

  const guard = (text: string): string => {
    if (!text.includes('"')) {
      line += countNewlines(text);
      return text;
    }
    let out = '';
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline + 1;
      const current = text.slice(start, end);
      if (countQuotes(current) % 2 === 1) {
        onMalformed({ line, message: `Unbalanced quote on line ${line}` });
        out += newline < 0 ? '' : '\n';
      } else {
        out += current;
      }
      if (newline >= 0) line++;
      start = end;
    }
    return out;
  };

  for await (const chunk of chunks) {
    const text =
      carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(last + 1);
    yield guard(text.slice(0, last + 1));
  }
  const rest = carry + decoder.decode();
  if (rest.length > 0) yield guard(rest);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/**
 * Header names as keys in snake case: `Order ID`, `order-id`, `orderId` and `order_id` all
 * become `order_id`.
 */
export function headerIndex(cells: string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = cell
      .trim()
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (!index.has(name)) index.set(name, i);
  });
  return index;
}
