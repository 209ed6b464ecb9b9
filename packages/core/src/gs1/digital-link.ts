import type { Result, SerialIssue } from '../issues.js';
import {
  type AiDefinition,
  aiIn,
  checkAiValue,
  type Gs1Element,
  getAiDefinition,
  KEY_QUALIFIER_AIS,
} from './ai.js';
import { ElementList, type ElementSink, pushElement } from './element-sink.js';
import { normalizeGtin, padGtin } from './gtin.js';
import { type Gs1IssueReason, gs1Issue } from './issues.js';

/** A GS1 Digital Link URI split into its AIs. */
export interface ParsedDigitalLink {
  /**
   * Scheme, host and any path before the primary key, without a trailing slash:
   * `https://example.com/some/prefix`.
   */
  base: string;
  /**
   * The AIs in URI order: the primary key (AI 01 padded to 14 digits), its key qualifiers, then
   * the AIs of the query string. Values are percent-decoded.
   */
  elements: Gs1Element[];
}

/** Default resolver of canonical GS1 Digital Link URIs. */
export const GS1_RESOLVER = 'https://id.gs1.org';

/** Index after `http://` or `https://` (any case) at `s[start]`, or -1. */
export function schemeEnd(s: string, start: number): number {
  let i = start;
  if ((s.charCodeAt(i++) | 32) !== 104 /* h */) return -1;
  if ((s.charCodeAt(i++) | 32) !== 116 /* t */) return -1;
  if ((s.charCodeAt(i++) | 32) !== 116 /* t */) return -1;
  if ((s.charCodeAt(i++) | 32) !== 112 /* p */) return -1;
  if ((s.charCodeAt(i) | 32) === 115 /* s */) i++;
  return s.charCodeAt(i) === 58 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47
    ? i + 3
    : -1;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * `s[start, end)` with `%XX` decoded to the character with that code, or `undefined` when a `%`
 * is not followed by two hex digits. Bytes of multi-byte UTF-8 decode to single Latin-1 characters:
 * AI values are ASCII, so such a value is rejected later either way.
 *
 * In a query value (`query`), `+` stands for a space, as GS1's reference parser reads query
 * strings: a literal plus is written `%2B` there (GS1 Digital Link URI syntax), and a `+` becomes a
 * space that no AI's character set admits. In the path a `+` is itself.
 */
export function percentDecode(
  s: string,
  start: number,
  end: number,
  query: boolean,
): string | undefined {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 /* + */ && query) {
      out += `${s.slice(from, i)} `;
      from = i + 1;
    } else if (c === 37 /* % */) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (i + 2 >= end || hi < 0 || lo < 0) return undefined;
      out += s.slice(from, i) + String.fromCharCode(hi * 16 + lo);
      i += 2;
      from = i + 1;
    }
  }
  return from === start ? s.slice(start, end) : out + s.slice(from, end);
}

/**
 * Notes `ai` among the AIs of one Digital Link URI; false when it is there already. A URI carries
 * each AI once, even with the same value (GS1 Digital Link URI syntax; GS1's reference parser
 * rejects a duplicate AI), although an element string may repeat an AI with an equal value.
 */
export function noteUriAi(seen: string[], ai: string): boolean {
  if (seen.includes(ai)) return false;
  seen.push(ai);
  return true;
}

/** Index of the character `code` in `s[from, end)`, or `end`. */
export function indexIn(s: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === code) return i;
  return end;
}

/** The path of a URI whose host starts at `hostStart`, as {@link uriPath} reads it. */
export interface UriPath {
  /** The slashes of the path: segment k is `input[slashes[k] + 1, segmentEnd(…))`. */
  slashes: number[];
  /** Where the path ends (`?`, `#` or the end), less a trailing slash, which adds no segment. */
  pathEnd: number;
  /** Where the query ends (`#` or the end). */
  queryEnd: number;
  /** Where the host ends: the first slash, or the end of the path. */
  hostEnd: number;
}

/** Reads `input[hostStart, end)` in one pass; undefined when the host is empty. */
export function uriPath(input: string, hostStart: number, end: number): UriPath | undefined {
  const slashes: number[] = [];
  let pathEnd = -1;
  let queryEnd = end;
  for (let i = hostStart; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c === 47 /* / */) {
      if (pathEnd < 0) slashes.push(i);
    } else if (c === 63 /* ? */) {
      if (pathEnd < 0) pathEnd = i;
    } else if (c === 35 /* # */) {
      if (pathEnd < 0) pathEnd = i;
      queryEnd = i;
      break;
    }
  }
  if (pathEnd < 0) pathEnd = end;
  const hostEnd = slashes.length > 0 ? slashes[0]! : pathEnd;
  if (hostEnd === hostStart) return undefined;
  if (slashes.length > 0 && slashes[slashes.length - 1] === pathEnd - 1) pathEnd = slashes.pop()!;
  return { slashes, pathEnd, queryEnd, hostEnd };
}

