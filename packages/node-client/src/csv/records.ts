/**
 * Streaming CSV records with their line numbers, for imports. A quoted field may span lines, as
 * an export writes a name with a newline in it, but only for a bounded stretch
 * ({@link MAX_FIELD_LINES} lines, {@link MAX_FIELD_CHARS} characters) and only if its closing
 * quote ends the field. A quote that does not close that way is reported as a malformed line and
 * the lines after it are read again as records, instead of swallowing the rest of the file,
 * which is what a CSV parser does with an unclosed quote.
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

/** The most lines one quoted field may span. */
export const MAX_FIELD_LINES = 100;
/** The most characters a record with a field spanning lines may have. */
export const MAX_FIELD_CHARS = 65_536;

/**
 * Decodes chunks to text, passing records through and replacing each malformed line (an
 * unbalanced quote) by an empty line, so line numbers stay right, and reporting it. Chunks
 * without quotes pass through untouched.
 */
async function* guardQuotes(
  chunks: AsyncIterable<string | Uint8Array>,
  onMalformed: (problem: MalformedLine) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const guard = quoteGuard(onMalformed);
  let carry = '';
  for await (const chunk of chunks) {
    const text =
      carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(last + 1);
    yield guard.lines(text.slice(0, last + 1));
  }
  const rest = carry + decoder.decode();
  yield guard.lines(rest) + guard.end();
}

/** Keeps the state of a quoted field that spans lines across chunks. */
function quoteGuard(onMalformed: (problem: MalformedLine) => void): {
  /** Whole lines (the last may lack its newline at the end of the input). */
  lines(text: string): string;
  /** The end of the input: a field still open is malformed. */
  end(): string;
} {
  /** Number of the next line. */
  let line = 1;
  /** The lines of a record whose quoted field is still open, from line `pendingLine`. */
  let pending: string[] = [];
  let pendingLine = 0;
  let pendingChars = 0;

  const malformed = (at: number) =>
    onMalformed({ line: at, message: `Unbalanced quote on line ${at}` });

  const process = (work: string[]): string => {
    let out = '';
    for (let k = 0; k < work.length; k++) {
      const current = work[k]!;
      const number = line++;
      if (pending.length === 0) {
        if (!current.includes('"')) {
          out += current;
        } else if (lexQuotes(current, false) === 'open') {
          pending = [current];
          pendingLine = number;
          pendingChars = current.length;
        } else if (countQuotes(current) % 2 === 1) {
          malformed(number);
          out += current.endsWith('\n') ? '\n' : '';
        } else {
          out += current;
        }
        continue;
      }
      const state = lexQuotes(current, true);
      const tooLong =
        pending.length >= MAX_FIELD_LINES || pendingChars + current.length > MAX_FIELD_CHARS;
      if (state === 'closed' || (state === 'open' && !tooLong)) {
        pending.push(current);
        pendingChars += current.length;
        if (state === 'closed') {
          out += pending.join('');
          pending = [];
        }
        continue;
      }
      // Not a field spanning lines after all: its first line is malformed, the rest are read again.
      malformed(pendingLine);
      out += '\n';
      work.splice(k + 1, 0, ...pending.slice(1), current);
      pending = [];
      line = pendingLine + 1;
    }
    return out;
  };

  return {
    lines(text) {
      if (pending.length === 0 && !text.includes('"')) {
        line += countNewlines(text);
        return text;
      }
      return process(text.split(/(?<=\n)/).filter((part) => part.length > 0));
    },
    end() {
      if (pending.length === 0) return '';
      const [first = '', ...rest] = pending;
      malformed(pendingLine);
      pending = [];
      line = pendingLine + 1;
      return (first.endsWith('\n') ? '\n' : '') + process(rest);
    },
  };
}

/**
 * Reads a line's quotes as CSV does, starting inside a quoted field or not: 'open' when the line
 * ends inside a quoted field, 'closed' when it ends outside, 'invalid' when a quoted field that
 * began on an earlier line closes without ending its field (a quote followed by more text). A
 * quote that does not start a field is a character (as the parser's `relax_quotes` reads it).
 */
function lexQuotes(text: string, inQuotes: boolean): 'open' | 'closed' | 'invalid' {
  let quoted = inQuotes;
  let fieldStart = !inQuotes;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') continue;
      if (text[i + 1] === '"') {
        i++;
        continue;
      }
      quoted = false;
      let next = i + 1;
      while (text[next] === ' ' || text[next] === '\t') next++;
      const after = text[next];
      if (inQuotes && after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
        return 'invalid';
      }
      fieldStart = false;
    } else if (char === ',') {
      fieldStart = true;
    } else if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (!(fieldStart && (char === ' ' || char === '\t'))) {
      fieldStart = false;
    }
  }
  return quoted ? 'open' : 'closed';
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
