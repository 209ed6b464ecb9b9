import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applicationIdentifiers,
  GROUP_SEPARATOR,
  getAiDefinition,
  isGs1Input,
  PREDEFINED_LENGTHS,
  parseGs1,
} from '../src/gs1/index.js';
import { readGs1Unit } from '../src/gs1/read-unit.js';

const GS = GROUP_SEPARATOR;
const GTIN = '09506000134352';
const CHECKED = ['01', '10', '17', '21', '22'];

const read = (input: string) => readGs1Unit(input, { referenceYear: 2025 });
const parse = (input: string) => parseGs1(input, { referenceYear: 2025 });

/** Issues without their messages, which name every AI only in the full parser. */
const bare = (issues: readonly object[]) =>
  issues.map(({ message: _, ...issue }: { message?: string }) => issue);

/**
 * The compact reader against the full parser: the same verdict on what is GS1; for codes whose
 * AIs it checks, the same answer; for others, never an issue the full parser does not give, and
 * never a serial it would not read.
 */
function compare(input: string): void {
  const compact = read(input);
  expect(compact !== undefined, 'is GS1').toBe(isGs1Input(input));
  if (compact === undefined) return;
  const full = parse(input);
  const aisUsed = full.success
    ? Object.keys(full.data.ais)
    : full.issues.flatMap((issue) => ('ai' in issue && issue.ai ? [issue.ai] : []));
  const onlyChecked =
    aisUsed.every((ai) => CHECKED.includes(ai)) &&
    !(full.success && full.data.form === 'digital-link' && full.data.gtin === undefined) &&
    !/\/(?!01\/)(00|253|255|401|402|414|415|417|8003|8004|8006|8010|8013|8017|8018)\//.test(input);
  if (onlyChecked) {
    if (full.success) {
      const { gtin, serial } = full.data;
      expect(compact).toEqual({
        success: true,
        data: { ...(gtin !== undefined && { gtin }), ...(serial !== undefined && { serial }) },
      });
    } else {
      expect(compact).toEqual(full);
    }
    return;
  }
  if (!compact.success) {
    expect(full.success).toBe(false);
    if (!full.success)
      expect(bare(full.issues)).toEqual(expect.arrayContaining(bare(compact.issues)));
  } else if (compact.data.serial !== undefined && full.success) {
    expect(compact.data.serial).toBe(full.data.serial);
  }
}

describe('readGs1Unit', () => {
  test('knows every AI of the table, and no other', () => {
    for (let n = 0; n < 11100; n++) {
      const ai =
        n < 100
          ? String(n).padStart(2, '0')
          : n < 1100
            ? String(n - 100).padStart(3, '0')
            : String(n - 1100).padStart(4, '0');
      // An unknown AI in a bracket is not GS1; a known one is.
      expect(read(`(${ai})1234`) !== undefined, ai).toBe(applicationIdentifiers.has(ai));
    }
  });

  test('describes the AIs it checks as the table does', () => {
    for (const ai of CHECKED) {
      const def = getAiDefinition(ai)!;
      const wrong = `(01)${GTIN}(${ai})${'\u00e9'.repeat(Math.min(def.maxLength, 3))}`;
      const r = read(wrong);
      expect(r).toEqual(parse(wrong));
      expect(
        PREDEFINED_LENGTHS[ai] === undefined ||
          PREDEFINED_LENGTHS[ai] === ai.length + def.maxLength,
      ).toBe(true);
    }
  });

  test.each([
    [`https://id.gs1.org/01/${GTIN}/10/L7/21/ABC123?17=251200`, { gtin: GTIN, serial: 'ABC123' }],
    [`https://brand.example/p/01/9506000134352/21/A%2FB?x=1#top`, { gtin: GTIN, serial: 'A/B' }],
    [`]Q1https://id.gs1.org/01/${GTIN}/22/V1/21/S1`, { gtin: GTIN, serial: 'S1' }],
    [`(01)${GTIN}(17)251200(10)L7(21)ABC123`, { gtin: GTIN, serial: 'ABC123' }],
    [`]d201${GTIN}17251200${GS}10L7${GS}21ABC123`, { gtin: GTIN, serial: 'ABC123' }],
    [`  01${GTIN}1725120010L7${GS}21ABC123\r\n`, { gtin: GTIN, serial: 'ABC123' }],
    [`01${GTIN}3103000189${GS}21S${GS}11240101`, { gtin: GTIN, serial: 'S' }],
    [`(01)${GTIN}`, { gtin: GTIN }],
    [`https://x.example/414/9520123456788/254/A`, {}],
  ])('%s', (input, data) => {
    expect(read(input)).toEqual({ success: true, data });
    compare(input);
  });

  test.each([
    'SN-2024-0001238',
    'ABC123',
    `01${GTIN.slice(0, 13)}3`,
    'https://brand.example/products/123',
    '(23)12',
    '',
  ])('%s is not GS1', (input) => expect(read(input)).toBeUndefined());

  test('gives the issues of the full parser for the AIs it checks', () => {
    for (const input of [
      `https://id.gs1.org/01/09506000134353/21/ABC`,
      `(01)${GTIN}(21)ABCDEFGHIJKLMNOPQRSTU`,
      `https://id.gs1.org/01/${GTIN}/21/AB%20C`,
      `https://id.gs1.org/01/${GTIN}/21/AB%2`,
      `01${GTIN}21ABC#1`,
      `(01)${GTIN}(23)1`,
      `https://id.gs1.org/01/${GTIN}/21/A?21=B`,
      `https://id.gs1.org/01/${GTIN}/21/A/10/B`,
      `https://id.gs1.org/01/${GTIN}?17=250230`,
      `(01)${GTIN}(17)251301`,
      `]Q1(01)${GTIN}`,
      `]C101${GTIN}17`,
      `]C1${GS}${GS}`,
      `https:///01/${GTIN}`,
      `https://x.example/21/A/01/${GTIN}/foo`,
      `(01)${GTIN}(10)`,
      `${GS}(01)${GTIN}`,
    ]) {
      compare(input);
      expect(read(input)?.success, input).toBe(false);
    }
  });

  test('agrees with the full parser, whatever the input', () => {
    const pieces = fc.constantFrom(
      '(',
      ')',
      '\\(',
      GS,
      ']C1',
      ']Q1',
      ']d2',
      ']e0',
      '01',
      GTIN,
      '9506000134352',
      '09506000134353',
      '17',
      '251231',
      '250229',
      '21',
      '10',
      '22',
      '235',
      '3103',
      '000189',
      '11',
      '8013',
      '%',
      '%2F',
      '%G',
      '/',
      '?',
      '&',
      '=',
      '#',
      'https://',
      'x.org',
      '/01/',
      '/21/',
      '/10/',
      '/22/',
      '/414/',
      '?17=',
      ' ',
      'A',
      'é',
      '\u{1F600}',
      '99',
      '00',
      '253',
    );
    const gs1ish = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(fc.property(gs1ish, compare), { numRuns: 20000 });
  });
});
