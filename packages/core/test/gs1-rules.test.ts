/**
 * GS1's own rules where core once accepted what GS1 rejects, each family with inputs GS1 accepts
 * and inputs it rejects. Sources: the GS1 General Specifications (GenSpecs), the GS1 Digital Link
 * Standard: URI Syntax (DL URI Syntax), and GS1's reference implementation of both
 * (gs1/gs1-syntax-engine: `lint_cset64.c`, `dl.c`), whose behaviour these cases hold core to.
 * The cases are our own.
 */
import { describe, expect, test } from 'vitest';
import { parseDigitalLink, parseElementString, parseGs1 } from '../src/gs1/index.js';
import { readGs1Unit } from '../src/gs1/read-unit.js';

const GTIN = '09506000134352';
const parse = (input: string) => parseGs1(input, { referenceYear: 2025 });
const reasonOf = (r: ReturnType<typeof parse>) =>
  r.success ? 'ok' : r.issues.map((i) => ('reason' in i ? i.reason : i.code)).join(',');

describe('AI 8030 (digital signature): character set 64 with "=" padding only at the end', () => {
  // GenSpecs §7.11, Figure 7.11-3 (GS1 AI encodable character set 64: file- and URI-safe base64;
  // `=` is padding); AI 8030 is Z..90 (GenSpecs §3.2). GS1's reference linter admits at most two
  // `=`, only at the end, and only where the padded value's length is a multiple of 3.
  const withSignature = (signature: string) => `(01)${GTIN}(21)ABC(8030)${signature}`;

  test.each([
    ['AbC', 'no padding, length 3'],
    ['Ab', 'padding is optional'],
    ['x-_9Z', 'the URI-safe letters - and _'],
    ['Ab=', 'one pad to length 3'],
    ['A==', 'two pads to length 3'],
    ['abcd==', 'two pads to length 6'],
    ['abcde=', 'one pad to length 6'],
  ])('accepts %s (%s)', (signature) => {
    const r = parse(withSignature(signature));
    expect(r.success && r.data.ais['8030']).toBe(signature);
  });

  test.each([
    ['a=b', 1, '"=" in the middle'],
    ['=ab', 0, '"=" first'],
    ['ab=c', 2, '"=" before the last character'],
    ['a+b', 1, '"+" is standard base64, not set 64'],
    ['a/b', 1, '"/" is standard base64, not set 64'],
  ])('rejects %s as a character outside set 64 at %i (%s)', (signature, at) => {
    const input = withSignature(signature);
    const r = parse(input);
    expect(r.success ? r : r.issues).toMatchObject([
      {
        code: 'invalid_gs1',
        reason: 'invalid_character',
        ai: '8030',
        position: input.indexOf('(8030)') + 6 + at,
      },
    ]);
  });

  test.each([
    ['abc=', 'one pad to length 4'],
    ['ab==', 'two pads to length 4'],
    ['abcd=', 'one pad to length 5'],
    ['a===', 'three pads'],
    ['abc===', 'three pads to length 6'],
    ['=', 'nothing but a pad'],
    ['===', 'nothing but pads'],
  ])('rejects %s as misplaced padding (%s)', (signature) => {
    const input = withSignature(signature);
    const r = parse(input);
    const firstPad = input.indexOf('(8030)') + 6 + signature.indexOf('=');
    expect(r.success ? r : r.issues).toMatchObject([
      { code: 'invalid_gs1', reason: 'invalid_padding', ai: '8030', position: firstPad },
    ]);
  });

  test('the same rule holds in a raw element string and a Digital Link query', () => {
    expect(reasonOf(parse(`01${GTIN}8030Ab=`))).toBe('ok');
    expect(reasonOf(parse(`01${GTIN}8030abc=`))).toBe('invalid_padding');
    expect(reasonOf(parse(`https://id.gs1.org/01/${GTIN}?8030=Ab%3D`))).toBe('ok');
    expect(reasonOf(parse(`https://id.gs1.org/01/${GTIN}?8030=a%3Db`))).toBe('invalid_character');
  });
});

