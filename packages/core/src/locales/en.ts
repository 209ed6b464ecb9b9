import type { DatePart } from '../formats/date-parts.js';
import type { CharClass } from '../issues.js';
import { showCharacter } from './show-character.js';
import type { LocaleBundle } from './types.js';

const show = (ch: string): string => showCharacter(ch, '“', '”', 'a space');
const characters = (n: number): string => (n === 1 ? '1 character' : `${n} characters`);

const classNames: Record<CharClass, string> = {
  D: 'digit',
  A: 'letter',
  X: 'letter or digit',
  H: 'hexadecimal digit (0–9, A–F)',
  C: 'Crockford base32 character (no I, L, O or U)',
  S: 'GS1 character',
};

const dateFields: Record<DatePart, string> = {
  YYYY: 'year',
  YY: 'year',
  MM: 'month',
  DD: 'day',
  WW: 'week',
  DDD: 'day of the year',
};

/** English. */
export const en: LocaleBundle = {
  issues: {
    empty: () => 'Enter a serial number.',
    too_long: (i) => `This is too long for a serial number (at most ${characters(i.maximum)}).`,
    invalid_length: (i) =>
      i.minimum === i.maximum
        ? `A serial number has ${characters(i.minimum)}; this one has ${i.received}.`
        : `A serial number has ${i.minimum} to ${i.maximum} characters; this one has ${i.received}.`,
    invalid_character: (i) =>
      i.expected === 'literal'
        ? `Character ${i.position + 1} (${show(i.received)}) does not belong here.`
        : `Character ${i.position + 1} should be a ${classNames[i.expected]}, not ${show(i.received)}.`,
    invalid_literal: (i) =>
      `Character ${i.position + 1} should be ${show(i.expected)}, not ${show(i.received)}.`,
    invalid_checksum: () =>
      'The check character does not match: a character may be mistyped, or two swapped.',
    invalid_date: (i) =>
      `The ${dateFields[i.field as DatePart] ?? i.field} at character ${i.position + 1} is not valid.`,
    pattern_mismatch: () => 'This does not match the serial number format.',
    no_matching_format: () => 'This serial number does not match any known format.',
    invalid_gs1: (i) => `This is not a valid GS1 code: ${i.reason}.`,
    invalid_gtin: () => 'This is not a valid GTIN: check the digits.',
  },
  classNames,
  hint: {
    classes: { D: 'N', A: 'A', X: 'X', H: 'H', C: 'C', S: 'S' },
    dateParts: { YYYY: 'YYYY', YY: 'YY', MM: 'MM', DD: 'DD', WW: 'WW', DDD: 'DDD' },
    checkSuffix: (count, digits) =>
      `${count === 2 ? ' + 2 check ' : ' + check '}${digits ? 'digit' : 'character'}${count === 2 ? 's' : ''}`,
  },
};
