// A saved week as the form's field values, for defaults and for comparing
// a refused save with what was saved in the meantime.
import { HABITS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";
import { formatHours, HOURS_FIELDS, parseHours } from "@/lib/weeks.validation";

export type WeekFormValues = Record<string, string>;

export function weekFormValues(week: SavedWeek): WeekFormValues {
  const values: WeekFormValues = {
    [HOURS_FIELDS.firefighting]: formatHours(week.firefightingMinutes),
    [HOURS_FIELDS.strategy]: formatHours(week.strategyMinutes),
    [HOURS_FIELDS.other]: formatHours(week.otherMinutes),
    highlights: week.highlights ?? "",
  };
  for (const habit of HABITS) {
    values[habit.reflectionField] = week[habit.reflectionField] ?? "";
    const rating = week[habit.ratingField];
    values[habit.ratingField] = rating === null ? "" : String(rating);
  }
  return values;
}

/** Whether two values of a field mean the same thing ("7.50" and "7.5" hours do). */
export function sameFieldValue(field: string, a: string, b: string): boolean {
  if ((Object.values(HOURS_FIELDS) as string[]).includes(field)) {
    const [x, y] = [parseHours(a), parseHours(b)];
    return x !== null && y !== null ? x === y : a.trim() === b.trim();
  }
  return a.replaceAll("\r\n", "\n").trim() === b.replaceAll("\r\n", "\n").trim();
}
