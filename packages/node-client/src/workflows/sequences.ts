/**
 * Sequence numbers for generated serials, from the store's counters (`SerialStore.nextSequence`),
 * so any number of clients and processes number a SKU's units without gaps or repeats.
 *
 * A counter belongs to a SKU, its format and the format's period: the date parts a serial
 * carries ('2026' for `{YYYY}`, '2026|03' for `{YYYY}{MM}`), so the sequence starts again at 1
 * when the period changes. A format without date parts has one period.
 */
import {
  DATE_PART_LENGTH,
  type DatePart,
  formatDateParts,
  type SerialFormat,
  type Sku,
} from '@serialkit/core';
import { ConflictError } from '../errors.js';
import type { ClientContext } from './context.js';
import { compositeKey } from './keys.js';

/** Units read per page when a new counter looks for the numbers already in use. */
const SCAN_PAGE = 5000;

/** Counters a client remembers the units' highest number of. */
const MAX_REMEMBERED = 10_000;

/** A run of consecutive sequence numbers. */
export interface SequenceRun {
  first: number;
  count: number;
}

/** The date parts of a format, in pattern order, without repeats. */
function datePartsOf(format: SerialFormat): DatePart[] {
  const parts: DatePart[] = [];
  for (const token of format.tokens) {
    if (token.kind === 'date' && !parts.includes(token.part)) parts.push(token.part);
  }
  return parts;
}

/**
 * The period of serials a format generates at `date`: its date parts as written, joined with
 * '|' ('' for a format without date parts).
 *
 * @example
 * sequencePeriod(compileFormat('SN-{YYYY}-{seq:6}'), new Date('2026-03-02')); // '2026'
 */
export function sequencePeriod(format: SerialFormat, date: Date): string {
  const parts = datePartsOf(format);
  if (parts.length === 0) return '';
  const texts = formatDateParts(date, new Set(parts));
  return parts.map((part) => texts[part]).join('|');
}

/** The store key of the counter of a SKU's format in a period. */
export function sequenceKey(sku: Sku, format: SerialFormat, period: string): string {
  return compositeKey('seq', sku.sku, format.source, period);
}

/**
 * The store's sequence counters as one client uses them.
 *
 * The first time a client uses a counter, it reads the highest number among the SKU's units of
 * the period and asks the store to start after it (`nextSequence`'s `after`), so units registered
 * before the counter existed, by hand or by an earlier version, are not numbered again. That
 * never skips a number another client reserved: every number the counter handed out is at or
 * below its value already, so only numbers registered outside it can move it.
 */
export class SequenceCounters {
  readonly #ctx: ClientContext;
  /** The highest number in use when this client first used a counter, by key. */
  readonly #inUse = new Map<string, Promise<number>>();

  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /** Reserves `count` numbers of the counter of the SKU's format in `period`. */
  async reserve(
    sku: Sku,
    format: SerialFormat,
    period: string,
    count: number,
  ): Promise<SequenceRun> {
    const key = sequenceKey(sku, format, period);
    let inUse = this.#inUse.get(key);
    if (!inUse) {
      // One entry per SKU and period: a long-running service forgets them now and then (and
      // reads the units again) rather than keeping every day of a `{DD}` format forever.
      if (this.#inUse.size >= MAX_REMEMBERED) this.#inUse.clear();
      inUse = highestInUse(this.#ctx, sku, format, period);
      this.#inUse.set(key, inUse);
      inUse.catch(() => this.#inUse.delete(key));
    }
    const after = await inUse;
    if (!Number.isSafeInteger(after)) {
      throw new ConflictError(`SKU ${sku.sku} cannot generate more serials: its sequence is full`, {
        details: { sku: sku.sku, reason: 'serial_space_exhausted' },
      });
    }
    const { first } = await this.#ctx.store.nextSequence(key, count, { after });
    return { first, count };
  }
}

/** The highest sequence number among the SKU's units of the period, 0 when none. */
async function highestInUse(
  ctx: ClientContext,
  sku: Sku,
  format: SerialFormat,
  period: string,
): Promise<number> {
  const sequenceOf = sequenceReader(format);
  const dateParts = datePartsOf(format);
  let highest = 0n;
  let cursor: string | null = null;
  do {
    const page = await ctx.store.listSerials({ sku: sku.sku }, { cursor, limit: SCAN_PAGE });
    for (const unit of page.items) {
      if (dateParts.length > 0) {
        const result = format.validate(unit.serial);
        if (!result.success) continue;
        const fields = result.data.fields;
        if (dateParts.map((part) => fields[part]).join('|') !== period) continue;
      }
      const sequence = sequenceOf(unit.serial);
      if (sequence !== undefined && sequence > highest) highest = sequence;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return highest > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(highest);
}

/**
 * Reads the number that `generate({ sequence })` wrote into a serial: the `{seq}` field, else
 * the last unnamed digit class before the check character (the same rule as the generator).
 * That class is located by the fixed widths around it; in a format where they vary, nothing is
 * read, and a new counter starts at 1 (generation then skips the serials that exist).
 */
function sequenceReader(format: SerialFormat): (serial: string) => bigint | undefined {
  const tokens = format.tokens;
  if (tokens.some((token) => token.kind === 'seq')) {
    return (serial) => {
      const result = format.validate(serial);
      const value = result.success ? result.data.fields.seq : undefined;
      return value !== undefined && /^\d+$/.test(value) ? BigInt(value) : undefined;
    };
  }
  const checkAt = tokens.findIndex((token) => token.kind === 'check');
  const end = checkAt < 0 ? tokens.length : checkAt;
  let at = -1;
  for (let i = end - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.kind === 'class' && token.charClass === 'D' && token.name === undefined) {
      at = i;
      break;
    }
  }
  const width = (from: number, to: number): number | undefined => {
    let total = 0;
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (token.kind === 'literal') total += token.text.length;
      else if (token.kind === 'class' && token.min === token.max) total += token.min;
      else if (token.kind === 'date') total += DATE_PART_LENGTH[token.part];
      else if (token.kind === 'seq' || token.kind === 'check') total += token.length;
      else return undefined;
    }
    return total;
  };
  const before = at < 0 ? undefined : width(0, at);
  const after = at < 0 ? undefined : width(at + 1, tokens.length);
  if (before === undefined || after === undefined) return () => undefined;
  return (serial) => {
    const value = serial.slice(before, serial.length - after);
    return /^\d+$/.test(value) ? BigInt(value) : undefined;
  };
}
