/**
 * The check character algorithms, validation only and written for size rather than speed: what
 * `@serialkit/core/validate` (the browser entry) compiles formats with. Each full algorithm in
 * `checksums` takes its description (name, label, character sets, check length) from here and
 * adds `compute` and a faster `validate`; each `validate` here answers exactly as the full one
 * does, for any string (test/check-validators.test.ts holds them to that).
 *
 * Why a second `validate` at all: built from the full algorithms instead, the storefront bundle
 * grows by 1.1 kB min+gzip (39.07 → 40.20 kB measured with the widget's size check), because the
 * fast ones unroll loops and precompute tables that these replace with a few shared helpers.
 */
import { GS1_SET_82 } from '../gs1/character-sets.js';
import type { CharacterSet, CheckAlgorithmName, CheckValidator } from './types.js';

const DIGITS = '0123456789';
const ALPHANUMERIC = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The value of the character `s[i]` in `chars` (ASCII letters folded to upper case when `fold`),
 * or -1.
 */
function valueAt(s: string, i: number, chars: string, fold = true): number {
  const c = s.charCodeAt(i);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, no alphabet has a non-ASCII character, so indexOf gives -1 for one anyway
  if (c >= 128) return -1;
  return chars.indexOf(String.fromCharCode(fold && c >= 97 && c <= 122 ? c - 32 : c));
}

/** Crockford decoding also reads I and L as 1 and O as 0, in either case. */
function crockfordValue(s: string, i: number, chars: string): number {
  const c = s.charCodeAt(i) | 32;
  return c === 105 || c === 108 ? 1 : c === 111 ? 0 : valueAt(s, i, chars);
}

/**
 * Weighted digit sum from the right: the rightmost digit weighs 1, the next `odd`, and so on
 * alternating; a doubled digit (Luhn) adds its digit sum. NaN when a character is not a digit.
 */
function digitSum(s: string, odd: number): number {
  let sum = 0;
  for (let i = s.length - 1, w = 1; i >= 0; i--, w = w === 1 ? odd : 1) {
    const d = valueAt(s, i, DIGITS) * w;
    if (d < 0) return Number.NaN;
    // Stryker disable next-line AssignmentOperator,EqualityOperator: equivalent, a sum and its negation are multiples of 10 alike, and a doubled digit is never 9
    sum += w === 2 && d > 9 ? d - 9 : d;
  }
  return sum;
}

/**
 * `s[0, end)` as a base-`radix` number mod `modulus`, each character's value read by `read`; NaN
 * when one has none.
 */
function remainder(
  s: string,
  end: number,
  chars: string,
  radix: number,
  modulus: number,
  read = valueAt,
): number {
  let p = 0;
  for (let i = 0; i < end; i++) {
    const v = read(s, i, chars);
    if (v < 0) return Number.NaN;
    p = (p * radix + v) % modulus;
  }
  return p;
}

/** ISO/IEC 7064 hybrid MOD m+1,m over the whole string: valid when the last state is 2. */
function hybrid(s: string, chars: string, m: number): boolean {
  let p = m;
  for (let i = 0; i < s.length; i++) {
    const a = valueAt(s, i, chars);
    if (a < 0) return false;
    p = (2 * ((p + a) % m || m)) % (m + 1);
  }
  return s.length > 1 && p === 2;
}

/** ISO/IEC 7064 pure MOD m-2 with one check character from `checks`. */
function pure(s: string, chars: string, checks: string, modulus: number): boolean {
  const end = s.length - 1;
  const check = valueAt(s, end, checks);
  return (
    end > 0 && check >= 0 && (remainder(s, end, chars, 2, modulus) * 2 + check) % modulus === 1
  );
}

/** The Damm quasigroup, row by row. */
const DAMM =
  '0317598642709215486342068713591750983426612304597836742095815869720134894536201794386172052581436790';

/** The product j·k in the dihedral group D5, as Verhoeff numbers its elements. */
function dihedral(j: number, k: number): number {
  if (j < 5) return k < 5 ? (j + k) % 5 : 5 + ((j + k) % 5);
  // Stryker disable next-line ArithmeticOperator: equivalent for the second (j - k + 5): a rotation r comes out as r or r - 5, and every later step reads rotations modulo 5
  return k < 5 ? 5 + ((j - k + 5) % 5) : (j - k + 5) % 5;
}

const VERHOEFF_PERMUTATION = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

