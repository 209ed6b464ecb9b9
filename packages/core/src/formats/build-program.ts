/**
 * Tokens → a {@link Program}: the flat, precomputed description that the canonical matcher, the
 * lenient aligner, the generator and the suggester all run on. The structural rules of the
 * language are enforced here.
 */
import { getCheckAlgorithm } from '../checksums/index.js';
import type { CheckLookup, CheckValidator } from '../checksums/types.js';
import {
  type CharSpec,
  CROCKFORD_SYMBOLS,
  checkSpec,
  classSpec,
  coveredBy,
  disjoint,
} from './char-classes.js';
import { DATE_PART_LENGTH, type DatePart } from './date-parts.js';
import { FormatSyntaxError } from './format-syntax-error.js';
import { MAX_SERIAL_LENGTH } from './parse-pattern.js';
import type { FormatToken } from './types.js';

export const LITERAL = 0;
export const DATA = 1;
export const CHECK = 2;

/** How the canonical matcher finds where a data segment ends. */
export const FIXED = 0;
/** Variable length, and the next segment cannot start with one of its characters. */
export const GREEDY = 1;
/** The last variable-length segment: its length is what the rest leaves over. */
export const BY_LENGTH = 2;

/** One literal run or one data field, as the matchers see it. Every segment has every field. */
export interface Segment {
  readonly kind: typeof LITERAL | typeof DATA | typeof CHECK;
  readonly min: number;
  readonly max: number;
  /** Canonical text of a literal ('' otherwise) and its codes. */
  readonly text: string;
  readonly codes: Uint16Array;
  readonly spec: CharSpec | null;
  /** Key in `fields` (named class, date part or 'seq'), or null. */
  readonly field: string | null;
  readonly datePart: DatePart | null;
  readonly mode: typeof FIXED | typeof GREEDY | typeof BY_LENGTH;
  /** For `BY_LENGTH`: canonical length of everything after this segment. */
  readonly tail: number;
  readonly token: FormatToken;
}

export interface CheckInfo {
  readonly algorithm: CheckValidator;
  readonly segment: number;
  /**
   * Segment ranges `[from, to)` whose canonical text, concatenated, is the data followed by the
   * check character(s): the data segments before the check, literals left out.
   */
  readonly runs: Int32Array;
}

export interface Program {
  readonly source: string;
  readonly tokens: readonly FormatToken[];
  readonly segments: readonly Segment[];
  readonly caseSensitive: boolean;
  /** No position is case-sensitive, so upper-casing input never changes its meaning. */
  readonly foldsCaseEverywhere: boolean;
  readonly minLength: number;
  readonly maxLength: number;
  /** Inputs longer than this (after trimming) are refused without being read. */
  readonly inputCap: number;
  /** ASCII code → 1 for separator characters. */
  readonly separators: Uint8Array;
  readonly check: CheckInfo | null;
  /**
   * Date segments to check together; empty when no value can be impossible (a year alone).
   */
  readonly dateSegments: readonly number[];
  /** Segments with a field name, and those names, for reading fields without a search. */
  readonly fieldSegments: readonly number[];
  readonly fieldNames: readonly string[];
  /**
   * When every segment has a fixed length: one 128-entry table per canonical position
   * (`table[position << 7 | code]`), so the canonical matcher is a single loop.
   */
  readonly fixedTable: Uint8Array | null;
  /** With `fixedTable`: the segment offsets, the same for every match. */
  readonly fixedStarts: Int32Array | null;
  /** The segment `generate({ sequence })` fills, or -1. */
  readonly sequenceSegment: number;
  readonly slots: Slots;
}

/**
 * The pattern unrolled into one slot per canonical character, for the lenient aligner.
 * A variable-length segment has `max` slots; from its `min`-th slot on it may end early.
 */
export interface Slots {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly segment: Int32Array;
  /** Literal slots: the canonical code. */
  readonly code: Int32Array;
  /** Literal slots: the input must match case exactly. */
  readonly exactCase: Uint8Array;
  /** Literal slots: the character is a separator, so any separator may stand for it. */
  readonly separator: Uint8Array;
  /** Literal slots: may be left out on input. */
  readonly optional: Uint8Array;
  /** Data slots: the slot after the segment when the segment may end here, else -1. */
  readonly endSlot: Int32Array;
  readonly spec: readonly (CharSpec | null)[];
  /** First slot of each segment (and the slot count at the end). */
  readonly segmentStart: Int32Array;
}

