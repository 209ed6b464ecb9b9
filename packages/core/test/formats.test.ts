import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CheckAlgorithmName, checksums } from '../src/checksums/index.js';
import { compileFormat, type SerialFormat } from '../src/formats/index.js';

const MAY_2024 = new Date('2024-05-01');

/** A deterministic `getRandomValues` for property tests. */
function seeded(seed: number): (array: Uint32Array) => Uint32Array {
  let state = seed >>> 0 || 1;
  return (array) => {
    for (let i = 0; i < array.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      array[i] = state >>> 0;
    }
    return array;
  };
}

function serialOf(format: SerialFormat, input: string): string | undefined {
  const result = format.validate(input);
  return result.success ? result.data.serial : undefined;
}

describe('SN-{YYYY}-{D:6}{check:luhn}', () => {
  const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');

  test('accepts the canonical serial and reads its fields', () => {
    expect(format.validate('SN-2024-0001238')).toEqual({
      success: true,
      data: { serial: 'SN-2024-0001238', fields: { YYYY: '2024' } },
    });
    expect(format.test('SN-2024-0001238')).toBe(true);
  });

  test('accepts what customers type and returns the canonical serial', () => {
    for (const typed of [
      'sn 2024 0001238',
      'SN20240001238',
      '  sn-2024-000 1238 ',
      'SN/2024/0001238',
      'SN–2024–0001238', // en dashes
      'ＳＮ-２０２４-０００１２３８', // full-width
      'SN-2024-0001238.',
    ]) {
      expect(serialOf(format, typed), typed).toBe('SN-2024-0001238');
    }
  });

  test('test() is the exact canonical check', () => {
    expect(format.test('sn 2024 0001238')).toBe(false);
    expect(format.test('SN-2024-0001239')).toBe(false);
    expect(format.test('SN-2024-0001238 ')).toBe(false);
  });

  test('the check digit covers every data character before it, literals excluded', () => {
    // Luhn over '2024' + '000042' is 0, and over '2024' + '000123' is 8.
    expect(checksums.luhn.compute('2024000042')).toBe('0');
    expect(checksums.luhn.compute('2024000123')).toBe('8');
    expect(format.generate({ sequence: 42, date: MAY_2024 })).toBe('SN-2024-0000420');
    expect(format.generate({ sequence: 123, date: MAY_2024 })).toBe('SN-2024-0001238');
    expect(format.test('SN-2025-0001238')).toBe(false);
  });

  test('hint and example', () => {
    expect(format.hint).toBe('SN-YYYY-NNNNNN + check digit');
    expect(format.example).toBe('SN-2024-0001238');
    expect(format.minLength).toBe(15);
    expect(format.maxLength).toBe(15);
    expect(format.caseSensitive).toBe(false);
    expect(format.source).toBe('SN-{YYYY}-{D:6}{check:luhn}');
  });

  test('tokens describe the pattern', () => {
    expect(format.tokens).toEqual([
      { kind: 'literal', text: 'SN-', column: 0 },
      { kind: 'date', part: 'YYYY', column: 3 },
      { kind: 'literal', text: '-', column: 9 },
      { kind: 'class', charClass: 'D', min: 6, max: 6, column: 10 },
      { kind: 'check', algorithm: 'luhn', length: 1, column: 15 },
    ]);
  });

  test('generate refuses a sequence that does not fit', () => {
    expect(() => format.generate({ sequence: 1_000_000 })).toThrow(RangeError);
    expect(() => format.generate({ sequence: -1 })).toThrow(RangeError);
    expect(() => format.generate({ sequence: 1.5 })).toThrow(RangeError);
    expect(format.generate({ sequence: 999_999n, date: MAY_2024 })).toBe('SN-2024-9999994');
  });

  test('dates default to now, in UTC', () => {
    const year = String(new Date().getUTCFullYear());
    expect(format.generate({ sequence: 1 }).slice(3, 7)).toBe(year);
  });
});

describe('{A:3}{D:7}', () => {
  const format = compileFormat('{A:3}{D:7}');

  test('validates letters then digits, case-insensitively', () => {
    expect(serialOf(format, 'abc1234567')).toBe('ABC1234567');
    expect(serialOf(format, 'ABC 123 4567')).toBe('ABC1234567');
    expect(format.validate('ABC12345O7').success).toBe(false);
  });

  test('sequential serials fill the digit class; random ones are all random', () => {
    expect(format.generate({ sequence: 42 })).toBe('ABC0000042');
    const random = format.generate({ random: true });
    expect(format.test(random)).toBe(true);
    expect(format.hint).toBe('AAANNNNNNN');
  });
});

