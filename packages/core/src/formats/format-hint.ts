import { getCheckAlgorithm } from '../checksums/index.js';
import type { Locale } from '../issues.js';
import { locales } from '../locales/index.js';
import type { FormatToken } from './types.js';

/** Fixed lengths up to this are spelled out ("NNNNNN"); longer ones are counted ("N×12"). */
const SPELL_OUT = 10;

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
  const words = (locales[locale] ?? locales.en).hint;
  let hint = '';
  let suffix = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        hint += token.text;
        break;
      case 'class': {
        const letter = words.classes[token.charClass];
        hint +=
          token.min !== token.max
            ? `${letter}×${token.min}–${token.max}`
            : token.min <= SPELL_OUT
              ? letter.repeat(token.min)
              : `${letter}×${token.min}`;
        break;
      }
      case 'date':
        hint += words.dateParts[token.part];
        break;
      case 'seq': {
        const letter = words.classes.D;
        hint +=
          token.length <= SPELL_OUT ? letter.repeat(token.length) : `${letter}×${token.length}`;
        break;
      }
      case 'check': {
        const output = getCheckAlgorithm(token.algorithm).output;
        suffix = words.checkSuffix(token.length, /^[0-9]+$/.test(output));
        break;
      }
    }
  }
  return hint + suffix;
}
