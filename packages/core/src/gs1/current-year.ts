/**
 * The current year for GS1's sliding window of two-digit years, read cheaply: the clock each time
 * (the year may turn while a process runs), a `Date` only when the clock has left the year last
 * seen. Kept out of `dates.ts`, which the browser entry shares.
 */

let thisYear = 0;
let yearStart = 0;
let yearEnd = 0;

/** The current year in UTC. */
export function currentUtcYear(): number {
  const now = Date.now();
  if (now < yearStart || now >= yearEnd) {
    thisYear = new Date(now).getUTCFullYear();
    yearStart = Date.UTC(thisYear, 0, 1);
    yearEnd = Date.UTC(thisYear + 1, 0, 1);
  }
  return thisYear;
}
