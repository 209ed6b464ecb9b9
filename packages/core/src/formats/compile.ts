import { getCheckAlgorithm } from '../checksums/index.js';
import type { Locale } from '../issues.js';
import { bundleOf } from '../locales/index.js';
import type { LocaleBundle } from '../locales/types.js';
import type { Program } from './build-program.js';
import { compileProgram } from './compile-program.js';
import { generateSerial } from './generate-serial.js';
import { describeFormat, PatternValidator } from './pattern-validator.js';
import { compileRegexFormat } from './regex-format.js';
import type {
  CompileOptions,
  GenerateOptions,
  RegexFormatSource,
  SerialFormat,
  ValidationResult,
} from './types.js';

/** Sequence and date of {@link SerialFormat.example}, so that examples are stable. */
const EXAMPLE_SEQUENCE = 123;
const EXAMPLE_DATE = new Date(Date.UTC(2024, 4, 1));

/**
 * A {@link PatternValidator} over the full check algorithms (fast, with `compute`), plus the
 * generator, the example and the hint, and locales by name.
 */
class PatternFormat extends PatternValidator implements SerialFormat {
  readonly hint: string;
  readonly example: string;
  readonly #program: Program;

  constructor(program: Program, locale: LocaleBundle) {
    super(program, locale);
    this.#program = program;
    this.hint = describeFormat(program.tokens, locale);
    this.example = this.#exampleSerial();
  }

  #exampleSerial(): string {
    const p = this.#program;
    const width = p.sequenceSegment >= 0 ? p.segments[p.sequenceSegment]!.max : 0;
    const options: GenerateOptions = { date: EXAMPLE_DATE };
    if (width > 0) options.sequence = EXAMPLE_SEQUENCE % 10 ** Math.min(width, 3);
    return generateSerial(p, options, 'sample');
  }

  override validate(input: string, options?: { locale?: Locale | LocaleBundle }): ValidationResult {
    const locale = options?.locale;
    return super.validate(input, locale === undefined ? undefined : { locale: bundleOf(locale) });
  }

  generate(options: GenerateOptions = {}): string {
    const sequential = options.sequence !== undefined && options.random !== true;
    return generateSerial(this.#program, options, sequential ? 'sample' : 'random');
  }
}

/**
 * Compiles a serial format once into a validator, parser, normalizer, generator and hint.
 *
 * The pattern language:
 * - Literal text is written as is; `{{` and `}}` are literal braces. Letters in literals are
 *   matched case-insensitively and written upper case unless `caseSensitive`.
 * - Classes, fixed `{D:6}` or ranged `{D:4-8}`: `D` digits, `A` letters, `X` letters or digits,
 *   `H` hex digits, `C` Crockford base32 (0-9 A-Z without I L O U; typed I/L read as 1, O as 0),
 *   `S` the GS1 AI character set 82 (always case-sensitive). Name one to read it back:
 *   `{lot=X:4}` → `fields.lot`.
 * - Date parts `{YYYY}` `{YY}` (read as 20YY) `{MM}` `{DD}` `{WW}` (ISO week) `{DDD}` (day of
 *   year) must form a real date together: no February 30, week 53 only in years that have one,
 *   day 366 only in leap years. Returned as `fields.YYYY`, `fields.MM`…
 * - `{seq:N}`: an N-digit, zero-padded sequence number (`fields.seq`).
 * - `{check:ALG}`: check character(s) by a `checksums` algorithm over every data character
 *   before it (literals excluded): for `SN-{YYYY}-{D:6}{check:luhn}` the Luhn digit of
 *   `2024` + `000123` is 8, giving `SN-2024-0001238`. Only literals may follow it.
 *
 * Where a variable-length class ends must be visible: it must be followed by a literal or a class
 * it cannot contain (`{A:1-3}{D:4}`), unless it is the last variable-length class, whose length
 * is what the rest leaves over (`{D:4-8}{check:luhn}`). `{X:1-4}{D:1-4}` is refused.
 *
 * Input is forgiving: surrounding space, case, separators (`options.separators`, default
 * `" -_./"`) typed anywhere or instead of a separator literal, and separator literals left out
 * (`sn 2024 0001238` and `SN20240001238` → `SN-2024-0001238`). Look-alikes (O/0, I/L/1, S/5, B/8,
 * Z/2) are corrected by `normalize` and proposed by `suggest`, never silently by `validate`.
 *
 * A RegexFormatSource compiles a legacy format: an anchored full match of the trimmed input,
 * `pattern_mismatch` when it fails, canonical form = trimmed input (upper-cased unless
 * `caseSensitive`), named groups as fields.
 *
 * @throws FormatSyntaxError for a pattern that cannot be compiled, pointing at its column.
 *
 * @example
 * const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
 * format.validate('sn 2024 0001238'); // { success: true, data: { serial: 'SN-2024-0001238', fields: { YYYY: '2024' } } }
 * format.generate({ sequence: 42, date: new Date('2024-05-01') }); // 'SN-2024-0000420'
 * format.hint; // 'SN-YYYY-NNNNNN + check digit'
 */
export function compileFormat(
  pattern: string | RegexFormatSource,
  options: CompileOptions = {},
): SerialFormat {
  if (typeof pattern !== 'string') return compileRegexFormat(pattern, options);
  const program = compileProgram(pattern, options, getCheckAlgorithm);
  return Object.freeze(new PatternFormat(program, bundleOf(options.locale ?? 'en')));
}
