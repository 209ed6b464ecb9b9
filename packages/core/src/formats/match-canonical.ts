/**
 * The hot path: does a string have the exact canonical shape of the format, and do its date and
 * check character hold? One table load per character, no regular expression, no allocation
 * except the check algorithm's input string.
 */
import { BY_LENGTH, FIXED, LITERAL, type Program } from './build-program.js';
import { type DateValues, invalidDatePart } from './date-parts.js';

/**
 * Matches `s` against the canonical shape; returns the segment start offsets (then the end), or
 * `null`. The offsets are `p.fixedStarts` for fixed-length formats, else written into `scratch`.
 * Case, separators and look-alikes are not forgiven here: that is the aligner's job.
 */
export function matchCanonical(p: Program, s: string, scratch: Int32Array): Int32Array | null {
  const n = s.length;
  const fixed = p.fixedTable;
  if (fixed !== null) {
    if (n !== p.maxLength) return null;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127 || fixed[(i << 7) | c] === 0) return null;
    }
    return p.fixedStarts;
  }
  if (n < p.minLength || n > p.maxLength) return null;
  const segments = p.segments;
  let pos = 0;
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    scratch[k] = pos;
    if (seg.kind === LITERAL) {
      const codes = seg.codes;
      for (let j = 0; j < codes.length; j++) {
        if (s.charCodeAt(pos + j) !== codes[j]) return null;
      }
      pos += codes.length;
      continue;
    }
    const table = seg.spec!.canonical;
    let end: number;
    if (seg.mode === FIXED) {
      end = pos + seg.max;
    } else if (seg.mode === BY_LENGTH) {
      const length = n - pos - seg.tail;
      if (length < seg.min || length > seg.max) return null;
      end = pos + length;
    } else {
      // GREEDY: the next segment cannot start with one of our characters, so take them all.
      const limit = Math.min(n, pos + seg.max);
      let j = pos;
      for (; j < limit; j++) {
        const c = s.charCodeAt(j);
        if (c > 127 || table[c] === 0) break;
      }
      if (j - pos < seg.min) return null;
      pos = j;
      continue;
    }
    if (end > n) return null;
    for (; pos < end; pos++) {
      const c = s.charCodeAt(pos);
      if (c > 127 || table[c] === 0) return null;
    }
  }
  scratch[segments.length] = pos;
  return pos === n ? scratch : null;
}

/** The value of the digits `s[from, to)`. */
function digitsValue(s: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + s.charCodeAt(i) - 48;
  return value;
}

const scratchDate: DateValues = { year: -1, month: -1, day: -1, week: -1, dayOfYear: -1 };

/**
 * The segment index of the date part that makes the date impossible, or -1. Needs `starts` from
 * a successful {@link matchCanonical} (or an equivalent alignment).
 */
export function invalidDateSegment(p: Program, s: string, starts: Int32Array): number {
  const dates = p.dateSegments;
  if (dates.length === 0) return -1;
  const v = scratchDate;
  v.year = v.month = v.day = v.week = v.dayOfYear = -1;
  for (let i = 0; i < dates.length; i++) {
    const k = dates[i]!;
    const value = digitsValue(s, starts[k]!, starts[k + 1]!);
    switch (p.segments[k]!.datePart) {
      case 'YYYY':
        v.year = value;
        break;
      case 'YY':
        // Two-digit years are read as 20YY.
        v.year = 2000 + value;
        break;
      case 'MM':
        v.month = value;
        break;
      case 'DD':
        v.day = value;
        break;
      case 'WW':
        v.week = value;
        break;
      case 'DDD':
        v.dayOfYear = value;
        break;
    }
  }
  const part = invalidDatePart(v);
  if (part === null) return -1;
  return dates.find((k) => p.segments[k]!.datePart === part)!;
}

/** The check algorithm's input: data segments before the check, then the check character(s). */
export function checkInput(p: Program, s: string, starts: Int32Array): string {
  const runs = p.check!.runs;
  // Most formats have one or two runs; concatenating slices beats building an array.
  let full = s.slice(starts[runs[0]!]!, starts[runs[1]!]!);
  for (let r = 2; r < runs.length; r += 2)
    full += s.slice(starts[runs[r]!]!, starts[runs[r + 1]!]!);
  return full;
}

/** Whether the check character holds (true for formats without one). */
export function checkHolds(p: Program, s: string, starts: Int32Array): boolean {
  return p.check === null || p.check.algorithm.validate(checkInput(p, s, starts));
}

/** The fields of a matched canonical serial. */
export function readFields(p: Program, s: string, starts: Int32Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const segments = p.fieldSegments;
  const names = p.fieldNames;
  for (let i = 0; i < segments.length; i++) {
    const k = segments[i]!;
    fields[names[i]!] = s.slice(starts[k]!, starts[k + 1]!);
  }
  return fields;
}

/** Full canonical validity: shape, date and check character. */
export function testCanonical(p: Program, s: string, scratch: Int32Array): boolean {
  const starts = matchCanonical(p, s, scratch);
  return starts !== null && invalidDateSegment(p, s, starts) < 0 && checkHolds(p, s, starts);
}
