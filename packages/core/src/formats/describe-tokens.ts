import type { CheckLookup } from '../checksums/types.js';
import type { HintWords } from '../locales/types.js';
import type { FormatToken } from './types.js';

/** Fixed lengths up to this are spelled out ("NNNNNN"); longer ones are counted ("N×12"). */
const SPELL_OUT = 10;

/**
 * The hint text of a pattern's tokens in the words of one locale; `checks` tells whether a check
 * algorithm writes digits only. See `formatHint`.
 */
export function describeTokens(
  tokens: readonly FormatToken[],
  words: HintWords,
  checks: CheckLookup,
): string {
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
        const output = checks(token.algorithm)!.output;
        suffix = words.checkSuffix(token.length, /^[0-9]+$/.test(output));
        break;
      }
    }
  }
  return hint + suffix;
}
