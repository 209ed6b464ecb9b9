/**
 * A compact reader of the GS1 codes on product labels, for browsers: what a storefront needs to
 * find a unit's serial in a scanned or typed code, without the Application Identifier table.
 *
 * It recognizes GS1 input exactly as `isGs1Input` does and reads Digital Link URIs, bracketed and
 * raw element strings as `parseGs1` does, checking the values of the AIs that name a unit: 01
 * (GTIN), 10 (batch or lot), 17 (expiry), 21 (serial) and 22 (consumer product variant). Other AIs
 * are delimited but their values are not checked, and a Digital Link whose primary key is not a
 * GTIN is not read: a service that parses the code in full does both.
 */
import { checkValidators } from '../checksums/check-validators.js';
import type { Result, SerialIssue } from '../issues.js';
import { GS1_SET_82 } from './character-sets.js';
import { gs1DateToIso, isYymmdd } from './dates.js';
import {
  firstBadQualifier,
  hasKeySegment,
  indexIn,
  isDigits,
  percentDecode,
  readUriQuery,
  schemeEnd,
  segmentEnd,
  type UriQueryReader,
  uriPath,
} from './digital-link.js';
import { bracketedAiEnd, digitsAt, GROUP_SEPARATOR, gs1SymbologyIdAt } from './element-string.js';
import { padGtin } from './gtin.js';
import { isSymbologyId, trimEnd, trimStart } from './input-text.js';
import { type AiDescription, describedGs1Issue, gtinIssue } from './issue-text.js';
import type { Gs1IssueReason } from './issues.js';
import { PREDEFINED_LENGTHS } from './predefined-lengths.js';

/** The unit a GS1 code names, as far as {@link readGs1Unit} reads it. */
export interface Gs1Unit {
  /** AI 01, 14 digits. */
  gtin?: string;
  /** AI 21. */
  serial?: string;
}

/** Every AI GS1 defines, as ranges, but the measures below. */
const AI_RANGES =
  '00-03 10-13 15-17 20-22 30 37 90-99 235 240-243 250-251 253-255 400-403 410-417 420-427 710-716 3900-3943 3950-3955 4300-4326 4330-4333 7001-7011 7020-7023 7030-7041 7230-7242 7250-7259 8001-8014 8017-8020 8026 8030 8110-8112 8200';
/** The trade measures: each of these three-digit stems followed by a decimal point of 0 to 5. */
const MEASURE_STEMS = '310-316 320-337 340-357 360-369';
/** Digital Link primary keys, and the AIs that qualify one. */
const PRIMARY_KEYS = ' 00 01 253 255 401 402 414 415 417 8003 8004 8006 8010 8013 8017 8018 ';
const KEY_QUALIFIERS = ' 22 10 21 235 254 7040 8020 8011 8019 ';

/** The AIs whose values are checked here, described as the AI table describes them. */
const CHECKED: Readonly<Record<string, AiDescription>> = {
  '01': { title: 'GTIN', minLength: 14, maxLength: 14, fixedLength: true, charset: 'numeric' },
  '10': { title: 'BATCH/LOT', minLength: 1, maxLength: 20, fixedLength: false, charset: 'set82' },
  '17': {
    title: 'USE BY OR EXPIRY',
    minLength: 6,
    maxLength: 6,
    fixedLength: true,
    charset: 'numeric',
  },
  '21': { title: 'SERIAL', minLength: 1, maxLength: 20, fixedLength: false, charset: 'set82' },
  '22': { title: 'CPV', minLength: 1, maxLength: 20, fixedLength: false, charset: 'set82' },
};

/** Fourteen digits whose GS1 check digit is right. */
const isGtin14 = (s: string) => /^\d{14}$/.test(s) && checkValidators.gs1.validate(s);

function inRanges(ranges: string, code: string): boolean {
  return ranges.split(' ').some((range) => {
    const [first = '', last = first] = range.split('-');
    return code.length === first.length && code >= first && code <= last;
  });
}

/** `s[start, end)` when it is an AI GS1 defines, else undefined. */
function aiIn(s: string, start: number, end: number): string | undefined {
  const ai = s.slice(start, end);
  if (ai.length < 2 || ai.length > 4 || !isDigits(s, start, end)) return undefined;
  const known =
    inRanges(AI_RANGES, ai) ||
    (ai.length === 4 && ai[3]! <= '5' && inRanges(MEASURE_STEMS, ai.slice(0, 3)));
  return known ? ai : undefined;
}

/** The AI that starts at `s[i]` (AIs are prefix-free), or undefined. */
function aiAt(s: string, i: number, end: number): string | undefined {
  for (let length = 2; length <= 4 && i + length <= end; length++) {
    const ai = aiIn(s, i, i + length);
    if (ai) return ai;
  }
  return undefined;
}

const isPrimaryKey = (ai: string | undefined) =>
  ai !== undefined && PRIMARY_KEYS.includes(` ${ai} `);

const gs1Issue = (input: string, reason: Gs1IssueReason, ai?: string, position?: number) =>
  describedGs1Issue(input, reason, ai, position, ai === undefined ? undefined : CHECKED[ai]);

