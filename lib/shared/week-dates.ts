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
 * The week a day's imported hours go to (issue 15): the saved week whose seven
 * days hold it, else the week its page opens (`weekToOpen`). So an import
 * never starts a second week where a saved one stands in, and a day two saved
 * weeks share (after a change of the setting) counts once, in the earlier:
 * the one it was in first, so importing again puts it in the same week.
 * `saved` oldest first.
 */
export function weekHoldingDay(day: DateOnly, weekStartsOn: number, saved: readonly DateOnly[]): DateOnly {
  return saved.find((start) => start <= day && day <= weekEndOf(start)) ?? weekToOpen(day, weekStartsOn, saved);
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

// ── All your weeks (the /weeks page) and the nudge about last week ──────────

/** One line of the list of weeks: a logged week with its own dates, or a calendar week nobody logged. */
export type TimelineWeek = { startsOn: DateOnly; logged: boolean };

/**
 * Every week from the first logged one (or this week, when that is earlier) up
 * to this week (or next week, when it is logged), newest first: each saved
 * week with its own dates, and each calendar week no saved week stands in for
 * as a gap. `saved` is every saved week start, in any order.
 */
export function weekTimeline(saved: readonly DateOnly[], weekStartsOn: number, currentStart: DateOnly): TimelineWeek[] {
  if (saved.length === 0) return [];
  const byCalendarWeek = new Map<DateOnly, DateOnly[]>();
  for (const start of saved) {
    const calendarStart = standsInFor(start, weekStartsOn);
    byCalendarWeek.set(calendarStart, [...(byCalendarWeek.get(calendarStart) ?? []), start]);
  }
  const calendarWeeks = [...byCalendarWeek.keys()].sort();
  const first = calendarWeeks[0]! < currentStart ? calendarWeeks[0]! : currentStart;
  const last = calendarWeeks.at(-1)! > currentStart ? calendarWeeks.at(-1)! : currentStart;
  const timeline: TimelineWeek[] = [];
  for (let calendarStart = last; calendarStart >= first; calendarStart = previousWeekStart(calendarStart)) {
    const starts = byCalendarWeek.get(calendarStart);
    if (!starts) timeline.push({ startsOn: calendarStart, logged: false });
    else for (const startsOn of [...starts].sort().reverse()) timeline.push({ startsOn, logged: true });
  }
  return timeline;
}

/** A week of the strip: logged, a gap since the first logged week, this week still open, or before the first logged week. */
export type StripWeek = { startsOn: DateOnly; state: "logged" | "missing" | "open" | "before" };

/**
 * The last `count` calendar weeks up to this one, oldest first, each with its
 * state. A logged one carries the saved week's own first day, so its link
 * opens that week; `saved` is the saved week starts, `first` the first
 * calendar week logged (null with none).
 */
export function weekStrip(saved: readonly DateOnly[], weekStartsOn: number, currentStart: DateOnly, first: DateOnly | null, count = 52): StripWeek[] {
  // Each saved week's calendar week once, not once per strip cell: five years of weeks times 52 cells cost ~14 ms a render.
  const standIns = new Map<DateOnly, DateOnly>();
  for (const start of saved) {
    const calendarStart = standsInFor(start, weekStartsOn);
    if (!standIns.has(calendarStart)) standIns.set(calendarStart, start);
  }
  const strip: StripWeek[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const calendarStart = addDaysTo(currentStart, -7 * back);
    const standIn = standIns.get(calendarStart);
    if (standIn) strip.push({ startsOn: standIn, state: "logged" });
    else if (calendarStart === currentStart) strip.push({ startsOn: calendarStart, state: "open" });
    else strip.push({ startsOn: calendarStart, state: first !== null && calendarStart > first ? "missing" : "before" });
  }
  return strip;
}

/**
 * Last week, when the leader should hear that it is not logged: it is a gap
 * after a week they did log. Someone who started this week (or never) has no
 * last week to catch up on. `latestBefore` is the latest calendar week before
 * this one that a logged week counts for, or null.
 */
export function unloggedLastWeek(currentStart: DateOnly, latestBefore: DateOnly | null): DateOnly | null {
  const lastWeek = previousWeekStart(currentStart);
  return latestBefore !== null && latestBefore < lastWeek ? lastWeek : null;
}

/** "This week", "Last week", "Next week" or "Week of 3 March 2025". */
export function weekTitle(start: DateOnly, currentStart: DateOnly): string {
  if (start === currentStart) return "This week";
  if (start === previousWeekStart(currentStart)) return "Last week";
  if (start === nextWeekStart(currentStart)) return "Next week";
  const day = partsOf(fromDateOnly(start));
  return `Week of ${day.day} ${day.month} ${day.year}`;
}

/**
 * The days a week covers, naming month and year only once when they are shared:
 * "Mon 3 – Sun 9 March 2025", "Mon 31 March – Sun 6 April 2025",
 * "Mon 29 December 2025 – Sun 4 January 2026".
 */
export function formatWeekRange(start: DateOnly): string {
  const from = partsOf(fromDateOnly(start));
  const to = partsOf(fromDateOnly(weekEndOf(start)));
  const sameYear = from.year === to.year;
  const sameMonth = sameYear && from.month === to.month;
  const first = [from.weekday, from.day];
  if (!sameMonth) first.push(from.month);
  if (!sameYear) first.push(from.year);
  return `${first.join(" ")} – ${to.weekday} ${to.day} ${to.month} ${to.year}`;
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

type Parts = { weekday: string; day: string; month: string; year: string };

// The names, read once from the formatters, so a date's parts are a lookup: formatting each
// part of each date cost ~8 µs a week, 2 ms a render of a five-year list of weeks.
const weekdayNames = Array.from({ length: 7 }, (_, weekday) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2000, 0, 2 + weekday)),
);
const monthNames = Array.from({ length: 12 }, (_, month) => new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month, 1)));

/** A date's weekday ("Mon"), day ("3"), month ("March") and year ("2025"), as en-GB names them. */
function partsOf(date: Date): Parts {
  return {
    weekday: weekdayNames[date.getUTCDay()]!,
    day: String(date.getUTCDate()),
    month: monthNames[date.getUTCMonth()]!,
    year: String(date.getUTCFullYear()),
  };
}