export const DEFAULT_SEPARATORS = ' -_./';

export function separatorTable(separators: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of separators) {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c >= 128 || /[A-Za-z0-9]/.test(ch)) {
      throw new RangeError(
        `separators must be ASCII punctuation or space, got ${JSON.stringify(ch)}`,
      );
    }
    table[c] = 1;
  }
  return table;
}

export function buildProgram(
  source: string,
  tokens: readonly FormatToken[],
  caseSensitive: boolean,
  separators: Uint8Array,
): Program {
  return buildProgramWith(source, tokens, caseSensitive, separators, getCheckAlgorithm);
}

/** {@link buildProgram} with the check algorithms that `checks` knows. */
export function buildProgramWith(
  source: string,
  tokens: readonly FormatToken[],
  caseSensitive: boolean,
  separators: Uint8Array,
  checks: CheckLookup,
): Program {
  const fail = (reason: string, column: number): never => {
    throw new FormatSyntaxError(reason, source, column);
  };

  // ── Segments ───────────────────────────────────────────────────────────────
  interface Draft {
    kind: Segment['kind'];
    min: number;
    max: number;
    text: string;
    spec: CharSpec | null;
    field: string | null;
    datePart: DatePart | null;
    token: FormatToken;
  }
  const drafts: Draft[] = [];
  let checkAlgorithm: CheckValidator | null = null;
  let checkIndex = -1;
  for (const token of tokens) {
    const base = { text: '', spec: null, field: null, datePart: null, token };
    switch (token.kind) {
      case 'literal':
        drafts.push({
          ...base,
          kind: LITERAL,
          min: token.text.length,
          max: token.text.length,
          text: token.text,
        });
        break;
      case 'class':
        drafts.push({
          ...base,
          kind: DATA,
          min: token.min,
          max: token.max,
          spec: classSpec(token.charClass, caseSensitive),
          field: token.name ?? null,
        });
        break;
      case 'date': {
        const length = DATE_PART_LENGTH[token.part];
        const spec = classSpec('D', caseSensitive);
        drafts.push({
          ...base,
          kind: DATA,
          min: length,
          max: length,
          spec,
          field: token.part,
          datePart: token.part,
        });
        break;
      }
      case 'seq':
        drafts.push({
          ...base,
          kind: DATA,
          min: token.length,
          max: token.length,
          spec: classSpec('D', caseSensitive),
          field: 'seq',
        });
        break;
      case 'check': {
        if (checkAlgorithm) fail('a pattern has at most one check character', token.column);
        const algorithm = checks(token.algorithm)!;
        checkAlgorithm = algorithm;
        checkIndex = drafts.length;
        drafts.push({
          ...base,
          kind: CHECK,
          min: token.length,
          max: token.length,
          spec: checkSpec(algorithm.output, algorithm.input === 'crockford', caseSensitive),
        });
        break;
      }
    }
  }

  // ── The check character ────────────────────────────────────────────────────
  let check: CheckInfo | null = null;
  if (checkAlgorithm) {
    const algorithm: CheckValidator = checkAlgorithm;
    const checkToken = drafts[checkIndex]!.token;
    const after = drafts.slice(checkIndex + 1).find((d) => d.kind !== LITERAL);
    if (after) {
      fail('the check character must come last (only literals may follow it)', after.token.column);
    }
    const covered = drafts.slice(0, checkIndex).filter((d) => d.kind === DATA);
    if (covered.length === 0)
      fail('nothing before the check character to check', checkToken.column);
    const readable = readableBy(algorithm);
    for (const d of covered) {
      if (!coveredBy(d.spec!, readable)) {
        fail(
          `{check:${algorithm.name}} cannot read ${describeToken(d.token)}: ${algorithm.label} reads ${describeInput(algorithm, caseSensitive)}`,
          d.token.column,
        );
      }
    }
    const runs: number[] = [];
    let start = -1;
    for (let i = 0; i <= checkIndex; i++) {
      const isData = drafts[i]!.kind !== LITERAL;
      if (isData && start < 0) start = i;
      if (!isData && start >= 0) {
        runs.push(start, i);
        start = -1;
      }
    }
    runs.push(start, checkIndex + 1);
    check = { algorithm, segment: checkIndex, runs: Int32Array.from(runs) };
  }

  if (!drafts.some((d) => d.kind === DATA)) {
    fail('a pattern needs at least one field, e.g. {D:6}', tokens[0]?.column ?? 0);
  }

  // ── Lengths and where variable-length segments end ─────────────────────────
  const variable = drafts.flatMap((d, i) => (d.min !== d.max ? [i] : []));
  const lastVariable = variable.length ? variable[variable.length - 1]! : -1;
  const delimitedByNext = (i: number): boolean => {
    const d = drafts[i]!;
    const next = drafts[i + 1];
    if (!next) return true;
    if (next.kind === LITERAL) return !d.spec!.canonical[next.text.charCodeAt(0)];
    return disjoint(d.spec!, next.spec!);
  };
  for (const i of variable) {
    if (i === lastVariable || delimitedByNext(i)) continue;
    const next = variable[variable.indexOf(i) + 1]!;
    fail(
      `ambiguous length: where ${describeToken(drafts[i]!.token)} ends and ${describeToken(drafts[next]!.token)} begins cannot be told; put a literal between them, or give one a fixed length`,
      drafts[next]!.token.column,
    );
  }

  let minLength = 0;
  let maxLength = 0;
  for (const d of drafts) {
    minLength += d.min;
    maxLength += d.max;
    if (maxLength > MAX_SERIAL_LENGTH) {
      fail(`serials would be longer than ${MAX_SERIAL_LENGTH} characters`, d.token.column);
    }
  }

  let tail = 0;
  const tails = new Array<number>(drafts.length).fill(0);
  for (let i = drafts.length - 1; i >= 0; i--) {
    tails[i] = tail;
    tail += drafts[i]!.max;
  }

  const segments: Segment[] = drafts.map((d, i) => ({
    kind: d.kind,
    min: d.min,
    max: d.max,
    text: d.text,
    codes: Uint16Array.from(d.text, (ch) => ch.charCodeAt(0)),
    spec: d.spec,
    field: d.field,
    datePart: d.datePart,
    mode: d.min === d.max ? FIXED : i === lastVariable && !delimitedByNext(i) ? BY_LENGTH : GREEDY,
    tail: tails[i]!,
    token: d.token,
  }));

  // ── The sequence field: {seq:N}, else the last unnamed digit class before the check ──
  let sequenceSegment = segments.findIndex((s) => s.field === 'seq');
  if (sequenceSegment < 0) {
    const end = checkIndex >= 0 ? checkIndex : segments.length;
    for (let i = end - 1; i >= 0; i--) {
      const t = segments[i]!.token;
      if (t.kind === 'class' && t.charClass === 'D' && t.name === undefined) {
        sequenceSegment = i;
        break;
      }
    }
  }

  return {
    source,
    tokens,
    segments,
    caseSensitive,
    foldsCaseEverywhere: segments.every((s) =>
      s.kind === LITERAL ? !caseSensitive : s.spec!.foldsCase,
    ),
    minLength,
    maxLength,
    // Also keeps skipped separators below the weight of one correction in the aligner.
    inputCap: 2 * maxLength + 32,
    separators,
    check,
    dateSegments: segments.some((s) => s.datePart && s.datePart !== 'YYYY' && s.datePart !== 'YY')
      ? segments.flatMap((s, i) => (s.datePart ? [i] : []))
      : [],
    fieldSegments: segments.flatMap((s, i) => (s.field !== null ? [i] : [])),
    fieldNames: segments.flatMap((s) => (s.field !== null ? [s.field] : [])),
    ...fixedLayout(segments),
    sequenceSegment,
    slots: buildSlots(segments, caseSensitive, separators, lastVariable),
  };
}

