import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileFormat, type SerialFormat } from '../src/formats/index.js';

describe('normalize', () => {
  const sn = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');

  test('trims, folds case and restores literals', () => {
    expect(sn.normalize('  sn 2024 0001238 ')).toBe('SN-2024-0001238');
    expect(sn.normalize('SN20240001238')).toBe('SN-2024-0001238');
    expect(sn.normalize('SN-2024-0001238')).toBe('SN-2024-0001238');
  });

  test('corrects look-alikes in digit positions', () => {
    expect(sn.normalize('SN-2O24-OOO1238')).toBe('SN-2024-0001238');
    expect(sn.normalize('sn 2o24 ooo l238')).toBe('SN-2024-0001238');
    const digits = compileFormat('{D:6}');
    expect(digits.normalize('OILSBZ')).toBe('011582');
  });

  test('corrects look-alikes in letter positions, where one reading remains', () => {
    const letters = compileFormat('{A:4}-{D:2}');
    expect(letters.normalize('0582-12')).toBe('OSBZ-12');
    // '1' could be I or L: left as it is.
    expect(letters.normalize('A1BC-12')).toBe('A1BC-12');
  });

  test('hex positions read O, I, L, S and Z as digits; B is a hex digit', () => {
    expect(compileFormat('{H:6}').normalize('OILSZB')).toBe('01152B');
  });

  test('never corrects X or S positions', () => {
    expect(compileFormat('{X:4}').normalize('o0i1')).toBe('O0I1');
    expect(compileFormat('{S:4}').normalize('o0i1')).toBe('o0i1');
    expect(compileFormat('{S:4}-{D:2}').normalize('O0I1-O2')).toBe('O0I1-02');
  });

  test('Crockford positions decode I, L and O by definition', () => {
    const format = compileFormat('{C:6}');
    expect(format.normalize('il0oab')).toBe('1100AB');
    expect(format.validate('il0oab').success).toBe(true);
  });

  test('only look-alikes that the position decides; validate never guesses', () => {
    expect(sn.validate('SN-2O24-0001238').success).toBe(false);
    expect(sn.normalize('SN-2O24-0001238')).toBe('SN-2024-0001238');
  });

  test('returns the best cleaned form when the input cannot be made valid', () => {
    // Right shape, wrong check digit: the shape is restored.
    expect(sn.normalize('sn 2024 OOO1239')).toBe('SN-2024-0001239');
    // Wrong shape: trimmed and upper-cased.
    expect(sn.normalize('  sn 2024 12 ')).toBe('SN 2024 12');
    // Case is kept where the format is case-sensitive.
    expect(compileFormat('{S:3}').normalize(' abcd ')).toBe('abcd');
    expect(sn.normalize('')).toBe('');
  });

  test('non-strings normalize to the empty string', () => {
    expect(sn.normalize(undefined as never)).toBe('');
  });
});

const PATTERNS = [
  'SN-{YYYY}-{D:6}{check:luhn}',
  '{A:3}{D:7}',
  '{A:1-3}{D:2-4}',
  '{X:1-10}-{D:3}',
  '{H:4-6}.{C:2-3}',
  '{lot=X:4}-{YYYY}{MM}{DD}-{seq:5}',
  '{C:10}{check:crockford}',
  'P{S:3-5}/{D:2}',
  '{S:1-20}',
  '{D:1-3}-{D:1-3}',
  '{YY}{WW}{D:5}',
];

/** Strings near valid serials: look-alikes, case, separators and stray characters. */
function nearSerial(format: SerialFormat): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.nat(),
    fc.constantFrom('O', 'o', '0', 'I', 'l', '1', 'S', '5', 'B', '8', 'Z', '2', ' ', '-', '/', ''),
    fc.boolean(),
  );
  return fc
    .tuple(fc.integer(), fc.array(edit, { maxLength: 4 }), fc.boolean())
    .map(([seed, edits, lower]) => {
      let state = seed >>> 0 || 1;
      let serial = format.generate({
        random: true,
        getRandomValues: (array) => {
          for (let i = 0; i < array.length; i++) {
            state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
            array[i] = state;
          }
          return array;
        },
      });
      for (const [at, ch, replace] of edits) {
        const i = at % (serial.length + 1);
        serial = serial.slice(0, i) + ch + serial.slice(i + (replace ? 1 : 0));
      }
      return lower ? serial.toLowerCase() : serial;
    });
}

describe('normalize is idempotent', () => {
  for (const pattern of PATTERNS) {
    const format = compileFormat(pattern);
    test(pattern, () => {
      const inputs = fc.oneof(
        nearSerial(format),
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
      );
      fc.assert(
        fc.property(inputs, (input) => {
          const once = format.normalize(input);
          expect(format.normalize(once)).toBe(once);
          // A valid result is the canonical serial.
          if (format.validate(once).success) expect(format.test(once)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  }

  test('on huge inputs', () => {
    const format = compileFormat(PATTERNS[0]!);
    const huge = ` ${'sn'.repeat(100_000)} `;
    const once = format.normalize(huge);
    expect(once).toBe('SN'.repeat(100_000));
    expect(format.normalize(once)).toBe(once);
  });
});
