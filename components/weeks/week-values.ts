// A saved week as the form's field values, for defaults and for comparing
// a refused save with what was saved in the meantime.
import type { FieldChange } from "@/components/ui/version-conflict";
import type { FormValues } from "@/lib/shared/forms";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";
import { formatHours, HOURS_FIELDS, parseHours } from "@/lib/shared/week-hours";

export type WeekFormValues = Record<string, string>;

export function weekFormValues(week: SavedWeek): WeekFormValues {
  // A week never saved has no hours yet: empty fields, not "0".
  const hours = (minutes: number) => (week.version === 0 ? "" : formatHours(minutes));
  const values: WeekFormValues = {
    [HOURS_FIELDS.firefighting]: hours(week.firefightingMinutes),
    [HOURS_FIELDS.strategy]: hours(week.strategyMinutes),
    [HOURS_FIELDS.other]: hours(week.otherMinutes),
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


export function fieldChange(field: string, base: WeekFormValues, saved: WeekFormValues, mine: FormValues): FieldChange {
  const baseValue = base[field] ?? "";
  const mineChanged = !sameFieldValue(field, baseValue, valueOf(mine, field));
  const theirsChanged = !sameFieldValue(field, baseValue, saved[field] ?? "");
  return mineChanged && theirsChanged ? "both" : mineChanged ? "mine" : theirsChanged ? "theirs" : "unchanged";
}

/**
 * "Keep mine" is a field-level merge: what the user changed stays as they have
 * it (where both changed a field, the conflict view showed theirs first), and
 * every other field takes the newer save's value. Answers those values, to put in the form.
 */
export function takenFromNewerSave(base: WeekFormValues, saved: WeekFormValues, mine: FormValues): WeekFormValues {
  return Object.fromEntries(Object.keys(saved).filter((field) => fieldChange(field, base, saved, mine) === "theirs").map((field) => [field, saved[field] ?? ""]));
}

/** A single value of a posted form ("" when absent). */
export function valueOf(values: FormValues, field: string): string {
  const value = values[field];
  return typeof value === "string" ? value : "";
}
