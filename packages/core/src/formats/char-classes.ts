/**
 * Character tables of the format language. Every class compiles to a {@link CharSpec}: lookup
 * tables over ASCII, so that the hot path costs one load per character and the lenient path
 * (case folding, Crockford decoding, look-alike correction) costs one more.
 */

import { GS1_SET_82 } from '../gs1/character-sets.js';
import type { CharClass } from '../issues.js';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Crockford base32 data symbols in value order: 0-9 A-Z without I L O U. */
export const CROCKFORD_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters people confuse with each other, in print and in handwriting. */
const LOOKALIKE_GROUPS: readonly string[] = ['O0', 'IL1', 'S5', 'B8', 'Z2'];

/**
 * The compiled form of a character class (or of a check character position).
 * All tables are indexed by ASCII code; codes ≥ 128 are never members.
 */
export interface CharSpec {
  /** The class letter, or `null` for a check character position. */
  readonly charClass: CharClass | null;
  /** Canonical characters in a stable order (for generation and suggestions). */
  readonly alphabet: string;
  /** 1 when the code is a canonical member: the hot path's only table. */
  readonly canonical: Uint8Array;
  /** Input code → canonical code (case folded, Crockford aliases decoded), or -1. */
  readonly accept: Int16Array;
  /**
   * Input code that `accept` rejects → canonical code, when exactly one character of its
   * look-alike group belongs here (a digit position receiving 'O' → '0'), else -1.
   */
  readonly lookalike: Int16Array;
  /** Whether lower-case input is folded to upper case here. */
  readonly foldsCase: boolean;
}

interface SpecOptions {
  foldCase: boolean;
  /** Extra input characters read as a canonical one, e.g. Crockford's I → 1. */
  aliases?: readonly (readonly [string, string])[];
}

function createSpec(charClass: CharClass | null, alphabet: string, options: SpecOptions): CharSpec {
  const canonical = new Uint8Array(128);
  const accept = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) {
    const c = alphabet.charCodeAt(i);
    canonical[c] = 1;
    accept[c] = c;
  }
  if (options.foldCase) {
    for (let c = 97; c <= 122; c++) if (accept[c - 32]! >= 0 && accept[c]! < 0) accept[c] = c - 32;
  }
  for (const [alias, target] of options.aliases ?? []) {
    const t = target.charCodeAt(0);
    accept[alias.charCodeAt(0)] = t;
    if (options.foldCase) accept[alias.toLowerCase().charCodeAt(0)] = t;
  }
  const lookalike = new Int16Array(128).fill(-1);
  for (let c = 0; c < 128; c++) {
    if (accept[c]! >= 0) continue;
    const upper = c >= 97 && c <= 122 ? c - 32 : c;
    const group = LOOKALIKE_GROUPS.find((g) => g.includes(String.fromCharCode(upper)));
    if (!group) continue;
    const targets = new Set<number>();
    for (const member of group) {
      const target = accept[member.charCodeAt(0)]!;
      if (target >= 0) targets.add(target);
    }
    // Correct only when the position leaves one reading: 'O' in a digit position is '0', but
    // '1' in a letter position could be I or L.
    if (targets.size === 1) lookalike[c] = [...targets][0]!;
  }
  return { charClass, alphabet, canonical, accept, lookalike, foldsCase: options.foldCase };
}

const CROCKFORD_ALIASES = [
  ['I', '1'],
  ['L', '1'],
  ['O', '0'],
] as const;

function buildClassSpecs(caseSensitive: boolean): Readonly<Record<CharClass, CharSpec>> {
  const fold = !caseSensitive;
  return {
    D: createSpec('D', DIGITS, { foldCase: fold }),
    A: createSpec('A', caseSensitive ? UPPER + LOWER : UPPER, { foldCase: fold }),
    X: createSpec('X', caseSensitive ? DIGITS + UPPER + LOWER : DIGITS + UPPER, { foldCase: fold }),
    H: createSpec('H', caseSensitive ? `${DIGITS}ABCDEFabcdef` : `${DIGITS}ABCDEF`, {
      foldCase: fold,
    }),
    // Crockford base32 is case-insensitive and decodes I, L and O by definition.
    C: createSpec('C', CROCKFORD_SYMBOLS, { foldCase: true, aliases: CROCKFORD_ALIASES }),
    // GS1 AI values are case-sensitive, always.
    S: createSpec('S', GS1_SET_82, { foldCase: false }),
  };
}

