/**
 * The structural signature of a compiled format, as the matcher indexes it.
 *
 * Everything here works on the *skeleton* of a serial: its letters and digits in order (after the
 * input mapping validation applies, so a full-width '１' is a '1'), with every other character
 * (separators, punctuation, spaces) left out. Customers type separators where they like, and
 * separators are never letters or digits, so only the skeleton is stable between what they type
 * and the canonical serial.
 *
 * Each skeleton character maps to one of 32 *groups* (case folded; each digit its own group, and
 * a few rarely told-apart letters share one), so a position of a format is a 32-bit mask of the
 * groups it can hold and testing a typed character against it is one AND. Literal prefixes are
 * keyed on the exact (upper-cased) character instead.
 *
 * The signature must never rule out a serial that the format's own `validate` accepts, so every
 * choice below over-approximates: a mask may allow more than the format does, a length range may be
 * wider. `validate` has the last word.
 */
import { getCheckAlgorithm } from '../checksums/index.js';
import { type CharSpec, checkSpec, classSpec } from '../formats/char-classes.js';
import type { FormatToken } from '../formats/types.js';

/** A mask that allows every group: the position tells nothing. */
export const ANY = -1;

/** Longest run of positions, from either end, that a signature records. */
export const SIGNATURE_CAP = 48;

/**
 * Letters that share the group of another, to fit 36 characters in 32 bits. None of them is a
 * class boundary (A-F for `H`, U for Crockford), so classes stay exact; only literals in the middle
 * of a pattern lose a little.
 */
const SHARED: Readonly<Record<string, string>> = { Q: 'J', V: 'K', Y: 'W', Z: 'X' };

/** Skeleton group of each ASCII code, or -1 for characters outside the skeleton. */
export const GROUP: Int8Array = /* @__PURE__ */ buildGroups();

/** Trie key of each ASCII code: the upper-cased letter or the digit, or -1 outside the skeleton. */
export const KEY: Int16Array = /* @__PURE__ */ buildKeys();

function buildGroups(): Int8Array {
  const groups = new Int8Array(128).fill(-1);
  for (let d = 0; d < 10; d++) groups[48 + d] = d;
  let next = 10;
  for (let c = 65; c <= 90; c++) {
    const twin = SHARED[String.fromCharCode(c)];
    const group = twin === undefined ? next++ : groups[twin.charCodeAt(0)]!;
    groups[c] = group;
    groups[c + 32] = group;
  }
  return groups;
}

function buildKeys(): Int16Array {
  const keys = new Int16Array(128).fill(-1);
  for (let c = 48; c <= 57; c++) keys[c] = c;
  for (let c = 65; c <= 90; c++) {
    keys[c] = c;
    keys[c + 32] = c;
  }
  return keys;
}

/** Mask of the groups of every skeleton character in `chars` (others are ignored). */
export function maskOf(chars: string): number {
  let mask = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    const g = c < 128 ? GROUP[c]! : -1;
    if (g >= 0) mask |= 1 << g;
  }
  return mask;
}

/**
 * What a class or check position accepts as typed input, read from the same tables validation
 * uses (case folding and Crockford's aliases included): the mask of the skeleton
 * characters, and whether it also takes characters outside the skeleton (GS1 `S` takes `-` and
 * `/`, Crockford check symbols include `*`), which makes it able to add no skeleton character.
 */
function specShape(spec: CharSpec): { mask: number; takesOthers: boolean } {
  let mask = 0;
  let takesOthers = false;
  for (let c = 0; c < 128; c++) {
    if (spec.accept[c]! < 0) continue;
    const g = GROUP[c]!;
    if (g >= 0) mask |= 1 << g;
    else takesOthers = true;
  }
  return { mask, takesOthers };
}

const specShapes = new Map<CharSpec, { mask: number; takesOthers: boolean }>();

function cachedSpecShape(spec: CharSpec): { mask: number; takesOthers: boolean } {
  let shape = specShapes.get(spec);
  if (!shape) {
    shape = specShape(spec);
    specShapes.set(spec, shape);
  }
  return shape;
}

/**
 * The skeleton view of one token: how many skeleton characters it contributes (`min..max`) and
 * the mask of each of them (`masks[k]`; a single mask repeats for every character).
 */
export interface TokenShape {
  min: number;
  max: number;
  masks: readonly number[];
}

const DIGITS = maskOf('0123456789');

const DATE_SHAPES: Readonly<Record<string, readonly number[]>> = {
  YYYY: [DIGITS, DIGITS, DIGITS, DIGITS],
  YY: [DIGITS, DIGITS],
  // Dates are checked, so the leading digits of months, days, weeks and days of the year are
  // bounded: cheap extra pruning.
  MM: [maskOf('01'), DIGITS],
  DD: [maskOf('0123'), DIGITS],
  WW: [maskOf('012345'), DIGITS],
  DDD: [maskOf('0123'), DIGITS, DIGITS],
};

