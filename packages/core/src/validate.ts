/**
 * @serialkit/core/validate: checking customer input in the browser. Compiles serial formats into
 * validators (the same answers as `compileFormat`, without the generator and regex formats), hints
 * and issue messages per locale (import only the locales a page speaks), and a compact reader of
 * the GS1 codes on labels. Nothing here reaches zod, the schemas or the matcher.
 *
 * @example
 * import { compileValidator, de, describeFormat } from '@serialkit/core/validate';
 * const v = compileValidator('SN-{YYYY}-{D:6}{check:luhn}', { locale: de });
 * v.validate('sn 2024 0001238'); // { success: true, data: { serial: 'SN-2024-0001238', … } }
 * describeFormat(v.tokens, de); // 'SN-JJJJ-NNNNNN + Prüfziffer'
 */

export { type CheckValidator, checkValidators, getCheckValidator } from './checksums/index.js';
export { FormatSyntaxError } from './formats/format-syntax-error.js';
export { compileValidator, describeFormat } from './formats/pattern-validator.js';
export type {
  FormatToken,
  ParsedSerial,
  SerialValidator,
  Suggestion,
  ValidationResult,
  ValidatorOptions,
} from './formats/types.js';
export { type Gs1Unit, readGs1Unit } from './gs1/read-unit.js';
export type * from './issues.js';
export { de } from './locales/de.js';
export { en } from './locales/en.js';
export { es } from './locales/es.js';
export { fr } from './locales/fr.js';
export { issueMessage } from './locales/issue-message.js';
export type { HintWords, IssueData, IssueMessages, LocaleBundle } from './locales/types.js';
export { isWebUrl } from './web-url.js';
