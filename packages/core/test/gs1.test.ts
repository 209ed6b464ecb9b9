import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checksums } from '../src/checksums/index.js';
import {
  applicationIdentifiers,
  buildDigitalLink,
  computeGtinCheckDigit,
  GROUP_SEPARATOR,
  GS1_SET_82,
  getAiDefinition,
  gs1DateToIso,
  isGs1Input,
  isValidGtin,
  normalizeGtin,
  PREDEFINED_LENGTHS,
  parseDigitalLink,
  parseElementString,
  parseGs1,
} from '../src/gs1/index.js';

const GS = GROUP_SEPARATOR;
const GTIN = '09506000134352'; // GS1's own example GTIN

/** parseGs1 with a fixed reference year, so that two-digit years resolve the same every year. */
const parse = (input: string) => parseGs1(input, { referenceYear: 2025 });

describe('GTIN', () => {
  test.each([
    ['0950600013435', '2'],
    ['400638133393', '1'],
    ['03600029145', '2'],
    ['9638507', '4'],
  ])('computeGtinCheckDigit(%s) = %s', (data, check) => {
    expect(computeGtinCheckDigit(data)).toBe(check);
    expect(isValidGtin(data + check)).toBe(true);
  });

  test('only GTIN lengths and digits', () => {
    expect(computeGtinCheckDigit('12345')).toBe('');
    expect(computeGtinCheckDigit('40063813339A')).toBe('');
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
    expect(isValidGtin('123456789012345')).toBe(false);
    expect(isValidGtin('A234567/')).toBe(false); // '/' is '0' - 1: must not pass for a -1 sum
    expect(isValidGtin('')).toBe(false);
  });

  test('normalizeGtin pads to 14 digits', () => {
    expect(normalizeGtin('96385074')).toBe('00000096385074');
    expect(normalizeGtin('036000291452')).toBe('00036000291452');
    expect(normalizeGtin('4006381333931')).toBe('04006381333931');
    expect(normalizeGtin(GTIN)).toBe(GTIN);
    expect(normalizeGtin('4006381333932')).toBeUndefined();
  });

  test('agrees with the gs1 check digit algorithm', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), (length, seed) => {
        const data = String(seed).padStart(length, '7').slice(-length);
        expect(computeGtinCheckDigit(data)).toBe(checksums.gs1.compute(data));
      }),
    );
  });
});

describe('Application Identifier table', () => {
  test('has the AIs serialkit relies on', () => {
    const needed = ['00', '01', '02', '10', '11', '13', '15', '16', '17', '21', '22', '30', '37'];
    needed.push('235', '240', '241', '250', '251', '253', '254', '255', '400', '401', '402');
    needed.push('410', '411', '412', '413', '414', '415', '416', '417', '420', '421', '422');
    needed.push('7003', '8003', '8004', '8006', '8010', '8013', '8017', '8018', '3103', '3922');
    for (const ai of needed) expect(getAiDefinition(ai), ai).toBeDefined();
    expect(getAiDefinition('23')).toBeUndefined();
    expect(getAiDefinition('3106')).toBeUndefined();
  });

  test('describes formats', () => {
    const summary = ['01', '10', '17', '21', '253', '3103', '421', '8003', '8010', '8013'].map(
      (ai) => {
        const d = getAiDefinition(ai)!;
        return `${ai} ${d.title}: ${d.format} ${d.charset} ${d.fixedLength ? 'fixed' : 'variable'}${d.predefinedLength ? ' predefined' : ''}`;
      },
    );
    expect(summary).toMatchInlineSnapshot(`
      [
        "01 GTIN: N14 numeric fixed predefined",
        "10 BATCH/LOT: X..20 set82 variable",
        "17 USE BY OR EXPIRY: N6 numeric fixed predefined",
        "21 SERIAL: X..20 set82 variable",
        "253 GDTI: N13+[X..17] set82 variable",
        "3103 NET WEIGHT (kg): N6 numeric fixed predefined",
        "421 SHIP TO POST: N3+X..9 set82 variable",
        "8003 GRAI: N1+N13+[X..16] set82 variable",
        "8010 CPID: Y..30 set39 variable",
        "8013 GMN: X..25 set82 variable",
      ]
    `);
  });

  test('predefined lengths match the GS1 table by first two digits', () => {
    for (const def of applicationIdentifiers.values()) {
      const total = PREDEFINED_LENGTHS[def.ai.slice(0, 2)];
      expect(def.predefinedLength, def.ai).toBe(total !== undefined);
      if (total !== undefined) {
        expect(def.fixedLength, def.ai).toBe(true);
        expect(def.ai.length + def.maxLength, def.ai).toBe(total);
      }
    }
  });

  test('AIs are prefix-free, so raw strings need no lookahead', () => {
    const prefixed = [...applicationIdentifiers.keys()].filter((ai) =>
      [2, 3].some((n) => n < ai.length && applicationIdentifiers.has(ai.slice(0, n))),
    );
    expect(prefixed).toEqual([]);
  });

  test('Digital Link primary keys and key qualifiers', () => {
    expect(getAiDefinition('01')!.keyQualifiers).toEqual([['22', '10', '21'], ['235']]);
    expect(getAiDefinition('00')!.keyQualifiers).toEqual([]);
    expect(getAiDefinition('21')!.keyQualifiers).toBeUndefined();
  });
});

