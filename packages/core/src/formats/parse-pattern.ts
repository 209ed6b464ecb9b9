/**
 * Pattern text → tokens. Only the syntax is checked here; how tokens fit together (check
 * coverage, ambiguous lengths) is checked by `build-program.ts`.
 */
import { getCheckAlgorithm } from '../checksums/index.js';
import type { CheckLookup } from '../checksums/types.js';
import type { CharClass } from '../issues.js';
import { inputCode, upperAscii } from './char-classes.js';
import { isDatePart } from './date-parts.js';
import { FormatSyntaxError } from './format-syntax-error.js';
import type { FormatToken } from './types.js';

/** Longest canonical serial a pattern may describe (the longest serial the store keeps). */
export const MAX_SERIAL_LENGTH = 200;

const CLASSES: readonly CharClass[] = ['D', 'A', 'X', 'H', 'C', 'S'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const LENGTH = /^(\d{1,3})(?:-(\d{1,3}))?$/;

/**
 * Splits a pattern into tokens; adjacent literal text becomes one literal token whose text is
 * canonical (upper-cased unless `caseSensitive`).
 */
export function parsePattern(pattern: string, caseSensitive: boolean): FormatToken[] {
  return parsePatternWith(pattern, caseSensitive, getCheckAlgorithm);
}

/** {@link parsePattern} with the check algorithms that `checks` knows. */
export function parsePatternWith(
  pattern: string,
  caseSensitive: boolean,
  checks: CheckLookup,
): FormatToken[] {
  const fail = (reason: string, column: number): never => {
    throw new FormatSyntaxError(reason, pattern, column);
  };
  if (pattern.length === 0) fail('empty pattern', 0);

  const tokens: FormatToken[] = [];
  const names = new Set<string>();
  let literal = '';
  let literalColumn = 0;
  const flushLiteral = (): void => {
    if (literal) tokens.push({ kind: 'literal', text: literal, column: literalColumn });
    literal = '';
  };
  const addLiteral = (ch: string, column: number): void => {
    const code = ch.codePointAt(0)!;
    if (code < 32 || code === 127) fail('control character in pattern', column);
    // One UTF-16 unit per canonical character keeps offsets and slots aligned.
    if (code > 0xffff) fail('characters beyond U+FFFF are not supported in literals', column);
    if (!literal) literalColumn = column;
    // Literals go through the same mapping as typed input, so that an en dash in a pattern
    // matches an en dash typed by a customer.
    const mapped = inputCode(ch);
    const text = mapped < 0 ? '' : String.fromCodePoint(mapped);
    literal += caseSensitive ? text : upperAscii(text);
  };
  const claimName = (name: string, column: number): void => {
    if (names.has(name)) fail(`duplicate field '${name}'`, column);
    names.add(name);
  };

  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '{' && pattern[i + 1] === '{') {
      addLiteral('{', i);
      i += 2;
      continue;
    }
    if (ch === '}') {
      if (pattern[i + 1] !== '}') fail("unmatched '}' (write '}}' for a literal brace)", i);
      addLiteral('}', i);
      i += 2;
      continue;
    }
    if (ch !== '{') {
      const width = pattern.codePointAt(i)! > 0xffff ? 2 : 1;
      addLiteral(pattern.slice(i, i + width), i);
      i += width;
      continue;
    }

    const close = pattern.indexOf('}', i + 1);
    const nested = pattern.indexOf('{', i + 1);
    if (close < 0 || (nested >= 0 && nested < close)) fail("unclosed '{'", i);
    flushLiteral();
    const column = i;
    const bodyColumn = i + 1;
    const body = pattern.slice(bodyColumn, close);
    i = close + 1;

    if (isDatePart(body)) {
      if (body === 'YY' ? names.has('YYYY') : body === 'YYYY' && names.has('YY')) {
        fail('a pattern has one year: {YYYY} or {YY}', bodyColumn);
      }
      claimName(body, bodyColumn);
      tokens.push({ kind: 'date', part: body, column });
      continue;
    }

    const colon = body.indexOf(':');
    const head = colon < 0 ? body : body.slice(0, colon);
    const arg = colon < 0 ? undefined : body.slice(colon + 1);
    // Where the argument is, or where it should have been.
    const argColumn = colon < 0 ? bodyColumn + body.length : bodyColumn + colon + 1;

    if (head === 'check') {
      const algorithm = arg ? checks(arg) : undefined;
      if (!algorithm) {
        fail(
          arg ? `unknown check algorithm '${arg}'` : 'missing algorithm: write {check:luhn}',
          argColumn,
        );
      }
      tokens.push({
        kind: 'check',
        algorithm: algorithm!.name,
        length: algorithm!.checkLength,
        column,
      });
      continue;
    }
    if (head === 'seq') {
      const length = arg !== undefined && /^\d{1,3}$/.test(arg) ? Number(arg) : 0;
      if (length < 1) fail('a sequence needs a length: write {seq:6}', argColumn);
      if (length > MAX_SERIAL_LENGTH) fail(`longer than ${MAX_SERIAL_LENGTH}`, argColumn);
      claimName('seq', bodyColumn);
      tokens.push({ kind: 'seq', length, column });
      continue;
    }

    // A class, optionally named: `D:6`, `D:4-8`, `lot=X:4`.
    const equals = head.indexOf('=');
    const name = equals < 0 ? undefined : head.slice(0, equals);
    const letter = equals < 0 ? head : head.slice(equals + 1);
    const letterColumn = bodyColumn + (equals < 0 ? 0 : equals + 1);
    if (name !== undefined) {
      if (!NAME.test(name)) fail(`invalid field name '${name}'`, bodyColumn);
      if (isDatePart(name) || name === 'seq')
        fail(`'${name}' is a reserved field name`, bodyColumn);
    }
    if (!(CLASSES as readonly string[]).includes(letter)) {
      fail(
        letter
          ? `unknown character class '${letter}': use ${CLASSES.slice(0, -1).join(', ')} or ${CLASSES.at(-1)}`
          : 'missing character class',
        letterColumn,
      );
    }
    if (arg === undefined) {
      fail(`missing length: write {${head}:1}`, bodyColumn + body.length);
    }
    const match = LENGTH.exec(arg!);
    if (!match) fail(`invalid length '${arg}'`, argColumn);
    const min = Number(match![1]);
    const max = match![2] === undefined ? min : Number(match![2]);
    if (min > max) fail(`invalid range ${min}-${max}: the minimum is above the maximum`, argColumn);
    if (min === 0) fail('a length must be at least 1', argColumn);
    if (max > MAX_SERIAL_LENGTH) fail(`longer than ${MAX_SERIAL_LENGTH}`, argColumn);
    if (name !== undefined) claimName(name, bodyColumn);
    tokens.push({
      kind: 'class',
      charClass: letter as CharClass,
      min,
      max,
      ...(name !== undefined ? { name } : {}),
      column,
    });
  }
  flushLiteral();
  return tokens;
}