/**
 * Has the URL path from `from` (the host's start) a segment that `isKey` accepts as a primary key
 * AI, followed by a value (a non-empty segment)? How GS1 input is told from a plain URL.
 */
export function hasKeySegment(
  input: string,
  from: number,
  end: number,
  isKey: (input: string, start: number, end: number) => boolean,
): boolean {
  let pathEnd = from;
  while (pathEnd < end && input.charCodeAt(pathEnd) !== 63 && input.charCodeAt(pathEnd) !== 35) {
    pathEnd++;
  }
  let i = input.indexOf('/', from);
  while (i >= 0 && i < pathEnd) {
    let next = input.indexOf('/', i + 1);
    if (next < 0 || next > pathEnd) next = pathEnd;
    const valued = next + 1 < pathEnd && input.charCodeAt(next + 1) !== 47;
    if (valued && isKey(input, i + 1, next)) return true;
    i = next;
  }
  return false;
}

/**
 * What {@link readUriQuery} does with the AIs it finds, whatever a reader's AI type `A` and state
 * `S` are. One constant object per reader: the query of every URI is read without allocating one.
 */
export interface UriQueryReader<A, S> {
  /** The AI `input[start, end)` names (digits only), or undefined when GS1 defines none. */
  aiAt(input: string, start: number, end: number): A | undefined;
  /** Its code, e.g. `'10'`. */
  code(ai: A): string;
  /** Takes a value, percent-decoded; `verbatim` when it stands in the input as it is. */
  value(state: S, ai: A, value: string, valueStart: number, verbatim: boolean): void;
  /** An issue of the input at `position`, described as the reader describes its AIs. */
  issue(
    input: string,
    reason: Gs1IssueReason,
    ai: string | undefined,
    position: number,
  ): SerialIssue;
}

/**
 * Reads the query `input[from, end)` of a Digital Link URI: numeric keys are AIs (an unknown one,
 * or one the URI already has, is an issue); every other parameter is not GS1's business.
 */
export function readUriQuery<A, S>(
  input: string,
  from: number,
  end: number,
  seen: string[],
  issues: SerialIssue[],
  reader: UriQueryReader<A, S>,
  state: S,
): void {
  for (let i = from; i < end; ) {
    const paramEnd = indexIn(input, 38 /* & */, i, end);
    const eq = indexIn(input, 61 /* = */, i, paramEnd);
    if (isDigits(input, i, eq)) {
      const ai = reader.aiAt(input, i, eq);
      if (ai === undefined) {
        issues.push(reader.issue(input, 'unknown_ai', input.slice(i, eq), i));
      } else if (!noteUriAi(seen, reader.code(ai))) {
        issues.push(reader.issue(input, 'repeated_ai', reader.code(ai), i));
      } else {
        const valueStart = Math.min(eq + 1, paramEnd);
        const value = percentDecode(input, valueStart, paramEnd, true);
        if (value === undefined) {
          issues.push(reader.issue(input, 'invalid_percent_encoding', reader.code(ai), valueStart));
        } else {
          reader.value(state, ai, value, valueStart, value.length === paramEnd - valueStart);
        }
      }
    }
    i = paramEnd + 1;
  }
}

/** End of path segment `k`: the next slash, or the end of the path. */
export function segmentEnd(slashes: readonly number[], k: number, pathEnd: number): number {
  return k + 1 < slashes.length ? slashes[k + 1]! : pathEnd;
}

/**
 * Index in `found` (key qualifier AIs in path order) of the first qualifier that no allowed
 * sequence admits there, or -1 when `found` is a subsequence of one of them.
 */
export function firstBadQualifier(
  found: readonly string[],
  allowed: readonly (readonly string[])[],
) {
  let longest = 0;
  for (const sequence of allowed) {
    let n = 0;
    for (let k = 0; n < found.length && k < sequence.length; k++) if (sequence[k] === found[n]) n++;
    if (n > longest) longest = n;
  }
  return longest === found.length ? -1 : longest;
}