describe('gs1DateToIso', () => {
  test.each([
    ['251231', 2025, '2025-12-31'],
    ['250200', 2025, '2025-02-28'],
    ['240200', 2025, '2024-02-29'],
    ['250400', 2025, '2025-04-30'],
    ['750101', 2025, '2075-01-01'], // 50 years ahead: still this century
    ['760101', 2025, '1976-01-01'], // 51 ahead: the previous century
    ['991231', 2025, '1999-12-31'],
    ['010101', 2080, '2101-01-01'], // 50 behind: the next century
    ['000229', 2025, '2000-02-29'],
  ] as const)('%s (reference %i) is %s', (yymmdd, year, iso) => {
    expect(gs1DateToIso(yymmdd, year)).toBe(iso);
  });

  test.each(['250229', '251301', '250001', '250431', '2512', 'ab1231', '2512310'])(
    '%s is not a date',
    (yymmdd) => expect(gs1DateToIso(yymmdd, 2025)).toBeUndefined(),
  );

  test('29 February 2100 is not a date, and day 00 finds the 28th', () => {
    expect(gs1DateToIso('000229', 2080)).toBeUndefined();
    expect(gs1DateToIso('000200', 2080)).toBe('2100-02-28');
  });
});

describe('parseElementString', () => {
  test('bracketed', () => {
    expect(parseElementString(`(01)${GTIN}(17)251231(10)ABC123(21)XYZ`)).toEqual({
      success: true,
      data: {
        form: 'bracketed',
        elements: [
          { ai: '01', value: GTIN },
          { ai: '17', value: '251231' },
          { ai: '10', value: 'ABC123' },
          { ai: '21', value: 'XYZ' },
        ],
      },
    });
  });

  test('bracketed values may hold brackets: \\( is a literal "("', () => {
    const parsed = parseElementString(`(01)${GTIN}(21)A\\(1)B(10)L)`);
    expect(parsed.success && parsed.data.elements).toEqual([
      { ai: '01', value: GTIN },
      { ai: '21', value: 'A(1)B' },
      { ai: '10', value: 'L)' },
    ]);
  });

  test('raw with GS after variable-length values, none after predefined ones', () => {
    const parsed = parseElementString(`01${GTIN}10ABC${GS}17251231${GS}21XYZ`);
    expect(parsed.success && parsed.data.elements).toEqual([
      { ai: '01', value: GTIN },
      { ai: '10', value: 'ABC' },
      { ai: '17', value: '251231' },
      { ai: '21', value: 'XYZ' },
    ]);
  });

  test.each([']C1', ']e0', ']d2', ']Q3', ']J1'])('raw after the symbology identifier %s', (id) => {
    const parsed = parseElementString(`${id}01${GTIN}21XYZ`);
    expect(parsed).toEqual({
      success: true,
      data: {
        form: 'raw',
        symbologyId: id,
        elements: [
          { ai: '01', value: GTIN },
          { ai: '21', value: 'XYZ' },
        ],
      },
    });
  });

  test('a leading FNC1, repeated and trailing separators are tolerated', () => {
    const parsed = parseElementString(`${GS}01${GTIN}${GS}21XYZ${GS}${GS}10L${GS}`);
    expect(parsed.success && parsed.data.elements.map((e) => e.ai)).toEqual(['01', '21', '10']);
  });

  test('a four-digit AI with its decimal indicator', () => {
    const parsed = parseElementString(`01${GTIN}3103000189`);
    expect(parsed.success && parsed.data.elements[1]).toEqual({ ai: '3103', value: '000189' });
  });

  test('without GS a variable-length value runs to the end', () => {
    const parsed = parseElementString(`01${GTIN}21ABC17251231`);
    expect(parsed.success && parsed.data.elements[1]).toEqual({ ai: '21', value: 'ABC17251231' });
  });

  test('issues', () => {
    expect(parseElementString(`01${GTIN.slice(0, 10)}`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "01",
            "code": "invalid_gs1",
            "input": "010950600013",
            "message": "AI (01) GTIN is too short: exactly 14 characters.",
            "position": 12,
            "reason": "too_short",
          },
        ],
        "success": false,
      }
    `);
    expect(parseElementString(`01${GTIN}2399`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "2399",
            "code": "invalid_gs1",
            "input": "01095060001343522399",
            "message": "Unknown GS1 Application Identifier (2399).",
            "position": 16,
            "reason": "unknown_ai",
          },
        ],
        "success": false,
      }
    `);
    expect(parseElementString('(01)123(17)251332(99)')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "01",
            "code": "invalid_gs1",
            "input": "(01)123(17)251332(99)",
            "message": "AI (01) GTIN is too short: exactly 14 characters.",
            "position": 7,
            "reason": "too_short",
          },
          {
            "ai": "17",
            "code": "invalid_gs1",
            "input": "(01)123(17)251332(99)",
            "message": "AI (17) USE BY OR EXPIRY is not a valid date.",
            "position": 11,
            "reason": "invalid_date",
          },
          {
            "ai": "99",
            "code": "invalid_gs1",
            "input": "(01)123(17)251332(99)",
            "message": "AI (99) INTERNAL has no value.",
            "position": 21,
            "reason": "missing_value",
          },
        ],
        "success": false,
      }
    `);
    expect(parseElementString('(01x)1')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_gs1",
            "input": "(01x)1",
            "message": "Malformed GS1 input.",
            "position": 0,
            "reason": "syntax",
          },
        ],
        "success": false,
      }
    `);
  });

  test('check digits of other keys, check pairs and times', () => {
    const reasons = (s: string) => {
      const r = parseElementString(s);
      return r.success ? [] : r.issues.map((i) => (i.code === 'invalid_gs1' ? i.reason : i.code));
    };
    expect(reasons('(00)376104250021234569')).toEqual([]);
    expect(reasons('(00)376104250021234568')).toEqual(['invalid_check_digit']);
    expect(reasons('(02)09506000134351')).toEqual(['invalid_gtin']);
    expect(reasons('(8013)1987654Ad4X4bL5ttr2310c2K')).toEqual([]);
    expect(reasons('(8013)1987654Ad4X4bL5ttr2310cXK')).toEqual(['invalid_check_pair']);
    expect(reasons('(7003)2512312359')).toEqual([]);
    expect(reasons('(7003)2512312460')).toEqual(['invalid_time']);
    expect(reasons('(253)9506000134352ABC')).toEqual([]);
    expect(reasons('(8010)AB-12/#')).toEqual([]);
    expect(reasons('(8010)ab')).toEqual(['invalid_character']);
  });
});