const WIDEST: TokenShape = { min: 0, max: Number.POSITIVE_INFINITY, masks: [ANY] };

/** The shape of `token`; unknown kinds get the widest shape. */
export function tokenShape(token: FormatToken, caseSensitive: boolean): TokenShape {
  switch (token.kind) {
    case 'literal': {
      const masks: number[] = [];
      for (let i = 0; i < token.text.length; i++) {
        const mask = maskOf(token.text[i]!);
        if (mask !== 0) masks.push(mask);
      }
      return { min: masks.length, max: masks.length, masks };
    }
    case 'class': {
      const spec = classSpec(token.charClass, caseSensitive) as CharSpec | undefined;
      if (!spec) return { ...WIDEST, max: token.max };
      const { mask, takesOthers } = cachedSpecShape(spec);
      return { min: takesOthers ? 0 : token.min, max: token.max, masks: [mask] };
    }
    case 'date': {
      const masks = DATE_SHAPES[token.part];
      return masks ? { min: masks.length, max: masks.length, masks } : WIDEST;
    }
    case 'seq':
      return { min: token.length, max: token.length, masks: [DIGITS] };
    case 'check': {
      const algorithm = getCheckAlgorithm(token.algorithm);
      if (!algorithm) return { ...WIDEST, max: token.length };
      const spec = checkSpec(algorithm.output, algorithm.input === 'crockford', caseSensitive);
      const { mask, takesOthers } = cachedSpecShape(spec);
      return { min: takesOthers ? 0 : token.length, max: token.length, masks: [mask] };
    }
    default:
      return WIDEST;
  }
}

/** What the index keeps of one format. */
export interface Signature {
  /** Skeleton characters of the leading literals, as {@link KEY}s: the path in the prefix trie. */
  prefix: number[];
  /** Skeleton length range. `max` may be `Infinity`. */
  min: number;
  max: number;
  /** `left[p]`: the groups allowed at skeleton position `p` (empty when nothing is known). */
  left: Int32Array;
  /** `right[q]`: the groups allowed `q` positions before the end (empty when `left` says all). */
  right: Int32Array;
}

/** The signature of a token list. */
export function signatureOf(tokens: readonly FormatToken[], caseSensitive: boolean): Signature {
  const shapes = tokens.map((token) => tokenShape(token, caseSensitive));
  const prefix: number[] = [];
  for (const token of tokens) {
    if (token.kind !== 'literal') break;
    for (let i = 0; i < token.text.length; i++) {
      const c = token.text.charCodeAt(i);
      const key = c < 128 ? KEY[c]! : -1;
      if (key >= 0) prefix.push(key);
    }
  }
  let min = 0;
  let max = 0;
  for (const shape of shapes) {
    min += shape.min;
    max += shape.max;
  }
  const left = positionMasks(shapes, false);
  const right = min === max ? new Int32Array(0) : positionMasks(shapes, true);
  return { prefix, min, max, left, right };
}

/**
 * For each skeleton position from the start (or from the end when `fromEnd`), the union of the
 * masks of every token position that can land there, over every length the tokens can take.
 * Trailing positions that allow everything are dropped: they tell nothing.
 */
function positionMasks(shapes: readonly TokenShape[], fromEnd: boolean): Int32Array {
  const masks = new Int32Array(SIGNATURE_CAP);
  // reach[o]: the tokens seen so far can span exactly `o` skeleton characters.
  let reach = new Uint8Array(SIGNATURE_CAP + 1);
  reach[0] = 1;
  const order = fromEnd ? [...shapes].reverse() : shapes;
  for (const shape of order) {
    const next = new Uint8Array(SIGNATURE_CAP + 1);
    const longest = Math.min(shape.max, SIGNATURE_CAP);
    for (let o = 0; o < SIGNATURE_CAP; o++) {
      if (!reach[o]) continue;
      for (let k = 0; k < longest && o + k < SIGNATURE_CAP; k++) {
        const at = fromEnd ? shape.masks.length - 1 - k : k;
        masks[o + k]! |= shape.masks[Math.max(0, Math.min(at, shape.masks.length - 1))]!;
      }
      for (let len = shape.min; len <= longest && o + len <= SIGNATURE_CAP; len++)
        next[o + len] = 1;
    }
    reach = next;
  }
  let used = SIGNATURE_CAP;
  while (used > 0 && (masks[used - 1] === 0 || masks[used - 1] === ANY)) used--;
  // Positions no token can reach are beyond the longest serial: record them as "anything".
  const result = masks.slice(0, used);
  for (let p = 0; p < used; p++) if (result[p] === 0) result[p] = ANY;
  return result;
}
