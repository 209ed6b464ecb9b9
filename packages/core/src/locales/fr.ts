import type { DatePart } from '../formats/date-parts.js';
import type { CharClass } from '../issues.js';
import { showCharacter } from './show-character.js';
import type { LocaleBundle } from './types.js';

// French typography: no-break spaces inside guillemets, a narrow one before ';' and ':'.
const show = (ch: string): string => showCharacter(ch, '«\u00a0', '\u00a0»', 'une espace');
const characters = (n: number): string => (n === 1 ? '1 caractère' : `${n} caractères`);

const classNames: Record<CharClass, string> = {
  D: 'chiffre',
  A: 'lettre',
  X: 'lettre ou chiffre',
  H: 'chiffre hexadécimal (0–9, A–F)',
  C: 'caractère base32 de Crockford (sans I, L, O ni U)',
  S: 'caractère GS1',
};

const withArticle: Record<CharClass, string> = {
  D: 'un chiffre',
  A: 'une lettre',
  X: 'une lettre ou un chiffre',
  H: 'un chiffre hexadécimal (0–9, A–F)',
  C: 'un caractère base32 de Crockford (sans I, L, O ni U)',
  S: 'un caractère GS1',
};

const dateFields: Record<DatePart, string> = {
  YYYY: 'L’année',
  YY: 'L’année',
  MM: 'Le mois',
  DD: 'Le jour',
  WW: 'La semaine',
  DDD: 'Le jour de l’année',
};

/** Français. */
export const fr: LocaleBundle = {
  issues: {
    empty: () => 'Saisissez un numéro de série.',
    too_long: (i) =>
      `C’est trop long pour un numéro de série (${characters(i.maximum)} au maximum).`,
    invalid_length: (i) =>
      i.minimum === i.maximum
        ? `Un numéro de série compte ${characters(i.minimum)}\u202f; celui-ci en compte ${i.received}.`
        : `Un numéro de série compte de ${i.minimum} à ${i.maximum} caractères\u202f; celui-ci en compte ${i.received}.`,
    invalid_character: (i) =>
      i.expected === 'literal'
        ? `Le caractère ${i.position + 1} (${show(i.received)}) n’est pas attendu ici.`
        : `Le caractère ${i.position + 1} doit être ${withArticle[i.expected]}, et non ${show(i.received)}.`,
    invalid_literal: (i) =>
      `Le caractère ${i.position + 1} doit être ${show(i.expected)}, et non ${show(i.received)}.`,
    invalid_checksum: () =>
      'Le caractère de contrôle ne correspond pas\u202f: un caractère est peut-être mal saisi, ou deux sont inversés.',
    invalid_date: (i) =>
      `${dateFields[i.field as DatePart] ?? `Le champ de date ${i.field}`} au caractère ${i.position + 1} n’est pas valide.`,
    pattern_mismatch: () => 'Ceci ne correspond pas au format du numéro de série.',
    no_matching_format: () => 'Ce numéro de série ne correspond à aucun format connu.',
    invalid_gs1: (i) => `Ce n’est pas un code GS1 valide\u202f: ${i.reason}.`,
    invalid_gtin: () => 'Ce n’est pas un GTIN valide\u202f: vérifiez les chiffres.',
  },
  classNames,
  hint: {
    classes: { D: 'N', A: 'L', X: 'X', H: 'H', C: 'C', S: 'S' },
    dateParts: { YYYY: 'AAAA', YY: 'AA', MM: 'MM', DD: 'JJ', WW: 'SS', DDD: 'JJJ' },
    checkSuffix: (count, digits) =>
      digits
        ? count === 2
          ? ' + 2 chiffres de contrôle'
          : ' + chiffre de contrôle'
        : count === 2
          ? ' + 2 caractères de contrôle'
          : ' + caractère de contrôle',
  },
};