describe('Digital Link query values: a plus sign is written %2B', () => {
  // DL URI Syntax: AI values in the query string are percent-encoded; in a query string `+`
  // means a space (as GS1's reference parser decodes it), which no AI's character set holds, so a
  // plus sign in a value must be `%2B`. In a path segment `+` is the plus sign itself.
  test.each([
    [`https://id.gs1.org/01/${GTIN}/21/S1?10=A%2BB`, '10', 'A+B'],
    [`https://id.gs1.org/01/${GTIN}/21/S1?10=A%2bB`, '10', 'A+B'],
    [`https://id.gs1.org/01/${GTIN}/21/A+B`, '21', 'A+B'],
    [`https://id.gs1.org/01/${GTIN}/10/L+1/21/S1`, '10', 'L+1'],
  ])('accepts %s', (input, ai, value) => {
    const r = parse(input);
    expect(r.success && r.data.ais[ai]).toBe(value);
  });

  test('other query parameters may hold a plus: they are not GS1 data', () => {
    const r = parse(`https://id.gs1.org/01/${GTIN}/21/S1?linkType=gs1:pip&q=a+b`);
    expect(r.success && r.data.serial).toBe('S1');
  });

  test.each([
    [`https://id.gs1.org/01/${GTIN}/21/S1?10=A+B`, '10'],
    [`https://id.gs1.org/01/${GTIN}/21/S1?10=+`, '10'],
    [`https://id.gs1.org/01/${GTIN}?17=25+231`, '17'],
    [`https://id.gs1.org/01/${GTIN}/21/S1?8030=Ab+`, '8030'],
  ])('rejects %s at the plus', (input, ai) => {
    const r = parse(input);
    expect(r.success ? r : r.issues).toMatchObject([
      { code: 'invalid_gs1', reason: 'invalid_character', ai, position: input.lastIndexOf('+') },
    ]);
  });

  test('the compact reader and parseDigitalLink reject it too', () => {
    const input = `https://id.gs1.org/01/${GTIN}/21/S1?10=A+B`;
    expect(parseDigitalLink(input).success).toBe(false);
    expect(readGs1Unit(input)).toMatchObject({
      success: false,
      issues: [{ reason: 'invalid_character', ai: '10' }],
    });
    expect(readGs1Unit(`https://id.gs1.org/01/${GTIN}/21/S1?10=A%2BB`)).toMatchObject({
      success: true,
      data: { serial: 'S1' },
    });
  });
});

describe('the same AI twice: never in a Digital Link URI, with equal values in an element string', () => {
  // DL URI Syntax: a URI carries each AI once, whether in the path or the query string; GS1's
  // reference parser reports a duplicate AI even when the values are equal. Element strings may
  // repeat an AI when every occurrence has the same value (GenSpecs section 4, the rules for
  // element strings in one data carrier: a repeated AI with another value is a conflict).
  test.each([
    [`https://id.gs1.org/01/${GTIN}/21/A?21=A`, '21', 'path, then query with the same value'],
    [`https://id.gs1.org/01/${GTIN}/21/A?21=B`, '21', 'path, then query with another value'],
    [`https://id.gs1.org/01/${GTIN}?10=L&10=L`, '10', 'twice in the query, same value'],
    [`https://id.gs1.org/01/${GTIN}/10/L?10=L`, '10', 'a key qualifier repeated in the query'],
    [`https://id.gs1.org/01/${GTIN}?01=${GTIN}`, '01', 'the primary key repeated in the query'],
    [`https://id.gs1.org/01/${GTIN}?17=251231&17=251231`, '17', 'a date twice, same value'],
  ])('rejects %s (%s)', (input, ai) => {
    const r = parse(input);
    const second = input.lastIndexOf(`${ai}=`);
    expect(r.success ? r : r.issues).toMatchObject([
      { code: 'invalid_gs1', reason: 'repeated_ai', ai, position: second },
    ]);
    expect(readGs1Unit(input, { referenceYear: 2025 })).toMatchObject({
      success: false,
      issues: [{ reason: 'repeated_ai', ai, position: second }],
    });
  });

  test('a qualifier twice in the path is out of sequence', () => {
    const r = parse(`https://id.gs1.org/01/${GTIN}/21/A/21/A`);
    expect(reasonOf(r)).toBe('invalid_key_qualifier');
  });

  test.each([
    [`https://id.gs1.org/01/${GTIN}/10/L/21/A?17=251231`],
    [`https://id.gs1.org/01/${GTIN}/21/A?17=251231&3103=000189&linkType=all&linkType=pip`],
  ])('accepts distinct AIs, and repeated parameters that are not AIs: %s', (input) => {
    expect(reasonOf(parse(input))).toBe('ok');
  });

  test.each([
    [`(01)${GTIN}(21)A(21)A`, 'bracketed'],
    [`01${GTIN}21A\u001d21A`, 'raw'],
    [`]d201${GTIN}01${GTIN}21A`, 'raw, a fixed-length AI twice'],
  ])('an element string may repeat an AI with the same value: %s (%s)', (input) => {
    const r = parse(input);
    expect(r.success && r.data.serial).toBe('A');
    expect(parseElementString(input).success).toBe(true);
  });

  test('an element string may not repeat an AI with another value', () => {
    expect(reasonOf(parse(`(01)${GTIN}(21)A(21)B`))).toBe('duplicate_ai');
  });
});
