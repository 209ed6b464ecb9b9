/**
 * Date parts at and past each of their boundaries, with and without a year, held against the
 * calendar of `Date` (an independent implementation): month 0/1/12/13, each month's last day and
 * the day after, February 29 in leap and common years and centuries, ISO week 0/1/52/53/54 in
 * years with 52 and 53 weeks, day of year 0/1/365/366/367. Without a year a value is accepted when
 * it exists in some year (February 29, week 53, day 366), and never beyond that.
 *
 * The format language has no time of day (no hour or minute parts), so dates are all there is.
 */
import { describe, expect, test } from 'vitest';
import { formatDateParts, isLeapYear, isoWeeksInYear } from '../src/formats/date-parts.js';
import { compileFormat, compileValidator } from '../src/formats/index.js';

const pad = (value: number, length: number) => String(value).padStart(length, '0');
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---- The oracle: the calendar as `Date` knows it ----

/** Days in a month by `Date` (day 0 of the next month). */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** The ISO week of December 28 is always the year's last. */
const weeksIn = (year: number) => {
  const d = new Date(Date.UTC(year, 11, 28));
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.ceil(((thursday.getTime() - jan1) / 86_400_000 + 1) / 7);
};
const daysInYear = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;

const realDate = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
/** Without a year: a date that exists in some year (2024 is a leap year). */
const realMonthDay = (month: number, day: number) => realDate(2024, month, day);

/** Years whose boundaries differ: common, leap, century common (1900, 2100), century leap (2000), 53-week years. */
const YEARS = [1900, 2000, 2015, 2020, 2021, 2023, 2024, 2026, 2032, 2100];

/** Asserts that `format` accepts exactly the serials `expected` says, and names `field` otherwise. */
function expectAccepts(
  pattern: string,
  serials: readonly string[],
  expected: (serial: string) => boolean,
  field: (serial: string) => string,
) {
  const format = compileFormat(pattern);
  const validator = compileValidator(pattern);
  const wrong: string[] = [];
  let accepted = 0;
  for (const serial of serials) {
    const want = expected(serial);
    const result = format.validate(serial);
    if (want) accepted++;
    if (result.success !== want) wrong.push(`validate(${serial})`);
    if (format.test(serial) !== want) wrong.push(`test(${serial})`);
    if (validator.validate(serial).success !== want) wrong.push(`validator(${serial})`);
    if (!result.success) {
      const [issue, ...more] = result.issues;
      if (more.length > 0 || issue?.code !== 'invalid_date' || issue.field !== field(serial)) {
        wrong.push(`${serial}: ${JSON.stringify(result.issues)}`);
      }
    }
  }
  expect(wrong, pattern).toEqual([]);
  // Neither side of the boundary is empty, so neither a format that accepts everything nor one
  // that accepts nothing passes.
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThan(serials.length);
}

/** Month values at and past the boundaries, and every month in between. */
const MONTHS = [0, ...range(1, 13), 20, 99];
/** Day values at and past the boundaries of every month. */
const DAYS = [0, 1, 2, 27, 28, 29, 30, 31, 32, 40, 99];
const monthDays = MONTHS.flatMap((m) => DAYS.map((d) => pad(m, 2) + pad(d, 2)));

