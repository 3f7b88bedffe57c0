// Quarters of the year as the quarterly story speaks them ("2026-Q4"), in the
// user's calendar. A week counts in the quarter its first day falls in
// (docs/decisions/016-weeks-in-months-and-quarters.md), so a quarter holds the
// weeks that start in it, and a week that ends in the next quarter is counted
// in the one it started in. Pure: "today" is read by the caller in the right zone.
import { z } from "zod";
import { addDaysTo, formatDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { weekStartOf, type WeekSettings } from "@/lib/shared/week-dates";

/** "2026-Q4". */
export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The years a quarter may be in: wide, but inside what dates and PostgreSQL handle happily. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;

/** The earliest quarter there is. */
export const FIRST_QUARTER = `${FIRST_YEAR}-Q1` as QuarterKey;

export function isQuarterKey(value: string): value is QuarterKey {
  const match = QUARTER.exec(value);
  return match !== null && Number(match[1]) >= FIRST_YEAR && Number(match[1]) <= LAST_YEAR;
}

export const quarterKeySchema = z
  .string({ error: "Choose a quarter." })
  .trim()
  .refine(isQuarterKey, "Choose a quarter such as 2026-Q4.")
  .transform((value) => value as QuarterKey);

function partsOf(quarter: QuarterKey): { year: number; q: number } {
  return { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(6)) };
}

function keyOf(year: number, q: number): QuarterKey {
  return `${String(year).padStart(4, "0")}-Q${q}` as QuarterKey;
}

/** The calendar quarter a day is in. */
export function quarterOfDay(day: DateOnly): QuarterKey {
  return keyOf(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
}

/** The quarter's first calendar day: 1 January, April, July or October. */
export function quarterFirstDay(quarter: QuarterKey): DateOnly {
  const { year, q } = partsOf(quarter);
  return `${String(year).padStart(4, "0")}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
}

export function previousQuarter(quarter: QuarterKey): QuarterKey {
  const { year, q } = partsOf(quarter);
  return q === 1 ? keyOf(year - 1, 4) : keyOf(year, q - 1);
}

export function nextQuarter(quarter: QuarterKey): QuarterKey {
  const { year, q } = partsOf(quarter);
  return q === 4 ? keyOf(year + 1, 1) : keyOf(year, q + 1);
}

/** The quarter's last calendar day. */
export function quarterLastDay(quarter: QuarterKey): DateOnly {
  return addDaysTo(quarterFirstDay(nextQuarter(quarter)), -1);
}

/**
 * The weeks a quarter counts: the first and the last week that start in it.
 * The days it covers run from the first one's start to the last one's end,
 * which may be a few days into the next quarter.
 */
export function quarterWeeks(quarter: QuarterKey, weekStartsOn: number): { first: DateOnly; last: DateOnly; lastDay: DateOnly } {
  const first = weekStartOf(addDaysTo(quarterFirstDay(quarter), 6), weekStartsOn);
  const last = weekStartOf(quarterLastDay(quarter), weekStartsOn);
  return { first, last, lastDay: addDaysTo(last, 6) };
}

/** The quarter a week (by its first day) counts in. */
export function quarterOfWeek(weekStart: DateOnly): QuarterKey {
  return quarterOfDay(weekStart);
}

/** The quarter running now: the one the current week counts in, as the dashboard's "This quarter". */
export function currentQuarter(settings: WeekSettings, now: Date = new Date()): QuarterKey {
  return quarterOfWeek(weekStartOf(todayIn(settings.timeZone, now), settings.weekStartsOn));
}

/**
 * The weeks at a quarter's edges that span two quarters: the week that starts
 * before the quarter and ends in it (counted in the quarter before), and the
 * quarter's last week when it ends in the next quarter (counted here). Null
 * when the edge falls between two weeks.
 */
export function spanningWeeks(quarter: QuarterKey, weekStartsOn: number): { before: DateOnly | null; after: DateOnly | null } {
  const { first, last, lastDay } = quarterWeeks(quarter, weekStartsOn);
  const before = first === quarterFirstDay(quarter) ? null : addDaysTo(first, -7);
  const after = lastDay === quarterLastDay(quarter) ? null : last;
  return { before, after };
}

/** "Q4 2026". */
export function quarterName(quarter: QuarterKey): string {
  const { year, q } = partsOf(quarter);
  return `Q${q} ${year}`;
}

/** "October to December 2026". */
export function quarterMonths(quarter: QuarterKey): string {
  const first = formatDateOnly(quarterFirstDay(quarter), { month: "long" });
  const last = formatDateOnly(quarterLastDay(quarter), { month: "long", year: "numeric" });
  return `${first} to ${last}`;
}

/** The quarters from `latest` back, newest first, `count` of them at most and none before `earliest`. */
export function quartersBack(latest: QuarterKey, earliest: QuarterKey, count: number): QuarterKey[] {
  const quarters: QuarterKey[] = [];
  for (let quarter = latest; quarter >= earliest && quarters.length < count; quarter = previousQuarter(quarter)) quarters.push(quarter);
  return quarters;
}

/** What the page says of the weeks at a quarter's edges that span two quarters, if any. */
export function spanningWeeksNote(quarter: QuarterKey, weekStartsOn: number): string[] {
  const { before, after } = spanningWeeks(quarter, weekStartsOn);
  const label = (day: DateOnly) => formatDateOnly(day, { day: "numeric", month: "long", year: "numeric" });
  const notes: string[] = [];
  if (before) notes.push(`The week of ${label(before)} ends in ${quarterName(quarter)} but counts in the quarter before, where its first day falls.`);
  if (after) notes.push(`The week of ${label(after)} ends in the next quarter, on ${label(addDaysTo(after, 6))}, but counts in ${quarterName(quarter)}, where its first day falls.`);
  return notes;
}