describe('{YY}{WW}{D:5}', () => {
  const format = compileFormat('{YY}{WW}{D:5}');

  test('weeks 01-53, and 53 only in years that have it', () => {
    expect(format.validate('245212345').success).toBe(true);
    expect(format.validate('205312345').success).toBe(true); // 2020 has 53 ISO weeks
    expect(format.validate('265312345').success).toBe(true); // so does 2026
    expect(format.validate('215312345').success).toBe(false);
    expect(format.validate('240012345').success).toBe(false);
    expect(format.validate('245412345')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_date",
            "field": "WW",
            "input": "245412345",
            "message": "The week at character 3 is not valid.",
            "position": 2,
          },
        ],
        "success": false,
      }
    `);
  });

  test('generate uses the ISO week-numbering year', () => {
    // 2024-12-30 is a Monday in ISO week 1 of 2025.
    expect(format.generate({ sequence: 7, date: new Date('2024-12-30') })).toBe('250100007');
    expect(format.generate({ sequence: 7, date: new Date('2021-01-03') })).toBe('205300007');
  });
});

describe('{lot=X:4}-{D:5}{check:mod37-36}', () => {
  const format = compileFormat('{lot=X:4}-{D:5}{check:mod37-36}');

  test('named fields are generated, validated and returned', () => {
    const serial = format.generate({ sequence: 77, fields: { lot: 'ab12' } });
    expect(serial).toMatch(/^AB12-00077[0-9A-Z]$/);
    expect(format.validate(serial.toLowerCase())).toEqual({
      success: true,
      data: { serial, fields: { lot: 'AB12' } },
    });
    expect(format.hint).toBe('XXXX-NNNNN + check character');
  });

  test('field values are checked', () => {
    expect(() => format.generate({ sequence: 1, fields: { lot: 'AB1' } })).toThrow(RangeError);
    expect(() => format.generate({ sequence: 1, fields: { lot: 'AB-1' } })).toThrow(RangeError);
    expect(() => format.generate({ sequence: 1, fields: { batch: 'AB12' } })).toThrow(
      /unknown field 'batch'/,
    );
  });
});

describe('{C:10}{check:crockford}', () => {
  const format = compileFormat('{C:10}{check:crockford}');

  test('random serials come from the CSPRNG, uniformly over the 32 symbols', () => {
    const serials = Array.from({ length: 2000 }, () => format.generate({ random: true }));
    expect(new Set(serials).size).toBe(serials.length);
    for (const serial of serials) expect(format.test(serial)).toBe(true);
    const counts = new Map<string, number>();
    for (const serial of serials) {
      for (const ch of serial.slice(0, 10)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    // 20,000 draws over 32 symbols: 625 expected each; ±25% is far outside chance.
    for (const count of counts.values()) expect(Math.abs(count - 625)).toBeLessThan(160);
  });

  test('Crockford decoding: I and L read as 1, O as 0, any case', () => {
    const serial = format.generate({ random: true, getRandomValues: seeded(7) });
    const typed = serial.toLowerCase().replaceAll('1', 'l').replaceAll('0', 'o');
    expect(serialOf(format, typed)).toBe(serial);
    expect(format.validate('U'.repeat(10) + serial.at(-1)).success).toBe(false);
  });
});

describe('{S:1-20}: the GS1 AI (21) serial', () => {
  const format = compileFormat('{S:1-20}');

  test('case-sensitive, set 82 characters, 1 to 20 of them', () => {
    expect(serialOf(format, 'ab-12/x')).toBe('ab-12/x');
    expect(serialOf(format, "A!%&'()*+,-./:;<=>?_z")).toBeUndefined(); // 21 characters
    expect(serialOf(format, "A!%&'()*+,-./:;<=>?_")).toBe("A!%&'()*+,-./:;<=>?_");
    expect(format.validate('ab#12').success).toBe(false);
    expect(format.caseSensitive).toBe(false);
    expect(format.hint).toBe('S×1–20');
  });
});

describe('case sensitivity', () => {
  test('caseSensitive keeps letters as typed and literals exact', () => {
    const format = compileFormat('sn-{A:2}', { caseSensitive: true });
    expect(serialOf(format, 'sn-aB')).toBe('sn-aB');
    expect(format.validate('SN-aB').success).toBe(false);
    expect(format.caseSensitive).toBe(true);
  });

  test('by default literals are matched in any case and written upper case', () => {
    const format = compileFormat('sn-{A:2}');
    expect(serialOf(format, 'Sn-ab')).toBe('SN-AB');
    expect(format.hint).toBe('SN-AA');
  });
});

describe('separators and literals', () => {
  test('a separator literal may be typed as any separator or left out', () => {
    const format = compileFormat('{D:3}-{D:3}');
    for (const typed of ['123-456', '123 456', '123456', '123_456', '123 - 456']) {
      expect(serialOf(format, typed), typed).toBe('123-456');
    }
  });

  test('a separator literal that marks where a ranged class ends must be typed', () => {
    const format = compileFormat('{D:1-3}-{D:1-3}');
    expect(serialOf(format, '12 345')).toBe('12-345');
    expect(serialOf(format, '12345')).toBeUndefined();
  });

  test('custom separators', () => {
    const format = compileFormat('{D:3}-{D:3}', { separators: ' -:' });
    expect(serialOf(format, '123:456')).toBe('123-456');
    expect(serialOf(format, '123/456')).toBeUndefined();
    expect(() => compileFormat('{D:3}', { separators: 'x' })).toThrow(RangeError);
  });

  test('ranged classes', () => {
    const format = compileFormat('{D:4-8}{check:luhn}');
    for (const data of ['1234', '12345', '12345678']) {
      const serial = data + checksums.luhn.compute(data);
      expect(serialOf(format, serial)).toBe(serial);
    }
    expect(format.validate('123').success).toBe(false);
    expect(format.hint).toBe('N×4–8 + check digit');
  });

  test('adjacent ranged classes with disjoint characters', () => {
    const format = compileFormat('{A:1-3}{D:2-4}');
    expect(serialOf(format, 'ab12')).toBe('AB12');
    expect(serialOf(format, 'abc1234')).toBe('ABC1234');
    expect(serialOf(format, 'abcd12')).toBeUndefined();
  });

  test('escaped braces are literals', () => {
    const format = compileFormat('{{{D:2}}}');
    expect(serialOf(format, '{12}')).toBe('{12}');
    expect(format.hint).toBe('{NN}');
  });
});

describe('dates', () => {
  test('month and day form a real date', () => {
    const format = compileFormat('{YYYY}{MM}{DD}-{D:3}');
    expect(format.validate('20240229-001').success).toBe(true);
    expect(format.validate('20230229-001').success).toBe(false);
    expect(format.validate('20240230-001').success).toBe(false);
    expect(format.validate('20241301-001').success).toBe(false);
    expect(format.validate('20240431-001').success).toBe(false);
    expect(format.generate({ sequence: 5, date: new Date('2024-02-29') })).toBe('20240229-005');
  });

  test('day of year: 366 only in leap years', () => {
    const format = compileFormat('{YY}{DDD}{D:2}');
    expect(format.validate('2436601').success).toBe(true);
    expect(format.validate('2336601').success).toBe(false);
    expect(format.validate('2400001').success).toBe(false);
    expect(format.generate({ sequence: 1, date: new Date('2024-12-31') })).toBe('2436601');
  });

  test('without a year, every day that exists in some year is allowed', () => {
    const format = compileFormat('{MM}{DD}{WW}{D:1}');
    expect(format.validate('0229531').success).toBe(true);
    expect(format.validate('0230011').success).toBe(false);
  });

  test('fields can set date parts, and are checked', () => {
    const format = compileFormat('{YYYY}{MM}-{seq:4}');
    expect(format.generate({ sequence: 3, fields: { MM: '12' }, date: MAY_2024 })).toBe(
      '202412-0003',
    );
    expect(() => format.generate({ sequence: 3, fields: { MM: '13' } })).toThrow(RangeError);
    expect(format.validate('202412-0003')).toEqual({
      success: true,
      data: { serial: '202412-0003', fields: { YYYY: '2024', MM: '12', seq: '0003' } },
    });
  });
});

describe('{seq:N}', () => {
  test('the sequence goes to {seq:N} even when digit classes follow', () => {
    const format = compileFormat('{seq:6}-{D:2}');
    expect(format.generate({ sequence: 12, random: true }).slice(0, 6)).toBe('000012');
    expect(format.hint).toBe('NNNNNN-NN');
  });

  test('formats without a digit class cannot number serials', () => {
    expect(() => compileFormat('{A:4}').generate({ sequence: 1 })).toThrow(RangeError);
  });
});

describe('regex formats', () => {
  const format = compileFormat({
    regex: '[A-Z]{2}(?<num>\\d{4,6})',
    hint: '2 letters and 4 to 6 digits',
    example: 'AB1234',
  });

  test('anchored full match of the trimmed input, upper-cased', () => {
    expect(format.validate(' ab12345 ')).toEqual({
      success: true,
      data: { serial: 'AB12345', fields: { num: '12345' } },
    });
    expect(format.validate('xAB1234').success).toBe(false);
    expect(format.test('AB1234')).toBe(true);
    expect(format.test('ab1234')).toBe(false);
    expect(format.normalize(' ab1234 ')).toBe('AB1234');
    expect(format.hint).toBe('2 letters and 4 to 6 digits');
    expect(format.example).toBe('AB1234');
    expect(format.source).toBe('/[A-Z]{2}(?<num>\\d{4,6})/');
    expect(format.suggest('AB12')).toEqual([]);
    expect(() => format.generate()).toThrow();
  });

  test('RegExp objects keep their flags except the stateful ones', () => {
    const sensitive = compileFormat({ regex: /[a-z]+\d/g }, { caseSensitive: true });
    expect(sensitive.validate('abc1').success).toBe(true);
    expect(sensitive.validate('ABC1').success).toBe(false);
    expect(sensitive.validate('abc1').success).toBe(true); // no lastIndex carried over
  });

  test('pattern_mismatch', () => {
    expect(format.validate('A1')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "pattern_mismatch",
            "input": "A1",
            "message": "This does not match the serial number format.",
          },
        ],
        "success": false,
      }
    `);
  });
});