describe('date parts without a year', () => {
  test('{MM}: 01-12', () => {
    expectAccepts(
      '{MM}',
      range(0, 99).map((m) => pad(m, 2)),
      (s) => Number(s) >= 1 && Number(s) <= 12,
      () => 'MM',
    );
  });

  test('{DD}: 01-31', () => {
    expectAccepts(
      '{DD}',
      range(0, 99).map((d) => pad(d, 2)),
      (s) => Number(s) >= 1 && Number(s) <= 31,
      () => 'DD',
    );
  });

  test('{WW}: 01-53, never 54', () => {
    expectAccepts(
      'W{WW}',
      range(0, 99).map((w) => `W${pad(w, 2)}`),
      (s) => Number(s.slice(1)) >= 1 && Number(s.slice(1)) <= 53,
      () => 'WW',
    );
    // The same inside a longer format, canonical and typed.
    const format = compileFormat('LOT-{WW}-{D:4}');
    expect(format.validate('LOT-53-0001').success).toBe(true);
    expect(format.validate('lot 53 0001').success).toBe(true);
    for (const typed of ['LOT-54-0001', 'lot 54 0001', 'LOT-00-0001', 'LOT-99-0001']) {
      expect(format.validate(typed), typed).toMatchObject({
        success: false,
        issues: [{ code: 'invalid_date', field: 'WW', position: typed.indexOf(typed[4]!) }],
      });
    }
  });

  test('{DDD}: 001-366', () => {
    expectAccepts(
      '{DDD}',
      range(0, 999).map((d) => pad(d, 3)),
      (s) => Number(s) >= 1 && Number(s) <= 366,
      () => 'DDD',
    );
  });

  test('{MM}{DD}: each month to its last day in some year, February to the 29th', () => {
    expectAccepts(
      '{MM}{DD}',
      monthDays,
      (s) => realMonthDay(Number(s.slice(0, 2)), Number(s.slice(2))),
      (s) => (Number(s.slice(0, 2)) >= 1 && Number(s.slice(0, 2)) <= 12 ? 'DD' : 'MM'),
    );
  });

  test('{DD}.{MM}, day before month', () => {
    expectAccepts(
      '{DD}.{MM}',
      monthDays.map((md) => `${md.slice(2)}.${md.slice(0, 2)}`),
      (s) => realMonthDay(Number(s.slice(3)), Number(s.slice(0, 2))),
      (s) => (Number(s.slice(3)) >= 1 && Number(s.slice(3)) <= 12 ? 'DD' : 'MM'),
    );
  });
});

describe('date parts with a year', () => {
  test('{YYYY}{MM}{DD}: February 29 only in leap years, centuries included', () => {
    const serials = YEARS.flatMap((y) => monthDays.map((md) => `${y}${md}`));
    expectAccepts(
      '{YYYY}{MM}{DD}',
      serials,
      (s) => realDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6))),
      (s) => (Number(s.slice(4, 6)) >= 1 && Number(s.slice(4, 6)) <= 12 ? 'DD' : 'MM'),
    );
  });

  test('{YY}{MM}{DD}: two-digit years read as 20YY', () => {
    const serials = range(0, 99).flatMap((y) =>
      ['0228', '0229', '0230', '0431', '1231', '1232', '1301'].map((md) => `${pad(y, 2)}${md}`),
    );
    expectAccepts(
      '{YY}{MM}{DD}',
      serials,
      (s) => realDate(2000 + Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4))),
      (s) => (Number(s.slice(2, 4)) <= 12 ? 'DD' : 'MM'),
    );
  });

  test('{YYYY}-W{WW}: week 53 only in years that have one, week 54 never', () => {
    const years = range(1990, 2060);
    expect(years.filter((y) => weeksIn(y) === 53).length).toBeGreaterThan(5);
    expectAccepts(
      '{YYYY}-W{WW}',
      years.flatMap((y) => [0, 1, 2, 51, 52, 53, 54, 60, 99].map((w) => `${y}-W${pad(w, 2)}`)),
      (s) => Number(s.slice(6)) >= 1 && Number(s.slice(6)) <= weeksIn(Number(s.slice(0, 4))),
      () => 'WW',
    );
  });

  test('{WW}{YY}: the year after the week decides too', () => {
    expectAccepts(
      '{WW}{YY}',
      range(0, 99).flatMap((y) => ['00', '01', '52', '53', '54'].map((w) => `${w}${pad(y, 2)}`)),
      (s) =>
        Number(s.slice(0, 2)) >= 1 && Number(s.slice(0, 2)) <= weeksIn(2000 + Number(s.slice(2))),
      () => 'WW',
    );
  });

  test('{YYYY}{DDD}: day 366 only in leap years', () => {
    expectAccepts(
      '{YYYY}{DDD}',
      YEARS.flatMap((y) => [0, 1, 2, 364, 365, 366, 367, 400, 999].map((d) => `${y}${pad(d, 3)}`)),
      (s) => Number(s.slice(4)) >= 1 && Number(s.slice(4)) <= daysInYear(Number(s.slice(0, 4))),
      () => 'DDD',
    );
  });

  test('a wrong date is found on the lenient path too, with its position in the input', () => {
    const format = compileFormat('SN-{YYYY}{MM}{DD}-{D:3}');
    expect(format.validate('sn 2023 02 29 001')).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_date', field: 'DD', position: 11 }],
    });
    expect(format.validate('sn 2024 02 29 001').success).toBe(true);
    expect(format.validate('sn 2024 13 01 001')).toMatchObject({
      success: false,
      issues: [{ code: 'invalid_date', field: 'MM', position: 8 }],
    });
  });
});

