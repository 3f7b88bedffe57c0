import "server-only";
import { RRuleTemporal } from "rrule-temporal";
import { CalendarFileError } from "@/lib/calendar/errors";
import { tooSlow, type SourceEvent } from "@/lib/calendar/parse";
import type { Warnings } from "@/lib/calendar/warnings";

// Expands series into the occurrences that fall in the imported window.
// rrule-temporal steps the RRULE in wall-clock time (read as UTC, so no DST
// change ever shifts a step); each wall-clock time then becomes an instant in
// the series' own zone (zones.ts), as RFC 5545 asks. UNTIL is applied here, to
// instants, since it is an instant and the steps are not. DTSTART always counts
// as the first occurrence (RFC 5545 §3.8.5.3), even when the rule would skip it.

/** An occurrence as the import uses it (see SourceEvent for what is kept and why). */
export type CalendarOccurrence = {
  /** Stable across imports of the same calendar: the UID, and for a series the occurrence's original start. */
  key: string;
  uid: string;
  /** ISO instant of the occurrence's original start in its series; null for an event that does not repeat. */
  recurrenceId: string | null;
  start: Date;
  end: Date;
  title: string;
  description: string;
  organizer: string | null;
  attendees: string[];
  attendeeCount: number;
  status: "confirmed" | "tentative";
};

export type ImportWindow = { start: Date; end: Date };

/** One series may repeat this often within the window; more is refused with a warning, not cut short. */
export const MAX_OCCURRENCES_PER_SERIES = 5_000;
/** A whole import may hold this many occurrences; more is refused as a whole. */
export const MAX_OCCURRENCES = 100_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Wall-clock times are within 14 hours of their instants (UTC+14 to UTC−12).
const ZONE_SLACK = 15 * HOUR;

export type IgnoredCounts = { cancelled: number; declined: number; free: number };

export type ExpandOptions = { window: ImportWindow; deadline: number };

function newer(current: SourceEvent | undefined, candidate: SourceEvent): boolean {
  return !current || candidate.sequence >= current.sequence;
}

function lengthOf(event: SourceEvent): number {
  return "wall" in event.duration ? event.duration.wall : event.duration.exact;
}

