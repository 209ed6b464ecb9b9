import type { SerialIssue } from '../issues.js';
import { getAiDefinition } from './ai.js';
import { describedGs1Issue, gs1IssueText } from './issue-text.js';

/** Why GS1 input was rejected: the `reason` of an `invalid_gs1` issue. */
export type Gs1IssueReason =
  /** Nothing but white space. */
  | 'empty'
  /** Neither a Digital Link URI nor an element string. */
  | 'unrecognized'
  /** Broken structure: a bracket not closed, a URI without host, an AI split by the end… */
  | 'syntax'
  | 'unknown_ai'
  | 'missing_value'
  | 'too_short'
  | 'too_long'
  | 'invalid_character'
  /** A GS1 key other than a GTIN (SSCC, GLN, …) with a wrong check digit. */
  | 'invalid_check_digit'
  /** A GMN or MUDI with a wrong check character pair. */
  | 'invalid_check_pair'
  | 'invalid_date'
  | 'invalid_time'
  /** A character set 64 value (AI 8030) whose `=` padding is too long or pads a wrong length. */
  | 'invalid_padding'
  /** The same AI twice with different values in an element string. */
  | 'duplicate_ai'
  /** The same AI twice in a Digital Link URI, which carries each AI once, whatever the values. */
  | 'repeated_ai'
  | 'invalid_percent_encoding'
  /** A Digital Link URI whose path holds no primary key such as /01/{gtin}. */
  | 'no_primary_key'
  /** A key qualifier that this primary key does not take, or out of order (01: 22, 10, 21). */
  | 'invalid_key_qualifier';

/**
 * Plain English text for an `invalid_gs1` issue. It depends only on `reason` and `ai`, so a
 * locale map keyed the same way can replace it.
 *
 * @example
 * gs1IssueMessage('too_long', '21'); // 'AI (21) SERIAL is too long: at most 20 characters.'
 */
export function gs1IssueMessage(reason: Gs1IssueReason, ai?: string): string {
  return gs1IssueText(reason, ai, ai === undefined ? undefined : getAiDefinition(ai));
}

/** An `invalid_gs1` issue with its English message. */
export function gs1Issue(
  input: string,
  reason: Gs1IssueReason,
  ai?: string,
  position?: number,
): SerialIssue {
  return describedGs1Issue(
    input,
    reason,
    ai,
    position,
    ai === undefined ? undefined : getAiDefinition(ai),
  );
}

export { gtinIssue } from './issue-text.js';
