// Calendar dates ("YYYY-MM-DD") as the app speaks them. PostgreSQL `date`
// columns come back from Prisma as a Date at UTC midnight; these convert.

export type DateOnly = string;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date as YYYY-MM-DD: one that reads back the same (no 31 April, no month 13). */
export function isDateOnly(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const date = fromDateOnly(value);
  return !Number.isNaN(date.getTime()) && toDateOnly(date) === value;
}

/** A `date` column's value (UTC midnight) as YYYY-MM-DD. */
export function toDateOnly(date: Date): DateOnly {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the Date Prisma expects for a `date` column. */
export function fromDateOnly(value: DateOnly): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

// Per zone and set of options (a few hundred zones, a handful of sets in the code): most pages
// ask for today and lists format a time per item; building a zoned formatter costs 40–80 µs,
// formatting with one 1 µs. The UTC formatters of calendar dates are the same cache's.
const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

/** The en-GB formatter of `options` in `timeZone`, built once. */
export function zonedDateTimeFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let formatter = zonedFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    zonedFormatters.set(key, formatter);
  }
  return formatter;
}

const DAY_PARTS: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): DateOnly {
  const formatter = zonedDateTimeFormat(timeZone, DAY_PARTS);
  // Assembled from parts: no locale's own date order or separators to trust.
  const parts = formatter.formatToParts(now);
  const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${value("year")}-${value("month")}-${value("day")}`;
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDaysTo(value: DateOnly, days: number): DateOnly {
  const date = fromDateOnly(value);
  date.setUTCDate(date.getUTCDate() + days);
  return toDateOnly(date);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateOnly, to: DateOnly): number {
  return Math.round((fromDateOnly(to).getTime() - fromDateOnly(from).getTime()) / 86_400_000);
}

const DEFAULT_FORMAT: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" };

/** "Mon 3 Mar 2025" style, for display. */
export function formatDateOnly(value: DateOnly, options: Intl.DateTimeFormatOptions = DEFAULT_FORMAT): string {
  // A calendar date is stored as midnight UTC.
  return zonedDateTimeFormat("UTC", options).format(fromDateOnly(value));
}
