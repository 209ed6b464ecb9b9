import { describe, expect, test } from 'vitest';
import { compileFormat } from '../src/formats/index.js';
import type { Locale, SerialIssueCode } from '../src/issues.js';
import {
  classNames,
  formatIssueMessage,
  type IssueData,
  isLocale,
  locales,
  messages,
} from '../src/locales/index.js';

const LOCALES: Locale[] = ['en', 'de', 'fr', 'es'];

/** One issue of every code, as validation reports them. */
const SAMPLES: { [C in SerialIssueCode]: Extract<IssueData, { code: C }> } = {
  empty: { code: 'empty', input: '' },
  too_long: { code: 'too_long', input: 'SN…', maximum: 15 },
  invalid_length: {
    code: 'invalid_length',
    input: 'SN-2024-000123',
    minimum: 15,
    maximum: 15,
    received: 14,
  },
  invalid_character: {
    code: 'invalid_character',
    input: 'SN-2024-00O1238',
    position: 10,
    expected: 'D',
    received: 'O',
  },
  invalid_literal: {
    code: 'invalid_literal',
    input: 'XN-2024-0001238',
    position: 0,
    expected: 'S',
    received: 'X',
  },
  invalid_checksum: {
    code: 'invalid_checksum',
    input: 'SN-2024-0001239',
    position: 14,
    algorithm: 'luhn',
  },
  invalid_date: { code: 'invalid_date', input: '245412345', position: 2, field: 'WW' },
  pattern_mismatch: { code: 'pattern_mismatch', input: 'A1' },
  no_matching_format: { code: 'no_matching_format', input: 'ZZZ' },
  invalid_gs1: {
    code: 'invalid_gs1',
    input: '(01)123',
    ai: '01',
    reason: 'AI (01) needs 14 digits',
  },
  invalid_gtin: { code: 'invalid_gtin', input: '4006381333932' },
};

