import type { DatePart } from '../formats/date-parts.js';
import type { CharClass } from '../issues.js';
import { showCharacter } from './show-character.js';
import type { LocaleBundle } from './types.js';

const show = (ch: string): string => showCharacter(ch, '«', '»', 'un espacio');
const characters = (n: number): string => (n === 1 ? '1 carácter' : `${n} caracteres`);

const classNames: Record<CharClass, string> = {
  D: 'dígito',
  A: 'letra',
  X: 'letra o dígito',
  H: 'dígito hexadecimal (0–9, A–F)',
  C: 'carácter base32 de Crockford (sin I, L, O ni U)',
  S: 'carácter GS1',
};

const withArticle: Record<CharClass, string> = {
  D: 'un dígito',
  A: 'una letra',
  X: 'una letra o un dígito',
  H: 'un dígito hexadecimal (0–9, A–F)',
  C: 'un carácter base32 de Crockford (sin I, L, O ni U)',
  S: 'un carácter GS1',
};

/** Each date part with its article and the matching form of "valid". */
const dateFields: Record<DatePart, readonly [string, string]> = {
  YYYY: ['El año', 'válido'],
  YY: ['El año', 'válido'],
  MM: ['El mes', 'válido'],
  DD: ['El día', 'válido'],
  WW: ['La semana', 'válida'],
  DDD: ['El día del año', 'válido'],
};

/** Español. */
export const es: LocaleBundle = {
  issues: {
    empty: () => 'Introduzca un número de serie.',
    too_long: (i) =>
      `Es demasiado largo para un número de serie (${characters(i.maximum)} como máximo).`,
    invalid_length: (i) =>
      i.minimum === i.maximum
        ? `Un número de serie tiene ${characters(i.minimum)}; este tiene ${i.received}.`
        : `Un número de serie tiene entre ${i.minimum} y ${i.maximum} caracteres; este tiene ${i.received}.`,
    invalid_character: (i) =>
      i.expected === 'literal'
        ? `El carácter ${i.position + 1} (${show(i.received)}) no corresponde aquí.`
        : `El carácter ${i.position + 1} debe ser ${withArticle[i.expected]}, no ${show(i.received)}.`,
    invalid_literal: (i) =>
      `El carácter ${i.position + 1} debe ser ${show(i.expected)}, no ${show(i.received)}.`,
    invalid_checksum: () =>
      'El carácter de control no coincide: quizá haya un carácter mal escrito o dos intercambiados.',
    invalid_date: (i) => {
      const [field, valid] = dateFields[i.field as DatePart] ?? [
        `El campo de fecha ${i.field}`,
        'válido',
      ];
      return `${field} en el carácter ${i.position + 1} no es ${valid}.`;
    },
    pattern_mismatch: () => 'No coincide con el formato del número de serie.',
    no_matching_format: () => 'Este número de serie no coincide con ningún formato conocido.',
    invalid_gs1: (i) => `No es un código GS1 válido: ${i.reason}.`,
    invalid_gtin: () => 'No es un GTIN válido: compruebe los dígitos.',
  },
  classNames,
  hint: {
    classes: { D: 'N', A: 'L', X: 'X', H: 'H', C: 'C', S: 'S' },
    dateParts: { YYYY: 'AAAA', YY: 'AA', MM: 'MM', DD: 'DD', WW: 'SS', DDD: 'DDD' },
    checkSuffix: (count, digits) =>
      digits
        ? count === 2
          ? ' + 2 dígitos de control'
          : ' + dígito de control'
        : count === 2
          ? ' + 2 caracteres de control'
          : ' + carácter de control',
  },
};