function verhoeff(s: string): boolean {
  let c = 0;
  for (let i = s.length - 1, pos = 0; i >= 0; i--, pos++) {
    let d = valueAt(s, i, DIGITS);
    if (d < 0) return false;
    for (let k = 0; k < pos % 8; k++) d = VERHOEFF_PERMUTATION[d]!;
    c = dihedral(c, d);
  }
  return s.length > 1 && c === 0;
}

/** GS1 check character pair: set 82 values weighted by the primes from the right, mod 1021. */
function gs1Pair(s: string): boolean {
  const end = s.length - 2;
  if (end < 1 || end > 97) return false;
  let sum = 0;
  for (let i = end - 1, n = 2; i >= 0; i--, n++) {
    while (!isPrime(n)) n++;
    const v = valueAt(s, i, GS1_SET_82, false);
    if (v < 0) return false;
    sum += v * n;
  }
  sum %= 1021;
  return s.slice(end) === GS1_PAIR_CHECKS[sum >> 5]! + GS1_PAIR_CHECKS[sum & 31]!;
}

const GS1_PAIR_CHECKS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function isPrime(n: number): boolean {
  for (let k = 2; k * k <= n; k++) if (n % k === 0) return false;
  return true;
}

/** Label, input set, output characters, validate and check length of each algorithm. */
type Description = [string, CharacterSet, string, (full: string) => boolean, (1 | 2)?];

const ISO = 'ISO/IEC 7064 MOD ';

const DESCRIPTIONS: Record<CheckAlgorithmName, Description> = {
  luhn: [
    'Luhn (ISO/IEC 7812-1)',
    'numeric',
    DIGITS,
    (s) => s.length > 1 && digitSum(s, 2) % 10 === 0,
  ],
  gs1: ['GS1 mod 10', 'numeric', DIGITS, (s) => s.length > 1 && digitSum(s, 3) % 10 === 0],
  'mod11-2': [`${ISO}11-2`, 'numeric', `${DIGITS}X`, (s) => pure(s, DIGITS, `${DIGITS}X`, 11)],
  'mod37-2': [
    `${ISO}37-2`,
    'alphanumeric',
    `${ALPHANUMERIC}*`,
    (s) => pure(s, ALPHANUMERIC, `${ALPHANUMERIC}*`, 37),
  ],
  'mod97-10': [
    `${ISO}97-10`,
    'numeric',
    DIGITS,
    (s) => s.length > 2 && remainder(s, s.length, DIGITS, 10, 97) === 1,
    2,
  ],
  'mod11-10': [`${ISO}11,10`, 'numeric', DIGITS, (s) => hybrid(s, DIGITS, 10)],
  'mod37-36': [`${ISO}37,36`, 'alphanumeric', ALPHANUMERIC, (s) => hybrid(s, ALPHANUMERIC, 36)],
  damm: [
    'Damm',
    'numeric',
    DIGITS,
    (s) => {
      let interim = 0;
      for (let i = 0; i < s.length; i++) {
        const d = valueAt(s, i, DIGITS);
        if (d < 0) return false;
        interim = Number(DAMM[interim * 10 + d]);
      }
      return s.length > 1 && interim === 0;
    },
  ],
  verhoeff: ['Verhoeff', 'numeric', DIGITS, verhoeff],
  crockford: [
    'Crockford base32 mod 37',
    'crockford',
    `${CROCKFORD}*~$=U`,
    (s) => {
      const end = s.length - 1;
      return (
        end > 0 &&
        remainder(s, end, CROCKFORD, 32, 37, crockfordValue) ===
          crockfordValue(s, end, `${CROCKFORD}*~$=U`)
      );
    },
  ],
  'gs1-pair': ['GS1 alphanumeric check character pair', 'gs1-82', GS1_PAIR_CHECKS, gs1Pair, 2],
};

/**
 * The check character algorithms by name, validation only.
 *
 * @example
 * checkValidators.luhn.validate('79927398713'); // true
 */
export const checkValidators: Readonly<Record<CheckAlgorithmName, CheckValidator>> = Object.freeze(
  Object.fromEntries(
    Object.entries(DESCRIPTIONS).map(
      ([name, [label, input, output, validate, checkLength = 1]]) => [
        name,
        Object.freeze({ name, label, input, output, checkLength, validate }),
      ],
    ),
  ) as Record<CheckAlgorithmName, CheckValidator>,
);

/**
 * The validator of the algorithm called `name`, or `undefined` (never one inherited from
 * `Object.prototype`).
 */
export function getCheckValidator(name: string): CheckValidator | undefined {
  return Object.hasOwn(checkValidators, name)
    ? checkValidators[name as CheckAlgorithmName]
    : undefined;
}
