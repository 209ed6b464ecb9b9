import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkValidators, getCheckValidator } from '../src/checksums/check-validators.js';
import { type CheckAlgorithmName, checksums } from '../src/checksums/index.js';
import { GS1_SET_82 } from '../src/gs1/character-sets.js';

const NAMES = Object.keys(checksums) as CheckAlgorithmName[];

/** Every character any algorithm reads or writes, their lower case, look-alikes and strangers. */
const CHARACTERS = `${GS1_SET_82}#$~=*ilo ıſ²٣éΩ€\u0000`;

const anyString = fc.string({ unit: fc.constantFrom(...CHARACTERS), maxLength: 30 });

describe('check validators', () => {
  test('describe each algorithm as the full registry does', () => {
    expect(Object.keys(checkValidators).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      const { compute: _, validate: __, ...described } = checksums[name];
      const { validate, ...small } = checkValidators[name];
      expect(small).toEqual(described);
      expect(typeof validate).toBe('function');
      expect(getCheckValidator(name)).toBe(checkValidators[name]);
    }
    expect(getCheckValidator('md5')).toBeUndefined();
    expect(getCheckValidator('__proto__')).toBeUndefined();
  });

  test.each(NAMES)('%s: validate answers as the full algorithm, for any string', (name) => {
    const full = checksums[name];
    const small = checkValidators[name];
    fc.assert(
      fc.property(anyString, (s) => {
        expect(small.validate(s)).toBe(full.validate(s));
        // Data with its computed check character(s): valid for both.
        const check = full.compute(s);
        if (check) expect(small.validate(s + check)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test.each(NAMES)('%s: agrees on long data', (name) => {
    const full = checksums[name];
    const data = fc.string({
      unit: fc.constantFrom(...'0123456789ABCZ'),
      minLength: 60,
      maxLength: 120,
    });
    fc.assert(
      fc.property(data, (s) => {
        const check = full.compute(s);
        expect(checkValidators[name].validate(s + check)).toBe(full.validate(s + check));
      }),
      { numRuns: 300 },
    );
  });
});
