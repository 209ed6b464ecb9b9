import { checkValidators } from './check-validators.js';
import { DIGITS } from './digits.js';
import type { CheckAlgorithm } from './types.js';

/**
 * Weighted sum of `s[start, end)` with weights 1, 3, 1, … from the right (3, 1, 3, … when
 * `tripleRightmost`); -1 when a character is not a digit. Same branch-free shape as Luhn.
 */
function gs1Sum(s: string, start: number, end: number, tripleRightmost: boolean): number {
  let sum = 0;
  let bad = 0;
  let i = end - 1;
  if (tripleRightmost && i >= start) {
    const b = s.charCodeAt(i) - 48;
    bad |= b | (9 - b);
    sum += 3 * b;
    i--;
  }
  for (; i > start; i -= 2) {
    const a = s.charCodeAt(i) - 48;
    const b = s.charCodeAt(i - 1) - 48;
    bad |= a | (9 - a) | b | (9 - b);
    sum += a + 3 * b;
  }
  if (i === start) {
    const a = s.charCodeAt(start) - 48;
    bad |= a | (9 - a);
    sum += a;
  }
  return bad < 0 ? -1 : sum;
}

/**
 * GS1 standard check digit (GS1 General Specifications 7.9.1): GTIN, GLN, SSCC, GSRN and the other
 * numeric GS1 keys. Weights 3 and 1 alternate from the right, the check digit weighing 1.
 *
 * @example
 * gs1Mod10.compute('950600013435'); // '2'
 * gs1Mod10.validate('9506000134352'); // true
 */
export const gs1Mod10: CheckAlgorithm = Object.freeze({
  ...checkValidators.gs1,
  compute(data: string): string {
    if (data.length === 0) return '';
    const sum = gs1Sum(data, 0, data.length, true);
    return sum < 0 ? '' : DIGITS[(10 - (sum % 10)) % 10]!;
  },
  validate(full: string): boolean {
    if (full.length < 2) return false;
    const sum = gs1Sum(full, 0, full.length, false);
    // Stryker disable next-line ConditionalExpression: equivalent, -1 % 10 is not 0
    return sum >= 0 && sum % 10 === 0;
  },
});

/**
 * The GS1 check digit of the digits `s[start, end)`, as a number, or -1 when one is not a digit.
 * For callers that check a key inside a longer string without slicing it.
 */
export function gs1CheckDigitOf(s: string, start: number, end: number): number {
  const sum = gs1Sum(s, start, end, true);
  return sum < 0 ? -1 : (10 - (sum % 10)) % 10;
}
