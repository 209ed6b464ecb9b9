import type { DatePart } from '../formats/date-parts.js';
import type { CharClass, SerialIssue, SerialIssueCode } from '../issues.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An issue before its message is written. */
export type IssueData = DistributiveOmit<SerialIssue, 'message'>;

/**
 * One message function per issue code. A mapped type rather than a plain `Record`, so that each
 * function sees its own issue's fields and a missing code fails to compile.
 */
export type IssueMessages = {
  readonly [C in SerialIssueCode]: (issue: Extract<IssueData, { code: C }>) => string;
};

/** Words for `SerialFormat.hint` ("SN-YYYY-NNNNNN + check digit"). */
export interface HintWords {
  /** One placeholder letter per class, repeated for each character. */
  readonly classes: Readonly<Record<CharClass, string>>;
  /** Placeholders of date parts ("JJJJ" for a year in German). */
  readonly dateParts: Readonly<Record<DatePart, string>>;
  /** The suffix for the check character(s), e.g. " + check digit". */
  checkSuffix(count: 1 | 2, digits: boolean): string;
}

/** Everything one locale says. */
export interface LocaleBundle {
  readonly issues: IssueMessages;
  /** What each class accepts, as a noun: "digit", "letter"… (for labels and hints). */
  readonly classNames: Readonly<Record<CharClass, string>>;
  readonly hint: HintWords;
}
