/**
 * Rebuilding the canonical serial a format would make of a typed input, without running its
 * lenient aligner.
 *
 * For most formats the skeleton of the input decides everything: when no field can hold a
 * separator or symbol (no GS1 `S` field, no check symbol like `*`) and at most one field has a
 * variable length, the n-th letter or digit typed can only be the n-th letter or digit of the
 * canonical serial, because validation never skips a letter or digit and never reads a symbol as
 * data. Such a format has a *layout*: the canonical serial of a skeleton follows from it, literals
 * restored and each data character read through the same table validation uses.
 *
 * If validation accepts the input, its canonical serial is that one; so when the format's own
 * `test` refuses it, validation would refuse the input too, at a fraction of the cost.
 */
import { getCheckAlgorithm } from '../checksums/index.js';
import { type CharSpec, checkSpec, classSpec } from '../formats/char-classes.js';
import { DATE_PART_LENGTH } from '../formats/date-parts.js';
import type { FormatToken } from '../formats/types.js';
import { GROUP } from './signature.js';

/** One piece of a layout: literal text (with its skeleton characters) or a data field. */
type Piece =
  | {
      kind: 'literal';
      /** Codes of the literal text. */
      text: readonly number[];
      /** The literal's letters and digits, with the input code each one requires. */
      skeleton: readonly { code: number; exactCase: boolean }[];
    }
  | { kind: 'data'; accept: Int16Array; min: number; max: number };

export interface Layout {
  readonly pieces: readonly Piece[];
  /**
   * Characters outside the skeleton that some field reads as data (a Crockford check symbol such
   * as `*`, a GS1 `S` field's `-`), by ASCII code. The layout decides only probes that hold none
   * of them: in those, every field can only have read letters and digits.
   */
  readonly fieldSymbols: Uint8Array;
  /** Whether `fieldSymbols` marks any character. */
  readonly readsSymbols: boolean;
  /** Skeleton length of everything but the variable-length field. */
  readonly fixed: number;
  /** Index of the variable-length piece, or -1. */
  readonly variable: number;
  /** Literal characters outside the skeleton: a canonical serial is this much longer. */
  readonly symbols: number;
}

function isSkeleton(code: number): boolean {
  return code < 128 && GROUP[code]! >= 0;
}

/**
 * The part of a field's accept table that holds letters and digits; the other characters it
 * accepts are marked in `symbols`.
 */
function skeletonPart(spec: CharSpec, symbols: Uint8Array): Int16Array {
  let accept = spec.accept;
  for (let c = 0; c < 128; c++) {
    if (accept[c]! < 0 || isSkeleton(c)) continue;
    if (accept === spec.accept) accept = Int16Array.from(spec.accept);
    accept[c] = -1;
    symbols[c] = 1;
  }
  return accept;
}

/** The layout of a token list, or `null` when the skeleton does not decide the canonical serial. */
export function layoutOf(tokens: readonly FormatToken[], caseSensitive: boolean): Layout | null {
  const pieces: Piece[] = [];
  let fixed = 0;
  let variable = -1;
  let symbols = 0;
  const digits = classSpec('D', caseSensitive);
  const fieldSymbols = new Uint8Array(128);
  const data = (spec: CharSpec, min: number, max: number): boolean => {
    const accept = skeletonPart(spec, fieldSymbols);
    if (min !== max) {
      if (variable >= 0) return false;
      variable = pieces.length;
    } else {
      fixed += min;
    }
    pieces.push({ kind: 'data', accept, min, max });
    return true;
  };
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal': {
        const skeleton: { code: number; exactCase: boolean }[] = [];
        for (let i = 0; i < token.text.length; i++) {
          const code = token.text.charCodeAt(i);
          if (isSkeleton(code)) skeleton.push({ code, exactCase: caseSensitive });
        }
        fixed += skeleton.length;
        symbols += token.text.length - skeleton.length;
        const text = Array.from({ length: token.text.length }, (_, i) => token.text.charCodeAt(i));
        pieces.push({ kind: 'literal', text, skeleton });
        break;
      }
      case 'class':
        if (!data(classSpec(token.charClass, caseSensitive), token.min, token.max)) return null;
        break;
      case 'date':
        if (!data(digits, DATE_PART_LENGTH[token.part], DATE_PART_LENGTH[token.part])) return null;
        break;
      case 'seq':
        if (!data(digits, token.length, token.length)) return null;
        break;
      case 'check': {
        const algorithm = getCheckAlgorithm(token.algorithm);
        if (!algorithm) return null;
        const spec = checkSpec(algorithm.output, algorithm.input === 'crockford', caseSensitive);
        if (!data(spec, token.length, token.length)) return null;
        break;
      }
      default:
        return null;
    }
  }
  const readsSymbols = fieldSymbols.includes(1);
  return { pieces, fieldSymbols, readsSymbols, fixed, variable, symbols };
}

/** Scratch space for the codes of a canonical serial; building is synchronous. */
let scratch = new Uint16Array(64);

/**
 * The canonical serial of the skeleton `codes[0, n)` (input codes, case as typed), or `null` when
 * a character does not fit its position, so that validation refuses the input. When `typed` is
 * already that serial (as scanned serials are), `typed` itself is returned: no string is built.
 */
export function canonicalOf(
  layout: Layout,
  codes: Uint8Array,
  n: number,
  typed: string,
): string | null {
  const variableLength = n - layout.fixed;
  let out = scratch;
  if (out.length < n + layout.symbols) out = scratch = new Uint16Array(2 * (n + layout.symbols));
  let length = 0;
  let at = 0;
  const pieces = layout.pieces;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.kind === 'literal') {
      const skeleton = piece.skeleton;
      for (let j = 0; j < skeleton.length; j++) {
        const { code, exactCase } = skeleton[j]!;
        let c = codes[at++]!;
        if (!exactCase && c >= 97 && c <= 122) c -= 32;
        if (c !== code) return null;
      }
      const text = piece.text;
      for (let j = 0; j < text.length; j++) out[length++] = text[j]!;
      continue;
    }
    const size = k === layout.variable ? variableLength : piece.min;
    if (size < piece.min || size > piece.max) return null;
    const accept = piece.accept;
    for (let j = 0; j < size; j++) {
      const c = accept[codes[at++]!]!;
      if (c < 0) return null;
      out[length++] = c;
    }
  }
  if (at !== n) return null;
  if (typed.length === length) {
    let k = 0;
    while (k < length && typed.charCodeAt(k) === out[k]) k++;
    if (k === length) return typed;
  }
  return String.fromCharCode.apply(null, out.subarray(0, length) as unknown as number[]);
}
