// A week's hours as the week form and its pages speak them, without the form's
// schema (lib/weeks.validation.ts): the form's fields and the pages import these,
// and the schema, with zod, loads only when the form is first used (decision record 040).
import { TIME_CATEGORIES, type TimeCategory } from "@/lib/shared/vocabulary";

export const MAX_WEEK_HOURS = 168;

export const HOURS_FIELDS = {
  firefighting: "firefightingHours",
  strategy: "strategyHours",
  other: "otherHours",
} as const satisfies Record<TimeCategory, string>;

const HOURS = /^\d+(?:[.,]\d+)?$/;

/** Hours as typed ("7.5", "7,5", "" for none), or null when it is not a number of hours. */
export function parseHours(raw: string): number | null {
  const value = raw.trim();
  if (value === "") return 0;
  return HOURS.test(value) ? Number(value.replace(",", ".")) : null;
}

function negativeHoursMessage(category: TimeCategory): string {
  return `Hours can't be negative: enter 0 or more ${TIME_CATEGORIES[category].toLowerCase()} hours.`;
}

/**
 * What is wrong with hours while they are being typed, or null. Only what no
 * further typing fixes (a minus sign); "7." on its way to "7.5" waits for the save.
 */
export function hoursProblemAsTyped(raw: string, category: TimeCategory): string | null {
  return raw.trim().startsWith("-") ? negativeHoursMessage(category) : null;
}

/** Minutes as the form shows hours: 450 → "7.5", 0 → "0". */
export function formatHours(minutes: number): string {
  return String(minutes / 60);
}

/** Strategy's share of logged hours as a whole percentage, or null when nothing is logged. */
export function strategyShare(minutes: Record<TimeCategory, number>): number | null {
  const total = minutes.firefighting + minutes.strategy + minutes.other;
  return total === 0 ? null : Math.round((minutes.strategy / total) * 100);
}
