import type { CheckLookup } from '../checksums/types.js';
import {
  buildProgramWith,
  DEFAULT_SEPARATORS,
  type Program,
  separatorTable,
} from './build-program.js';
import { parsePatternWith } from './parse-pattern.js';

/** Pattern text → a frozen-token {@link Program}; throws `FormatSyntaxError`. */
export function compileProgram(
  pattern: string,
  options: { caseSensitive?: boolean; separators?: string },
  checks: CheckLookup,
): Program {
  const caseSensitive = options.caseSensitive === true;
  const separators = separatorTable(options.separators ?? DEFAULT_SEPARATORS);
  const tokens = parsePatternWith(pattern, caseSensitive, checks);
  for (const token of tokens) Object.freeze(token);
  return buildProgramWith(pattern, Object.freeze(tokens), caseSensitive, separators, checks);
}
