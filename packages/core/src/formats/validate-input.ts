/**
 * `SerialFormat.validate`: the canonical matcher first, then — only when it fails — the lenient
 * aligner, which also locates what is wrong.
 */
import type { SerialIssue } from '../issues.js';
import { withMessage } from '../locales/issue-message.js';
import type { IssueData, IssueMessages } from '../locales/types.js';
import { type Alignment, alignFixedGreedily, alignInput } from './align-input.js';
import { CHECK, LITERAL, type Program } from './build-program.js';
import { type PreparedInput, prepareInput } from './char-classes.js';
import { checkHolds, invalidDateSegment, matchCanonical, readFields } from './match-canonical.js';
import type { ValidationResult } from './types.js';

/** At most this many character issues are reported: enough to fix a typo, not a flood. */
export const MAX_CHARACTER_ISSUES = 5;

/** How much of an over-long input an issue keeps. */
const TOO_LONG_EXCERPT = 64;

export function failure(issues: SerialIssue[]): ValidationResult {
  return { success: false, issues };
}

/** The input as text: strings as given, numbers as written, anything else as nothing. */
export function inputText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'number' || typeof input === 'bigint') return String(input);
  return '';
}

/** Trimmed bounds of `input`, or a failure for empty and over-long input. */
export function trimBounds(
  input: string,
  cap: number,
  maximum: number,
  messages: IssueMessages,
): { start: number; end: number } | ValidationResult {
  const trimmed = input.trim();
  if (trimmed.length === 0) return failure([withMessage({ code: 'empty', input }, messages)]);
  if (trimmed.length > cap) {
    const excerpt =
      input.length > TOO_LONG_EXCERPT ? `${input.slice(0, TOO_LONG_EXCERPT)}…` : input;
    return failure([withMessage({ code: 'too_long', input: excerpt, maximum }, messages)]);
  }
  const start = input.length - input.trimStart().length;
  return { start, end: start + trimmed.length };
}

export function validateInput(
  p: Program,
  input: string,
  messages: IssueMessages,
  scratch: Int32Array,
): ValidationResult {
  const starts = matchCanonical(p, input, scratch);
  if (starts !== null) {
    const badDate = invalidDateSegment(p, input, starts);
    if (badDate < 0 && checkHolds(p, input, starts)) {
      return { success: true, data: { serial: input, fields: readFields(p, input, starts) } };
    }
    return failure(valueIssues(p, input, starts, input, (i) => i, messages));
  }
  return validateLeniently(p, input, messages);
}

function validateLeniently(p: Program, input: string, messages: IssueMessages): ValidationResult {
  const bounds = trimBounds(input, p.inputCap, p.maxLength, messages);
  if ('success' in bounds) return bounds;
  const prepared = prepareInput(input, bounds.start, bounds.end);
  let typed = 0;
  for (let i = 0; i < prepared.length; i++) {
    const c = prepared.codes[i]!;
    if (!(c < 128 && p.separators[c] === 1)) typed++;
  }
  if (typed === 0) return failure([withMessage({ code: 'empty', input }, messages)]);

  const alignment =
    alignFixedGreedily(p, prepared) ??
    alignInput(p, prepared, { lookalikes: false, substitutions: true });
  let separatorLiterals = 0;
  for (let s = 0; s < p.slots.count; s++) separatorLiterals += p.slots.separator[s]!;
  // Counted as if the separators the pattern writes had been typed too.
  const received = typed + separatorLiterals;
  // One character too many reads better as a length issue than as a literal "replaced" by a
  // data character (`SN-0001234` for `SN-{D:6}`).
  const tooMany = received > p.maxLength && alignment !== null && alignment.cost > 0;
  if (!alignment || tooMany) {
    if (!tooMany && received >= p.minLength && received <= p.maxLength) {
      // The length could fit, so something is missing in one place and extra in another.
      return failure([withMessage({ code: 'pattern_mismatch', input }, messages)]);
    }
    const data = {
      code: 'invalid_length',
      input,
      minimum: p.minLength,
      maximum: p.maxLength,
      received,
    } as const;
    return failure([withMessage(data, messages)]);
  }

  const position = (index: number): number => {
    const source = alignment.sources[index]!;
    return source >= 0 ? prepared.offsets[source]! : 0;
  };
  if (alignment.cost === 0) {
    const { canonical, starts } = alignment;
    const badDate = invalidDateSegment(p, canonical, starts);
    if (badDate < 0 && checkHolds(p, canonical, starts)) {
      return {
        success: true,
        data: { serial: canonical, fields: readFields(p, canonical, starts) },
      };
    }
    return failure(valueIssues(p, canonical, starts, input, position, messages));
  }
  return failure(characterIssues(p, prepared, alignment, position, messages));
}

/** Issues of a serial with the right shape: an impossible date, a check character that fails. */
function valueIssues(
  p: Program,
  canonical: string,
  starts: Int32Array,
  input: string,
  position: (canonicalIndex: number) => number,
  messages: IssueMessages,
): SerialIssue[] {
  const issues: SerialIssue[] = [];
  const badDate = invalidDateSegment(p, canonical, starts);
  if (badDate >= 0) {
    const field = p.segments[badDate]!.datePart!;
    issues.push(
      withMessage(
        { code: 'invalid_date', input, position: position(starts[badDate]!), field },
        messages,
      ),
    );
  }
  if (p.check && !checkHolds(p, canonical, starts)) {
    issues.push(checksumIssue(p, input, position(starts[p.check.segment]!), messages));
  }
  return issues;
}

function checksumIssue(
  p: Program,
  input: string,
  position: number,
  messages: IssueMessages,
): SerialIssue {
  return withMessage(
    { code: 'invalid_checksum', input, position, algorithm: p.check!.algorithm.name },
    messages,
  );
}

/** Issues for characters that do not fit where the alignment put them. */
function characterIssues(
  p: Program,
  prepared: PreparedInput,
  alignment: Alignment,
  position: (canonicalIndex: number) => number,
  messages: IssueMessages,
): SerialIssue[] {
  const input = prepared.input;
  const issues: SerialIssue[] = [];
  let checkPosition = -1;
  for (const { index, source } of alignment.corrections) {
    const slot = alignment.slotOf[index]!;
    const at = position(index);
    const offset = prepared.offsets[source]!;
    const received = input.slice(offset, offset + prepared.widths[source]!);
    const kind = p.slots.kind[slot];
    let data: IssueData;
    if (kind === CHECK) {
      if (checkPosition < 0) checkPosition = at;
      continue;
    }
    if (kind === LITERAL) {
      const expected = String.fromCodePoint(p.slots.code[slot]!);
      data = { code: 'invalid_literal', input, position: at, expected, received };
    } else {
      const expected = p.slots.spec[slot]!.charClass!;
      data = { code: 'invalid_character', input, position: at, expected, received };
    }
    if (issues.length < MAX_CHARACTER_ISSUES) issues.push(withMessage(data, messages));
  }
  // A wrong check character is worth reporting only when everything else is right.
  if (issues.length === 0 && checkPosition >= 0) {
    issues.push(checksumIssue(p, input, checkPosition, messages));
  }
  return issues;
}
