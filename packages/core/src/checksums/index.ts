export { checkValidators, getCheckValidator } from './check-validators.js';

import { crockford } from './crockford.js';
import { damm } from './damm.js';
import { gs1Mod10 } from './gs1-mod10.js';
import { gs1Pair } from './gs1-pair.js';
import { mod11_2, mod11_10, mod37_2, mod37_36, mod97_10 } from './iso7064.js';
import { luhn } from './luhn.js';
import type { CheckAlgorithm, CheckAlgorithmName } from './types.js';
import { verhoeff } from './verhoeff.js';

export type { CharacterSet, CheckAlgorithm, CheckAlgorithmName, CheckValidator } from './types.js';

/**
 * The built-in check character algorithms by name. Each `validate` takes data followed by its check
 * character(s) and never throws; `compute` returns the check character(s), or `''` when the data
 * is empty or has a character outside the algorithm's `input` set.
 *
 * @example
 * checksums.luhn.validate('79927398713'); // true
 * checksums['mod97-10'].compute('794'); // '44'
 */
export const checksums: Readonly<Record<CheckAlgorithmName, CheckAlgorithm>> = Object.freeze({
  luhn,
  gs1: gs1Mod10,
  'mod11-2': mod11_2,
  'mod37-2': mod37_2,
  'mod97-10': mod97_10,
  'mod11-10': mod11_10,
  'mod37-36': mod37_36,
  damm,
  verhoeff,
  crockford,
  'gs1-pair': gs1Pair,
});

/** Is `name` one of the built-in algorithm names? */
export function isCheckAlgorithmName(name: string): name is CheckAlgorithmName {
  return Object.hasOwn(checksums, name);
}

/**
 * The algorithm called `name`, or `undefined` for an unknown name (never one inherited from
 * `Object.prototype`).
 *
 * @example
 * getCheckAlgorithm('damm')?.validate('5724'); // true
 * getCheckAlgorithm('md5'); // undefined
 */
export function getCheckAlgorithm(name: CheckAlgorithmName): CheckAlgorithm;
export function getCheckAlgorithm(name: string): CheckAlgorithm | undefined;
export function getCheckAlgorithm(name: string): CheckAlgorithm | undefined {
  return isCheckAlgorithmName(name) ? checksums[name] : undefined;
}