function fixedLayout(segments: readonly Segment[]): {
  fixedTable: Uint8Array | null;
  fixedStarts: Int32Array | null;
} {
  if (segments.some((s) => s.min !== s.max)) return { fixedTable: null, fixedStarts: null };
  const length = segments.reduce((n, s) => n + s.max, 0);
  const table = new Uint8Array(length << 7);
  const starts = new Int32Array(segments.length + 1);
  let position = 0;
  segments.forEach((seg, k) => {
    starts[k] = position;
    for (let j = 0; j < seg.max; j++, position++) {
      if (seg.kind === LITERAL) table[(position << 7) | seg.codes[j]!] = 1;
      else table.set(seg.spec!.canonical, position << 7);
    }
  });
  starts[segments.length] = position;
  return { fixedTable: table, fixedStarts: starts };
}

/** Whether a data segment would take the typed character `c` as one of its own. */
function readsAsData(segment: Segment | undefined, c: number): boolean {
  return segment?.spec != null && c < 128 && segment.spec.accept[c]! >= 0;
}

function buildSlots(
  segments: readonly Segment[],
  caseSensitive: boolean,
  separators: Uint8Array,
  lastVariable: number,
): Slots {
  const count = segments.reduce((n, s) => n + s.max, 0);
  const slots = {
    count,
    kind: new Uint8Array(count),
    segment: new Int32Array(count),
    code: new Int32Array(count).fill(-1),
    exactCase: new Uint8Array(count),
    separator: new Uint8Array(count),
    optional: new Uint8Array(count),
    endSlot: new Int32Array(count).fill(-1),
    spec: new Array<CharSpec | null>(count).fill(null),
    segmentStart: new Int32Array(segments.length + 1),
  };
  let slot = 0;
  segments.forEach((seg, k) => {
    slots.segmentStart[k] = slot;
    const end = slot + seg.max;
    if (seg.kind === LITERAL) {
      const prev = segments[k - 1];
      const next = segments[k + 1];
      // Leaving out a separator literal is safe unless the segment before it relies on it to
      // show where it ends (`{X:1-8}-{X:1-8}`), or a neighbour could read it as data (GS1 `S`).
      const needed =
        prev !== undefined &&
        prev.kind === DATA &&
        prev.min !== prev.max &&
        k - 1 !== lastVariable &&
        !(next && next.kind !== LITERAL && disjoint(prev.spec!, next.spec!));
      for (let j = 0; j < seg.text.length; j++) {
        const c = seg.codes[j]!;
        const i = slot + j;
        slots.kind[i] = LITERAL;
        slots.segment[i] = k;
        slots.code[i] = c;
        slots.exactCase[i] = caseSensitive ? 1 : 0;
        const isSeparator = c < 128 && separators[c] === 1;
        slots.separator[i] = isSeparator ? 1 : 0;
        const readAsData = readsAsData(prev, c) || readsAsData(next, c);
        slots.optional[i] = isSeparator && !needed && !readAsData ? 1 : 0;
      }
    } else {
      for (let j = 0; j < seg.max; j++) {
        const i = slot + j;
        slots.kind[i] = seg.kind;
        slots.segment[i] = k;
        slots.spec[i] = seg.spec;
        if (j >= seg.min) slots.endSlot[i] = end;
      }
    }
    slot = end;
  });
  slots.segmentStart[segments.length] = slot;
  return slots;
}

