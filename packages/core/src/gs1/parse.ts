import type { Result, SerialIssue } from '../issues.js';
import { type AiDefinition, aiAt, aiIn } from './ai.js';
import { currentUtcYear } from './current-year.js';
import { gs1DateToIso } from './dates.js';
import { hasKeySegment, readDigitalLink, schemeEnd } from './digital-link.js';
import type { ElementSink } from './element-sink.js';
import { GROUP_SEPARATOR, gs1SymbologyIdAt, readElementString } from './element-string.js';
import { isValidGtin } from './gtin.js';
import { isSymbologyId, trimEnd, trimStart } from './input-text.js';
import { gs1Issue } from './issues.js';

/** GS1 data read from a Digital Link URI or an element string. */
export interface Gs1Data {
  /** The form the input had. */
  form: 'digital-link' | 'bracketed' | 'raw';
  /** AI 01, always 14 digits. */
  gtin?: string;
  /** AI 21. */
  serial?: string;
  /** AI 10. */
  lot?: string;
  /** AI 17 as an ISO date `YYYY-MM-DD` (day 00 is the month's last day). */
  expiry?: string;
  /**
   * Every AI found, by AI, in a prototype-free object. (Objects list integer-like keys first: do
   * not rely on key order; the parsers' `elements` keep it.)
   */
  ais: Record<string, string>;
}

/** Options for {@link parseGs1}. */
export interface ParseGs1Options {
  /** The year that anchors the century of two-digit years (GS1 sliding window). Default: now. */
  referenceYear?: number;
}

/**
 * Reads `input[start, end)` into `sink` in whichever form it has; `undefined` when it has none
 * (an issue says why).
 */
function readForm(
  input: string,
  start: number,
  end: number,
  sink: ElementSink,
): Gs1Data['form'] | undefined {
  if (start === end) {
    sink.issues.push(gs1Issue(input, 'empty', undefined, start));
    return undefined;
  }
  let i = start;
  if (gs1SymbologyIdAt(input, i) === undefined && isSymbologyId(input, i)) {
    // A plain QR Code or Data Matrix (`]Q1`, `]d1`) can carry a Digital Link URI.
    i += 3;
    if (schemeEnd(input, i) < 0) {
      sink.issues.push(gs1Issue(input, 'unrecognized', undefined, start));
      return undefined;
    }
  }
  if (schemeEnd(input, i) >= 0) {
    return readDigitalLink(input, i, end, sink) < 0 ? undefined : 'digital-link';
  }
  const c = input.charCodeAt(i);
  if (c === 40 /* ( */ || c === 93 /* ] */ || c === 0x1d || (c >= 48 && c <= 57)) {
    return readElementString(input, i, end, sink) === null ? 'bracketed' : 'raw';
  }
  sink.issues.push(gs1Issue(input, 'unrecognized', undefined, start));
  return undefined;
}

/**
 * parseGs1's sink: the `ais` record and the named fields, filled as the reader reads, and the
 * AIs repeated with another value.
 */
class Gs1Collector implements ElementSink {
  readonly issues: SerialIssue[] = [];
  // Prototype-free: AI keys never meet Object.prototype.
  readonly ais: Record<string, string> = Object.create(null);
  gtin: string | undefined = undefined;
  serial: string | undefined = undefined;
  lot: string | undefined = undefined;
  expiry: string | undefined = undefined;
  private readonly input: string;

  constructor(input: string) {
    this.input = input;
  }

  add(def: AiDefinition, value: string): void {
    const ai = def.ai;
    // AI strings come from the AI table: comparing them compares two pointers. The named fields
    // hold the AIs read so far, so only other AIs need a look into the record.
    let seen: string | undefined;
    if (ai === '01') {
      seen = this.gtin;
      this.gtin = value;
    } else if (ai === '21') {
      seen = this.serial;
      this.serial = value;
    } else if (ai === '10') {
      seen = this.lot;
      this.lot = value;
    } else if (ai === '17') {
      seen = this.expiry;
      this.expiry = value;
    } else {
      seen = this.ais[ai];
    }
    if (seen !== undefined && seen !== value) {
      this.issues.push(gs1Issue(this.input, 'duplicate_ai', ai));
    }
    this.ais[ai] = value;
  }
}

