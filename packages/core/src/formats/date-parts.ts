/**
 * Date parts of the format language (`{YYYY}` `{YY}` `{MM}` `{DD}` `{WW}` `{DDD}`): checked
 * together as one real date, and filled from a `Date` (UTC) when generating.
 */

export type DatePart = 'YYYY' | 'YY' | 'MM' | 'DD' | 'WW' | 'DDD';

/** Number of digits of each date part, e.g. `DATE_PART_LENGTH.YYYY === 4`. */
export const DATE_PART_LENGTH: Readonly<Record<DatePart, number>> = {
  YYYY: 4,
  YY: 2,
  MM: 2,
  DD: 2,
  WW: 2,
  DDD: 3,
};

export function isDatePart(name: string): name is DatePart {
  return Object.hasOwn(DATE_PART_LENGTH, name);
}

/** The values read from a serial; -1 where the format has no such part. */
export interface DateValues {
  year: number;
  month: number;
  day: number;
  week: number;
  dayOfYear: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, year: number): number {
  // Stryker disable next-line EqualityOperator: equivalent, year 0 is a leap year
  if (month === 2) return year < 0 || isLeapYear(year) ? 29 : 28;
  // 31 days in odd months up to July, in even months from August.
  // Stryker disable next-line ArithmeticOperator: equivalent, month - 1 and month + 1 have the same parity
  return 30 + ((month + (month >> 3)) & 1);
}

/** Weekday of 1 January (0 = Sunday … 6 = Saturday), proleptic Gregorian. */
function weekdayOfJanuaryFirst(year: number): number {
  const y = year - 1;
  return (1 + 5 * (y % 4) + 4 * (y % 100) + 6 * (y % 400)) % 7;
}

/** ISO 8601 years with 53 weeks start on a Thursday, or on a Wednesday in leap years. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = weekdayOfJanuaryFirst(year);
  return jan1 === 4 || (jan1 === 3 && isLeapYear(year)) ? 53 : 52;
}

/**
 * The first part whose value is impossible, or `null` when the parts make a real date.
 * Without a year, February 29, week 53 and day 366 are allowed (they exist in some year).
 */
export function invalidDatePart(v: DateValues): 'MM' | 'DD' | 'WW' | 'DDD' | null {
  if (v.month !== -1 && (v.month < 1 || v.month > 12)) return 'MM';
  if (v.day !== -1) {
    // Stryker disable next-line EqualityOperator: equivalent, month 0 was refused above
    const max = v.month > 0 ? daysInMonth(v.month, v.year) : 31;
    if (v.day < 1 || v.day > max) return 'DD';
  }
  if (v.week !== -1) {
    const max = v.year < 0 ? 53 : isoWeeksInYear(v.year);
    if (v.week < 1 || v.week > max) return 'WW';
  }
  if (v.dayOfYear !== -1) {
    // Stryker disable next-line EqualityOperator: equivalent, year 0 is a leap year
    const max = v.year < 0 || isLeapYear(v.year) ? 366 : 365;
    if (v.dayOfYear < 1 || v.dayOfYear > max) return 'DDD';
  }
  return null;
}

/** ISO 8601 week number and week-numbering year of a UTC date. */
export function isoWeek(date: Date): { week: number; year: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The Thursday of this week decides its year.
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { week, year };
}

function dayOfYear(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return (day - start) / 86_400_000 + 1;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0').slice(-length);
}

/**
 * The digits of each part for `date` (UTC), as a format with the parts `parts` writes them when
 * it generates. In a week-based format (a week part and no month, day or day of year) the year is
 * the ISO week-numbering year, so 2024-12-30 is week 01 of 2025.
 *
 * @example
 * formatDateParts(new Date('2024-12-30'), new Set(['YYYY', 'MM'])).MM; // '12'
 * formatDateParts(new Date('2024-12-30'), new Set(['YYYY', 'WW'])).YYYY; // '2025'
 */
export function formatDateParts(
  date: Date,
  parts: ReadonlySet<DatePart>,
): Readonly<Record<DatePart, string>> {
  const { week, year: weekYear } = isoWeek(date);
  const weekBased = parts.has('WW') && !parts.has('MM') && !parts.has('DD') && !parts.has('DDD');
  const year = weekBased ? weekYear : date.getUTCFullYear();
  return {
    YYYY: pad(year, 4),
    YY: pad(year % 100, 2),
    MM: pad(date.getUTCMonth() + 1, 2),
    DD: pad(date.getUTCDate(), 2),
    WW: pad(week, 2),
    DDD: pad(dayOfYear(date), 3),
  };
}