describe('the calendar underneath', () => {
  test('leap years, weeks in a year and days in a month agree with Date, 1583-2600', () => {
    for (const year of range(1583, 2600)) {
      expect(isLeapYear(year), `${year}`).toBe(daysInYear(year) === 366);
      expect(isoWeeksInYear(year), `${year}`).toBe(weeksIn(year));
    }
  });

  test('generated date parts at the edges of the year are valid and read back', () => {
    const format = compileFormat('{YYYY}{MM}{DD}-{DDD}');
    const weekly = compileFormat('{YYYY}-W{WW}');
    for (const year of YEARS) {
      for (const date of [
        new Date(Date.UTC(year, 0, 1)),
        new Date(Date.UTC(year, 1, daysIn(year, 2))),
        new Date(Date.UTC(year, 11, 28)),
        new Date(Date.UTC(year, 11, 31)),
      ]) {
        const serial = format.generate({ date });
        const parsed = format.validate(serial);
        expect(parsed.success, serial).toBe(true);
        if (!parsed.success) continue;
        expect(Number(parsed.data.fields.DDD)).toBe(
          (date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1,
        );
        const parts = formatDateParts(date, new Set(['YYYY', 'WW']));
        expect(weekly.generate({ date })).toBe(`${parts.YYYY}-W${parts.WW}`);
        expect(weekly.validate(weekly.generate({ date })).success).toBe(true);
      }
      // December 28 is in the last week of its own year.
      expect(weekly.generate({ date: new Date(Date.UTC(year, 11, 28)) })).toBe(
        `${year}-W${weeksIn(year)}`,
      );
    }
  });

  test('year 0000 has 52 ISO weeks (1 January was a Saturday) and 366 days', () => {
    const weekly = compileFormat('{YYYY}-W{WW}');
    expect(weekly.validate('0000-W52').success).toBe(true);
    expect(weekly.validate('0000-W53').success).toBe(false);
    const daily = compileFormat('{YYYY}{DDD}');
    expect(daily.validate('0000366').success).toBe(true);
    expect(daily.validate('0000367').success).toBe(false);
  });

  test('the year is the ISO week-year only when the week is the only other date part', () => {
    // 30 December 2024 is in week 1 of 2025.
    const date = new Date(Date.UTC(2024, 11, 30));
    expect(compileFormat('{YYYY}-W{WW}').generate({ date })).toBe('2025-W01');
    expect(compileFormat('{YY}W{WW}').generate({ date })).toBe('25W01');
    expect(compileFormat('{YYYY}{MM}-W{WW}').generate({ date })).toBe('202412-W01');
    expect(compileFormat('{YYYY}.{DD}-W{WW}').generate({ date })).toBe('2024.30-W01');
    expect(compileFormat('{YYYY}{DDD}-W{WW}').generate({ date })).toBe('2024365-W01');
  });

  test('a generated serial is valid whatever the date, even past year 9999', () => {
    const format = compileFormat('{YYYY}{MM}{DD}-{D:3}');
    for (const year of [1, 999, 2024, 9999, 12_024]) {
      const date = new Date(0);
      date.setUTCFullYear(year, 4, 1);
      expect(format.validate(format.generate({ date, sequence: 1 })).success, `${year}`).toBe(true);
    }
  });
});
