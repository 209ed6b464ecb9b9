/**
 * Issue messages and class names in every supported locale. The widget and the server use the
 * same maps, so a message reads the same wherever it is shown.
 */
import type { CharClass, Locale, SerialIssue } from '../issues.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { issueMessage } from './issue-message.js';
import type { IssueData, IssueMessages, LocaleBundle } from './types.js';

export { issueMessage } from './issue-message.js';
export type { HintWords, IssueData, IssueMessages, LocaleBundle } from './types.js';
export { de, en, es, fr };

/** Every locale's bundle: issue messages, class names and hint words. */
export const locales: Readonly<Record<Locale, LocaleBundle>> = Object.freeze({ en, de, fr, es });

/**
 * The issue message maps by locale: `messages.de.invalid_checksum(issue)`.
 *
 * @example
 * messages.fr.empty({ code: 'empty', input: '' }); // 'Saisissez un numéro de série.'
 */
export const messages: Readonly<Record<Locale, IssueMessages>> = Object.freeze({
  en: en.issues,
  de: de.issues,
  fr: fr.issues,
  es: es.issues,
});

/**
 * What each character class accepts, as a noun, by locale (for labels and inline help).
 *
 * @example
 * classNames.de.D; // 'Ziffer'
 */
export const classNames: Readonly<Record<Locale, Readonly<Record<CharClass, string>>>> =
  Object.freeze({
    en: en.classNames,
    de: de.classNames,
    fr: fr.classNames,
    es: es.classNames,
  });

/** Whether `value` is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(locales, value);
}

/**
 * The message of an issue in `locale` (default English; unknown locales fall back to English).
 * Takes an issue with or without its `message`, so it can re-translate issues from the wire.
 *
 * @example
 * formatIssueMessage({ code: 'invalid_checksum', input: 'SN-2024-0001239', position: 14, algorithm: 'luhn' }, 'de');
 * // 'Das Prüfzeichen stimmt nicht: Vielleicht ist ein Zeichen vertippt oder zwei sind vertauscht.'
 */
export function formatIssueMessage(issue: IssueData | SerialIssue, locale: Locale = 'en'): string {
  return issueMessage(issue, messagesOf(locale));
}

/** The message map of `locale`, English for an unknown one. */
export function messagesOf(locale: Locale | LocaleBundle): IssueMessages {
  return bundleOf(locale).issues;
}

/**
 * The bundle of a locale given by name (English for an unknown name), or the bundle given.
 *
 * @example
 * bundleOf('de') === de; // true
 */
export function bundleOf(locale: Locale | LocaleBundle): LocaleBundle {
  if (typeof locale !== 'string') return locale;
  return locales[isLocale(locale) ? locale : 'en'];
}
