import { checkValidators } from './check-validators.js';
import { DIGITS } from './digits.js';
import type { CheckAlgorithm } from './types.js';

/** Multiplication in the dihedral group D5. */
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/** The permutation applied at position i (from the right, check digit at 0) is P1^(i mod 8). */
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** Inverses in D5. */
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/**
 * `STEP[(pos * 10 + c) * 10 + d]` = D[c][P^pos(d)] for pos = i mod 8: one load per digit instead of
 * two dependent ones.
 */
const STEP = /* @__PURE__ */ (() => {
  const step = new Uint8Array(800);
  for (let pos = 0; pos < 8; pos++) {
    for (let d = 0; d < 10; d++) {
      let p = d;
      for (let k = 0; k < pos; k++) p = P1[p]!;
      for (let c = 0; c < 10; c++) step[(pos * 10 + c) * 10 + d] = D[c]![p]!;
    }
  }
  return step;
})();

/**
 * `PAIR_STEP[((pos * 10 + c) * 10 + a) * 10 + b]`: two steps at once, digit `a` at position `pos`
 * then `b` at `pos + 1`, halving the chain of dependent loads. 8000 entries used; a power of two
 * keeps a masked index in bounds.
 */
const PAIR_STEP = /* @__PURE__ */ (() => {
  const pairs = new Uint8Array(8192);
  for (let pos = 0; pos < 8; pos++) {
    for (let c = 0; c < 10; c++) {
      for (let a = 0; a < 10; a++) {
        const next = STEP[(pos * 10 + c) * 10 + a]!;
        for (let b = 0; b < 10; b++) {
          pairs[((pos * 10 + c) * 10 + a) * 10 + b] = STEP[(((pos + 1) & 7) * 10 + next) * 10 + b]!;
        }
      }
    }
  }
  return pairs;
})();

/**
 * Verhoeff checksum of `s[0, end)` where the rightmost character sits at position `offset`
 * (0 when it is the check digit, 1 when computing one); -1 when a character is not a digit.
 */
function verhoeffChecksum(s: string, end: number, offset: number): number {
  let c = 0;
  let bad = 0;
  let i = end - 1;
  let pos = offset;
  for (; i > 0; i -= 2, pos = (pos + 2) & 7) {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i - 1) - 48;
    bad |= a | (9 - a) | b | (9 - b);
    c = PAIR_STEP[(((pos * 10 + c) * 10 + a) * 10 + b) & 8191]!;
  }
  if (i === 0) {
    const a = s.charCodeAt(0) - 48;
    if (a < 0 || a > 9) return -1;
    c = STEP[(pos * 10 + c) * 10 + a]!;
  }
  return bad < 0 ? -1 : c;
}

/**
 * Verhoeff algorithm (dihedral group D5): catches every single-digit error and every adjacent
 * transposition. Used by Aadhaar.
 *
 * @example
 * verhoeff.compute('236'); // '3'
 * verhoeff.validate('2363'); // true
 */
export const verhoeff: CheckAlgorithm = Object.freeze({
  ...checkValidators.verhoeff,
  compute(data: string): string {
    if (data.length === 0) return '';
    const c = verhoeffChecksum(data, data.length, 1);
    return c < 0 ? '' : DIGITS[INV[c]!]!;
  },
  validate(full: string): boolean {
    return full.length >= 2 && verhoeffChecksum(full, full.length, 0) === 0;
  },
});
