import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkValidators, getCheckValidator } from '../src/checksums/check-validators.js';
import { type CheckAlgorithmName, checksums } from '../src/checksums/index.js';
import { GS1_SET_82 } from '../src/gs1/character-sets.js';

const NAMES = Object.keys(checksums) as CheckAlgorithmName[];

/** Every character any algorithm reads or writes, their lower case, look-alikes and strangers. */
const CHARACTERS = `${GS1_SET_82}#$~=*ilo ıſ²٣éΩ€\u0000`;

/** Canonical data characters of each input set. */
const OWN = {
  numeric: '0123456789',
  alphanumeric: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  crockford: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
  'gs1-82': GS1_SET_82,
} as const;

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

  test.each(NAMES)('%s: agrees on every string of up to two of its own characters', (name) => {
    const full = checksums[name];
    const small = checkValidators[name];
    const chars = [...new Set(OWN[full.input] + full.output + full.output.toLowerCase())];
    const wrong: string[] = [];
    const strings = ['', ...chars, ...chars.flatMap((a) => chars.map((b) => a + b))];
    for (const s of strings) if (small.validate(s) !== full.validate(s)) wrong.push(s);
    expect(wrong).toEqual([]);
  });

  test.each(NAMES)('%s: agrees on strings of its own characters, valid ones included', (name) => {
    const full = checksums[name];
    const small = checkValidators[name];
    const own = fc.string({
      unit: fc.constantFrom(...OWN[full.input]),
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(own, fc.nat(), fc.nat(), (data, at, by) => {
        const valid = data + full.compute(data);
        expect(small.validate(valid)).toBe(true);
        // One character changed, anywhere: both answer alike (and mostly false).
        const i = at % valid.length;
        const alphabet = i < data.length ? OWN[full.input] : full.output;
        const changed = valid.slice(0, i) + alphabet[by % alphabet.length] + valid.slice(i + 1);
        expect(small.validate(changed)).toBe(full.validate(changed));
      }),
      { numRuns: 1000 },
    );
  });

  test('gs1-pair: no pair makes data longer than 97 or outside set 82 valid, for either', () => {
    const pairs = [...checksums['gs1-pair'].output].flatMap((a) =>
      [...checksums['gs1-pair'].output].map((b) => a + b),
    );
    for (const data of ['A'.repeat(98), '1234567890'.repeat(12), 'AB CD', 'AB\u00e9CD']) {
      for (const pair of pairs) {
        expect(checkValidators['gs1-pair'].validate(data + pair), data).toBe(false);
        expect(checksums['gs1-pair'].validate(data + pair), data).toBe(false);
      }
    }
  });
});
