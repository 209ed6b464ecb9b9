import { DIGITS } from '../checksums/digits.js';
import { gs1CheckDigitOf } from '../checksums/gs1-mod10.js';

/** Is `n` a GTIN length: 8, 12, 13 or 14? */
function isGtinLength(n: number): boolean {
  return n === 8 || n === 12 || n === 13 || n === 14;
}

/**
 * The GS1 check digit that completes a GTIN: `data` is a GTIN-8, -12, -13 or -14 without its check
 * digit (7, 11, 12 or 13 digits). Returns `''` for anything else.
 *
 * @example
 * computeGtinCheckDigit('0950600013435'); // '2'
 * computeGtinCheckDigit('400638133393'); // '1'
 */
export function computeGtinCheckDigit(data: string): string {
  if (!isGtinLength(data.length + 1)) return '';
  const check = gs1CheckDigitOf(data, 0, data.length);
  return check < 0 ? '' : DIGITS[check]!;
}

/**
 * Is `gtin` a GTIN-8, -12, -13 or -14 (digits only) with a correct check digit?
 *
 * @example
 * isValidGtin('4006381333931'); // true
 * isValidGtin('4006381333932'); // false
 */
export function isValidGtin(gtin: string): boolean {
  const n = gtin.length;
  if (!isGtinLength(n)) return false;
  const check = gs1CheckDigitOf(gtin, 0, n - 1);
  return check >= 0 && check === gtin.charCodeAt(n - 1) - 48;
}

/**
 * A valid GTIN as the 14 digits GS1 data carries (zeros on the left), or `undefined` when it is not
 * a valid GTIN.
 *
 * @example
 * normalizeGtin('96385074'); // '00000096385074'
 * normalizeGtin('4006381333931'); // '04006381333931'
 */
export function normalizeGtin(gtin: string): string | undefined {
  return isValidGtin(gtin) ? padGtin(gtin) : undefined;
}

/**
 * A GTIN-8, -12 or -13 as the 14 digits GS1 data carries (zeros on the left, which leave the check
 * digit as it is); any other length as it is. A Digital Link path may carry these as printed.
 */
export function padGtin(value: string): string {
  const n = value.length;
  return n === 8 || n === 12 || n === 13 ? '000000'.slice(0, 14 - n) + value : value;
}
