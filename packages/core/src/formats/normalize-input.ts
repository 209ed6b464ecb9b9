import { alignFixedGreedily, alignInput } from './align-input.js';
import type { Program } from './build-program.js';
import { prepareInput, upperAscii } from './char-classes.js';
import { matchCanonical } from './match-canonical.js';
import { inputText } from './validate-input.js';

/**
 * `normalize` of a pattern format: the canonical form of the input if it can be made valid, else
 * the cleaned input; idempotent.
 */
export function normalizeInput(p: Program, input: unknown, scratch: Int32Array): string {
  const trimmed = inputText(input).trim();
  if (trimmed.length <= p.inputCap) {
    // Already canonical in shape: kept as it is, so that normalizing twice changes nothing.
    if (matchCanonical(p, trimmed, scratch) !== null) return trimmed;
    const prepared = prepareInput(trimmed, 0, trimmed.length);
    const alignment =
      alignFixedGreedily(p, prepared) ??
      alignInput(p, prepared, { lookalikes: true, substitutions: false });
    if (alignment) return alignment.canonical;
  }
  return p.foldsCaseEverywhere ? upperAscii(trimmed) : trimmed;
}