/**
 * Parses a GS1 Digital Link URI (GS1 Digital Link standard, URI syntax): any `http`/`https` host,
 * any path before the primary key, the primary key (e.g. `/01/{gtin}`; GTIN-8, -12 and -13 are
 * padded to 14 digits) with its key qualifiers in order (`/22/…/10/…/21/…` for a GTIN), and AIs in
 * the query string (`?17=251231&3103=000189`). Other query parameters (`linkType`, tracking…) and
 * the fragment are ignored. Values are percent-decoded and checked against their AI.
 *
 * The path is read from the right, as the standard prescribes, so a prefix may itself contain
 * segments that look like AIs.
 *
 * @example
 * parseDigitalLink('https://example.com/some/prefix/01/09506000134352/21/ABC%2F1?17=251231');
 * // { success: true, data: { base: 'https://example.com/some/prefix', elements: [
 * //   { ai: '01', value: '09506000134352' }, { ai: '21', value: 'ABC/1' }, { ai: '17', value: '251231' }] } }
 */
export function parseDigitalLink(uri: string): Result<ParsedDigitalLink, SerialIssue> {
  return parseDigitalLinkAt(uri, 0, uri.length);
}

/** Parses `input[start, end)`; positions in issues are into `input`. */
export function parseDigitalLinkAt(
  input: string,
  start: number,
  end: number,
): Result<ParsedDigitalLink, SerialIssue> {
  const list = new ElementList();
  const baseEnd = readDigitalLink(input, start, end, list);
  if (list.issues.length > 0) return { success: false, issues: list.issues };
  return { success: true, data: { base: input.slice(start, baseEnd), elements: list.elements } };
}

/** The full parser's reader of query AIs: described by the AI table, checked and kept in `sink`. */
const QUERY_READER: UriQueryReader<AiDefinition, { input: string; sink: ElementSink }> = {
  aiAt: aiIn,
  code: (def) => def.ai,
  value: ({ input, sink }, def, value, valueStart, verbatim) =>
    pushElement(input, def, value, valueStart, verbatim, sink),
  issue: gs1Issue,
};

/**
 * Reads the Digital Link URI `input[start, end)` into `sink`. Returns where its base ends (the
 * slash before the primary key), or -1 when there is no URI to read (an issue says why).
 */
export function readDigitalLink(
  input: string,
  start: number,
  end: number,
  sink: ElementSink,
): number {
  const { issues } = sink;
  const hostStart = schemeEnd(input, start);
  if (hostStart < 0 || hostStart > end) {
    issues.push(gs1Issue(input, 'syntax', undefined, start));
    return -1;
  }
  const path = uriPath(input, hostStart, end);
  if (!path) {
    issues.push(gs1Issue(input, 'syntax', undefined, hostStart));
    return -1;
  }
  const { slashes, pathEnd, queryEnd, hostEnd } = path;
  const count = slashes.length;

  // From the right: (AI, value) pairs of key qualifiers, until the primary key.
  let key = -1;
  let k = count - 2;
  for (; k >= 0; k -= 2) {
    const def = aiIn(input, slashes[k]! + 1, segmentEnd(slashes, k, pathEnd));
    if (def === undefined) break;
    if (def.keyQualifiers !== undefined) {
      key = k;
      break;
    }
    if (!KEY_QUALIFIER_AIS.has(def.ai)) break;
  }
  if (key < 0) {
    issues.push(gs1Issue(input, 'no_primary_key', undefined, k >= 0 ? slashes[k]! + 1 : hostEnd));
    return -1;
  }

  const primary = aiIn(input, slashes[key]! + 1, segmentEnd(slashes, key, pathEnd))!;
  const found: string[] = [];
  for (let q = key + 2; q < count; q += 2) {
    found.push(aiIn(input, slashes[q]! + 1, segmentEnd(slashes, q, pathEnd))!.ai);
  }
  // Qualifiers in a valid sequence are distinct; the query may not repeat any AI of the URI.
  const seen = [primary.ai, ...found];
  const bad = firstBadQualifier(found, primary.keyQualifiers!);
  if (bad >= 0) {
    const at = slashes[key + 2 + 2 * bad]! + 1;
    issues.push(gs1Issue(input, 'invalid_key_qualifier', found[bad], at));
  }

  for (let p = key; p < count; p += 2) {
    const def =
      p === key ? primary : aiIn(input, slashes[p]! + 1, segmentEnd(slashes, p, pathEnd))!;
    const valueStart = slashes[p + 1]! + 1;
    const valueEnd = segmentEnd(slashes, p + 1, pathEnd);
    const value = percentDecode(input, valueStart, valueEnd, false);
    if (value === undefined) {
      issues.push(gs1Issue(input, 'invalid_percent_encoding', def.ai, valueStart));
      continue;
    }
    const gtin = def.ai === '01' ? padGtin(value) : value;
    const verbatim = gtin === value && value.length === valueEnd - valueStart;
    pushElement(input, def, gtin, valueStart, verbatim, sink);
  }

  readUriQuery(input, pathEnd + 1, queryEnd, seen, issues, QUERY_READER, { input, sink });

  return slashes[key]!;
}

