/**
 * GS1 dates: YYMMDD with the century chosen by the sliding window of GS1 General Specifications
 * 7.12, and day 00 meaning the last day of the month (AIs 11-17).
 */

/** Days in `month` (1-12) of `year` in the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two digits at `s[i]`, or -1. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Is `s[i, i + 6)` a plausible GS1 YYMMDD date? The century is not known here, so a 29 February
 * is accepted in every year whose last two digits are a multiple of 4, as GS1's own checks do.
 */
export function isYymmdd(s: string, i: number, allowDayZero: boolean): boolean {
  const yy = twoDigits(s, i);
  const mm = twoDigits(s, i + 2);
  const dd = twoDigits(s, i + 4);
  if (yy < 0 || mm < 1 || mm > 12 || dd < 0) return false;
  if (dd === 0) return allowDayZero;
  return dd <= (mm === 2 ? (yy % 4 === 0 ? 29 : 28) : daysInMonth(2001, mm));
}

/** Is `s[i, i + 8)` a valid YYYYMMDD date? */
export function isYyyymmdd(s: string, i: number): boolean {
  const cc = twoDigits(s, i);
  const yy = twoDigits(s, i + 2);
  const mm = twoDigits(s, i + 4);
  const dd = twoDigits(s, i + 6);
  if (cc < 0 || yy < 0 || mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= daysInMonth(cc * 100 + yy, mm);
}

/**
 * The full year of a GS1 two-digit year: the one within 49 years behind and 50 years ahead of
 * `referenceYear` (GS1 General Specifications 7.12).
 */
export function gs1Year(yy: number, referenceYear: number): number {
  const current = referenceYear % 100;
  const century = referenceYear - current;
  const diff = yy - current;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

/**
 * A GS1 YYMMDD date as an ISO 8601 date `YYYY-MM-DD`, or `undefined` when it is not a date.
 * Day `00` means the last day of the month. `referenceYear` (default: this year, UTC) picks the
 * century.
 *
 * @example
 * gs1DateToIso('251231'); // '2025-12-31'
 * gs1DateToIso('240200'); // '2024-02-29'
 * gs1DateToIso('991231', 2025); // '1999-12-31'
 */
export function gs1DateToIso(
  yymmdd: string,
  referenceYear: number = new Date().getUTCFullYear(),
): string | undefined {
  if (yymmdd.length !== 6) return undefined;
  const yy = twoDigits(yymmdd, 0);
  const mm = twoDigits(yymmdd, 2);
  let dd = twoDigits(yymmdd, 4);
  if (yy < 0 || mm < 1 || mm > 12 || dd < 0) return undefined;
  const year = gs1Year(yy, referenceYear);
  const last = daysInMonth(year, mm);
  if (dd === 0) dd = last;
  else if (dd > last) return undefined;
  return `${year}-${yymmdd.slice(2, 4)}-${dd < 10 ? '0' : ''}${dd}`;
}
