import "server-only";
import { expandEvents, type CalendarOccurrence, type IgnoredCounts, type ImportWindow } from "@/lib/calendar/expand";
import { decodeCalendar, parseCalendar, type ParseOptions } from "@/lib/calendar/parse";
import { Warnings, type CalendarWarning } from "@/lib/calendar/warnings";

/** How long one calendar may take to read before it is refused: the server keeps answering others. */
export const READ_TIME_LIMIT_MS = 10_000;

export type ReadOptions = ParseOptions & { window: ImportWindow; timeLimitMs?: number };

export type CalendarReading = {
  occurrences: CalendarOccurrence[];
  warnings: CalendarWarning[];
  /** Events left out on purpose (issue 15, point 2), counted for the preview. */
  ignored: IgnoredCounts & { allDay: number };
};

/**
 * An ICS file's occurrences in the imported window, in the user's terms.
 * Throws CalendarFileError (a message in words) when the file cannot be
 * imported at all; what it skips event by event is in `warnings`.
 */
export function readCalendar(input: string | Uint8Array, options: ReadOptions): CalendarReading {
  const deadline = Date.now() + (options.timeLimitMs ?? READ_TIME_LIMIT_MS);
  const warnings = new Warnings();
  const text = decodeCalendar(input);
  const parsed = parseCalendar(text, { ...options, deadline }, warnings);
  const { occurrences, ignored } = expandEvents(parsed.events, { window: options.window, deadline }, warnings);
  return { occurrences, warnings: warnings.list(), ignored: { ...ignored, allDay: parsed.allDay } };
}
