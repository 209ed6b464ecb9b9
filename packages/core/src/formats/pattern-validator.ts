/**
 * `compileValidator`: a pattern compiled for checking input only. It reaches neither the
 * generator, nor regex formats, nor another locale than the ones it is given, nor the full check
 * algorithms (it uses their validators), so a browser bundle that uses it carries none of them.
 */
import { getCheckValidator } from '../checksums/check-validators.js';
import { en } from '../locales/en.js';
import type { LocaleBundle } from '../locales/types.js';
import type { Program } from './build-program.js';
import { compileProgram } from './compile-program.js';
import { describeTokens } from './describe-tokens.js';
import { testCanonical } from './match-canonical.js';
import { normalizeInput } from './normalize-input.js';
import { suggestFor } from './suggest-serial.js';
import type {
  FormatToken,
  SerialValidator,
  Suggestion,
  ValidationResult,
  ValidatorOptions,
} from './types.js';
import { inputText, validateInput } from './validate-input.js';

/**
 * The compiled pattern behind both entries: `compileValidator` returns one, and `compileFormat`'s
 * `PatternFormat` extends it with the generator and the hint. The factories freeze what they build.
 */
export class PatternValidator implements SerialValidator {
  readonly source: string;
  readonly tokens: readonly FormatToken[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly caseSensitive: boolean;
  readonly #program: Program;
  readonly #locale: LocaleBundle;
  /** Segment offsets of the last match; safe to share because matching is synchronous. */
  readonly #starts: Int32Array;

  constructor(program: Program, locale: LocaleBundle) {
    this.#program = program;
    this.#locale = locale;
    this.#starts = new Int32Array(program.segments.length + 1);
    this.source = program.source;
    this.tokens = program.tokens;
    this.minLength = program.minLength;
    this.maxLength = program.maxLength;
    this.caseSensitive = program.caseSensitive;
  }

  validate(input: string, options?: { locale?: LocaleBundle }): ValidationResult {
    const { issues } = options?.locale ?? this.#locale;
    return validateInput(this.#program, inputText(input), issues, this.#starts);
  }

  test(input: string): boolean {
    return typeof input === 'string' && testCanonical(this.#program, input, this.#starts);
  }

  normalize(input: string): string {
    return normalizeInput(this.#program, input, this.#starts);
  }

  suggest(input: string, options?: { limit?: number }): Suggestion[] {
    return suggestFor(this.#program, input, options?.limit, this.#locale.issues, this.#starts);
  }
}

/**
 * Compiles a pattern (the language of `compileFormat`) into a validator: the same `validate`,
 * `test`, `normalize` and `suggest`, answering exactly as `compileFormat(pattern)` does, with issue
 * messages from `options.locale` (a bundle such as `de`) or the one passed to `validate`.
 *
 * @throws FormatSyntaxError for a pattern that cannot be compiled, as `compileFormat` does.
 *
 * @example
 * import { compileValidator, de } from '@serialkit/core/validate';
 * const v = compileValidator('SN-{YYYY}-{D:6}{check:luhn}');
 * v.validate('SN-2024-0001239', { locale: de }).success; // false, with a German message
 */
export function compileValidator(pattern: string, options: ValidatorOptions = {}): SerialValidator {
  const program = compileProgram(pattern, options, getCheckValidator);
  return Object.freeze(new PatternValidator(program, options.locale ?? en));
}

/**
 * {@link formatHint} in the words of a locale bundle: "SN-YYYY-NNNNNN + check digit".
 *
 * @example
 * describeFormat(compileValidator('SN-{YYYY}-{D:6}{check:luhn}').tokens, de); // 'SN-JJJJ-NNNNNN + Prüfziffer'
 */
export function describeFormat(tokens: readonly FormatToken[], locale: LocaleBundle = en): string {
  return describeTokens(tokens, locale.hint, getCheckValidator);
}
