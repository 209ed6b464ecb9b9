/**
 * Issues returned by validation. Every issue has a stable `code`, a human `message` (from the
 * locale message map, see `locales/`), the `input` it is about, and a `position` (0-based index
 * into the input as given) where one applies.
 */
export type Locale = 'en' | 'de' | 'fr' | 'es';

/** Character classes of the format language. */
export type CharClass = 'D' | 'A' | 'X' | 'H' | 'C' | 'S';

interface IssueBase {
  message: string;
  input: string;
  position?: number;
}

export type SerialIssue =
  | (IssueBase & { code: 'empty' })
  | (IssueBase & { code: 'too_long'; maximum: number })
  | (IssueBase & { code: 'invalid_length'; minimum: number; maximum: number; received: number })
  | (IssueBase & {
      code: 'invalid_character';
      position: number;
      expected: CharClass | 'literal';
      received: string;
    })
  | (IssueBase & { code: 'invalid_literal'; position: number; expected: string; received: string })
  | (IssueBase & { code: 'invalid_checksum'; position: number; algorithm: string })
  | (IssueBase & { code: 'invalid_date'; position: number; field: string })
  | (IssueBase & { code: 'pattern_mismatch' })
  | (IssueBase & { code: 'no_matching_format' })
  | (IssueBase & { code: 'invalid_gs1'; ai?: string; reason: string })
  | (IssueBase & { code: 'invalid_gtin' });

export type SerialIssueCode = SerialIssue['code'];

/** Result of validating user input: never throws. */
export type Result<T, I = SerialIssue> =
  | { success: true; data: T }
  | { success: false; issues: I[] };
