/**
 * Legacy formats given as a regular expression: validated by an anchored full match, with no
 * generation or suggestions (a regex says what is valid, not how to build it).
 */
import type { Locale } from '../issues.js';
import { bundleOf, messagesOf } from '../locales/index.js';
import { withMessage } from '../locales/issue-message.js';
import type { LocaleBundle } from '../locales/types.js';
import { upperAscii } from './char-classes.js';
import { FormatSyntaxError } from './format-syntax-error.js';
import { MAX_SERIAL_LENGTH } from './parse-pattern.js';
import type {
  CompileOptions,
  FormatToken,
  RegexFormatSource,
  SerialFormat,
  Suggestion,
  ValidationResult,
} from './types.js';
import { failure, inputText, trimBounds } from './validate-input.js';

/** Stateful or line-based flags would change what "full match" means. */
const DROPPED_FLAGS = /[gym]/g;

class RegexFormat implements SerialFormat {
  readonly source: string;
  readonly hint: string;
  readonly example: string;
  readonly tokens: readonly FormatToken[] = Object.freeze([]);
  readonly minLength = 1;
  readonly maxLength = MAX_SERIAL_LENGTH;
  readonly caseSensitive: boolean;
  readonly #regex: RegExp;
  readonly #locale: LocaleBundle;

  constructor(regex: RegExp, source: string, info: RegexFormatSource, options: CompileOptions) {
    this.#regex = regex;
    this.source = source;
    this.caseSensitive = options.caseSensitive === true;
    this.#locale = bundleOf(options.locale ?? 'en');
    this.example = info.example ?? '';
    this.hint = info.hint ?? info.example ?? '';
    Object.freeze(this);
  }

  #canonical(trimmed: string): string {
    return this.caseSensitive ? trimmed : upperAscii(trimmed);
  }

  validate(input: string, options?: { locale?: Locale | LocaleBundle }): ValidationResult {
    const messages = messagesOf(options?.locale ?? this.#locale);
    const text = inputText(input);
    const bounds = trimBounds(text, this.maxLength, this.maxLength, messages);
    if ('success' in bounds) return bounds;
    const trimmed = text.slice(bounds.start, bounds.end);
    const match = this.#regex.exec(trimmed);
    if (!match) return failure([withMessage({ code: 'pattern_mismatch', input: text }, messages)]);
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) fields[name] = this.#canonical(value);
    }
    return { success: true, data: { serial: this.#canonical(trimmed), fields } };
  }

  test(input: string): boolean {
    return (
      typeof input === 'string' &&
      input.length <= this.maxLength &&
      this.#canonical(input.trim()) === input &&
      this.#regex.test(input)
    );
  }

  normalize(input: string): string {
    return this.#canonical(inputText(input).trim());
  }

  generate(): string {
    throw new Error(`a regex format cannot generate serials (${this.source})`);
  }

  suggest(): Suggestion[] {
    return [];
  }
}

/** Compiles a {@link RegexFormatSource}; see `compileFormat`. */
export function compileRegexFormat(info: RegexFormatSource, options: CompileOptions): SerialFormat {
  const given = info.regex;
  const body = typeof given === 'string' ? given : given.source;
  const source = `/${body}/`;
  let flags = typeof given === 'string' ? '' : given.flags.replace(DROPPED_FLAGS, '');
  if (options.caseSensitive !== true && !flags.includes('i')) flags += 'i';
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${body})$`, flags);
  } catch (error) {
    throw new FormatSyntaxError(`invalid regular expression: ${(error as Error).message}`, body, 0);
  }
  const format = new RegexFormat(regex, source, info, options);
  if (info.example !== undefined && !format.validate(info.example).success) {
    throw new FormatSyntaxError(`the example '${info.example}' does not match`, body, 0);
  }
  return format;
}
