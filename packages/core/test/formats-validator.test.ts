import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checksums } from '../src/checksums/index.js';
import {
  compileFormat,
  compileValidator,
  describeFormat,
  FormatSyntaxError,
  formatHint,
} from '../src/formats/index.js';
import type { Locale } from '../src/issues.js';
import { locales } from '../src/locales/index.js';

const PATTERNS = [
  'SN-{YYYY}-{D:6}{check:luhn}',
  'NB{D:8}',
  '{lot=X:4}-{D:5}{check:mod37-36}',
  '{A:1-3}{D:4}',
  '{D:4-8}{check:gs1}',
  '{YY}{WW}-{C:6}{check:crockford}',
  '{D:8}{check:mod11-10}',
  'X{D:9}{check:mod11-2}',
  '{X:10}{check:mod37-2}',
  '{D:10}{check:mod97-10}',
  '{D:6}{check:damm}',
  '{D:6}{check:verhoeff}',
  '{S:1-12}{check:gs1-pair}',
  '{YYYY}{MM}{DD}/{seq:4}',
  '{YYYY}{DDD}.{D:3}',
  'AB-{X:1-8}-{X:1-8}',
];
const LOCALES = Object.keys(locales) as Locale[];

const inputs = (pattern: string) => {
  const format = compileFormat(pattern);
  const valid = format.generate({ random: true });
  const edit = fc
    .tuple(fc.nat(valid.length), fc.constantFrom(...'0O1Il5S8B2Z-_ a#*é'), fc.boolean())
    .map(([at, ch, swap]) =>
      swap && at + 1 < valid.length
        ? valid.slice(0, at) + valid[at + 1] + valid[at] + valid.slice(at + 2)
        : valid.slice(0, at) + ch + valid.slice(at + 1),
    );
  return fc.oneof(
    edit,
    fc.constant(valid.toLowerCase()),
    fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFXYZ-/ ol'), maxLength: 24 }),
  );
};

describe('compileValidator', () => {
  test.each(PATTERNS)('%s: answers as compileFormat', (pattern) => {
    const format = compileFormat(pattern);
    const validator = compileValidator(pattern, { locale: locales.de });
    expect(validator).toMatchObject({
      source: format.source,
      tokens: format.tokens,
      minLength: format.minLength,
      maxLength: format.maxLength,
      caseSensitive: format.caseSensitive,
    });
    fc.assert(
      fc.property(inputs(pattern), fc.constantFrom(...LOCALES), (input, locale) => {
        expect(validator.validate(input, { locale: locales[locale] })).toEqual(
          format.validate(input, { locale }),
        );
        expect(validator.validate(input)).toEqual(format.validate(input, { locale: 'de' }));
        expect(validator.suggest(input)).toEqual(format.suggest(input));
        expect(validator.normalize(input)).toBe(format.normalize(input));
        expect(validator.test(input)).toBe(format.test(input));
      }),
      { numRuns: 300 },
    );
  });

  test('hints in every locale, as formatHint', () => {
    for (const pattern of PATTERNS) {
      for (const locale of LOCALES) {
        const { tokens } = compileValidator(pattern);
        expect(describeFormat(tokens, locales[locale])).toBe(formatHint(tokens, locale));
      }
    }
    expect(describeFormat(compileValidator('SN-{D:3}{check:luhn}').tokens)).toBe(
      'SN-NNN + check digit',
    );
  });

  test('refuses what compileFormat refuses, with the same error', () => {
    for (const pattern of ['SN-{Q:4}', '{check:md5}', '{D:4}{check:luhn}{D:2}', '{X:1-4}{D:1-4}']) {
      const error = (() => {
        try {
          compileFormat(pattern);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(FormatSyntaxError);
      expect(() => compileValidator(pattern)).toThrow((error as Error).message);
    }
    const outcome = (compile: () => unknown) => {
      try {
        compile();
        return 'compiled';
      } catch (e) {
        return (e as Error).message;
      }
    };
    for (const name of Object.keys(checksums)) {
      for (const pattern of [
        `{A:3}{check:${name}}`,
        `{S:3}{check:${name}}`,
        `{C:3}{check:${name}}`,
      ]) {
        const options = { caseSensitive: true };
        expect(outcome(() => compileValidator(pattern, options))).toBe(
          outcome(() => compileFormat(pattern, options)),
        );
      }
    }
  });
});
