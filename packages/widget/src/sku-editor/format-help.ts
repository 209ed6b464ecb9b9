import { compileFormat, FormatSyntaxError, type Locale, type SerialFormat } from '@serialkit/core';

/** What the editor shows under the format field: the compiled format, or why it cannot be read. */
export type FormatHelp =
  | { kind: 'empty' }
  | { kind: 'ok'; format: SerialFormat; hint: string; example: string }
  | { kind: 'error'; reason: string; column: number };

const LOCALES: readonly string[] = ['en', 'de', 'fr', 'es'];

/**
 * Compiles a format pattern with `@serialkit/core` (the same compiler the service uses), for the
 * live hint, example, sample check and sample generation.
 */
export function formatHelp(pattern: string, lang: string): FormatHelp {
  if (!pattern.trim()) return { kind: 'empty' };
  const locale = (LOCALES.includes(lang) ? lang : 'en') as Locale;
  try {
    const format = compileFormat(pattern, { locale });
    return { kind: 'ok', format, hint: format.hint, example: format.example };
  } catch (error) {
    if (error instanceof FormatSyntaxError) {
      return { kind: 'error', reason: error.reason, column: error.column };
    }
    throw error;
  }
}

/** What the sample box says about a serial typed against the format. */
export type SampleCheck =
  | { kind: 'none' }
  | { kind: 'valid'; serial: string }
  | { kind: 'invalid'; messages: string[] };

/** Checks a sample serial against a compiled format. */
export function checkSample(help: FormatHelp, sample: string, lang: string): SampleCheck {
  if (help.kind !== 'ok' || !sample.trim()) return { kind: 'none' };
  const locale = (LOCALES.includes(lang) ? lang : 'en') as Locale;
  const result = help.format.validate(sample, { locale });
  return result.success
    ? { kind: 'valid', serial: result.data.serial }
    : { kind: 'invalid', messages: result.issues.map((issue) => issue.message) };
}
