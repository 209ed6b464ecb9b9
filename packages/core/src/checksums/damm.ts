import { checkValidators } from './check-validators.js';
import { DIGITS } from './digits.js';
import type { CheckAlgorithm } from './types.js';

/**
 * The totally anti-symmetric quasigroup of order 10 from Damm's thesis (2004), flattened:
 * the next interim digit is `TABLE[interim * 10 + digit]`.
 */
const TABLE = new Uint8Array([
  0, 3, 1, 7, 5, 9, 8, 6, 4, 2, 7, 0, 9, 2, 1, 5, 4, 8, 6, 3, 4, 2, 0, 6, 8, 7, 1, 3, 5, 9, 1, 7, 5,
  0, 9, 8, 3, 4, 2, 6, 6, 1, 2, 3, 0, 4, 5, 9, 7, 8, 3, 6, 7, 4, 2, 0, 9, 5, 8, 1, 5, 8, 6, 9, 7, 2,
  0, 1, 3, 4, 8, 9, 4, 5, 3, 6, 2, 0, 1, 7, 9, 4, 3, 8, 6, 1, 7, 2, 0, 5, 2, 5, 8, 1, 4, 3, 6, 7, 9,
  0,
]);

/** `PAIR_TABLE[(interim * 10 + a) * 10 + b]`: two digits per load, halving the dependent chain. */
const PAIR_TABLE = /* @__PURE__ */ (() => {
  const pairs = new Uint8Array(1024); // 1000 used; a power of two so a masked index stays in bounds
  for (let x = 0; x < 10; x++) {
    for (let a = 0; a < 10; a++) {
      for (let b = 0; b < 10; b++)
        pairs[(x * 10 + a) * 10 + b] = TABLE[TABLE[x * 10 + a]! * 10 + b]!;
    }
  }
  return pairs;
})();

/** Interim digit after `s[0, end)`, or -1 when a character is not a digit. */
function dammInterim(s: string, end: number): number {
  let interim = 0;
  let bad = 0;
  let i = 0;
  for (; i + 1 < end; i += 2) {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i + 1) - 48;
    bad |= a | (9 - a) | b | (9 - b);
    // The mask keeps a non-digit's index in bounds; `bad` rejects it below.
    interim = PAIR_TABLE[((interim * 10 + a) * 10 + b) & 1023]!;
  }
  if (i < end) {
    const a = s.charCodeAt(i) - 48;
    if (a < 0 || a > 9) return -1;
    interim = TABLE[interim * 10 + a]!;
  }
  return bad < 0 ? -1 : interim;
}

/**
 * Damm algorithm: catches every single-digit error and every adjacent transposition.
 *
 * @example
 * damm.compute('572'); // '4'
 * damm.validate('5724'); // true
 */
export const damm: CheckAlgorithm = Object.freeze({
  ...checkValidators.damm,
  compute(data: string): string {
    if (data.length === 0) return '';
    const interim = dammInterim(data, data.length);
    return interim < 0 ? '' : DIGITS[interim]!;
  },
  validate(full: string): boolean {
    return full.length >= 2 && dammInterim(full, full.length) === 0;
  },
});