describe('parseDigitalLink', () => {
  test('canonical URI with key qualifiers and query AIs', () => {
    expect(
      parseDigitalLink(
        `https://id.gs1.org/01/${GTIN}/22/2A/10/ABC123/21/12345?17=251231&3103=000189`,
      ),
    ).toEqual({
      success: true,
      data: {
        base: 'https://id.gs1.org',
        elements: [
          { ai: '01', value: GTIN },
          { ai: '22', value: '2A' },
          { ai: '10', value: 'ABC123' },
          { ai: '21', value: '12345' },
          { ai: '17', value: '251231' },
          { ai: '3103', value: '000189' },
        ],
      },
    });
  });

  test('any host, any path prefix, even one that looks like AIs', () => {
    const parsed = parseDigitalLink(`http://example.com/01/shop/21/x/01/${GTIN}/21/ABC`);
    expect(parsed.success && parsed.data.base).toBe('http://example.com/01/shop/21/x');
    expect(parsed.success && parsed.data.elements).toEqual([
      { ai: '01', value: GTIN },
      { ai: '21', value: 'ABC' },
    ]);
  });

  test.each([
    ['9506000134352', GTIN],
    ['036000291452', '00036000291452'],
    ['96385074', '00000096385074'],
  ])('GTIN %s in the path becomes %s', (gtin, gtin14) => {
    const parsed = parseDigitalLink(`https://example.com/01/${gtin}`);
    expect(parsed.success && parsed.data.elements).toEqual([{ ai: '01', value: gtin14 }]);
  });

  test('percent-decoding, other parameters, fragment, trailing slash, scheme case', () => {
    const parsed = parseDigitalLink(
      `HTTPS://Example.com/01/${GTIN}/21/A%2fB%25%22/?linkType=gs1:pip&10=L%26T&utm_source=x#frag`,
    );
    expect(parsed.success && parsed.data.elements).toEqual([
      { ai: '01', value: GTIN },
      { ai: '21', value: 'A/B%"' },
      { ai: '10', value: 'L&T' },
    ]);
  });

  test('issues', () => {
    expect(parseDigitalLink(`https://example.com/01/${GTIN}/21/ABC/10/L1`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "10",
            "code": "invalid_gs1",
            "input": "https://example.com/01/09506000134352/21/ABC/10/L1",
            "message": "AI (10) BATCH/LOT is not a key qualifier of this primary key, or is out of order.",
            "position": 45,
            "reason": "invalid_key_qualifier",
          },
        ],
        "success": false,
      }
    `);
    expect(parseDigitalLink('https://example.com/products/123')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_gs1",
            "input": "https://example.com/products/123",
            "message": "The URI path has no GS1 primary key such as /01/{GTIN}.",
            "position": 20,
            "reason": "no_primary_key",
          },
        ],
        "success": false,
      }
    `);
    expect(parseDigitalLink(`https://example.com/01/${GTIN}/21/A%2?9999=1`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "21",
            "code": "invalid_gs1",
            "input": "https://example.com/01/09506000134352/21/A%2?9999=1",
            "message": "Malformed percent-encoding in the URI.",
            "position": 41,
            "reason": "invalid_percent_encoding",
          },
          {
            "ai": "9999",
            "code": "invalid_gs1",
            "input": "https://example.com/01/09506000134352/21/A%2?9999=1",
            "message": "Unknown GS1 Application Identifier (9999).",
            "position": 45,
            "reason": "unknown_ai",
          },
        ],
        "success": false,
      }
    `);
  });

  test('qualifiers belong to their key', () => {
    const ok = (uri: string) => parseDigitalLink(uri).success;
    expect(ok(`https://x.org/01/${GTIN}/235/TPX1`)).toBe(true);
    expect(ok(`https://x.org/01/${GTIN}/235/TPX1/21/S`)).toBe(false);
    expect(ok('https://x.org/00/376104250021234569')).toBe(true);
    expect(ok('https://x.org/00/376104250021234569/21/S')).toBe(false);
    expect(ok('https://x.org/414/9506000134352/254/EXT')).toBe(true);
    expect(ok(`https://x.org/01/${GTIN}/21/S/21/T`)).toBe(false);
  });

  test('not a URI', () => {
    for (const s of ['ftp://x.org/01/' + GTIN, 'https:///01/' + GTIN, 'https//x.org', '']) {
      const r = parseDigitalLink(s);
      expect(r.success, s).toBe(false);
      expect(!r.success && r.issues[0]?.code === 'invalid_gs1' && r.issues[0].reason, s).toBe(
        'syntax',
      );
    }
  });
});