describe('messages', () => {
  test('every locale has a message for every issue code', () => {
    const codes = Object.keys(SAMPLES).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(messages[locale]).sort()).toEqual(codes);
      expect(locales[locale].issues).toBe(messages[locale]);
      expect(locales[locale].classNames).toBe(classNames[locale]);
    }
  });

  test('no message is empty or leaves a value out', () => {
    for (const locale of LOCALES) {
      for (const sample of Object.values(SAMPLES)) {
        const message = formatIssueMessage(sample, locale);
        expect(message.length).toBeGreaterThan(10);
        expect(message).not.toMatch(/undefined|NaN|\$\{|\[object/);
      }
    }
  });

  const render = (locale: Locale) =>
    Object.fromEntries(Object.values(SAMPLES).map((s) => [s.code, formatIssueMessage(s, locale)]));

  test('en', () => {
    expect(render('en')).toMatchInlineSnapshot(`
      {
        "empty": "Enter a serial number.",
        "invalid_character": "Character 11 should be a digit, not “O”.",
        "invalid_checksum": "The check character does not match: a character may be mistyped, or two swapped.",
        "invalid_date": "The week at character 3 is not valid.",
        "invalid_gs1": "This is not a valid GS1 code: AI (01) needs 14 digits.",
        "invalid_gtin": "This is not a valid GTIN: check the digits.",
        "invalid_length": "A serial number has 15 characters; this one has 14.",
        "invalid_literal": "Character 1 should be “S”, not “X”.",
        "no_matching_format": "This serial number does not match any known format.",
        "pattern_mismatch": "This does not match the serial number format.",
        "too_long": "This is too long for a serial number (at most 15 characters).",
      }
    `);
  });

  test('de', () => {
    expect(render('de')).toMatchInlineSnapshot(`
      {
        "empty": "Bitte geben Sie eine Seriennummer ein.",
        "invalid_character": "Zeichen 11 muss eine Ziffer sein, nicht „O“.",
        "invalid_checksum": "Das Prüfzeichen stimmt nicht: Vielleicht ist ein Zeichen vertippt oder zwei sind vertauscht.",
        "invalid_date": "Die Kalenderwoche ab Zeichen 3 ist ungültig.",
        "invalid_gs1": "Das ist kein gültiger GS1-Code: AI (01) needs 14 digits.",
        "invalid_gtin": "Das ist keine gültige GTIN: Bitte prüfen Sie die Ziffern.",
        "invalid_length": "Eine Seriennummer hat 15 Zeichen, diese hat 14.",
        "invalid_literal": "Zeichen 1 muss „S“ sein, nicht „X“.",
        "no_matching_format": "Diese Seriennummer passt zu keinem bekannten Format.",
        "pattern_mismatch": "Das entspricht nicht dem Format der Seriennummer.",
        "too_long": "Das ist zu lang für eine Seriennummer (höchstens 15 Zeichen).",
      }
    `);
  });

  test('fr', () => {
    expect(render('fr')).toMatchInlineSnapshot(`
      {
        "empty": "Saisissez un numéro de série.",
        "invalid_character": "Le caractère 11 doit être un chiffre, et non « O ».",
        "invalid_checksum": "Le caractère de contrôle ne correspond pas : un caractère est peut-être mal saisi, ou deux sont inversés.",
        "invalid_date": "La semaine au caractère 3 n’est pas valide.",
        "invalid_gs1": "Ce n’est pas un code GS1 valide : AI (01) needs 14 digits.",
        "invalid_gtin": "Ce n’est pas un GTIN valide : vérifiez les chiffres.",
        "invalid_length": "Un numéro de série compte 15 caractères ; celui-ci en compte 14.",
        "invalid_literal": "Le caractère 1 doit être « S », et non « X ».",
        "no_matching_format": "Ce numéro de série ne correspond à aucun format connu.",
        "pattern_mismatch": "Ceci ne correspond pas au format du numéro de série.",
        "too_long": "C’est trop long pour un numéro de série (15 caractères au maximum).",
      }
    `);
  });

  test('es', () => {
    expect(render('es')).toMatchInlineSnapshot(`
      {
        "empty": "Introduzca un número de serie.",
        "invalid_character": "El carácter 11 debe ser un dígito, no «O».",
        "invalid_checksum": "El carácter de control no coincide: quizá haya un carácter mal escrito o dos intercambiados.",
        "invalid_date": "La semana en el carácter 3 no es válida.",
        "invalid_gs1": "No es un código GS1 válido: AI (01) needs 14 digits.",
        "invalid_gtin": "No es un GTIN válido: compruebe los dígitos.",
        "invalid_length": "Un número de serie tiene 15 caracteres; este tiene 14.",
        "invalid_literal": "El carácter 1 debe ser «S», no «X».",
        "no_matching_format": "Este número de serie no coincide con ningún formato conocido.",
        "pattern_mismatch": "No coincide con el formato del número de serie.",
        "too_long": "Es demasiado largo para un número de serie (15 caracteres como máximo).",
      }
    `);
  });

  test('every class and date field has its own words', () => {
    for (const locale of LOCALES) {
      const perClass = new Set(
        (['D', 'A', 'X', 'H', 'C', 'S'] as const).map((expected) =>
          formatIssueMessage({ ...SAMPLES.invalid_character, expected }, locale),
        ),
      );
      expect(perClass.size).toBe(6);
      const perField = new Set(
        ['YYYY', 'YY', 'MM', 'DD', 'WW', 'DDD'].map((field) =>
          formatIssueMessage({ ...SAMPLES.invalid_date, field }, locale),
        ),
      );
      expect(perField.size).toBe(5); // YYYY and YY are both "the year"
      for (const message of perField) expect(message).not.toMatch(/YY|MM|DD|WW/);
    }
  });

  test('spaces are named and invisible characters shown by code point', () => {
    const issue = { ...SAMPLES.invalid_character, received: ' ' };
    expect(formatIssueMessage(issue, 'en')).toBe('Character 11 should be a digit, not a space.');
    expect(formatIssueMessage({ ...issue, received: '\u200b' }, 'de')).toBe(
      'Zeichen 11 muss eine Ziffer sein, nicht U+200B.',
    );
    expect(formatIssueMessage({ ...issue, received: '\t' }, 'fr')).toContain('U+0009');
  });

  test('unknown locales fall back to English', () => {
    expect(formatIssueMessage(SAMPLES.empty, 'it' as Locale)).toBe('Enter a serial number.');
    expect(isLocale('de')).toBe(true);
    expect(isLocale('toString')).toBe(false);
  });

  test('issues from validate carry the message of their locale', () => {
    const format = compileFormat('SN-{YYYY}-{D:6}{check:luhn}');
    for (const locale of LOCALES) {
      const result = format.validate('SN-2024-0001239', { locale });
      expect(!result.success && result.issues[0]!.message).toBe(
        formatIssueMessage(SAMPLES.invalid_checksum, locale),
      );
    }
  });
});

