import { describe, expect, test } from 'vitest';
import { compileFormat, FormatSyntaxError } from '../src/formats/index.js';

/** The error `compileFormat` throws for `pattern`. */
function syntaxError(pattern: string, options?: { caseSensitive?: boolean }): FormatSyntaxError {
  try {
    compileFormat(pattern, options);
  } catch (error) {
    if (error instanceof FormatSyntaxError) return error;
    throw error;
  }
  throw new Error(`compiled: ${pattern}`);
}

describe('FormatSyntaxError', () => {
  test('is an Error with the column, the pattern and a caret under the column', () => {
    const error = syntaxError('SN-{Q:4}');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FormatSyntaxError');
    expect(error.column).toBe(4);
    expect(error.pattern).toBe('SN-{Q:4}');
    expect(error.reason).toBe("unknown character class 'Q': use D, A, X, H, C or S");
    expect(error.message).toMatchInlineSnapshot(`
      "unknown character class 'Q': use D, A, X, H, C or S (column 4)
        SN-{Q:4}
            ^"
    `);
    expect(FormatSyntaxError.isInstance(error)).toBe(true);
    expect(FormatSyntaxError.isInstance(new Error('x'))).toBe(false);
  });
});

describe('syntax errors and their columns', () => {
  const cases: [string, string, number][] = [
    ['empty pattern', '', 0],
    ['unknown class', 'SN-{Q:4}', 4],
    ['lower-case class', '{d:4}', 1],
    ['bad range', '{D:8-4}', 3],
    ['zero length', '{D:0}', 3],
    ['zero minimum', '{D:0-4}', 3],
    ['not a length', '{D:x}', 3],
    ['missing length', 'AB{D}', 4],
    ['too long a class', '{X:201}', 3],
    ['unclosed brace', 'SN-{D:6', 3],
    ['brace opened inside a brace', '{D:6{A:2}', 0],
    ['unmatched closing brace', 'SN}-{D:6}', 2],
    ['unknown algorithm', '{D:6}{check:md5}', 12],
    ['missing algorithm', '{D:6}{check}', 11],
    ['check not last', '{D:6}{check:luhn}{D:2}', 17],
    ['two checks', '{D:6}{check:luhn}{check:damm}', 17],
    ['nothing to check', 'SN-{check:luhn}', 3],
    ['Luhn over letters', '{A:3}{D:6}{check:luhn}', 0],
    ['Luhn over letters or digits', '{D:2}{X:6}{check:luhn}', 5],
    ['Crockford over letters', '{A:3}{check:crockford}', 0],
    ['Crockford over any letter or digit', '{X:3}{check:crockford}', 0],
    ['MOD 37-2 over GS1 characters', '{S:6}{check:mod37-2}', 0],
    ['ambiguous adjacent ranges', '{X:1-4}{D:1-4}', 7],
    ['ambiguous ranges around a fixed class', '{A:1-3}{X:2}{D:2-4}', 12],
    ['ambiguous ranges across a literal the first can contain', '{S:1-8}-{S:1-8}', 8],
    ['no field at all', 'SN-2024', 0],
    ['duplicate field', '{lot=X:4}-{lot=D:2}', 11],
    ['duplicate date part', '{YYYY}{MM}{YYYY}', 11],
    ['two kinds of year', '{YY}{MM}{YYYY}', 9],
    ['reserved field name', '{seq=D:4}', 1],
    ['invalid field name', '{1lot=D:4}', 1],
    ['sequence without length', '{seq}', 4],
    ['serial longer than 200', '{X:150}{X:60}', 7],
    ['control character', 'SN\t{D:4}', 2],
  ];
  for (const [name, pattern, column] of cases) {
    test(`${name}: ${JSON.stringify(pattern)} at column ${column}`, () => {
      expect(syntaxError(pattern).column).toBe(column);
    });
  }

  test('alphanumeric check algorithms refuse case-sensitive letters', () => {
    expect(syntaxError('{X:6}{check:mod37-36}', { caseSensitive: true }).reason).toMatch(
      /upper-case letters only/,
    );
    expect(() => compileFormat('{D:6}{check:mod37-36}', { caseSensitive: true })).not.toThrow();
  });

  test('messages say what is wrong', () => {
    expect(syntaxError('{D:8-4}').message).toMatchInlineSnapshot(`
      "invalid range 8-4: the minimum is above the maximum (column 3)
        {D:8-4}
           ^"
    `);
    expect(syntaxError('{A:3}{D:6}{check:luhn}').message).toMatchInlineSnapshot(`
      "{check:luhn} cannot read {A:3}: Luhn (ISO/IEC 7812-1) reads digits only (column 0)
        {A:3}{D:6}{check:luhn}
        ^"
    `);
    expect(syntaxError('{X:1-4}{D:1-4}').message).toMatchInlineSnapshot(`
      "ambiguous length: where {X:1-4} ends and {D:1-4} begins cannot be told; put a literal between them, or give one a fixed length (column 7)
        {X:1-4}{D:1-4}
               ^"
    `);
    expect(syntaxError('{D:6}{check:luhn}{D:2}').message).toMatchInlineSnapshot(`
      "the check character must come last (only literals may follow it) (column 17)
        {D:6}{check:luhn}{D:2}
                         ^"
    `);
  });
});

describe('patterns that compile', () => {
  test.each([
    '{D:1}',
    '{A:1-3}{D:2-4}',
    '{D:4-8}{check:luhn}',
    '{X:1-8}-{X:1-8}',
    '{D:1-3}{A:2}{D:1-3}',
    '{S:1-20}',
    '{S:3-20}{check:gs1-pair}',
    '{H:4}{C:4}{check:crockford}',
    '{D:6}{check:luhn}.',
    'a{{b}}c{D:2}',
    'Nº {D:4}',
    'SN-{YYYY}{MM}{DD}{WW}{DDD}-{seq:4}',
  ])('%s', (pattern) => {
    expect(() => compileFormat(pattern)).not.toThrow();
  });
});

test('literals beyond U+FFFF are refused', () => {
  expect(syntaxError('\u{1F600}{D:2}').column).toBe(0);
});