function wallStamp(wall: number): string {
  return new Date(wall).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

class TooManyOccurrences extends Error {}

/** A series' occurrence before overrides: its start, its wall-clock start when known, an RDATE period's end. */
type Instance = { wall: number | null; end: number | null };

/** The starts of a series' rule in the window (instant → wall-clock time), before EXDATEs and overrides. */
function ruleStarts(event: SourceEvent, window: ImportWindow): Map<number, number> {
  if (!event.rrule) return new Map();
  const rule = new RRuleTemporal({
    rruleString: `DTSTART:${wallStamp(event.start.wall)}\nRRULE:${event.rrule}`,
    cache: false,
    maxIterations: 20_000,
  });
  const from = new Date(window.start.getTime() - ZONE_SLACK - lengthOf(event) - DAY);
  const to = new Date(window.end.getTime() + ZONE_SLACK);
  const starts = new Map<number, number>();
  for (const occurrence of rule.between(from, to, true)) {
    if (starts.size > MAX_OCCURRENCES_PER_SERIES) throw new TooManyOccurrences();
    const wall = occurrence.epochMilliseconds;
    const instant = event.start.zone.toInstant(wall);
    if (event.until !== null && instant > event.until) break;
    starts.set(instant, wall);
  }
  return starts;
}

function overlaps(start: number, end: number, window: ImportWindow): boolean {
  const from = window.start.getTime();
  const to = window.end.getTime();
  return start < to && (end > from || (end === start && start >= from));
}

function occurrenceOf(event: SourceEvent, start: number, end: number, recurrenceId: number | null): CalendarOccurrence {
  const id = recurrenceId === null ? null : new Date(recurrenceId).toISOString();
  return {
    key: id === null ? event.uid : `${event.uid}/${id}`,
    uid: event.uid,
    recurrenceId: id,
    start: new Date(start),
    end: new Date(end),
    title: event.title,
    description: event.description,
    organizer: event.organizer,
    attendees: event.attendees,
    attendeeCount: event.attendeeCount,
    status: event.status,
  };
}

function counts(event: SourceEvent): boolean {
  return !event.cancelled && !event.declined && !event.free;
}

function endOf(event: SourceEvent, start: number, wall: number | null): number {
  if ("wall" in event.duration && wall !== null) return event.start.zone.toInstant(wall + event.duration.wall);
  return start + lengthOf(event);
}

/**
 * Where a RANGE=THISANDFUTURE override moves a later occurrence: by the shift
 * it gave its own, in wall-clock time (10:00 instead of 09:00 stays 10:00
 * across a DST change) when both share a zone, with its own length.
 */
function shiftedBy(range: SourceEvent, master: SourceEvent, start: number, instance: Instance): { start: number; end: number } {
  const shift = range.start.zone.toInstant(range.start.wall) - range.recurrenceId!;
  if (instance.wall !== null && range.start.zone.name === master.start.zone.name) {
    const wall = instance.wall + shift;
    const at = range.start.zone.toInstant(wall);
    return { start: at, end: endOf(range, at, wall) };
  }
  return { start: start + shift, end: endOf(range, start + shift, null) };
}

/** The occurrences of the events in the window, series expanded, overrides applied, the ignored left out. */
export function expandEvents(events: readonly SourceEvent[], options: ExpandOptions, warnings: Warnings): { occurrences: CalendarOccurrence[]; ignored: IgnoredCounts } {
  const { window, deadline } = options;
  const masters = new Map<string, SourceEvent>();
  const overrides = new Map<string, Map<number, SourceEvent>>();
  for (const event of events) {
    if (event.recurrenceId === null) {
      if (newer(masters.get(event.uid), event)) masters.set(event.uid, event);
    } else {
      const ofSeries = overrides.get(event.uid) ?? new Map<number, SourceEvent>();
      if (newer(ofSeries.get(event.recurrenceId), event)) ofSeries.set(event.recurrenceId, event);
      overrides.set(event.uid, ofSeries);
    }
  }

  const ignored: IgnoredCounts = { cancelled: 0, declined: 0, free: 0 };
  const ignore = (event: SourceEvent) => {
    if (event.cancelled) ignored.cancelled++;
    else if (event.declined) ignored.declined++;
    else if (event.free) ignored.free++;
  };
  const occurrences: CalendarOccurrence[] = [];
  const push = (occurrence: CalendarOccurrence) => {
    if (occurrences.length >= MAX_OCCURRENCES) {
      throw new CalendarFileError(`This calendar holds more than ${MAX_OCCURRENCES.toLocaleString("en-GB")} events in the weeks imported. Import fewer weeks at a time.`);
    }
    occurrences.push(occurrence);
  };

  for (const master of masters.values()) {
    if (Date.now() > deadline) throw tooSlow();
    const ofSeries = overrides.get(master.uid) ?? new Map<number, SourceEvent>();
    const repeats = master.rrule !== null || master.rdates.length > 0;
    if (master.cancelled) {
      // A cancelled series takes its moved occurrences with it.
      ignored.cancelled++;
      overrides.delete(master.uid);
      continue;
    }
    const firstStart = master.start.zone.toInstant(master.start.wall);
    if (!repeats) {
      const end = endOf(master, firstStart, master.start.wall);
      if (!counts(master)) ignore(master);
      else if (overlaps(firstStart, end, window)) push(occurrenceOf(master, firstStart, end, null));
      continue;
    }

    let starts: Map<number, number>;
    try {
      starts = ruleStarts(master, window);
    } catch (error) {
      const tooMany = error instanceof TooManyOccurrences || (error instanceof Error && /maximum|iteration|exceed/i.test(error.message));
      warnings.add(
        tooMany
          ? `Series that repeat more than ${MAX_OCCURRENCES_PER_SERIES.toLocaleString("en-GB")} times in the weeks imported were skipped`
          : "Series whose repetition rule could not be read were skipped",
        master.title,
      );
      overrides.delete(master.uid);
      continue;
    }
    const instances = new Map<number, Instance>([[firstStart, { wall: master.start.wall, end: null }]]);
    for (const [start, wall] of starts) instances.set(start, { wall, end: null });
    for (const rdate of master.rdates) instances.set(rdate.start, { wall: null, end: rdate.end });
    for (const exdate of master.exdates) instances.delete(exdate);
    if (master.exdays.length > 0) {
      const days = new Set(master.exdays);
      for (const [start, { wall }] of instances) {
        if (wall !== null && days.has(new Date(wall).toISOString().slice(0, 10))) instances.delete(start);
      }
    }
    if (instances.size > MAX_OCCURRENCES_PER_SERIES) {
      warnings.add(`Series that repeat more than ${MAX_OCCURRENCES_PER_SERIES.toLocaleString("en-GB")} times in the weeks imported were skipped`, master.title);
      overrides.delete(master.uid);
      continue;
    }
    // RANGE=THISANDFUTURE overrides, oldest first: the latest one before an
    // occurrence stands for the series from there on (RFC 5545 §3.8.4.4): its
    // title, people and status, and its shift in time. One that is cancelled
    // ends the series there.
    const ranges = [...ofSeries.values()].filter((override) => override.thisAndFuture).sort((a, b) => a.recurrenceId! - b.recurrenceId!);
    if (!counts(master)) {
      ignore(master);
    } else {
      for (const [start, instance] of instances) {
        if (ofSeries.has(start)) continue;
        const range = ranges.findLast((candidate) => candidate.recurrenceId! < start);
        if (range && !counts(range)) {
          ignore(range);
        } else if (range) {
          const moved = shiftedBy(range, master, start, instance);
          if (overlaps(moved.start, moved.end, window)) push(occurrenceOf(range, moved.start, moved.end, start));
        } else {
          const end = instance.end ?? endOf(master, start, instance.wall);
          if (overlaps(start, end, window)) push(occurrenceOf(master, start, end, start));
        }
      }
    }
  }

  // Moved or changed occurrences: each stands for its original, wherever it moved
  // (an override of an occurrence an EXDATE removed stays removed).
  for (const [uid, ofSeries] of overrides) {
    const master = masters.get(uid);
    for (const [recurrenceId, override] of ofSeries) {
      if (master && master.exdates.includes(recurrenceId)) continue;
      if (!counts(override)) {
        ignore(override);
        continue;
      }
      const start = override.start.zone.toInstant(override.start.wall);
      const end = endOf(override, start, override.start.wall);
      if (overlaps(start, end, window)) push(occurrenceOf(override, start, end, recurrenceId));
    }
  }
  return { occurrences: occurrences.sort((a, b) => a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key)), ignored };
}
