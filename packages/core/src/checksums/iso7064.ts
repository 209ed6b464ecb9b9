import { checkValidators } from './check-validators.js';
import { remainderOf, valueTable } from './remainder.js';
import type { CheckAlgorithm } from './types.js';

/*
 * ISO/IEC 7064 check character systems.
 *
 * Pure systems MOD M-r: a string (data then check characters) is valid when, read as a base-r
 * number, it is ≡ 1 (mod M). Computed with `remainderOf`, a multiply-add loop.
 *
 * Hybrid systems MOD M+1,M: p starts at M; per character s = (p + a) mod M, or M if 0, and
 * p = 2s mod (M + 1); valid when the last s is 1, i.e. the last p is 2. The step is not linear, so
 * it is a precomputed table: one load per character, no division.
 */

const NUMERIC = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const NUMERIC_VALUES = valueTable(NUMERIC);
const ALPHANUMERIC_VALUES = valueTable(ALPHANUMERIC);
const MOD11_2_CHECK = `${NUMERIC}X`;
const MOD11_2_CHECK_VALUES = valueTable(MOD11_2_CHECK);
const MOD37_2_CHECK = `${ALPHANUMERIC}*`;
const MOD37_2_CHECK_VALUES = valueTable(MOD37_2_CHECK);

/** Validity of a pure system with one check character: (p·r + check) mod M = 1. */
function pureValidate1(
  full: string,
  values: Int8Array,
  checkValues: Int8Array,
  radix: number,
  modulus: number,
): boolean {
  const end = full.length - 1;
  if (end < 1) return false;
  const c = full.charCodeAt(end);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the table the value is undefined and the sum NaN, which is not 1
  const check = c < 128 ? checkValues[c]! : -1;
  if (check < 0) return false;
  const p = remainderOf(full, end, values, radix, modulus);
  return p >= 0 && (p * radix + check) % modulus === 1;
}

/**
 * ISO/IEC 7064 MOD 11-2: numeric data, one check character 0-9 or X. ISNI, ORCID.
 *
 * @example
 * mod11_2.compute('000000021825009'); // '7' (ORCID 0000-0002-1825-0097)
 * mod11_2.validate('079X'); // true
 */
export const mod11_2: CheckAlgorithm = Object.freeze({
  ...checkValidators['mod11-2'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const p = remainderOf(data, data.length, NUMERIC_VALUES, 2, 11);
    return p < 0 ? '' : MOD11_2_CHECK[(12 - ((p * 2) % 11)) % 11]!;
  },
  validate: (full: string): boolean =>
    pureValidate1(full, NUMERIC_VALUES, MOD11_2_CHECK_VALUES, 2, 11),
});

/**
 * ISO/IEC 7064 MOD 37-2: alphanumeric data, one check character 0-9, A-Z or `*`.
 *
 * @example
 * mod37_2.compute('G123498654321'); // 'H'
 */
export const mod37_2: CheckAlgorithm = Object.freeze({
  ...checkValidators['mod37-2'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const p = remainderOf(data, data.length, ALPHANUMERIC_VALUES, 2, 37);
    return p < 0 ? '' : MOD37_2_CHECK[(38 - ((p * 2) % 37)) % 37]!;
  },
  validate: (full: string): boolean =>
    pureValidate1(full, ALPHANUMERIC_VALUES, MOD37_2_CHECK_VALUES, 2, 37),
});

/** Two-digit strings '00'…'99'. */
const PAIRS = /* @__PURE__ */ Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * ISO/IEC 7064 MOD 97-10: numeric data, two check digits, written 02-98 as ISO 13616 (IBAN) does.
 * IBAN (after moving the first four characters to the end and writing letters as 10-35), LEI.
 *
 * @example
 * mod97_10.compute('794'); // '44'
 */
export const mod97_10: CheckAlgorithm = Object.freeze({
  ...checkValidators['mod97-10'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const p = remainderOf(data, data.length, NUMERIC_VALUES, 10, 97);
    return p < 0 ? '' : PAIRS[98 - ((p * 100) % 97)]!;
  },
  validate(full: string): boolean {
    // The check digits are ordinary digits of the number, so the whole string is read at once.
    return full.length >= 3 && remainderOf(full, full.length, NUMERIC_VALUES, 10, 97) === 1;
  },
});

/** `steps[p * m + a]`: the hybrid step from state p (0…m) on character value a. */
function hybridSteps(m: number): Uint8Array {
  const steps = new Uint8Array((m + 1) * m);
  for (let p = 0; p <= m; p++) {
    for (let a = 0; a < m; a++) steps[p * m + a] = (2 * ((p + a) % m || m)) % (m + 1);
  }
  return steps;
}

const MOD11_10_STEPS = /* @__PURE__ */ hybridSteps(10);
const MOD37_36_STEPS = /* @__PURE__ */ hybridSteps(36);

/** Hybrid state after `s[0, end)`, or -1 on a character outside the set. */
function hybridState(s: string, end: number, values: Int8Array, steps: Uint8Array, m: number) {
  let p = m;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const a = c < 128 ? values[c]! : -1;
    if (a < 0) return -1;
    p = steps[p * m + a]!;
  }
  return p;
}

/**
 * ISO/IEC 7064 MOD 11,10 (hybrid): numeric data, one check digit.
 *
 * @example
 * mod11_10.compute('0794'); // '5'
 */
export const mod11_10: CheckAlgorithm = Object.freeze({
  ...checkValidators['mod11-10'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const p = hybridState(data, data.length, NUMERIC_VALUES, MOD11_10_STEPS, 10);
    // Stryker disable next-line EqualityOperator: equivalent, a hybrid state is never 0 (2s mod 11 with s in 1..10)
    return p < 0 ? '' : NUMERIC[(11 - p) % 10]!;
  },
  validate: (full: string): boolean =>
    full.length >= 2 && hybridState(full, full.length, NUMERIC_VALUES, MOD11_10_STEPS, 10) === 2,
});

/**
 * ISO/IEC 7064 MOD 37,36 (hybrid): alphanumeric data, one check character 0-9 or A-Z.
 *
 * @example
 * mod37_36.compute('A12425GABC1234002'); // 'M'
 */
export const mod37_36: CheckAlgorithm = Object.freeze({
  ...checkValidators['mod37-36'],
  compute(data: string): string {
    if (data.length === 0) return '';
    const p = hybridState(data, data.length, ALPHANUMERIC_VALUES, MOD37_36_STEPS, 36);
    // Stryker disable next-line EqualityOperator: equivalent, a hybrid state is never 0 (2s mod 37 with s in 1..36)
    return p < 0 ? '' : ALPHANUMERIC[(37 - p) % 36]!;
  },
  validate: (full: string): boolean =>
    full.length >= 2 &&
    hybridState(full, full.length, ALPHANUMERIC_VALUES, MOD37_36_STEPS, 36) === 2,
});
