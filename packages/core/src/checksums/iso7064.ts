import type { CharacterSet, CheckAlgorithm, CheckAlgorithmName } from './types.js';

/*
 * ISO/IEC 7064 check character systems, computed with precomputed state-transition tables so that
 * the per-character loop is one table load and no division:
 *
 * - pure systems MOD M-r: state p starts at 0, `p = (p * r + a) mod M` over data and check
 *   characters, valid when p = 1;
 * - hybrid systems MOD M+1,M: state p starts at M, `s = (p + a) mod M || M`, `p = 2s mod (M + 1)`,
 *   valid when the last s = 1, i.e. the last p = 2.
 */

const NUMERIC = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ASCII code → value of `chars[value]` (lower case folded to upper), or -1. */
function valueTable(chars: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    table[c] = i;
    if (c >= 65 && c <= 90) table[c + 32] = i;
  }
  return table;
}

interface SystemSpec {
  name: CheckAlgorithmName;
  label: string;
  input: CharacterSet;
  /** Data characters in value order. */
  data: string;
  /** Check characters in value order. */
  output: string;
  checkLength: 1 | 2;
  /** Next-state table, indexed `state * width + value`. */
  steps: Uint8Array;
  width: number;
  initial: number;
  /** Final state of a valid string. */
  valid: number;
  /** Check value(s) from the state after the data. */
  check(state: number): number;
}

/** Pure system MOD `modulus`-`radix` with `checkLength` check characters. */
function pure(
  name: CheckAlgorithmName,
  label: string,
  input: CharacterSet,
  data: string,
  output: string,
  modulus: number,
  radix: number,
  checkLength: 1 | 2,
): SystemSpec {
  const width = Math.max(output.length, data.length);
  const steps = new Uint8Array(modulus * width);
  for (let p = 0; p < modulus; p++) {
    for (let a = 0; a < width; a++) steps[p * width + a] = (p * radix + a) % modulus;
  }
  const shift = radix ** checkLength;
  return {
    name,
    label,
    input,
    data,
    output,
    checkLength,
    steps,
    width,
    initial: 0,
    valid: 1,
    // One check character: (M + 1 - p·r) mod M. Two: M + 1 - p·r² mod M, in 2..M+1 as ISO 7064
    // and ISO 13616 (IBAN) write it, e.g. '98' rather than '01'.
    check: (state) =>
      checkLength === 1
        ? (modulus + 1 - ((state * shift) % modulus)) % modulus
        : modulus + 1 - ((state * shift) % modulus),
  };
}

/** Hybrid system MOD `modulus`+1,`modulus` over the characters `chars`. */
function hybrid(
  name: CheckAlgorithmName,
  label: string,
  input: CharacterSet,
  chars: string,
): SystemSpec {
  const m = chars.length;
  const steps = new Uint8Array((m + 1) * m);
  for (let p = 0; p <= m; p++) {
    for (let a = 0; a < m; a++) steps[p * m + a] = (2 * ((p + a) % m || m)) % (m + 1);
  }
  return {
    name,
    label,
    input,
    data: chars,
    output: chars,
    checkLength: 1,
    steps,
    width: m,
    initial: m,
    valid: 2,
    check: (state) => (m + 1 - state) % m,
  };
}

/** Builds compute/validate over a system's tables; the loops are shared by all five systems. */
function system(spec: SystemSpec): CheckAlgorithm {
  const dataValues = valueTable(spec.data);
  const checkValues = valueTable(spec.output);
  const { steps, width, initial, valid, checkLength, output } = spec;
  // Two check characters are the two base-r digits of one value 2..M+1.
  const radix = checkLength === 2 ? output.length : 0;

  /** State after `s[0, end)` as data characters, or -1 on a character outside the data set. */
  function run(s: string, end: number): number {
    let state = initial;
    for (let i = 0; i < end; i++) {
      const c = s.charCodeAt(i);
      const a = c < 128 ? dataValues[c]! : -1;
      if (a < 0) return -1;
      state = steps[state * width + a]!;
    }
    return state;
  }

  return Object.freeze({
    name: spec.name,
    label: spec.label,
    input: spec.input,
    output,
    checkLength,
    compute(data: string): string {
      if (data.length === 0) return '';
      const state = run(data, data.length);
      if (state < 0) return '';
      const value = spec.check(state);
      return radix === 0 ? output[value]! : output[(value / radix) | 0]! + output[value % radix]!;
    },
    validate(full: string): boolean {
      const end = full.length - checkLength;
      if (end < 1) return false;
      let state = run(full, end);
      if (state < 0) return false;
      for (let i = end; i < full.length; i++) {
        const c = full.charCodeAt(i);
        const a = c < 128 ? checkValues[c]! : -1;
        if (a < 0) return false;
        state = steps[state * width + a]!;
      }
      return state === valid;
    },
  });
}

/**
 * ISO/IEC 7064 MOD 11-2: numeric data, one check character 0-9 or X. ISNI, ORCID.
 *
 * @example
 * mod11_2.compute('000000021825009'); // '7' (ORCID 0000-0002-1825-0097)
 */
export const mod11_2: CheckAlgorithm = system(
  pure('mod11-2', 'ISO/IEC 7064 MOD 11-2', 'numeric', NUMERIC, `${NUMERIC}X`, 11, 2, 1),
);

/**
 * ISO/IEC 7064 MOD 37-2: alphanumeric data, one check character 0-9, A-Z or `*`.
 *
 * @example
 * mod37_2.validate('G123498654321H'); // true
 */
export const mod37_2: CheckAlgorithm = system(
  pure(
    'mod37-2',
    'ISO/IEC 7064 MOD 37-2',
    'alphanumeric',
    ALPHANUMERIC,
    `${ALPHANUMERIC}*`,
    37,
    2,
    1,
  ),
);

/**
 * ISO/IEC 7064 MOD 97-10: numeric data, two check digits. IBAN (after moving the country code and
 * check digits to the end and writing letters as 10-35), LEI.
 *
 * @example
 * mod97_10.compute('794'); // '44'
 */
export const mod97_10: CheckAlgorithm = system(
  pure('mod97-10', 'ISO/IEC 7064 MOD 97-10', 'numeric', NUMERIC, NUMERIC, 97, 10, 2),
);

/**
 * ISO/IEC 7064 MOD 11,10 (hybrid): numeric data, one check digit.
 *
 * @example
 * mod11_10.compute('0794'); // '5'
 */
export const mod11_10: CheckAlgorithm = system(
  hybrid('mod11-10', 'ISO/IEC 7064 MOD 11,10', 'numeric', NUMERIC),
);

/**
 * ISO/IEC 7064 MOD 37,36 (hybrid): alphanumeric data, one check character 0-9 or A-Z.
 *
 * @example
 * mod37_36.validate('A12425GABC1234002M'); // true
 */
export const mod37_36: CheckAlgorithm = system(
  hybrid('mod37-36', 'ISO/IEC 7064 MOD 37,36', 'alphanumeric', ALPHANUMERIC),
);
