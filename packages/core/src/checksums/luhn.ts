import { checkValidators } from './check-validators.js';
import { DIGITS } from './digits.js';
import type { CheckAlgorithm } from './types.js';

/**
 * Luhn sum of `s[0, end)`, rightmost character doubled when `doubleRightmost`; -1 when a character
 * is not a digit.
 *
 * Branch-free inner loop: two digits per step, a doubled digit's digit sum is `2d - 9` exactly when
 * `d ≥ 5` (i.e. `(d + 3) >> 3`), and any non-digit turns `bad` negative, checked once at the end.
 */
function luhnSum(s: string, end: number, doubleRightmost: boolean): number {
  let sum = 0;
  let bad = 0;
  let i = end - 1;
  // Stryker disable next-line ConditionalExpression: equivalent, compute returns before an empty string reaches here
  if (doubleRightmost && i >= 0) {
    const b = s.charCodeAt(i) - 48;
    bad |= b | (9 - b);
    sum += 2 * b - 9 * ((b + 3) >> 3);
    i--;
  }
  for (; i > 0; i -= 2) {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i - 1) - 48;
    bad |= a | (9 - a) | b | (9 - b);
    sum += a + 2 * b - 9 * ((b + 3) >> 3);
  }
  if (i === 0) {
    const a = s.charCodeAt(0) - 48;
    bad |= a | (9 - a);
    sum += a;
  }
  // Stryker disable next-line EqualityOperator: equivalent, `bad` is 0 only when nothing was read, and compute and validate return before that
  return bad < 0 ? -1 : sum;
}

/**
 * Luhn (ISO/IEC 7812-1 annex B, "mod 10"): payment card numbers, IMEI.
 * Catches every single-digit error and most adjacent transpositions (not 09 ↔ 90).
 *
 * @example
 * luhn.compute('7992739871'); // '3'
 * luhn.validate('79927398713'); // true
 */
export const luhn: CheckAlgorithm = Object.freeze({
  ...checkValidators.luhn,
  compute(data: string): string {
    if (data.length === 0) return '';
    const sum = luhnSum(data, data.length, true);
    return sum < 0 ? '' : DIGITS[(10 - (sum % 10)) % 10]!;
  },
  validate(full: string): boolean {
    if (full.length < 2) return false;
    const sum = luhnSum(full, full.length, false);
    // Stryker disable next-line ConditionalExpression: equivalent, -1 % 10 is not 0
    return sum >= 0 && sum % 10 === 0;
  },
});