/** What is wrong with the value of a checked AI, and where in it; undefined when nothing is. */
function problemOf(ai: string, v: string): [Gs1IssueReason, number] | undefined {
  const def = CHECKED[ai];
  const n = v.length;
  // Every AI has a value of at least one character.
  if (n === 0) return ['missing_value', 0];
  if (!def) return undefined;
  if (n > def.maxLength) return ['too_long', def.maxLength];
  if (n < def.minLength) return ['too_short', n];
  const numeric = def.charset === 'numeric';
  if (ai === '01' && isGtin14(v)) return undefined;
  if (ai === '01' && /^\d+$/.test(v)) return ['invalid_check_digit', 0];
  for (let k = 0; k < n; k++) {
    const c = v[k]!;
    if (numeric ? c < '0' || c > '9' : !GS1_SET_82.includes(c)) return ['invalid_character', k];
  }
  return ai === '17' && !isYymmdd(v, 0, true) ? ['invalid_date', 0] : undefined;
}

interface Reading {
  input: string;
  /** The values of the checked AIs, in input order. */
  elements: [ai: string, value: string][];
  issues: SerialIssue[];
}

/** Checks a value and adds the element, or an issue; as the full parsers' `pushElement`. */
function push(r: Reading, ai: string, value: string, valueStart: number, verbatim: boolean): void {
  const problem = problemOf(ai, value);
  // Only the checked AIs are read: an unchecked value may be one the full parser rejects.
  if (!problem) {
    if (CHECKED[ai]) r.elements.push([ai, value]);
  } else if (problem[0] === 'invalid_check_digit') {
    r.issues.push(gtinIssue(r.input, valueStart));
  } else {
    r.issues.push(
      gs1Issue(r.input, problem[0], ai, verbatim ? valueStart + problem[1] : valueStart),
    );
  }
}

/** The reader of query AIs: described and checked as this reader checks its few AIs. */
const QUERY_READER: UriQueryReader<string, Reading> = {
  aiAt: aiIn,
  code: (ai) => ai,
  value: push,
  issue: gs1Issue,
};

/** A Digital Link URI at `input[start, end)`; as `parseDigitalLinkAt`, for GTIN keys only. */
function readDigitalLink(r: Reading, start: number, end: number): boolean {
  const { input } = r;
  const hostStart = schemeEnd(input, start);
  const path = uriPath(input, hostStart, end);
  if (!path) {
    r.issues.push(gs1Issue(input, 'syntax', undefined, hostStart));
    return true;
  }
  const { slashes, pathEnd, queryEnd, hostEnd } = path;
  const count = slashes.length;
  const aiOf = (k: number) => aiIn(input, slashes[k]! + 1, segmentEnd(slashes, k, pathEnd));

  let key = -1;
  let k = count - 2;
  for (; k >= 0; k -= 2) {
    const ai = aiOf(k);
    if (ai === undefined) break;
    if (isPrimaryKey(ai)) {
      key = k;
      break;
    }
    if (!KEY_QUALIFIERS.includes(` ${ai} `)) break;
  }
  if (key < 0) {
    r.issues.push(gs1Issue(input, 'no_primary_key', undefined, k >= 0 ? slashes[k]! + 1 : hostEnd));
    return true;
  }
  // Other keys name no GTIN: left to a full parser.
  if (aiOf(key) !== '01') return false;

  const found: string[] = [];
  for (let q = key + 2; q < count; q += 2) found.push(aiOf(q)!);
  const seen = ['01', ...found];
  const bad = firstBadQualifier(found, [['22', '10', '21'], ['235']]);
  if (bad >= 0) {
    r.issues.push(
      gs1Issue(input, 'invalid_key_qualifier', found[bad], slashes[key + 2 + 2 * bad]! + 1),
    );
  }
  for (let p = key; p < count; p += 2) {
    const ai = aiOf(p)!;
    const valueStart = slashes[p + 1]! + 1;
    const valueEnd = segmentEnd(slashes, p + 1, pathEnd);
    const value = percentDecode(input, valueStart, valueEnd, false);
    if (value === undefined) {
      r.issues.push(gs1Issue(input, 'invalid_percent_encoding', ai, valueStart));
      continue;
    }
    const gtin = ai === '01' ? padGtin(value) : value;
    push(r, ai, gtin, valueStart, gtin === value && value.length === valueEnd - valueStart);
  }
  readUriQuery(input, pathEnd + 1, queryEnd, seen, r.issues, QUERY_READER, r);
  return true;
}