describe('issues', () => {
  const format = compileFormat('SN-{YYYY}{MM}-{D:6}{check:luhn}');
  const valid = format.generate({ sequence: 123, date: MAY_2024 });

  test('the serial used below', () => {
    expect(valid).toBe('SN-202405-0001237');
  });

  test('empty', () => {
    expect(format.validate('')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "empty",
            "input": "",
            "message": "Enter a serial number.",
          },
        ],
        "success": false,
      }
    `);
    expect(format.validate(' - ').success).toBe(false);
  });

  // That it costs what a short too-long input costs is measured in bench/formats.bench.ts.
  test('too_long, for a 10 MB input', () => {
    const huge = 'SN'.repeat(5_000_000);
    expect(format.validate(huge)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "too_long",
            "input": "SNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSNSN…",
            "maximum": 17,
            "message": "This is too long for a serial number (at most 17 characters).",
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_length', () => {
    expect(format.validate('SN-202405-000123')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_length",
            "input": "SN-202405-000123",
            "maximum": 17,
            "message": "A serial number has 17 characters; this one has 16.",
            "minimum": 17,
            "received": 16,
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_character: every wrong position, as typed', () => {
    expect(format.validate(' sn 2024O5 OOO1237')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_character",
            "expected": "D",
            "input": " sn 2024O5 OOO1237",
            "message": "Character 9 should be a digit, not “O”.",
            "position": 8,
            "received": "O",
          },
          {
            "code": "invalid_character",
            "expected": "D",
            "input": " sn 2024O5 OOO1237",
            "message": "Character 12 should be a digit, not “O”.",
            "position": 11,
            "received": "O",
          },
          {
            "code": "invalid_character",
            "expected": "D",
            "input": " sn 2024O5 OOO1237",
            "message": "Character 13 should be a digit, not “O”.",
            "position": 12,
            "received": "O",
          },
          {
            "code": "invalid_character",
            "expected": "D",
            "input": " sn 2024O5 OOO1237",
            "message": "Character 14 should be a digit, not “O”.",
            "position": 13,
            "received": "O",
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_character: no flood', () => {
    const result = compileFormat('{D:12}').validate('ABCDEFGHIJKL');
    expect(!result.success && result.issues.length).toBe(5);
  });

  test('invalid_literal', () => {
    expect(format.validate('SM-202405-0001237')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_literal",
            "expected": "N",
            "input": "SM-202405-0001237",
            "message": "Character 2 should be “N”, not “M”.",
            "position": 1,
            "received": "M",
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_checksum', () => {
    expect(format.validate('SN-202405-0001273')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "algorithm": "luhn",
            "code": "invalid_checksum",
            "input": "SN-202405-0001273",
            "message": "The check character does not match: a character may be mistyped, or two swapped.",
            "position": 16,
          },
        ],
        "success": false,
      }
    `);
    expect(format.validate('sn 202405 0001273')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "algorithm": "luhn",
            "code": "invalid_checksum",
            "input": "sn 202405 0001273",
            "message": "The check character does not match: a character may be mistyped, or two swapped.",
            "position": 16,
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_date', () => {
    const serial = compileFormat('SN-{YYYY}{MM}-{D:6}').generate({ sequence: 1, date: MAY_2024 });
    expect(
      compileFormat('SN-{YYYY}{MM}-{D:6}').validate(serial.replace('05', '13')),
    ).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_date",
            "field": "MM",
            "input": "SN-202413-000001",
            "message": "The month at character 8 is not valid.",
            "position": 7,
          },
        ],
        "success": false,
      }
    `);
  });

  test('invalid_date and invalid_checksum together', () => {
    const result = format.validate('SN-202413-0001237');
    expect(!result.success && result.issues.map((i) => i.code)).toEqual([
      'invalid_date',
      'invalid_checksum',
    ]);
  });

  test('a required literal missing: where it was expected', () => {
    expect(compileFormat('{D:1-3}-{D:1-3}').validate('12345')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_literal",
            "expected": "-",
            "input": "12345",
            "message": "Character 4 should be “-”, not “4”.",
            "position": 3,
            "received": "4",
          },
        ],
        "success": false,
      }
    `);
  });

  test('pattern_mismatch when the length fits but the shape cannot be aligned', () => {
    expect(compileFormat('{D:1-3}-{D:1-3}').validate('12')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "pattern_mismatch",
            "input": "12",
            "message": "This does not match the serial number format.",
          },
        ],
        "success": false,
      }
    `);
  });

  test('messages follow the locale of the call, then of the compile options', () => {
    const german = compileFormat('{D:4}', { locale: 'de' });
    const first = (f: SerialFormat, input: string, locale?: 'fr') => {
      const result = f.validate(input, locale ? { locale } : undefined);
      return result.success ? '' : result.issues[0]!.message;
    };
    expect(first(german, '12A4')).toBe('Zeichen 3 muss eine Ziffer sein, nicht „A“.');
    expect(first(german, '12A4', 'fr')).toBe(
      'Le caractère 3 doit être un chiffre, et non «\u00a0A\u00a0».',
    );
    expect(first(format, 'SN')).toMatch(/^A serial number has 17 characters/);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────

const CLASS_PATTERNS = [
  '{D:6}',
  '{A:5}',
  '{X:8}',
  '{H:6}',
  '{C:10}',
  '{S:12}',
  '{D:2-9}',
  '{A:1-4}{D:3-5}',
  '{X:1-10}-{D:3}',
  '{H:4-6}.{C:2-3}',
  '{S:1-20}',
  'P{S:3-5}/{D:2}',
  '{lot=X:4}-{YYYY}{MM}{DD}-{seq:5}',
  '{YY}{WW}{D:5}',
  '{YYYY}{DDD}{A:2}',
];

const ALGORITHM_PATTERNS: Record<CheckAlgorithmName, string[]> = {
  luhn: ['SN-{YYYY}-{D:6}{check:luhn}', '{D:4-12}{check:luhn}'],
  gs1: ['{D:13}{check:gs1}'],
  'mod11-2': ['{D:8}{check:mod11-2}'],
  'mod37-2': ['{X:9}{check:mod37-2}', '{A:2}-{D:5}{check:mod37-2}'],
  'mod97-10': ['{D:3}-{D:8}{check:mod97-10}'],
  'mod11-10': ['{D:6}{check:mod11-10}'],
  'mod37-36': ['{lot=X:4}-{D:5}{check:mod37-36}', '{H:8}{check:mod37-36}'],
  damm: ['{YY}{MM}{seq:5}{check:damm}'],
  verhoeff: ['V{D:9}{check:verhoeff}'],
  crockford: ['{C:10}{check:crockford}', '{D:2}{H:4}{C:2-6}{check:crockford}'],
  'gs1-pair': ['{S:3-20}{check:gs1-pair}', '{X:6}{check:gs1-pair}'],
};

const ALL_PATTERNS = [...CLASS_PATTERNS, ...Object.values(ALGORITHM_PATTERNS).flat()];

const dates = fc.date({
  min: new Date('2000-01-01'),
  max: new Date('2099-12-31'),
  noInvalidDate: true,
});

describe('generate → validate round trips', () => {
  test('every check algorithm has patterns here', () => {
    expect(Object.keys(ALGORITHM_PATTERNS).sort()).toEqual(Object.keys(checksums).sort());
  });

  for (const pattern of ALL_PATTERNS) {
    const format = compileFormat(pattern);

    test(`${pattern}: random`, () => {
      fc.assert(
        fc.property(fc.integer(), dates, (seed, date) => {
          const serial = format.generate({ random: true, date, getRandomValues: seeded(seed) });
          expect(format.test(serial)).toBe(true);
          expect(serialOf(format, serial)).toBe(serial);
          expect(format.normalize(serial)).toBe(serial);
          expect(format.suggest(serial)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });

    // The sequence goes to {seq:N}, else to the last unnamed digit class.
    const width = format.tokens.reduce(
      (found, t) =>
        t.kind === 'seq'
          ? t.length
          : t.kind === 'class' && t.charClass === 'D' && !t.name && !pattern.includes('{seq:')
            ? t.max
            : found,
      0,
    );
    if (width > 0) {
      test(`${pattern}: sequential`, () => {
        fc.assert(
          fc.property(fc.nat({ max: 10 ** Math.min(width, 9) - 1 }), dates, (sequence, date) => {
            const serial = format.generate({ sequence, date });
            const result = format.validate(serial);
            expect(result.success && result.data.serial).toBe(serial);
            if (result.success && 'seq' in result.data.fields) {
              expect(Number(result.data.fields.seq)).toBe(sequence);
            }
          }),
          { numRuns: 60 },
        );
      });
    }

    test(`${pattern}: typed with spaces and in lower case`, () => {
      fc.assert(
        fc.property(
          fc.integer(),
          fc.array(fc.nat(), { maxLength: 4 }),
          fc.constantFrom('', ' ', '  '),
          (seed, cuts, pad) => {
            const serial = format.generate({ random: true, getRandomValues: seeded(seed) });
            let typed = serial;
            for (const cut of cuts) {
              const at = cut % (typed.length + 1);
              typed = `${typed.slice(0, at)} ${typed.slice(at)}`;
            }
            if (!pattern.includes('{S')) typed = typed.toLowerCase();
            expect(serialOf(format, pad + typed + pad)).toBe(serial);
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});

/** Any UTF-16 code units, lone surrogates included. */
const utf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

describe('validate never throws', () => {
  const formats = [...ALL_PATTERNS.map((p) => compileFormat(p)), compileFormat({ regex: '\\d+' })];

  test('on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        utf16,
        (a, b, c) => {
          for (const format of formats) {
            for (const input of [a, b, c, a + b + c]) {
              const result = format.validate(input);
              if (!result.success) {
                expect(result.issues.length).toBeGreaterThan(0);
                for (const issue of result.issues) expect(typeof issue.message).toBe('string');
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('on near-misses of valid serials', () => {
    const near = (format: SerialFormat) =>
      fc
        .tuple(fc.integer(), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.nat(3))
        .map(([seed, at, insert, remove]) => {
          const serial = format.generate({ random: true, getRandomValues: seeded(seed) });
          const i = at % (serial.length + 1);
          return serial.slice(0, i) + insert + serial.slice(i + remove);
        });
    for (const format of formats.slice(0, -1)) {
      fc.assert(
        fc.property(near(format), (input) => {
          const result = format.validate(input);
          expect(typeof result.success).toBe('boolean');
          if (result.success) expect(format.test(result.data.serial)).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
  });

  test('on huge inputs and values that are not strings', () => {
    const huge = ['x'.repeat(1 << 20), ' '.repeat(1 << 20), '\u{1F600}'.repeat(1 << 18)];
    for (const format of formats) {
      for (const input of huge) expect(format.validate(input).success).toBe(false);
      for (const value of [undefined, null, 42, {}, Symbol('s')]) {
        expect(() => format.validate(value as never)).not.toThrow();
        expect(format.test(value as never)).toBe(false);
      }
    }
    const padded = `${' '.repeat(1 << 20)}SN-2024-0001238${'\n'.repeat(1 << 20)}`;
    expect(serialOf(compileFormat('SN-{YYYY}-{D:6}{check:luhn}'), padded)).toBe('SN-2024-0001238');
  });
});

describe('one character too many', () => {
  test('is a length issue, not a literal replaced by data', () => {
    const result = compileFormat('SN-{D:6}').validate('SN-0001234');
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => issue.code)).toEqual(['invalid_length']);
    expect(result.issues[0]).toMatchObject({ minimum: 9, maximum: 9, received: 10 });
  });
});
