import type { CheckAlgorithm } from './types.js';

/** Crockford base32 symbols by value. */
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Check symbols by value 0-36: the 32 data symbols, then `*~$=U`. */
const CHECK_SYMBOLS = `${SYMBOLS}*~$=U`;

/**
 * ASCII code → symbol value, or -1. Case-insensitive; decodes I and L as 1 and O as 0 as the
 * Crockford specification asks of decoders. `check` adds the five extra check symbols.
 */
function valueTable(chars: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    table[c] = i;
    if (c >= 65 && c <= 90) table[c + 32] = i;
  }
  for (const [alias, value] of [
    ['I', 1],
    ['L', 1],
    ['O', 0],
  ] as const) {
    table[alias.charCodeAt(0)] = value;
    table[alias.toLowerCase().charCodeAt(0)] = value;
  }
  return table;
}

const DATA_VALUES = valueTable(SYMBOLS);
const CHECK_VALUES = valueTable(CHECK_SYMBOLS);

/** `STEPS[r * 32 + v]` = (32r + v) mod 37: the remainder of the base-32 number one symbol on. */
const STEPS = /* @__PURE__ */ (() => {
  const steps = new Uint8Array(37 * 32);
  for (let r = 0; r < 37; r++) for (let v = 0; v < 32; v++) steps[r * 32 + v] = (r * 32 + v) % 37;
  return steps;
})();

/** `s[0, end)` read as a base-32 number, mod 37; -1 on a character that is not a data symbol. */
function remainder(s: string, end: number): number {
  let r = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DATA_VALUES[c]! : -1;
    if (v < 0) return -1;
    r = STEPS[r * 32 + v]!;
  }
  return r;
}

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
  name: 'crockford',
  label: 'Crockford base32 mod 37',
  input: 'crockford',
  output: CHECK_SYMBOLS,
  checkLength: 1,
  compute(data: string): string {
    if (data.length === 0) return '';
    const r = remainder(data, data.length);
    return r < 0 ? '' : CHECK_SYMBOLS[r]!;
  },
  validate(full: string): boolean {
    const end = full.length - 1;
    if (end < 1) return false;
    const c = full.charCodeAt(end);
    const check = c < 128 ? CHECK_VALUES[c]! : -1;
    return check >= 0 && remainder(full, end) === check;
  },
});
