import type { SerialIssue } from '../issues.js';
import { getAiDefinition } from './ai.js';

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
  /** The same AI twice with different values. */
  | 'duplicate_ai'
  | 'invalid_percent_encoding'
  /** A Digital Link URI whose path holds no primary key such as /01/{gtin}. */
  | 'no_primary_key'
  /** A key qualifier that this primary key does not take, or out of order (01: 22, 10, 21). */
  | 'invalid_key_qualifier';

const CHARSET_TEXT = {
  numeric: 'digits',
  set82: 'GS1 character set 82',
  set39: 'GS1 character set 39',
  set64: 'GS1 character set 64',
} as const;

/**
 * Plain English text for an `invalid_gs1` issue. It depends only on `reason` and `ai`, so a
 * locale map keyed the same way can replace it.
 *
 * @example
 * gs1IssueMessage('too_long', '21'); // 'AI (21) SERIAL is too long: at most 20 characters.'
 */
export function gs1IssueMessage(reason: Gs1IssueReason, ai?: string): string {
  const def = ai === undefined ? undefined : getAiDefinition(ai);
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
    case 'duplicate_ai':
      return `${name} appears twice with different values.`;
    case 'invalid_percent_encoding':
      return 'Malformed percent-encoding in the URI.';
    case 'no_primary_key':
      return 'The URI path has no GS1 primary key such as /01/{GTIN}.';
    case 'invalid_key_qualifier':
      return `${name} is not a key qualifier of this primary key, or is out of order.`;
  }
}

/** An `invalid_gs1` issue with its English message. */
export function gs1Issue(
  input: string,
  reason: Gs1IssueReason,
  ai?: string,
  position?: number,
): SerialIssue {
  return {
    code: 'invalid_gs1',
    reason,
    ...(ai === undefined ? {} : { ai }),
    message: gs1IssueMessage(reason, ai),
    input,
    ...(position === undefined ? {} : { position }),
  };
}

/** An `invalid_gtin` issue: a GTIN whose length or check digit is wrong. */
export function gtinIssue(input: string, position?: number): SerialIssue {
  return {
    code: 'invalid_gtin',
    message: 'Not a valid GTIN: the check digit or the length is wrong.',
    input,
    ...(position === undefined ? {} : { position }),
  };
}