export function isDigits(s: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Characters a Digital Link writes as they are (RFC 3986 unreserved); all others are %XX. */
const ENCODED: readonly string[] = /* @__PURE__ */ Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return /[A-Za-z0-9._~-]/.test(ch) ? ch : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
});

/** Percent-encodes an AI value (ASCII, already checked) for a Digital Link path or query. */
function encodeValue(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const encoded = ENCODED[value.charCodeAt(i)]!;
    if (encoded.length > 1) {
      out += value.slice(from, i) + encoded;
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

/** What a unit's Digital Link carries. */
export interface BuildDigitalLinkOptions {
  /** GTIN-8, -12, -13 or -14; written as 14 digits. */
  gtin: string;
  /** AI 21. */
  serial?: string;
  /** AI 10, batch or lot. */
  lot?: string;
  /** Scheme, host and optional path prefix. Default {@link GS1_RESOLVER}. */
  base?: string;
  /**
   * More AIs, e.g. `{ '17': '251231' }`. AI 22 (or 235) joins the path as a key qualifier; the
   * others go to the query string in AI order.
   */
  ais?: Readonly<Record<string, string>>;
}

function checked(ai: string, value: string): string {
  const def = getAiDefinition(ai);
  if (def === undefined) throw new RangeError(`buildDigitalLink: unknown AI (${ai})`);
  const problem = checkAiValue(def, value, 0, value.length);
  if (problem) {
    throw new RangeError(
      `buildDigitalLink: AI (${ai}) value ${JSON.stringify(value)}: ${problem.reason}`,
    );
  }
  return value;
}

/**
 * The GS1 Digital Link URI for a unit's label: `{base}/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]`
 * then the other AIs in the query string, each value percent-encoded (everything but letters,
 * digits, `-`, `.`, `_` and `~`). The result parses back with {@link parseDigitalLink}.
 *
 * Throws a `RangeError` for an invalid GTIN, AI or value, or a base that is not an http(s) URL:
 * these come from the merchant's own data, not from a customer.
 *
 * @example
 * buildDigitalLink({ gtin: '9506000134352', serial: 'ABC/1' });
 * // 'https://id.gs1.org/01/09506000134352/21/ABC%2F1'
 * buildDigitalLink({ gtin: '09506000134352', lot: 'L1', serial: '7', ais: { '17': '251231' } });
 * // 'https://id.gs1.org/01/09506000134352/10/L1/21/7?17=251231'
 */
export function buildDigitalLink(options: BuildDigitalLinkOptions): string {
  const { gtin, serial, lot, ais = {} } = options;
  const gtin14 = normalizeGtin(gtin);
  if (gtin14 === undefined)
    throw new RangeError(`buildDigitalLink: invalid GTIN ${JSON.stringify(gtin)}`);
  let base = options.base ?? GS1_RESOLVER;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const hostStart = schemeEnd(base, 0);
  if (hostStart < 0 || hostStart === base.length || /[?#]/.test(base)) {
    throw new RangeError(
      `buildDigitalLink: base must be an http(s) URL, got ${JSON.stringify(base)}`,
    );
  }

  const path: Record<string, string | undefined> = {
    '22': ais['22'],
    '10': lot ?? ais['10'],
    '21': serial ?? ais['21'],
    '235': ais['235'],
  };
  for (const ai of ['10', '21'] as const) {
    if (ais[ai] !== undefined && path[ai] !== ais[ai]) {
      throw new RangeError(`buildDigitalLink: AI (${ai}) given twice with different values`);
    }
  }
  if (path['235'] !== undefined && (path['22'] ?? path['10'] ?? path['21']) !== undefined) {
    throw new RangeError('buildDigitalLink: AI (235) cannot be combined with AIs 22, 10 or 21');
  }
  if (ais['01'] !== undefined && normalizeGtin(ais['01']) !== gtin14) {
    throw new RangeError('buildDigitalLink: AI (01) given twice with different values');
  }

  let uri = `${base}/01/${gtin14}`;
  for (const ai of ['22', '10', '21', '235']) {
    const value = path[ai];
    if (value !== undefined) uri += `/${ai}/${encodeValue(checked(ai, value))}`;
  }
  let separator = '?';
  for (const ai of Object.keys(ais).sort()) {
    if (ai in path || ai === '01') continue;
    const def = getAiDefinition(ai);
    if (def?.keyQualifiers !== undefined || KEY_QUALIFIER_AIS.has(ai)) {
      throw new RangeError(`buildDigitalLink: AI (${ai}) is a key or key qualifier of another key`);
    }
    uri += `${separator}${ai}=${encodeValue(checked(ai, ais[ai]!))}`;
    separator = '&';
  }
  return uri;
}