/**
 * Reads GS1 data from whatever a scanner or a customer gives: a GS1 Digital Link URI, a bracketed
 * element string `(01)…(21)…`, or a raw element string with GS separators and an optional
 * symbology identifier. Surrounding white space is ignored. Never throws.
 *
 * Issues: a GTIN with a wrong check digit gives `invalid_gtin`; anything else (an unknown AI, a
 * value of the wrong length or characters, such as a serial (AI 21) over 20 characters or outside
 * set 82, a bad date, empty input) gives `invalid_gs1` with a `reason` and, where known, the `ai`.
 *
 * @example
 * parseGs1('https://id.gs1.org/01/09506000134352/10/LOT7/21/ABC123?17=251200');
 * // { success: true, data: { form: 'digital-link', gtin: '09506000134352', serial: 'ABC123',
 * //   lot: 'LOT7', expiry: '2025-12-31', ais: { '01': …, '10': …, '17': '251200', '21': … } } }
 * parseGs1('(01)09506000134352(21)ABC123').success; // true
 */
export function parseGs1(
  input: string,
  options: ParseGs1Options = {},
): Result<Gs1Data, SerialIssue> {
  const start = trimStart(input);
  const found = new Gs1Collector(input);
  const form = readForm(input, start, trimEnd(input, start), found);
  if (form === undefined) return { success: false, issues: found.issues };
  let expiry: string | undefined;
  if (found.expiry !== undefined) {
    expiry = gs1DateToIso(found.expiry, options.referenceYear ?? currentUtcYear());
    // Checked as YYMMDD already; only 29 February of a century year that is not leap gets here.
    if (expiry === undefined) found.issues.push(gs1Issue(input, 'invalid_date', '17'));
  }
  if (found.issues.length > 0) return { success: false, issues: found.issues };
  // Keys in one order, so that every result has the same shape.
  const data: Gs1Data = { form, ais: found.ais };
  if (found.gtin !== undefined) data.gtin = found.gtin;
  if (found.serial !== undefined) data.serial = found.serial;
  if (found.lot !== undefined) data.lot = found.lot;
  if (expiry !== undefined) data.expiry = expiry;
  return { success: true, data };
}

/**
 * Does `input` look like GS1 data (a Digital Link URI, an element string) rather than a plain
 * serial? A quick test on the shape, not a validation: use {@link parseGs1} for that.
 *
 * True for: an http(s) URL whose path has a GS1 primary key followed by a value (`/01/…`);
 * a bracketed AI at the start (`(01)`); a GS1 symbology identifier (`]C1`, `]d2`, `]Q3`, `]e0`,
 * `]J1`); a GS character anywhere; or digits starting with AI 01 and a GTIN-14 with a correct check
 * digit, followed by nothing or by another AI.
 *
 * @example
 * isGs1Input('https://example.com/01/09506000134352/21/ABC'); // true
 * isGs1Input('(01)09506000134352(21)ABC'); // true
 * isGs1Input('SN-2024-000123'); // false
 */
export function isGs1Input(input: string): boolean {
  const start = trimStart(input);
  const end = trimEnd(input, start);
  if (end - start < 4) return false;
  let i = start;
  if (isSymbologyId(input, i)) {
    if (gs1SymbologyIdAt(input, i) !== undefined) return true;
    i += 3;
  }
  const host = schemeEnd(input, i);
  if (host >= 0) return hasKeySegment(input, host, end, isKeyAi);
  if (input.indexOf(GROUP_SEPARATOR, i) >= 0) return true;
  const c = input.charCodeAt(i);
  if (c === 40 /* ( */) {
    const close = input.indexOf(')', i);
    return close > 0 && close < end && aiIn(input, i + 1, close) !== undefined;
  }
  if (c === 48 && input.charCodeAt(i + 1) === 49 && end - i >= 16) {
    const gtin = input.slice(i + 2, i + 16);
    return isValidGtin(gtin) && (end === i + 16 || aiAt(input, i + 16, end) !== undefined);
  }
  return false;
}

/** Is `input[start, end)` an AI that is a primary key? */
function isKeyAi(input: string, start: number, end: number): boolean {
  return aiIn(input, start, end)?.keyQualifiers !== undefined;
}