/** A bracketed element string at `input[start, end)`; as the full parser. */
function readBracketed(r: Reading, start: number, end: number): void {
  const { input } = r;
  for (let i = start; i < end; ) {
    const aiEnd = bracketedAiEnd(input, i, end);
    if (aiEnd < 0) {
      r.issues.push(gs1Issue(input, 'syntax', undefined, i));
      return;
    }
    let j = aiEnd;
    let escaped = false;
    while (j < end) {
      if (input[j] === '\\' && input[j + 1] === '(') {
        escaped = true;
        j += 2;
      } else if (input[j] === '(' && bracketedAiEnd(input, j, end) >= 0) break;
      else j++;
    }
    const ai = aiIn(input, i + 1, aiEnd - 1);
    if (ai === undefined) {
      r.issues.push(gs1Issue(input, 'unknown_ai', input.slice(i + 1, aiEnd - 1), i + 1));
    } else {
      const raw = input.slice(aiEnd, j);
      push(r, ai, escaped ? raw.replaceAll('\\(', '(') : raw, aiEnd, !escaped);
    }
    i = j;
  }
}

/** A raw element string at `input[start, end)` (after any symbology identifier). */
function readRaw(r: Reading, start: number, end: number): void {
  const { input } = r;
  let i = start;
  while (i < end && input[i] === GROUP_SEPARATOR) i++;
  if (i === end) r.issues.push(gs1Issue(input, 'empty', undefined, i));
  while (i < end) {
    const ai = aiAt(input, i, end);
    if (ai === undefined) {
      r.issues.push(gs1Issue(input, 'unknown_ai', digitsAt(input, i, end), i));
      return;
    }
    const valueStart = i + ai.length;
    const total = PREDEFINED_LENGTHS[ai.slice(0, 2)];
    let valueEnd: number;
    if (total) {
      valueEnd = i + total;
      if (valueEnd > end) {
        r.issues.push(gs1Issue(input, 'too_short', ai, end));
        return;
      }
    } else {
      valueEnd = indexIn(input, 0x1d, valueStart, end);
    }
    push(r, ai, input.slice(valueStart, valueEnd), valueStart, true);
    i = valueEnd;
    while (i < end && input[i] === GROUP_SEPARATOR) i++;
  }
}

/** Is `input[start, end)` an AI that is a primary key? */
function isKeyAi(input: string, start: number, end: number): boolean {
  return isPrimaryKey(aiIn(input, start, end));
}

/**
 * The unit a GS1 code names: `undefined` when the input is not GS1 (a plain serial, as
 * `isGs1Input` tells), else the GTIN and serial read as `parseGs1` reads them, or its issues. A
 * code whose serial this reader cannot take out (a Digital Link on another key than a GTIN) reads
 * as a unit without a serial. Never throws.
 *
 * @example
 * readGs1Unit('https://brand.example/01/09506000134352/21/ABC123');
 * // { success: true, data: { gtin: '09506000134352', serial: 'ABC123' } }
 * readGs1Unit('SN-2024-0001238'); // undefined
 */
export function readGs1Unit(
  input: string,
  options: { referenceYear?: number } = {},
): Result<Gs1Unit, SerialIssue> | undefined {
  const start = trimStart(input);
  const end = trimEnd(input, start);
  if (end - start < 4) return undefined;
  const r: Reading = { input, elements: [], issues: [] };
  let i = start;
  if (isSymbologyId(input, i) && gs1SymbologyIdAt(input, i)) {
    readRaw(r, i + 3, end);
  } else {
    // A plain QR Code or Data Matrix identifier (`]Q1`, `]d1`) can only carry a Digital Link.
    if (isSymbologyId(input, i)) i += 3;
    const host = schemeEnd(input, i);
    if (host >= 0) {
      if (!hasKeySegment(input, host, end, isKeyAi)) return undefined;
      if (!readDigitalLink(r, i, end)) return { success: true, data: {} };
    } else {
      const c = input[i]!;
      const close = input.indexOf(')', i);
      const gs1 =
        input.indexOf(GROUP_SEPARATOR, i) >= 0 ||
        (c === '('
          ? close > 0 && close < end && aiIn(input, i + 1, close) !== undefined
          : input.startsWith('01', i) &&
            end - i >= 16 &&
            isGtin14(input.slice(i + 2, i + 16)) &&
            (end === i + 16 || aiAt(input, i + 16, end) !== undefined));
      if (!gs1) return undefined;
      if (
        i > start ||
        !(c === '(' || c === ']' || c === GROUP_SEPARATOR || (c >= '0' && c <= '9'))
      ) {
        r.issues.push(gs1Issue(input, 'unrecognized', undefined, start));
      } else if (c === '(') readBracketed(r, i, end);
      else readRaw(r, i, end);
    }
  }

  const ais: Record<string, string> = Object.create(null);
  for (const [ai, value] of r.elements) {
    if (ais[ai] !== undefined && ais[ai] !== value)
      r.issues.push(gs1Issue(input, 'duplicate_ai', ai));
    ais[ai] = value;
  }
  if (ais['17'] !== undefined && gs1DateToIso(ais['17'], options.referenceYear) === undefined) {
    r.issues.push(gs1Issue(input, 'invalid_date', '17'));
  }
  if (r.issues.length > 0) return { success: false, issues: r.issues };
  const data: Gs1Unit = {};
  if (ais['01'] !== undefined) data.gtin = ais['01'];
  if (ais['21'] !== undefined) data.serial = ais['21'];
  return { success: true, data };
}