describe('class names', () => {
  test('every locale names every class', () => {
    expect(classNames).toMatchInlineSnapshot(`
      {
        "de": {
          "A": "Buchstabe",
          "C": "Crockford-Base32-Zeichen (ohne I, L, O und U)",
          "D": "Ziffer",
          "H": "Hexadezimalziffer (0–9, A–F)",
          "S": "GS1-Zeichen",
          "X": "Buchstabe oder Ziffer",
        },
        "en": {
          "A": "letter",
          "C": "Crockford base32 character (no I, L, O or U)",
          "D": "digit",
          "H": "hexadecimal digit (0–9, A–F)",
          "S": "GS1 character",
          "X": "letter or digit",
        },
        "es": {
          "A": "letra",
          "C": "carácter base32 de Crockford (sin I, L, O ni U)",
          "D": "dígito",
          "H": "dígito hexadecimal (0–9, A–F)",
          "S": "carácter GS1",
          "X": "letra o dígito",
        },
        "fr": {
          "A": "lettre",
          "C": "caractère base32 de Crockford (sans I, L, O ni U)",
          "D": "chiffre",
          "H": "chiffre hexadécimal (0–9, A–F)",
          "S": "caractère GS1",
          "X": "lettre ou chiffre",
        },
      }
    `);
  });
});

describe('hints', () => {
  test('date placeholders and the check suffix are localized', () => {
    const hints = (pattern: string) =>
      Object.fromEntries(
        LOCALES.map((locale) => [locale, compileFormat(pattern, { locale }).hint]),
      );
    expect(hints('SN-{YYYY}{MM}{DD}-{A:2}{D:6}{check:mod37-36}')).toEqual({
      en: 'SN-YYYYMMDD-AANNNNNN + check character',
      de: 'SN-JJJJMMTT-AANNNNNN + Prüfzeichen',
      fr: 'SN-AAAAMMJJ-LLNNNNNN + caractère de contrôle',
      es: 'SN-AAAAMMDD-LLNNNNNN + carácter de control',
    });
    expect(hints('{D:6}{check:luhn}')).toEqual({
      en: 'NNNNNN + check digit',
      de: 'NNNNNN + Prüfziffer',
      fr: 'NNNNNN + chiffre de contrôle',
      es: 'NNNNNN + dígito de control',
    });
    expect(compileFormat('{D:6}{check:mod97-10}', { locale: 'de' }).hint).toBe(
      'NNNNNN + 2 Prüfziffern',
    );
    expect(compileFormat('{X:6}{check:gs1-pair}').hint).toBe('XXXXXX + 2 check characters');
    expect(compileFormat('{YY}{WW}{D:12}', { locale: 'fr' }).hint).toBe('AASSN×12');
  });
});
