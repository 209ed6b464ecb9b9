import type { Locale } from '../issues.js';
import { bundleOf } from '../locales/index.js';
import type { LocaleBundle } from '../locales/types.js';
import { describeFormat } from './pattern-validator.js';
import type { FormatToken } from './types.js';

/**
 * A description of a format for people, from its tokens: literals as written, one placeholder
 * letter per character (N digit, A letter, X letter or digit, H hex, C Crockford base32, S GS1
 * character), date parts by name and the check character last. `describeFormat` with the locale
 * also given by name.
 *
 * @example
 * formatHint(compileFormat('SN-{YYYY}-{D:6}{check:luhn}').tokens); // 'SN-YYYY-NNNNNN + check digit'
 * formatHint(compileFormat('{S:1-20}').tokens, 'de'); // 'S×1–20'
 */
export function formatHint(
  tokens: readonly FormatToken[],
  locale: Locale | LocaleBundle = 'en',
): string {
  return describeFormat(tokens, bundleOf(locale));
}
