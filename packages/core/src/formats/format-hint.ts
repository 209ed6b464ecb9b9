import { getCheckAlgorithm } from '../checksums/index.js';
import type { Locale } from '../issues.js';
import { locales } from '../locales/index.js';
import { describeTokens } from './describe-tokens.js';
import type { FormatToken } from './types.js';

/**
 * A description of a format for people, from its tokens: literals as written, one placeholder
 * letter per character (N digit, A letter, X letter or digit, H hex, C Crockford base32, S GS1
 * character), date parts by name and the check character last.
 *
 * @example
 * formatHint(compileFormat('SN-{YYYY}-{D:6}{check:luhn}').tokens); // 'SN-YYYY-NNNNNN + check digit'
 * formatHint(compileFormat('{S:1-20}').tokens, 'de'); // 'S×1–20'
 */
export function formatHint(tokens: readonly FormatToken[], locale: Locale = 'en'): string {
  return describeTokens(tokens, (locales[locale] ?? locales.en).hint, getCheckAlgorithm);
}
