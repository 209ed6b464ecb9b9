import * as cdigit from 'cdigit';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gs1CheckDigitOf } from '../src/checksums/gs1-mod10.js';
import {
  type CheckAlgorithm,
  type CheckAlgorithmName,
  checksums,
  getCheckAlgorithm,
  isCheckAlgorithmName,
} from '../src/checksums/index.js';
import { GS1_SET_82 } from '../src/gs1/character-sets.js';

const NAMES: CheckAlgorithmName[] = [
  'luhn',
  'gs1',
  'mod11-2',
  'mod37-2',
  'mod97-10',
  'mod11-10',
  'mod37-36',
  'damm',
  'verhoeff',
  'crockford',
  'gs1-pair',
];

/** Canonical data characters of each input set (no lower-case or look-alike aliases). */
const DATA_CHARS = {
  numeric: '0123456789',
  alphanumeric: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  crockford: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
  'gs1-82': GS1_SET_82,
} as const;

const dataOf = (algorithm: CheckAlgorithm, maxLength = 40) =>
  fc.string({ unit: fc.constantFrom(...DATA_CHARS[algorithm.input]), minLength: 1, maxLength });

/** IBAN → the numeric string ISO 13616 checks with MOD 97-10: first four moved last, A=10 … Z=35. */
function ibanDigits(iban: string): string {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let digits = '';
  for (const ch of moved) digits += ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
  return digits;
}

