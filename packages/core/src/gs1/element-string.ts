import type { Result, SerialIssue } from '../issues.js';
import { aiAt, aiIn, type Gs1Element } from './ai.js';
import { ElementList, type ElementSink, pushElement } from './element-sink.js';
import { gs1Issue } from './issues.js';

/** ASCII GS (group separator), which barcode scanners send for FNC1 between fields. */
export const GROUP_SEPARATOR = '\u001d';
const GS_CODE = 0x1d;

/** An element string split into its AIs. */
export interface ParsedElementString {
  /** `bracketed`: `(01)…(21)…` as printed under a barcode; `raw`: what a scanner sends. */
  form: 'bracketed' | 'raw';
  /** The symbology identifier the scanner sent, e.g. `]d2`. */
  symbologyId?: string;
  /** The AIs in the order they appear. */
  elements: Gs1Element[];
}

/**
 * The symbology identifier (ISO/IEC 15424) at `s[start]` if it announces GS1 data: `]C1` GS1-128,
 * `]e0`-`]e2` GS1 DataBar and Composite, `]d2` GS1 DataMatrix, `]Q3` GS1 QR Code, `]J1` GS1
 * DotCode. Otherwise `undefined`.
 */
export function gs1SymbologyIdAt(s: string, start: number): string | undefined {
  if (s.charCodeAt(start) !== 93 /* ] */) return undefined;
  const modifier = s.charCodeAt(start + 2);
  let gs1: boolean;
  switch (s.charCodeAt(start + 1)) {
    case 67 /* C */:
    case 74 /* J */:
      gs1 = modifier === 49;
      break;
    case 101 /* e */:
      gs1 = modifier >= 48 && modifier <= 50;
      break;
    case 100 /* d */:
      gs1 = modifier === 50;
      break;
    case 81 /* Q */:
      gs1 = modifier === 51;
      break;
    default:
      gs1 = false;
  }
  return gs1 ? s.slice(start, start + 3) : undefined;
}

/**
 * Parses a GS1 element string, either
 * - bracketed, as printed under a barcode: `(01)09506000134352(17)251231(21)ABC123`. A `(` inside a
 *   value is written `\(`;
 * - raw, as a scanner sends it: AIs and values run together, with GS (`\u001d`, for FNC1) after each
 *   variable-length value that is not last, optionally after a symbology identifier (`]C1`, `]e0`,
 *   `]d2`, `]Q3`, `]J1`).
 *
 * Every value is checked against its AI: length, character set, check digit, date. A wrong GTIN
 * check digit gives `invalid_gtin`, everything else `invalid_gs1` with a `reason` and the `ai`.
 *
 * @example
 * parseElementString('(01)09506000134352(21)ABC123');
 * // { success: true, data: { form: 'bracketed', elements: [{ ai: '01', value: '09506000134352' }, { ai: '21', value: 'ABC123' }] } }
 * parseElementString(']d2010950600013435221ABC123\u001d10LOT7');
 */
export function parseElementString(input: string): Result<ParsedElementString, SerialIssue> {
  return parseElementStringAt(input, 0, input.length);
}

/** Parses `input[start, end)`; positions in issues are into `input`. */
export function parseElementStringAt(
  input: string,
  start: number,
  end: number,
): Result<ParsedElementString, SerialIssue> {
  if (start >= end) return { success: false, issues: [gs1Issue(input, 'empty', undefined, start)] };
  const list = new ElementList();
  const symbologyId = readElementString(input, start, end, list);
  if (list.issues.length > 0) return { success: false, issues: list.issues };
  const { elements } = list;
  const data: ParsedElementString =
    symbologyId === null
      ? { form: 'bracketed', elements }
      : symbologyId === undefined
        ? { form: 'raw', elements }
        : { form: 'raw', symbologyId, elements };
  return { success: true, data };
}

/**
 * Reads the element string `input[start, end)` (not empty) into `sink`. Returns `null` for the
 * bracketed form, else the raw form's symbology identifier if it has one.
 */
export function readElementString(
  input: string,
  start: number,
  end: number,
  sink: ElementSink,
): string | null | undefined {
  if (input.charCodeAt(start) === 40 /* ( */) {
    parseBracketed(input, start, end, sink);
    return null;
  }
  const symbologyId = gs1SymbologyIdAt(input, start);
  parseRaw(input, symbologyId ? start + 3 : start, end, sink);
  return symbologyId;
}

function parseRaw(input: string, start: number, end: number, sink: ElementSink): void {
  const { issues } = sink;
  let i = start;
  // Some scanners send the leading FNC1 too.
  while (i < end && input.charCodeAt(i) === GS_CODE) i++;
  if (i === end) {
    issues.push(gs1Issue(input, 'empty', undefined, i));
    return;
  }
  while (i < end) {
    const def = aiAt(input, i, end);
    if (def === undefined) {
      // Without the AI, the value's extent is unknown: nothing after this can be read.
      issues.push(gs1Issue(input, 'unknown_ai', digitsAt(input, i, end), i));
      return;
    }
    const valueStart = i + def.ai.length;
    let valueEnd: number;
    if (def.predefinedLength) {
      valueEnd = valueStart + def.maxLength;
      if (valueEnd > end) {
        issues.push(gs1Issue(input, 'too_short', def.ai, end));
        return;
      }
    } else {
      valueEnd = input.indexOf(GROUP_SEPARATOR, valueStart);
      if (valueEnd < 0 || valueEnd > end) valueEnd = end;
    }
    pushElement(input, def, input.slice(valueStart, valueEnd), valueStart, true, sink);
    i = valueEnd;
    while (i < end && input.charCodeAt(i) === GS_CODE) i++;
  }
}

/** Up to 4 leading digits at `s[i]`, to name an unknown AI; `undefined` when there are none. */
export function digitsAt(s: string, i: number, end: number): string | undefined {
  let j = i;
  while (j < end && j < i + 4 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  return j > i ? s.slice(i, j) : undefined;
}

/**
 * The AI in brackets at `s[i]` (`(` then 2-4 digits then `)`): the index after `)`, or -1.
 */
export function bracketedAiEnd(s: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && j <= i + 5) {
    const c = s.charCodeAt(j);
    if (c === 41 /* ) */) return j - i - 1 >= 2 ? j + 1 : -1;
    if (c < 48 || c > 57) return -1;
    j++;
  }
  return -1;
}

function parseBracketed(input: string, start: number, end: number, sink: ElementSink): void {
  const { issues } = sink;
  let i = start;
  while (i < end) {
    const aiEnd = bracketedAiEnd(input, i, end);
    if (aiEnd < 0) {
      issues.push(gs1Issue(input, 'syntax', undefined, i));
      return;
    }
    const ai = input.slice(i + 1, aiEnd - 1);
    // The value runs to the next `(` that opens an AI; `\(` is a literal bracket.
    let j = aiEnd;
    let escaped = false;
    while (j < end) {
      const c = input.charCodeAt(j);
      if (c === 92 /* \ */ && input.charCodeAt(j + 1) === 40) {
        escaped = true;
        j += 2;
      } else if (c === 40 && bracketedAiEnd(input, j, end) >= 0) {
        break;
      } else {
        j++;
      }
    }
    const def = aiIn(input, i + 1, aiEnd - 1);
    if (def === undefined) {
      issues.push(gs1Issue(input, 'unknown_ai', ai, i + 1));
    } else {
      const raw = input.slice(aiEnd, j);
      const value = escaped ? raw.replaceAll('\\(', '(') : raw;
      pushElement(input, def, value, aiEnd, !escaped, sink);
    }
    i = j;
  }
}
