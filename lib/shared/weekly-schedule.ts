// When a weekly email is due: a weekday and a local time in the user's own
// zone, turned into the UTC instant to store. Never the server's zone: every
// local time is read through the zone's own offsets (@date-fns/tz).
import { tzOffset } from "@date-fns/tz";
import { addDaysTo, fromDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { previousWeekStart, weekStartOf } from "@/lib/shared/week-dates";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type WeeklySchedule = {
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** Minutes after local midnight. */
  minute: number;
};

/** Friday 16:00, for new accounts. */
export const DEFAULT_WEEKLY_DAY = 5;
export const DEFAULT_WEEKLY_MINUTE = 16 * 60;

function offsetAt(timeZone: string, instant: number): number {
  return tzOffset(timeZone, new Date(instant));
}

/**
 * The instant a local wall-clock time happens in a zone. When it happens
 * twice (clocks going back), the first time; when it does not happen at all
 * (clocks going forward), the first minute after the gap: the next valid one.
 */
export function localTimeToInstant(day: DateOnly, minute: number, timeZone: string): Date {
  const wall = fromDateOnly(day).getTime() + minute * MINUTE;
  // The offsets in effect a day either side: a zone changes at most once in between.
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const exact = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => wall - offsetAt(timeZone, instant) * MINUTE === instant)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]);
  // In the gap: the change happened between these two instants; find its minute.
  let early = wall - after * MINUTE;
  let late = wall - before * MINUTE;
  while (late - early > MINUTE) {
    const middle = early + Math.floor((late - early) / 2 / MINUTE) * MINUTE;
    if (offsetAt(timeZone, middle) === after) late = middle;
    else early = middle;
  }
  return new Date(late);
}

/** The first time after `after` that the schedule's day and local time come round. */
export function nextWeeklyDue(schedule: WeeklySchedule, after: Date): Date {
  const today = todayIn(schedule.timeZone, after);
  // Eight local days hold the day twice when it is today: this week's time may have passed.
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDaysTo(today, offset);
    if (fromDateOnly(day).getUTCDay() !== schedule.day) continue;
    const due = localTimeToInstant(day, schedule.minute, schedule.timeZone);
    if (due.getTime() > after.getTime()) return due;
  }
  throw new Error(`No due time found for ${schedule.timeZone}`);
}

/**
 * The week a reminder sent at `due` asks the leader to log: the week it falls
 * in, except on the week's first day, when the week just begun has nothing to
 * log yet and the one that just ended is meant.
 */
export function reminderWeekOf(due: Date, calendar: { timeZone: string; weekStartsOn: number }): DateOnly {
  const day = todayIn(calendar.timeZone, due);
  const start = weekStartOf(day, calendar.weekStartsOn);
  return start === day ? previousWeekStart(start) : start;
}

/** "16:00" for 960. */
export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