describe('registry', () => {
  test('has exactly the documented algorithms, each under its own name', () => {
    expect(Object.keys(checksums).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(checksums[name].name).toBe(name);
  });

  test('describes input sets, outputs and check lengths', () => {
    const summary = Object.fromEntries(
      NAMES.map((n) => [
        n,
        `${checksums[n].input} → ${checksums[n].checkLength}×${checksums[n].output}`,
      ]),
    );
    expect(summary).toMatchInlineSnapshot(`
      {
        "crockford": "crockford → 1×0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U",
        "damm": "numeric → 1×0123456789",
        "gs1": "numeric → 1×0123456789",
        "gs1-pair": "gs1-82 → 2×23456789ABCDEFGHJKLMNPQRSTUVWXYZ",
        "luhn": "numeric → 1×0123456789",
        "mod11-10": "numeric → 1×0123456789",
        "mod11-2": "numeric → 1×0123456789X",
        "mod37-2": "alphanumeric → 1×0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*",
        "mod37-36": "alphanumeric → 1×0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "mod97-10": "numeric → 2×0123456789",
        "verhoeff": "numeric → 1×0123456789",
      }
    `);
  });

  test('getCheckAlgorithm finds built-ins and nothing else', () => {
    expect(getCheckAlgorithm('damm')).toBe(checksums.damm);
    expect(getCheckAlgorithm('md5')).toBeUndefined();
    expect(getCheckAlgorithm('constructor')).toBeUndefined();
    expect(getCheckAlgorithm('__proto__')).toBeUndefined();
    expect(isCheckAlgorithmName('mod97-10')).toBe(true);
    expect(isCheckAlgorithmName('toString')).toBe(false);
  });

  test('algorithms are frozen', () => {
    expect(Object.isFrozen(checksums)).toBe(true);
    for (const name of NAMES) expect(Object.isFrozen(checksums[name])).toBe(true);
  });
});

describe('published examples', () => {
  // [algorithm, data, check]
  const examples: [CheckAlgorithmName, string, string][] = [
    ['luhn', '7992739871', '3'], // ISO/IEC 7812-1 worked example
    ['luhn', '453201511283036', '6'], // a test card number
    ['gs1', '0950600013435', '2'], // GTIN-14 09506000134352 (GS1 example)
    ['gs1', '400638133393', '1'], // GTIN-13 4006381333931
    ['gs1', '9638507', '4'], // GTIN-8 96385074
    ['gs1', '03600029145', '2'], // GTIN-12 036000291452
    ['gs1', '37610425002123456', '9'], // SSCC 376104250021234569
    ['mod11-2', '079', 'X'], // ISO/IEC 7064 annex example
    ['mod11-2', '000000021825009', '7'], // ORCID 0000-0002-1825-0097
    ['mod11-2', '000000015109370', '0'], // ORCID 0000-0001-5109-3700
    ['mod11-2', '000000021694233', 'X'], // ORCID 0000-0002-1694-233X
    ['mod11-2', '000000012103268', '3'], // ISNI 0000 0001 2103 2683
    ['mod11-2', '000000012281955', 'X'], // ISNI 0000 0001 2281 955X
    ['mod37-2', 'G123498654321', 'H'], // ISO/IEC 7064 annex example
    ['mod97-10', '794', '44'], // ISO/IEC 7064 annex example
    ['mod11-10', '0794', '5'], // ISO/IEC 7064 annex example
    ['mod37-36', 'A12425GABC1234002', 'M'], // ISO/IEC 7064 annex example
    ['damm', '572', '4'], // Damm (2004)
    ['verhoeff', '236', '3'], // Verhoeff (1969)
    ['verhoeff', '12345', '1'],
    ['crockford', '16J', 'D'], // 1234 = 16J in base 32; 1234 mod 37 = 13
    ['crockford', '0', '0'],
    ['crockford', 'Z', 'Z'], // 31
    ['crockford', '10', '*'], // 32
    ['crockford', '14', 'U'], // 36
    ['gs1-pair', '1987654Ad4X4bL5ttr2310c', '2K'], // GS1 General Specifications, GMN (AI 8013)
    ['gs1-pair', '12345678901234567890123', 'NT'], // GS1 Barcode Syntax Tests
    ['gs1-pair', '12345_!"%&\'()*+,-./', 'LC'],
    ['gs1-pair', '12345_0123456789:;<=>?', '62'],
  ];

  test.each(examples)('%s(%s) = %s', (name, data, check) => {
    const algorithm = checksums[name];
    expect(algorithm.compute(data)).toBe(check);
    expect(algorithm.validate(data + check)).toBe(true);
  });

  test.each([
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
  ])('IBAN %s passes MOD 97-10 and fails with a digit changed', (iban) => {
    expect(checksums['mod97-10'].validate(ibanDigits(iban))).toBe(true);
    const typo = iban.slice(0, 10) + String((Number(iban[10]) + 1) % 10) + iban.slice(11);
    expect(checksums['mod97-10'].validate(ibanDigits(typo))).toBe(false);
  });

  test('IBAN check digits come out of compute as ISO 13616 writes them', () => {
    // The check digits are the last two of the rearranged digits; compute over the rest with '00'.
    const digits = ibanDigits('GB00WEST12345698765432').slice(0, -2);
    expect(checksums['mod97-10'].compute(digits)).toBe('82');
  });

  test('well-known valid strings', () => {
    expect(checksums.luhn.validate('79927398713')).toBe(true);
    expect(checksums.luhn.validate('79927398710')).toBe(false);
    expect(checksums.gs1.validate('09506000134352')).toBe(true);
    expect(checksums.gs1.validate('4006381333931')).toBe(true);
    expect(checksums.gs1.validate('4006381333932')).toBe(false);
    expect(checksums.damm.validate('5724')).toBe(true);
    expect(checksums.damm.validate('5727')).toBe(false);
    expect(checksums.verhoeff.validate('2363')).toBe(true);
    expect(checksums.verhoeff.validate('2336')).toBe(false);
    expect(checksums.crockford.validate('16JD')).toBe(true);
    expect(checksums['gs1-pair'].validate('1987654Ad4X4bL5ttr2310c2K')).toBe(true);
    expect(checksums['gs1-pair'].validate('1987654Ad4X4bL5ttr2310cXK')).toBe(false);
    expect(checksums['gs1-pair'].validate('1987654Ad4X4bL5ttr2310c2X')).toBe(false);
  });
});

describe('character handling', () => {
  test('alphanumeric algorithms fold lower case', () => {
    expect(checksums['mod37-2'].compute('g123498654321')).toBe('H');
    expect(checksums['mod37-2'].validate('g123498654321h')).toBe(true);
    expect(checksums['mod37-36'].validate('a12425gabc1234002m')).toBe(true);
    expect(checksums['mod11-2'].validate('000000021694233x')).toBe(true);
    expect(checksums.crockford.validate('16jd')).toBe(true);
  });

  test('gs1-pair is case-sensitive, as set 82 is', () => {
    expect(checksums['gs1-pair'].validate('1987654AD4X4BL5TTR2310C2K')).toBe(false);
  });

  test('crockford reads I, L and O as 1, 1 and 0', () => {
    expect(checksums.crockford.compute('1O')).toBe(checksums.crockford.compute('10'));
    expect(checksums.crockford.compute('iL')).toBe(checksums.crockford.compute('11'));
    expect(checksums.crockford.compute('U')).toBe('');
  });

  test('characters outside the input set: compute gives "", validate false', () => {
    const outside: Record<CheckAlgorithm['input'], string> = {
      numeric: '12A4',
      alphanumeric: '12-4',
      crockford: '12U4',
      'gs1-82': '12 4',
    };
    for (const name of NAMES) {
      const algorithm = checksums[name];
      const data = outside[algorithm.input];
      expect(algorithm.compute(data), name).toBe('');
      expect(algorithm.validate(data), name).toBe(false);
      expect(algorithm.validate(`${data}0`), name).toBe(false);
      expect(algorithm.compute('1\u00e9'), name).toBe('');
      expect(algorithm.compute('1\u{1F600}'), name).toBe('');
    }
  });

  test('characters at and past the end of ASCII: compute gives "", validate false', () => {
    // U+007F is ASCII in no input set; U+0080 is the first code past the lookup tables.
    for (const name of NAMES) {
      const algorithm = checksums[name];
      for (const outside of ['\u007f', '\u0080', '\u00e9']) {
        expect(algorithm.compute(`1${outside}`), name).toBe('');
        expect(algorithm.compute(`${outside}1`), name).toBe('');
        expect(algorithm.compute(outside), name).toBe('');
        // In the place of the check character(s), after data whose remainder is 0.
        expect(algorithm.validate(`0${outside.repeat(algorithm.checkLength)}`), name).toBe(false);
        expect(algorithm.validate(`12${outside.repeat(algorithm.checkLength)}`), name).toBe(false);
      }
    }
  });

  test('data of value zero is protected like any other', () => {
    for (const name of NAMES) {
      const algorithm = checksums[name];
      const zero = DATA_CHARS[algorithm.input][0]!;
      for (const data of [zero, zero.repeat(2), zero.repeat(7)]) {
        expect(algorithm.validate(data + algorithm.compute(data)), `${name} ${data}`).toBe(true);
      }
    }
  });

  test('gs1CheckDigitOf reads a key inside a longer string', () => {
    expect(gs1CheckDigitOf('(01)950600013435?', 4, 16)).toBe(2);
    expect(gs1CheckDigitOf('950600013435', 0, 12)).toBe(2);
    expect(gs1CheckDigitOf('95060A013435', 0, 12)).toBe(-1);
    expect(gs1CheckDigitOf('x950600013435', 0, 13)).toBe(-1);
    // An empty range has the check digit of nothing, without reading its neighbours.
    expect(gs1CheckDigitOf('98', 1, 1)).toBe(0);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
        fc.string({ maxLength: 3 }),
        fc.string({ maxLength: 3 }),
        (data, before, after) => {
          const s = before + data + after;
          expect(gs1CheckDigitOf(s, before.length, before.length + data.length)).toBe(
            Number(checksums.gs1.compute(data)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a check character is not a data character', () => {
    expect(checksums['mod11-2'].compute('07X')).toBe('');
    expect(checksums['mod37-2'].compute('A*')).toBe('');
    expect(checksums.crockford.compute('1*')).toBe('');
  });

  test('empty data is not protected: compute gives "", a lone check character is invalid', () => {
    for (const name of NAMES) {
      const algorithm = checksums[name];
      expect(algorithm.compute(''), name).toBe('');
      expect(algorithm.validate(''), name).toBe(false);
      expect(algorithm.validate(algorithm.output.slice(0, algorithm.checkLength)), name).toBe(
        false,
      );
      expect(algorithm.validate(algorithm.output[0]!.repeat(algorithm.checkLength)), name).toBe(
        false,
      );
    }
  });

  test('gs1-pair protects up to 97 data characters', () => {
    const data = '1234567890'.repeat(10);
    expect(checksums['gs1-pair'].compute(data.slice(0, 97))).toBe('HA');
    expect(checksums['gs1-pair'].compute(data.slice(0, 98))).toBe('');
  });
});

describe('properties', () => {
  test.each(NAMES)('%s: validate(data + compute(data)) for any data in the input set', (name) => {
    const algorithm = checksums[name];
    fc.assert(
      fc.property(dataOf(algorithm, name === 'gs1-pair' ? 97 : 60), (data) => {
        const check = algorithm.compute(data);
        expect(check).toHaveLength(algorithm.checkLength);
        for (const ch of check) expect(algorithm.output).toContain(ch);
        expect(algorithm.validate(data + check)).toBe(true);
      }),
    );
  });

  test.each(NAMES)('%s: every single-character substitution is caught', (name) => {
    const algorithm = checksums[name];
    const data = DATA_CHARS[algorithm.input];
    fc.assert(
      fc.property(dataOf(algorithm, 30), fc.nat(), fc.nat(), (body, at, pick) => {
        const full = body + algorithm.compute(body);
        const i = at % full.length;
        const isCheck = i >= body.length;
        const pool = isCheck ? algorithm.output : data;
        const replacement = pool.replace(full[i]!, '')[pick % (pool.length - 1)]!;
        expect(algorithm.validate(full.slice(0, i) + replacement + full.slice(i + 1))).toBe(false);
      }),
    );
  });

  test.each(['damm', 'verhoeff'] as const)('%s: every adjacent transposition is caught', (name) => {
    const algorithm = checksums[name];
    fc.assert(
      fc.property(dataOf(algorithm, 30), fc.nat(), (body, at) => {
        const full = body + algorithm.compute(body);
        const i = at % (full.length - 1);
        fc.pre(full[i] !== full[i + 1]);
        const swapped = full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2);
        expect(algorithm.validate(swapped)).toBe(false);
      }),
    );
  });

  test.each(NAMES)('%s: validate and compute never throw', (name) => {
    const algorithm = checksums[name];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        expect(typeof algorithm.validate(s)).toBe('boolean');
        expect(typeof algorithm.compute(s)).toBe('string');
      }),
    );
  });

  // cdigit is an independent implementation of the same standards: compare on random data.
  const reference: [CheckAlgorithmName, { compute(s: string): string }][] = [
    ['luhn', cdigit.luhn],
    ['gs1', cdigit.gtin],
    ['mod11-2', cdigit.mod11_2],
    ['mod37-2', cdigit.mod37_2],
    ['mod97-10', cdigit.mod97_10],
    ['mod11-10', cdigit.mod11_10],
    ['mod37-36', cdigit.mod37_36],
    ['damm', cdigit.damm],
    ['verhoeff', cdigit.verhoeff],
  ];
  test.each(reference)('%s agrees with cdigit', (name, other) => {
    const algorithm = checksums[name];
    fc.assert(
      fc.property(dataOf(algorithm, 60), (data) => {
        expect(algorithm.compute(data)).toBe(other.compute(data));
      }),
    );
  });
});
