import type { SerialIssue } from '../issues.js';
import type { IssueData, IssueMessages } from './types.js';

/**
 * The message of an issue from one locale's message map, e.g. `de.issues`. Unlike
 * `formatIssueMessage`, it needs no other locale, so a bundle that imports one map ships one.
 *
 * @example
 * issueMessage({ code: 'empty', input: '' }, de.issues); // 'Bitte geben Sie eine Seriennummer ein.'
 */
export function issueMessage(issue: IssueData | SerialIssue, messages: IssueMessages): string {
  // The map is keyed by code, so the function matches the issue; TypeScript cannot correlate them.
  const format = messages[issue.code] as (issue: IssueData) => string;
  return format(issue);
}

/** An issue with its message from `messages`. */
export function withMessage<T extends IssueData>(
  data: T,
  messages: IssueMessages,
): T & SerialIssue {
  return { ...data, message: issueMessage(data, messages) } as T & SerialIssue;
}
