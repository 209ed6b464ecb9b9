import type { DatePart } from '../formats/date-parts.js';
import type { CharClass } from '../issues.js';
import { showCharacter } from './show-character.js';
import type { LocaleBundle } from './types.js';

const show = (ch: string): string => showCharacter(ch, '„', '“', 'ein Leerzeichen');

const classNames: Record<CharClass, string> = {
  D: 'Ziffer',
  A: 'Buchstabe',
  X: 'Buchstabe oder Ziffer',
  H: 'Hexadezimalziffer (0–9, A–F)',
  C: 'Crockford-Base32-Zeichen (ohne I, L, O und U)',
  S: 'GS1-Zeichen',
};

/** The class names with their indefinite article, as the messages need them. */
const withArticle: Record<CharClass, string> = {
  D: 'eine Ziffer',
  A: 'ein Buchstabe',
  X: 'ein Buchstabe oder eine Ziffer',
  H: 'eine Hexadezimalziffer (0–9, A–F)',
  C: 'ein Crockford-Base32-Zeichen (ohne I, L, O und U)',
  S: 'ein GS1-Zeichen',
};

const dateFields: Record<DatePart, string> = {
  YYYY: 'Das Jahr',
  YY: 'Das Jahr',
  MM: 'Der Monat',
  DD: 'Der Tag',
  WW: 'Die Kalenderwoche',
  DDD: 'Der Tag des Jahres',
};

/** Deutsch. */
export const de: LocaleBundle = {
  issues: {
    empty: () => 'Bitte geben Sie eine Seriennummer ein.',
    too_long: (i) => `Das ist zu lang für eine Seriennummer (höchstens ${i.maximum} Zeichen).`,
    invalid_length: (i) =>
      i.minimum === i.maximum
        ? `Eine Seriennummer hat ${i.minimum} Zeichen, diese hat ${i.received}.`
        : `Eine Seriennummer hat ${i.minimum} bis ${i.maximum} Zeichen, diese hat ${i.received}.`,
    invalid_character: (i) =>
      i.expected === 'literal'
        ? `Zeichen ${i.position + 1} (${show(i.received)}) gehört nicht hierher.`
        : `Zeichen ${i.position + 1} muss ${withArticle[i.expected]} sein, nicht ${show(i.received)}.`,
    invalid_literal: (i) =>
      `Zeichen ${i.position + 1} muss ${show(i.expected)} sein, nicht ${show(i.received)}.`,
    invalid_checksum: () =>
      'Das Prüfzeichen stimmt nicht: Vielleicht ist ein Zeichen vertippt oder zwei sind vertauscht.',
    invalid_date: (i) =>
      `${dateFields[i.field as DatePart] ?? `Das Datumsfeld ${i.field}`} ab Zeichen ${i.position + 1} ist ungültig.`,
    pattern_mismatch: () => 'Das entspricht nicht dem Format der Seriennummer.',
    no_matching_format: () => 'Diese Seriennummer passt zu keinem bekannten Format.',
    invalid_gs1: (i) => `Das ist kein gültiger GS1-Code: ${i.reason}.`,
    invalid_gtin: () => 'Das ist keine gültige GTIN: Bitte prüfen Sie die Ziffern.',
  },
  classNames,
  hint: {
    classes: { D: 'N', A: 'A', X: 'X', H: 'H', C: 'C', S: 'S' },
    dateParts: { YYYY: 'JJJJ', YY: 'JJ', MM: 'MM', DD: 'TT', WW: 'KW', DDD: 'TTT' },
    checkSuffix: (count, digits) =>
      digits
        ? count === 2
          ? ' + 2 Prüfziffern'
          : ' + Prüfziffer'
        : count === 2
          ? ' + 2 Prüfzeichen'
          : ' + Prüfzeichen',
  },
};
