import type { CheckAlgorithmName } from '../checksums/types.js';
import type { Locale, Result, SerialIssue } from '../issues.js';
import type { LocaleBundle } from '../locales/types.js';

/** Options for {@link compileValidator}. */
export interface ValidatorOptions {
  /** Compare letters case-sensitively. Default false (always true inside `S` classes). */
  caseSensitive?: boolean;
  /** The messages of issues, e.g. `de` from `@serialkit/core/validate`. Default `en`. */
  locale?: LocaleBundle;
  /**
   * Characters customers type between groups that carry no meaning ("sn 2024 0001238").
   * They are removed on input unless the format has them as a literal at that position.
   * Default: space, '-', '_', '.', '/'.
   */
  separators?: string;
}

/**
 * Options for {@link compileFormat}: those of {@link ValidatorOptions}, with the locale also given
 * by name.
 */
export interface CompileOptions extends Omit<ValidatorOptions, 'locale'> {
  /** Locale of issue messages and of the hint, by name (`'de'`) or as a bundle. Default 'en'. */
  locale?: Locale | LocaleBundle;
}

/** A legacy format given as a regular expression instead of a pattern. */
export interface RegexFormatSource {
  regex: string | RegExp;
  /** Text for people, e.g. "8 to 12 letters or digits". */
  hint?: string;
  /** A valid example serial. */
  example?: string;
}

/** A successfully validated serial. */
export interface ParsedSerial {
  /** The canonical form: literals restored, case normalized, Crockford aliases (I/L → 1, O → 0) decoded. */
  serial: string;
  /** Named fields, date parts and the sequence, as typed in the canonical serial. */
  fields: Record<string, string>;
}

export type ValidationResult = Result<ParsedSerial, SerialIssue>;

/** Options for {@link SerialFormat.generate}. */
export interface GenerateOptions {
  /**
   * The value of the sequence field: `{seq:N}`, or when there is none the last unnamed digit class
   * before the check character, zero-padded.
   */
  sequence?: number | bigint;
  /** Fills date parts. Default: now. */
  date?: Date;
  /** Values of named fields, e.g. `{ lot: 'A1B2' }`. */
  fields?: Record<string, string>;
  /** Fill every free class with random characters from a CSPRNG (non-guessable serials). */
  random?: boolean;
  /** Source of randomness for tests; must fill the array like `crypto.getRandomValues`. */
  getRandomValues?: (array: Uint32Array) => Uint32Array;
}

/** A "did you mean" candidate for a mistyped serial. */
export interface Suggestion {
  serial: string;
  /** What was changed, e.g. `{ kind: 'substitute', position: 8, from: 'O', to: '0' }`. */
  change:
    | { kind: 'lookalike' | 'substitute'; position: number; from: string; to: string }
    | { kind: 'transpose'; position: number; from: string; to: string };
  /** Higher is more likely; suggestions are returned sorted by score. */
  score: number;
}

/** One element of a compiled pattern, exposed for tooling (matcher, widget hints). */
export type FormatToken =
  | { kind: 'literal'; text: string; column: number }
  | {
      kind: 'class';
      charClass: 'D' | 'A' | 'X' | 'H' | 'C' | 'S';
      min: number;
      max: number;
      name?: string;
      column: number;
    }
  | { kind: 'date'; part: 'YYYY' | 'YY' | 'MM' | 'DD' | 'WW' | 'DDD'; column: number }
  | { kind: 'seq'; length: number; column: number }
  | { kind: 'check'; algorithm: CheckAlgorithmName; length: 1 | 2; column: number };

/**
 * A compiled pattern that validates, normalizes and suggests, with issue messages from a locale
 * bundle: what `compileValidator` returns, and the base of {@link SerialFormat} (which adds the
 * generator, the example and the hint).
 *
 * @example
 * const v = compileValidator('SN-{YYYY}-{D:6}{check:luhn}');
 * v.validate('sn 2024 0001238'); // { success: true, data: { serial: 'SN-2024-0001238', … } }
 */
export interface SerialValidator {
  /** The source pattern. */
  readonly source: string;
  readonly tokens: readonly FormatToken[];
  /** Shortest and longest canonical serial. */
  readonly minLength: number;
  readonly maxLength: number;
  readonly caseSensitive: boolean;
  validate(input: string, options?: { locale?: LocaleBundle }): ValidationResult;
  /** Fast boolean check of a canonical serial. */
  test(input: string): boolean;
  /** Canonical form of the input if it can be made valid, else the cleaned input (idempotent). */
  normalize(input: string): string;
  suggest(input: string, options?: { limit?: number }): Suggestion[];
}

/**
 * A compiled serial format: a {@link SerialValidator} that also generates serials and describes
 * itself (`hint`, `example`), and takes a locale by name as well as a bundle. What `compileFormat`
 * returns. Immutable; compile once, validate millions of times.
 *
 * @example
 * const f = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
 * f.validate('sn 2024 0001238'); // { success: true, data: { serial: 'SN-2024-0001238', fields: {...} } }
 * f.validate('SN-2024-0001239', { locale: 'de' }); // { success: false, issues: [ German message ] }
 */
export interface SerialFormat extends SerialValidator {
  /** The source pattern (or `/regex/` for regex formats). */
  readonly source: string;
  /** Human description, e.g. "SN-YYYY-NNNNNN + check digit". */
  readonly hint: string;
  /** A valid example serial. */
  readonly example: string;
  validate(input: string, options?: { locale?: Locale | LocaleBundle }): ValidationResult;
  generate(options?: GenerateOptions): string;
}
