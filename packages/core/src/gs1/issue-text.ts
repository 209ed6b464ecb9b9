import type { SerialIssue } from '../issues.js';
import type { AiDefinition } from './ai.js';
import type { Gs1IssueReason } from './issues.js';

/** What the text of an issue says about its AI. */
export type AiDescription = Pick<
  AiDefinition,
  'title' | 'minLength' | 'maxLength' | 'fixedLength' | 'charset'
>;

const CHARSET_TEXT = {
  numeric: 'digits',
  set82: 'GS1 character set 82',
  set39: 'GS1 character set 39',
  set64: 'GS1 character set 64',
} as const;

/** The English text of an `invalid_gs1` issue about `ai`, described by `def` where known. */
export function gs1IssueText(reason: Gs1IssueReason, ai?: string, def?: AiDescription): string {
  const name = ai === undefined ? 'The value' : `AI (${ai})${def ? ` ${def.title}` : ''}`;
  switch (reason) {
    case 'empty':
      return 'Nothing to read: the input is empty.';
    case 'unrecognized':
      return 'Not a GS1 Digital Link URI or GS1 element string.';
    case 'syntax':
      return ai === undefined ? 'Malformed GS1 input.' : `Malformed GS1 input at AI (${ai}).`;
    case 'unknown_ai':
      return ai === undefined
        ? 'Unknown GS1 Application Identifier.'
        : `Unknown GS1 Application Identifier (${ai}).`;
    case 'missing_value':
      return `${name} has no value.`;
    case 'too_short':
      return def?.fixedLength
        ? `${name} is too short: exactly ${def.maxLength} characters.`
        : `${name} is too short${def ? `: at least ${def.minLength} characters` : ''}.`;
    case 'too_long':
      return `${name} is too long${def ? `: at most ${def.maxLength} characters` : ''}.`;
    case 'invalid_character':
      return `${name} has a character outside ${def ? CHARSET_TEXT[def.charset] : 'its character set'}.`;
    case 'invalid_check_digit':
      return `${name} has a wrong check digit.`;
    case 'invalid_check_pair':
      return `${name} has a wrong check character pair.`;
    case 'invalid_date':
      return `${name} is not a valid date.`;
    case 'invalid_time':
      return `${name} is not a valid time.`;
    case 'invalid_padding':
      return `${name} has misplaced padding.`;
    case 'duplicate_ai':
      return `${name} appears twice with different values.`;
    case 'repeated_ai':
      return `${name} appears twice.`;
    case 'invalid_percent_encoding':
      return 'Malformed percent-encoding in the URI.';
    case 'no_primary_key':
      return 'The URI path has no GS1 primary key such as /01/{GTIN}.';
    case 'invalid_key_qualifier':
      return `${name} is not a key qualifier of this primary key, or is out of order.`;
  }
}

/** The English text of an `invalid_gtin` issue. */
export const GTIN_ISSUE_TEXT = 'Not a valid GTIN: the check digit or the length is wrong.';

/**
 * An `invalid_gs1` issue with its English message, its AI described by `def` where known: the
 * full parsers describe it from the AI table, the compact unit reader from its own few AIs.
 */
export function describedGs1Issue(
  input: string,
  reason: Gs1IssueReason,
  ai: string | undefined,
  position: number | undefined,
  def: AiDescription | undefined,
): SerialIssue {
  return {
    code: 'invalid_gs1',
    reason,
    ...(ai === undefined ? {} : { ai }),
    message: gs1IssueText(reason, ai, def),
    input,
    ...(position === undefined ? {} : { position }),
  };
}

/** An `invalid_gtin` issue: a GTIN whose length or check digit is wrong. */
export function gtinIssue(input: string, position?: number): SerialIssue {
  return {
    code: 'invalid_gtin',
    message: GTIN_ISSUE_TEXT,
    input,
    ...(position === undefined ? {} : { position }),
  };
}
