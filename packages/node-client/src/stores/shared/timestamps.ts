/**
 * Unit timestamps as integers. A unit's `registeredAt` and `updatedAt` are set by the client from
 * its clock, always in `Date#toISOString()` form; the SQL stores keep them as milliseconds since
 * the epoch (6 bytes in SQLite, 8 in PostgreSQL, instead of 24 characters) and give the same
 * string back. For canonical timestamps string order is time order, so a filter's string bounds
 * become integer bounds without changing what a filter selects.
 */
import { BadRequestError } from '../../errors.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the four-digit years. */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

/** The milliseconds of a canonical timestamp, or null for any other string. */
function canonicalMillis(value: string): number | null {
  if (!CANONICAL.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString() === value ? ms : null;
}

let lastChecked: string | undefined;
let lastCheckedMs = 0;

/**
 * The milliseconds of a unit timestamp. Throws `BadRequestError` unless `value` is a UTC timestamp
 * exactly as `Date#toISOString()` writes it (what the client always passes).
 */
export function timestampToMillis(value: string, field: string): number {
  // The rows of a batch share their registration time: check and convert it once.
  if (value === lastChecked) return lastCheckedMs;
  const ms = typeof value === 'string' ? canonicalMillis(value) : null;
  if (ms === null) {
    throw new BadRequestError(
      `${field} must be a UTC timestamp as Date#toISOString() writes it (YYYY-MM-DDTHH:mm:ss.sssZ)`,
      { details: { [field]: value } },
    );
  }
  lastChecked = value;
  lastCheckedMs = ms;
  return ms;
}

let lastMs = Number.NaN;
let lastIso = '';

/** The timestamp string of stored milliseconds (a number, or a bigint's text as pg returns it). */
export function millisToTimestamp(value: number | string): string {
  const ms = typeof value === 'number' ? value : Number(value);
  // Units registered together share their timestamp: reading a page of them formats it once.
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** The first millisecond whose timestamp string is at least `bound` (MAX_MS + 1 if none). */
function lowerMillis(bound: string): number {
  const exact = canonicalMillis(bound);
  if (exact !== null) return exact;
  let low = MIN_MS;
  let high = MAX_MS + 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (new Date(mid).toISOString() >= bound) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The last millisecond whose timestamp string is at most `bound` (MIN_MS - 1 if none). */
function upperMillis(bound: string): number {
  const exact = canonicalMillis(bound);
  if (exact !== null) return exact;
  return lowerMillis(`${bound}\u0000`) - 1;
}

/**
 * The inclusive string range `{ from, to }` of a filter as the range of stored milliseconds that
 * selects exactly the same timestamps (e.g. `to: '2024-05-01'` ends before that day begins, as
 * string comparison does).
 */
export function millisRange(range: { from: string; to: string }): { from: number; to: number } {
  return { from: lowerMillis(range.from), to: upperMillis(range.to) };
}
