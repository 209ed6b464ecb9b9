import { SET_82_VALUES } from '../gs1/character-sets.js';
import { checkValidators } from './check-validators.js';
import type { CheckAlgorithm } from './types.js';

/** The check characters, set 32, by value. */
const SET_32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const SET_32_CODES = /* @__PURE__ */ Uint16Array.from(SET_32, (ch) => ch.charCodeAt(0));

/**
 * Longest data this implementation protects. GS1 assigns the prime weights 2, 3, 5, … from the
 * right; 97 of them cover the longest AI value (99 characters with the pair).
 */
const MAX_DATA = 97;

/** The first {@link MAX_DATA} primes, the weights from the right. */
const PRIMES = /* @__PURE__ */ (() => {
  const primes = new Uint16Array(MAX_DATA);
  for (let n = 2, count = 0; count < MAX_DATA; n++) {
    let prime = true;
    for (let k = 0; k < count && primes[k]! * primes[k]! <= n; k++) {
      if (n % primes[k]! === 0) {
        prime = false;
        break;
      }
    }
    if (prime) primes[count++] = n;
  }
  return primes;
})();

/** Σ value × weight over `s[0, end)` mod 1021, or -1 on a character outside set 82 or too long data. */
function pairSum(s: string, end: number): number {
  if (end > MAX_DATA) return -1;
  let sum = 0;
  for (let i = end - 1, w = 0; i >= 0; i--, w++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? SET_82_VALUES[c]! : -1;
    if (v < 0) return -1;
    sum += v * PRIMES[w]!;
  }
  return sum % 1021;
}

/**
 * GS1 alphanumeric check character pair (GS1 General Specifications 7.9.5), used by the GMN
 * (AI 8013) and MUDI (AI 8014): data in set 82 (case-sensitive), each character's set 82 value
 * weighted by the primes 2, 3, 5, … from the right, summed mod 1021, and the 10-bit result
 * written as two set 32 characters.
 *
 * @example
 * gs1Pair.compute('1987654Ad4X4bL5ttr2310c'); // '2K'
 * gs1Pair.validate('1987654Ad4X4bL5ttr2310c2K'); // true
 */
export const gs1Pair: CheckAlgorithm = Object.freeze({
  ...checkValidators['gs1-pair'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const sum = pairSum(data, data.length);
    return sum < 0 ? '' : SET_32[sum >> 5]! + SET_32[sum & 31]!;
  },
  validate(full: string): boolean {
    const end = full.length - 2;
    if (end < 1) return false;
    const sum = pairSum(full, end);
    return (
      // Stryker disable next-line ConditionalExpression: equivalent, SET_32_CODES[-1] is undefined, which no character code equals
      sum >= 0 &&
      full.charCodeAt(end) === SET_32_CODES[sum >> 5] &&
      full.charCodeAt(end + 1) === SET_32_CODES[sum & 31]
    );
  },
});