/** The characters an algorithm can read, as canonical characters of the format. */
function readableBy(algorithm: CheckValidator): string {
  switch (algorithm.input) {
    case 'numeric':
      return '0123456789';
    case 'crockford':
      return CROCKFORD_SYMBOLS;
    case 'alphanumeric':
      // Upper case only, so case-sensitive letters are refused: 'a' and 'A' would check alike.
      return '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    case 'gs1-82':
      return classSpec('S', true).alphabet;
  }
}

function describeInput(algorithm: CheckValidator, caseSensitive: boolean): string {
  switch (algorithm.input) {
    case 'numeric':
      return 'digits only';
    case 'crockford':
      return 'Crockford base32 characters only ({C}, {D}, {H})';
    case 'alphanumeric':
      return caseSensitive
        ? 'digits and upper-case letters only (the format is case-sensitive)'
        : 'digits and letters only';
    case 'gs1-82':
      return 'GS1 AI characters (set 82)';
  }
}

function describeToken(token: FormatToken): string {
  if (token.kind === 'class') {
    const length = token.min === token.max ? `${token.min}` : `${token.min}-${token.max}`;
    return `{${token.name ? `${token.name}=` : ''}${token.charClass}:${length}}`;
  }
  return token.kind === 'date' ? `{${token.part}}` : token.kind;
}
