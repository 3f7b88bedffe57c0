// Week arithmetic. A week is keyed by its first calendar day in the user's
// own time zone and week-start setting; calendar days need no zone once
// "today" has been read in the right one.
import { addDaysTo, fromDateOnly, todayIn, type DateOnly } from "@/lib/dates";

export type WeekSettings = { timeZone: string; weekStartsOn: number };

/** The first day of the week that contains `day`. */
export function weekStartOf(day: DateOnly, weekStartsOn: number): DateOnly {
  const weekday = fromDateOnly(day).getUTCDay();
  return addDaysTo(day, -((weekday - weekStartsOn + 7) % 7));
}

/** The first day of the week that contains `now` for this user. */
export function currentWeekStart(settings: WeekSettings, now: Date = new Date()): DateOnly {
  return weekStartOf(todayIn(settings.timeZone, now), settings.weekStartsOn);
}

export function isWeekStart(day: DateOnly, weekStartsOn: number): boolean {
  return weekStartOf(day, weekStartsOn) === day;
}

/** The last day of the week that starts on `start` (inclusive). */
export function weekEndOf(start: DateOnly): DateOnly {
  return addDaysTo(start, 6);
}

export function previousWeekStart(start: DateOnly): DateOnly {
  return addDaysTo(start, -7);
}

export function nextWeekStart(start: DateOnly): DateOnly {
  return addDaysTo(start, 7);
}

/**
 * Weeks up to next week can be logged (planning ahead is fine); weeks further
 * out can be looked at but not logged, since nothing has happened in them yet.
 */
export function canLogWeek(start: DateOnly, currentStart: DateOnly): boolean {
  return start <= nextWeekStart(currentStart);
}

/** "This week", "Last week", "Next week" or "Week of 3 March 2025". */
export function weekTitle(start: DateOnly, currentStart: DateOnly): string {
  if (start === currentStart) return "This week";
  if (start === previousWeekStart(currentStart)) return "Last week";
  if (start === nextWeekStart(currentStart)) return "Next week";
  return `Week of ${part(start, "day")} ${part(start, "month")} ${part(start, "year")}`;
}

/**
 * The days a week covers, naming month and year only once when they are shared:
 * "Mon 3 – Sun 9 March 2025", "Mon 31 March – Sun 6 April 2025",
 * "Mon 29 December 2025 – Sun 4 January 2026".
 */
export function formatWeekRange(start: DateOnly): string {
  const end = weekEndOf(start);
  const sameYear = part(start, "year") === part(end, "year");
  const sameMonth = sameYear && part(start, "month") === part(end, "month");
  const first = [part(start, "weekday"), part(start, "day")];
  if (!sameMonth) first.push(part(start, "month"));
  if (!sameYear) first.push(part(start, "year"));
  const last = [part(end, "weekday"), part(end, "day"), part(end, "month"), part(end, "year")];
  return `${first.join(" ")} – ${last.join(" ")}`;
}

/** A zone as people read it: "America/New York". */
export function formatTimeZone(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}

type Part = "weekday" | "day" | "month" | "year";

// Built once: creating an Intl.DateTimeFormat costs far more than formatting with one.
const partFormats: Record<Part, Intl.DateTimeFormat> = {
  weekday: new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }),
  year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
};

function part(day: DateOnly, name: Part): string {
  return partFormats[name].format(fromDateOnly(day));
}
