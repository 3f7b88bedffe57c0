import "server-only";
import type { CalendarCategory } from "@/lib/calendar/rules.validation";
import { instantInZone, wallInZone } from "@/lib/calendar/zones";
import { addDaysTo, fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import type { TimeCategory } from "@/lib/shared/vocabulary";
import { weekHoldingDay, weekStartOf, type WeekSettings } from "@/lib/shared/week-dates";

// Puts classified occurrences into the user's weeks (their zone and first day
// of the week), in whole minutes, counting every minute once:
// - Where events overlap, the minute goes to the event whose rule comes first in
//   the list (`rank`: the rule's index; the default category ranks after every
//   rule); on a tie, the one that started first, then the lower key. So with the
//   starter rules an incident call during a planning meeting counts as
//   firefighting, and its minutes are not counted again as strategy.
// - Ignored events take no minutes and hide none.
// - A week holds at most 168 hours: the week clocks go back has 169, and its
//   169th busy hour, if there ever is one, is not counted.
// - Weeks saved under an earlier first day of the week keep their days
//   (decision 009): a day goes to the saved week holding it, else to the week
//   its page opens, so no second week starts where a saved one stands in.

export const MINUTES_IN_A_WEEK = 168 * 60;
const MINUTE = 60_000;

export type ClassifiedSpan = { key: string; start: Date; end: Date; category: CalendarCategory; rank: number };

/** One week's minutes per category, and each event's minutes in it (what the preview shows behind each number). */
export type WeekBucket = {
  weekStart: DateOnly;
  minutes: Record<TimeCategory, number>;
  events: Array<{ key: string; category: TimeCategory; minutes: number }>;
};

type Piece = { key: string; start: number; end: number; category: TimeCategory; rank: number; startedAt: number };

function beats(a: Piece, b: Piece): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : a.startedAt !== b.startedAt ? a.startedAt < b.startedAt : a.key < b.key;
}

/** Counts one week's pieces (all within it) with the overlap rule above. */
function countWeek(weekStart: DateOnly, pieces: Piece[]): WeekBucket {
  const minutes: Record<TimeCategory, number> = { firefighting: 0, strategy: 0, other: 0 };
  const perEvent = new Map<string, { key: string; category: TimeCategory; minutes: number }>();
  for (const piece of pieces) perEvent.set(piece.key, { key: piece.key, category: piece.category, minutes: 0 });
  const points = pieces.flatMap((piece) => [
    { at: piece.start, piece, opens: true },
    { at: piece.end, piece, opens: false },
  ]);
  points.sort((a, b) => a.at - b.at);
  const active: Piece[] = [];
  let total = 0;
  let previous = points[0]?.at ?? 0;
  for (const point of points) {
    if (point.at > previous && active.length > 0) {
      let winner = active[0]!;
      for (const piece of active) if (beats(piece, winner)) winner = piece;
      const counted = Math.min(point.at - previous, MINUTES_IN_A_WEEK - total);
      total += counted;
      minutes[winner.category] += counted;
      perEvent.get(winner.key)!.minutes += counted;
    }
    previous = point.at;
    if (point.opens) active.push(point.piece);
    else active.splice(active.indexOf(point.piece), 1);
  }
  return { weekStart, minutes, events: [...perEvent.values()].sort((a, b) => (a.key < b.key ? -1 : 1)) };
}

const DAY = 86_400_000;

/**
 * The user's weeks the occurrences fall in, oldest first, each event split
 * where its days pass to another week. `saved`: the starts of the user's saved
 * weeks around the spans (any first day of the week).
 */
export function bucketIntoWeeks(spans: readonly ClassifiedSpan[], settings: WeekSettings, saved: readonly DateOnly[] = []): WeekBucket[] {
  const savedInOrder = [...saved].sort();
  // Per day met (a few hundred), not per event: an import buckets thousands.
  const weekOfDay = new Map<number, DateOnly>();
  const weekOf = (day: number) => {
    let weekStart = weekOfDay.get(day);
    if (weekStart === undefined) {
      const date = new Date(day * DAY).toISOString().slice(0, 10);
      weekStart = savedInOrder.length === 0 ? weekStartOf(date, settings.weekStartsOn) : weekHoldingDay(date, settings.weekStartsOn, savedInOrder);
      weekOfDay.set(day, weekStart);
    }
    return weekStart;
  };
  // The minute a day's week stops: midnight (in the user's zone) of the next day in another week.
  const weekEnds = new Map<number, number>();
  const weekEndAfter = (day: number) => {
    let end = weekEnds.get(day);
    if (end === undefined) {
      let next = day + 1;
      // A saved week and the days its page takes in span at most 13 days.
      while (next < day + 14 && weekOf(next) === weekOf(day)) next++;
      end = Math.round(instantInZone(settings.timeZone, next * DAY) / MINUTE);
      weekEnds.set(day, end);
    }
    return end;
  };
  const weeks = new Map<DateOnly, Piece[]>();
  for (const span of spans) {
    if (span.category === "ignore") continue;
    let start = Math.round(span.start.getTime() / MINUTE);
    const end = Math.round(span.end.getTime() / MINUTE);
    while (start < end) {
      const day = Math.floor(wallInZone(settings.timeZone, start * MINUTE) / DAY);
      const weekStart = weekOf(day);
      // Never less than a minute on: a zone offset in seconds (historic times) cannot stall the loop.
      const pieceEnd = Math.min(end, Math.max(start + 1, weekEndAfter(day)));
      const pieces = weeks.get(weekStart) ?? [];
      pieces.push({ key: span.key, start, end: pieceEnd, category: span.category, rank: span.rank, startedAt: span.start.getTime() });
      weeks.set(weekStart, pieces);
      start = pieceEnd;
    }
  }
  return [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([weekStart, pieces]) => countWeek(weekStart, pieces));
}

/** The instant a user's week begins (midnight of its first day in their zone). */
export function weekBeginsAt(weekStart: DateOnly, settings: WeekSettings): Date {
  return new Date(instantInZone(settings.timeZone, fromDateOnly(weekStart).getTime()));
}

/** The window that covers `weeks` whole weeks from `weekStart`: what an import reads. */
export function windowOfWeeks(weekStart: DateOnly, weeks: number, settings: WeekSettings): { start: Date; end: Date } {
  return { start: weekBeginsAt(weekStart, settings), end: weekBeginsAt(addDaysTo(weekStart, 7 * weeks), settings) };
}
