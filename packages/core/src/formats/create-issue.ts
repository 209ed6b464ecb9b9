import type { Locale, SerialIssue } from '../issues.js';
import { formatIssueMessage, type IssueData } from '../locales/index.js';

/**
 * An issue with its message written in `locale`.
 *
 * @example
 * createIssue({ code: 'empty', input: '' }, 'de').message; // 'Bitte geben Sie eine Seriennummer ein.'
 */
export function createIssue<T extends IssueData>(data: T, locale: Locale = 'en'): T & SerialIssue {
  return { ...data, message: formatIssueMessage(data, locale) } as T & SerialIssue;
}
