/**
 * "Did you mean": valid serials one mistyped character or one swap of adjacent characters away
 * from the input, look-alikes first.
 */
import type { IssueMessages } from '../locales/types.js';
import { type Alignment, alignFixedGreedily, alignInput, isDataSlot } from './align-input.js';
import type { Program } from './build-program.js';
import { lookalikeGroup, type PreparedInput, prepareInput } from './char-classes.js';
import { invalidDateSegment, testCanonical } from './match-canonical.js';
import type { Suggestion } from './types.js';
import { inputText, validateInput } from './validate-input.js';

/** Suggestions returned when the caller gives no limit. */
const DEFAULT_SUGGESTIONS = 5;

/**
 * `suggest` of a pattern format: nothing for valid or hopeless input, else the valid serials one
 * edit away, best first. `messages` only serve the validation that decides whether to look.
 */
export function suggestFor(
  p: Program,
  input: unknown,
  limit: number | undefined,
  messages: IssueMessages,
  scratch: Int32Array,
): Suggestion[] {
  const text = inputText(input);
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > p.inputCap) return [];
  if (validateInput(p, text, messages, scratch).success) return [];
  const start = text.length - text.trimStart().length;
  const prepared = prepareInput(text, start, start + trimmed.length);
  const alignment =
    alignFixedGreedily(p, prepared) ??
    alignInput(p, prepared, { lookalikes: false, substitutions: true });
  if (!alignment) return [];
  return suggestSerials(p, prepared, alignment, limit ?? DEFAULT_SUGGESTIONS);
}

/** Candidates tried at most; formats with many free positions and no check stop here. */
const MAX_TRIES = 4096;

const SCORE_LOOKALIKE = 0.9;
const SCORE_TRANSPOSE = 0.6;
const SCORE_SUBSTITUTE = 0.3;

/**
 * Suggestions for an input whose alignment with the pattern (substitutions allowed) is known.
 * Only alignments with at most two wrong characters can be one edit away.
 */
export function suggestSerials(
  p: Program,
  input: PreparedInput,
  alignment: Alignment,
  limit: number,
): Suggestion[] {
  if (alignment.cost > 2 || limit <= 0) return [];
  const chars = Array.from(alignment.canonical);
  const wrong = alignment.corrections.map((c) => c.index);
  const starts = new Int32Array(p.segments.length + 1);
  const found = new Map<string, Suggestion>();
  let tries = 0;

  const typed = (index: number): string => {
    const source = alignment.sources[index]!;
    const offset = input.offsets[source]!;
    return input.input.slice(offset, offset + input.widths[source]!);
  };
  const position = (index: number): number => input.offsets[alignment.sources[index]!]!;
  const isTyped = (index: number): boolean =>
    index >= 0 &&
    index < chars.length &&
    alignment.sources[index]! >= 0 &&
    isDataSlot(p, alignment.slotOf[index]!);

  const consider = (candidate: string[], suggestion: Omit<Suggestion, 'serial'>): void => {
    tries++;
    const serial = candidate.join('');
    if (found.has(serial) || !testCanonical(p, serial, starts)) return;
    found.set(serial, { serial, ...suggestion });
  };

  // Substitutions: at the one wrong character, else (only the date or the check failed) at any
  // typed position, or in the date parts when the date is impossible: one edit must fix it.
  let positions: number[] = [];
  if (wrong.length === 1) positions = wrong;
  else if (wrong.length === 0) {
    const dateBroken = invalidDateSegment(p, alignment.canonical, alignment.starts) >= 0;
    const inDate = (index: number): boolean =>
      p.segments[p.slots.segment[alignment.slotOf[index]!]!]!.datePart !== null;
    positions = chars.map((_, i) => i).filter((i) => isTyped(i) && (!dateBroken || inDate(i)));
  }
  for (const index of positions) {
    const slot = alignment.slotOf[index]!;
    const spec = p.slots.spec[slot];
    const alphabet = spec ? spec.alphabet : String.fromCodePoint(p.slots.code[slot]!);
    const from = typed(index);
    const group = lookalikeGroup(from);
    for (const to of alphabet) {
      if (tries >= MAX_TRIES) break;
      if (to === chars[index]) continue;
      const candidate = chars.slice();
      candidate[index] = to;
      const lookalike = group?.includes(to) === true;
      consider(candidate, {
        change: {
          kind: lookalike ? 'lookalike' : 'substitute',
          position: position(index),
          from,
          to,
        },
        score: lookalike ? SCORE_LOOKALIKE : SCORE_SUBSTITUTE,
      });
    }
  }

  // Swaps of two adjacent typed characters that cover every wrong one.
  for (let index = 0; index + 1 < chars.length && tries < MAX_TRIES; index++) {
    if (!isTyped(index) || !isTyped(index + 1)) continue;
    if (wrong.some((w) => w !== index && w !== index + 1)) continue;
    if (chars[index] === chars[index + 1]) continue;
    const candidate = chars.slice();
    candidate[index] = chars[index + 1]!;
    candidate[index + 1] = chars[index]!;
    const from = typed(index) + typed(index + 1);
    consider(candidate, {
      change: {
        kind: 'transpose',
        position: position(index),
        from,
        to: typed(index + 1) + typed(index),
      },
      score: SCORE_TRANSPOSE,
    });
  }

  return [...found.values()]
    .sort((a, b) => b.score - a.score || a.change.position - b.change.position)
    .slice(0, limit);
}
