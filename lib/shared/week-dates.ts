// Week arithmetic. A week is keyed by its first calendar day in the user's
// own time zone and week-start setting; calendar days need no zone once
// "today" has been read in the right one.
import { addDaysTo, fromDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { canonicalTimeZone } from "@/lib/shared/time-zones";

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

// Weeks saved under an earlier "first day of the week" keep the seven days they
// were logged for. Each stands in for the calendar week its first day falls in
// (the week the dashboard counts it in), so that week is not logged twice.
// See docs/decisions/009-week-start-changes.md.

/** The calendar week (in the current setting) that a saved week stands in for. */
function standsInFor(savedStart: DateOnly, weekStartsOn: number): DateOnly {
  return weekStartOf(savedStart, weekStartsOn);
}

/**
 * The week a day opens: the saved week starting that day; else the calendar
 * week holding the day, or the saved week standing in for that calendar week.
 * `saved` is the saved week starts near the day, oldest first.
 */
export function weekToOpen(day: DateOnly, weekStartsOn: number, saved: readonly DateOnly[]): DateOnly {
  if (saved.includes(day)) return day;
  const calendarStart = weekStartOf(day, weekStartsOn);
  const standIns = saved.filter((start) => standsInFor(start, weekStartsOn) === calendarStart);
  // Two stand-ins only after switching the setting back and forth: the one holding the day, else the first.
  return standIns.findLast((start) => start <= day) ?? standIns[0] ?? calendarStart;
}

/**
 * The weeks before and after the week starting on `start`, stepping through
 * the saved weeks and the calendar weeks no saved week stands in for.
 * `saved` must hold every saved week start within 21 days of `start`.
 */
export function neighbouringWeeks(start: DateOnly, weekStartsOn: number, saved: readonly DateOnly[]): { previous: DateOnly; next: DateOnly } {
  const weeks = new Set<DateOnly>();
  // The neighbours are at most two calendar weeks away, whatever stands in for them.
  for (let calendarStart = weekStartOf(addDaysTo(start, -14), weekStartsOn); calendarStart <= addDaysTo(start, 14); calendarStart = nextWeekStart(calendarStart)) {
    const standIns = saved.filter((savedStart) => standsInFor(savedStart, weekStartsOn) === calendarStart);
    if (standIns.length === 0) weeks.add(calendarStart);
    for (const savedStart of standIns) weeks.add(savedStart);
  }
  const sorted = [...weeks].sort();
  return { previous: sorted.findLast((week) => week < start)!, next: sorted.find((week) => week > start)! };
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
// Per stored zone (a few hundred at most): resolving a name builds an Intl formatter, and this runs on every page header.
const zoneLabels = new Map<string, string>();

export function formatTimeZone(timeZone: string): string {
  let label = zoneLabels.get(timeZone);
  if (label === undefined) {
    // A zone saved under an old name (Asia/Calcutta) reads as its current one until the next save.
    label = (canonicalTimeZone(timeZone) ?? timeZone).replaceAll("_", " ");
    zoneLabels.set(timeZone, label);
  }
  return label;
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
