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