const CASE_INSENSITIVE_SPECS = buildClassSpecs(false);
const CASE_SENSITIVE_SPECS = buildClassSpecs(true);

/** The shared spec of a class; specs are immutable, so formats share them. */
export function classSpec(charClass: CharClass, caseSensitive: boolean): CharSpec {
  return (caseSensitive ? CASE_SENSITIVE_SPECS : CASE_INSENSITIVE_SPECS)[charClass];
}

const checkSpecCache = new Map<string, CharSpec>();

/** The spec of a check character position: the algorithm's output characters. */
export function checkSpec(output: string, crockford: boolean, caseSensitive: boolean): CharSpec {
  const key = `${crockford ? 'c' : caseSensitive ? 's' : 'i'}${output}`;
  let spec = checkSpecCache.get(key);
  if (!spec) {
    spec = crockford
      ? createSpec(null, output, { foldCase: true, aliases: CROCKFORD_ALIASES })
      : createSpec(null, output, { foldCase: !caseSensitive });
    checkSpecCache.set(key, spec);
  }
  return spec;
}

/** Whether no character is canonical in both specs (so a boundary between them is visible). */
export function disjoint(a: CharSpec, b: CharSpec): boolean {
  for (let c = 0; c < 128; c++) if (a.canonical[c] && b.canonical[c]) return false;
  return true;
}

/** Whether every canonical character of `spec` is in `chars`. */
export function coveredBy(spec: CharSpec, chars: string): boolean {
  for (let i = 0; i < spec.alphabet.length; i++) {
    if (!chars.includes(spec.alphabet[i]!)) return false;
  }
  return true;
}

/**
 * The look-alike group of a character (upper-cased), or `undefined`: the characters a person
 * reading a label confuses (O/0, I/L/1, S/5, B/8, Z/2). Used to rank "did you mean" suggestions.
 *
 * @example
 * lookalikeGroup('o'); // 'O0'
 * lookalikeGroup('7'); // undefined
 */
export function lookalikeGroup(ch: string): string | undefined {
  const upper = ch.toUpperCase();
  return LOOKALIKE_GROUPS.find((g) => g.includes(upper));
}

// ── Input characters ─────────────────────────────────────────────────────────────────────────

/**
 * Code points removed before matching: zero-width characters that copy-paste leaves behind, and
 * the bidirectional controls (LRM, RLM, ALM, embeddings, overrides, isolates) that reorder how
 * text shows without being part of it.
 */
function isIgnorable(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function isUnicodeSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isUnicodeDash(code: number): boolean {
  return (
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/**
 * The code a typed character stands for: Unicode spaces → ' ', dashes → '-', full-width and other
 * compatibility forms → their ASCII character (NFKC, when that is one ASCII character), anything
 * else unchanged. `-1` for characters to drop.
 */
export function inputCode(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 128) return code >= 9 && code <= 13 ? 32 : code;
  if (isIgnorable(code)) return -1;
  if (isUnicodeSpace(code)) return 32;
  if (isUnicodeDash(code)) return 45;
  const folded = ch.normalize('NFKC');
  if (folded.length === 1) {
    const c = folded.charCodeAt(0);
    if (c < 128) return c;
  }
  return code;
}

/** A trimmed input as code points mapped by {@link inputCode}, with their offsets in the input. */
export interface PreparedInput {
  /** The input as given. */
  readonly input: string;
  readonly codes: Int32Array;
  /** UTF-16 offset in `input` of each code point. */
  readonly offsets: Int32Array;
  /** UTF-16 length of each code point (2 for astral characters). */
  readonly widths: Uint8Array;
  readonly length: number;
}

/** Maps `input[start, end)` code point by code point. */
export function prepareInput(input: string, start: number, end: number): PreparedInput {
  const size = end - start;
  const codes = new Int32Array(size);
  const offsets = new Int32Array(size);
  const widths = new Uint8Array(size);
  let n = 0;
  for (let i = start; i < end; ) {
    const c = input.charCodeAt(i);
    let width = 1;
    let code: number;
    if (c < 128) code = c >= 9 && c <= 13 ? 32 : c;
    else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        const d = input.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) width = 2;
      }
      code = inputCode(input.slice(i, i + width));
    }
    if (code >= 0) {
      codes[n] = code;
      offsets[n] = i;
      widths[n] = width;
      n++;
    }
    i += width;
  }
  return { input, codes, offsets, widths, length: n };
}

/** Upper-cases ASCII letters only, so that the result is stable under repetition. */
export function upperAscii(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
  }
  return s;
}