describe('parseGs1', () => {
  const expected = {
    gtin: GTIN,
    serial: 'ABC123',
    lot: 'L7',
    expiry: '2025-12-31',
    ais: { '01': GTIN, '10': 'L7', '17': '251200', '21': 'ABC123' },
  };

  test.each([
    ['digital-link', `https://id.gs1.org/01/${GTIN}/10/L7/21/ABC123?17=251200`],
    ['digital-link', `https://brand.example/p/01/9506000134352/10/L7/21/ABC123?17=251200&x=1`],
    ['digital-link', `]Q1https://id.gs1.org/01/${GTIN}/10/L7/21/ABC123?17=251200`],
    ['bracketed', `(01)${GTIN}(17)251200(10)L7(21)ABC123`],
    ['raw', `]d201${GTIN}17251200${GS}10L7${GS}21ABC123`],
    ['raw', `01${GTIN}1725120010L7${GS}21ABC123`],
    ['raw', `  01${GTIN}1725120010L7${GS}21ABC123\r\n`],
  ])('%s: %s', (form, input) => {
    expect(parse(input)).toEqual({ success: true, data: { form, ...expected } });
  });

  test('fields are left out when their AI is absent', () => {
    expect(parse(`(01)${GTIN}`)).toEqual({
      success: true,
      data: { form: 'bracketed', gtin: GTIN, ais: { '01': GTIN } },
    });
  });

  test('invalid_gtin', () => {
    expect(parse(`https://id.gs1.org/01/09506000134353/21/ABC`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_gtin",
            "input": "https://id.gs1.org/01/09506000134353/21/ABC",
            "message": "Not a valid GTIN: the check digit or the length is wrong.",
            "position": 22,
          },
        ],
        "success": false,
      }
    `);
  });

  test('AI 21: over 20 characters, or outside set 82', () => {
    expect(parse(`(01)${GTIN}(21)ABCDEFGHIJKLMNOPQRSTU`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "21",
            "code": "invalid_gs1",
            "input": "(01)09506000134352(21)ABCDEFGHIJKLMNOPQRSTU",
            "message": "AI (21) SERIAL is too long: at most 20 characters.",
            "position": 42,
            "reason": "too_long",
          },
        ],
        "success": false,
      }
    `);
    expect(parse(`https://id.gs1.org/01/${GTIN}/21/AB%20C`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "21",
            "code": "invalid_gs1",
            "input": "https://id.gs1.org/01/09506000134352/21/AB%20C",
            "message": "AI (21) SERIAL has a character outside GS1 character set 82.",
            "position": 40,
            "reason": "invalid_character",
          },
        ],
        "success": false,
      }
    `);
    const r = parse(`01${GTIN}21ABC#1`);
    expect(!r.success && r.issues[0]).toMatchObject({
      code: 'invalid_gs1',
      ai: '21',
      position: 21,
    });
  });

  test('empty, unrecognized, unknown AI, duplicate AI', () => {
    expect(parse('  ')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_gs1",
            "input": "  ",
            "message": "Nothing to read: the input is empty.",
            "position": 2,
            "reason": "empty",
          },
        ],
        "success": false,
      }
    `);
    expect(parse('SN-2024-000123')).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "invalid_gs1",
            "input": "SN-2024-000123",
            "message": "Not a GS1 Digital Link URI or GS1 element string.",
            "position": 0,
            "reason": "unrecognized",
          },
        ],
        "success": false,
      }
    `);
    expect(parse(`(01)${GTIN}(23)1`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "23",
            "code": "invalid_gs1",
            "input": "(01)09506000134352(23)1",
            "message": "Unknown GS1 Application Identifier (23).",
            "position": 19,
            "reason": "unknown_ai",
          },
        ],
        "success": false,
      }
    `);
    expect(parse(`(01)${GTIN}(21)A(21)B`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "21",
            "code": "invalid_gs1",
            "input": "(01)09506000134352(21)A(21)B",
            "message": "AI (21) SERIAL appears twice with different values.",
            "reason": "duplicate_ai",
          },
        ],
        "success": false,
      }
    `);
    // A Digital Link URI carries each AI once, even with the same value: see gs1-rules.test.ts.
    expect(parse(`https://id.gs1.org/01/${GTIN}/21/A?21=A`)).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "ai": "21",
            "code": "invalid_gs1",
            "input": "https://id.gs1.org/01/09506000134352/21/A?21=A",
            "message": "AI (21) SERIAL appears twice.",
            "position": 42,
            "reason": "repeated_ai",
          },
        ],
        "success": false,
      }
    `);
  });

  test('a plain QR Code that holds no URL is not GS1', () => {
    const r = parse(`]Q101${GTIN}`);
    expect(!r.success && r.issues[0]).toMatchObject({ reason: 'unrecognized' });
  });

  test('ais has no prototype to collide with', () => {
    const r = parse(`(01)${GTIN}`);
    expect(r.success && Object.getPrototypeOf(r.data.ais)).toBe(null);
  });

  test('never throws, whatever the input', () => {
    const pieces = fc.constantFrom(
      '(',
      ')',
      '\\(',
      GS,
      ']C1',
      ']Q1',
      ']d2',
      '01',
      GTIN,
      '17',
      '251231',
      '21',
      '10',
      '3103',
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
      ' ',
      'é',
      '\u{1F600}',
      '\u0000',
      '99',
      '00',
      '253',
      '414',
      '7003',
      '8003',
    );
    const gs1ish = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(gs1ish, fc.string({ unit: 'binary', maxLength: 80 })), (input) => {
        const r = parseGs1(input);
        expect(typeof r.success).toBe('boolean');
        if (!r.success) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) {
            expect(issue.input).toBe(input);
            expect(issue.message.length).toBeGreaterThan(0);
            if (issue.position !== undefined) {
              expect(issue.position).toBeGreaterThanOrEqual(0);
              expect(issue.position).toBeLessThanOrEqual(input.length);
            }
          }
        } else if (r.data.gtin !== undefined) {
          expect(isValidGtin(r.data.gtin)).toBe(true);
          expect(r.data.gtin).toHaveLength(14);
        }
        expect(typeof isGs1Input(input)).toBe('boolean');
        parseElementString(input);
        parseDigitalLink(input);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('buildDigitalLink', () => {
  test('canonical URI for a unit', () => {
    expect(buildDigitalLink({ gtin: '9506000134352', serial: 'ABC123' })).toBe(
      `https://id.gs1.org/01/${GTIN}/21/ABC123`,
    );
    expect(
      buildDigitalLink({
        gtin: GTIN,
        serial: '12345',
        lot: 'L1',
        base: 'https://brand.example/p/',
        ais: { '17': '251231', '3103': '000189', '22': 'V2' },
      }),
    ).toBe(`https://brand.example/p/01/${GTIN}/22/V2/10/L1/21/12345?17=251231&3103=000189`);
  });

  test('percent-encodes every set 82 character outside the unreserved set', () => {
    expect(buildDigitalLink({ gtin: GTIN, serial: `!"%&'()*+,-./:;<=>?_` })).toBe(
      `https://id.gs1.org/01/${GTIN}/21/%21%22%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F_`,
    );
  });

  test('throws on data that cannot be on a label', () => {
    expect(() => buildDigitalLink({ gtin: '09506000134353', serial: 'A' })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin: GTIN, serial: 'A B' })).toThrow(/AI \(21\)/);
    expect(() => buildDigitalLink({ gtin: GTIN, serial: 'x'.repeat(21) })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin: GTIN, ais: { '17': '251332' } })).toThrow(RangeError);
    expect(() => buildDigitalLink({ gtin: GTIN, ais: { '23': '1' } })).toThrow(/unknown AI/);
    expect(() => buildDigitalLink({ gtin: GTIN, ais: { '00': '376104250021234569' } })).toThrow();
    expect(() => buildDigitalLink({ gtin: GTIN, serial: 'A', ais: { '21': 'B' } })).toThrow();
    expect(() => buildDigitalLink({ gtin: GTIN, base: 'id.gs1.org' })).toThrow(/base/);
  });

  test('round-trips through parseDigitalLink and parseGs1', () => {
    const set82 = (max: number) =>
      fc.string({ unit: fc.constantFrom(...GS1_SET_82), minLength: 1, maxLength: max });
    const gtin = fc
      .tuple(
        fc.constantFrom(7, 11, 12, 13),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
      )
      .map(([length, digits]) => {
        const data = digits.join('').slice(0, length);
        return data + computeGtinCheckDigit(data);
      });
    const expiry = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2049-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(2, 10).replaceAll('-', ''));
    fc.assert(
      fc.property(
        gtin,
        set82(20),
        fc.option(set82(20), { nil: undefined }),
        fc.option(expiry, { nil: undefined }),
        fc.option(set82(20), { nil: undefined }),
        (g, serial, lot, exp, cpv) => {
          const ais: Record<string, string> = {};
          if (exp) ais['17'] = exp;
          if (cpv) ais['22'] = cpv;
          const uri = buildDigitalLink({ gtin: g, serial, ...(lot ? { lot } : {}), ais });
          const parsed = parseDigitalLink(uri);
          expect(parsed.success).toBe(true);
          const expected = [{ ai: '01', value: normalizeGtin(g) }];
          if (cpv) expected.push({ ai: '22', value: cpv });
          if (lot) expected.push({ ai: '10', value: lot });
          expected.push({ ai: '21', value: serial });
          if (exp) expected.push({ ai: '17', value: exp });
          expect(parsed.success && parsed.data.elements).toEqual(expected);
          const data = parseGs1(uri, { referenceYear: 2025 });
          expect(data.success && data.data.serial).toBe(serial);
          expect(data.success && data.data.expiry).toBe(exp ? gs1DateToIso(exp, 2025) : undefined);
        },
      ),
    );
  });
});

describe('isGs1Input', () => {
  test.each([
    `https://id.gs1.org/01/${GTIN}/21/ABC`,
    `https://brand.example/p/01/${GTIN}`,
    `]Q1https://x.org/01/${GTIN}`,
    `https://x.org/a//01/${GTIN}?q=1`,
    `(01)${GTIN}(21)ABC`,
    `(21)ABC`,
    `]C101${GTIN}`,
    `]d2anything`,
    `ABC${GS}DEF`,
    `01${GTIN}`,
    `01${GTIN}21ABC`,
    `  01${GTIN}17251231  `,
  ])('%s looks like GS1', (input) => expect(isGs1Input(input)).toBe(true));

  test.each([
    'SN-2024-000123',
    'ABC123',
    `01${GTIN.slice(0, 13)}3`, // check digit wrong
    `01${GTIN}X`, // nothing that reads as an AI follows
    '0123456789012345678',
    'https://brand.example/products/123',
    'https://brand.example/01/',
    `https://brand.example/search?q=/01/${GTIN}`,
    '(ab)12',
    '(23)12',
    '',
  ])('%s does not', (input) => expect(isGs1Input(input)).toBe(false));
});
