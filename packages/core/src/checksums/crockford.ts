import { checkValidators } from './check-validators.js';
import { remainderOf, valueTable } from './remainder.js';
import type { CheckAlgorithm } from './types.js';

/** Crockford base32 symbols by value. */
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Check symbols by value 0-36: the 32 data symbols, then `*~$=U`. */
const CHECK_SYMBOLS = `${SYMBOLS}*~$=U`;

/**
 * ASCII code → symbol value, or -1. Case-insensitive, and I, L and O decode as 1, 1 and 0, as the
 * Crockford specification asks of decoders.
 */
function symbolValues(chars: string): Int8Array {
  const table = valueTable(chars);
  for (const [alias, value] of [
    ['I', 1],
    ['L', 1],
    ['O', 0],
  ] as const) {
    table[alias.charCodeAt(0)] = value;
    table[alias.charCodeAt(0) + 32] = value;
  }
  return table;
}

const DATA_VALUES = symbolValues(SYMBOLS);
const CHECK_VALUES = symbolValues(CHECK_SYMBOLS);

/**
 * Crockford base32 check symbol: the data read as one base-32 number, modulo 37, written with
 * `0-9 A-Z` (without I L O U) then `* ~ $ = U` for 32-36. Case-insensitive; I, L and O are read as
 * 1, 1 and 0. Hyphens are not skipped: strip them first.
 *
 * @example
 * crockford.compute('16J'); // 'D' (1234 mod 37 = 13)
 * crockford.validate('16jd'); // true
 */
export const crockford: CheckAlgorithm = Object.freeze({
  ...checkValidators.crockford,
  compute(data: string): string {
    if (data.length === 0) return '';
    const r = remainderOf(data, data.length, DATA_VALUES, 32, 37);
    return r < 0 ? '' : CHECK_SYMBOLS[r]!;
  },
  validate(full: string): boolean {
    const end = full.length - 1;
    if (end < 1) return false;
    const c = full.charCodeAt(end);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the table the value is undefined and `check >= 0` is false, as for -1
    const check = c < 128 ? CHECK_VALUES[c]! : -1;
    return check >= 0 && remainderOf(full, end, DATA_VALUES, 32, 37) === check;
  },
});
