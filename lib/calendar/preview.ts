import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { bucketIntoWeeks, MINUTES_IN_A_WEEK, type ClassifiedSpan } from "@/lib/calendar/buckets";
import type { CalendarOccurrence } from "@/lib/calendar/expand";
import { compileRules } from "@/lib/calendar/rules";
import { calendarCategorySchema, titleKey, type CalendarCategory, type CalendarRules } from "@/lib/calendar/rules.validation";
import type { WeekChoice } from "@/lib/calendar/imports.validation";
import type { Department, TouchpointChannel } from "@/lib/generated/prisma/enums";
import { todayIn, type DateOnly } from "@/lib/shared/dates";
import type { TimeCategory } from "@/lib/shared/vocabulary";
import type { WeekSettings } from "@/lib/shared/week-dates";
import { TOPIC_MAX } from "@/lib/touchpoints.validation";

// What an import would change, computed from the events kept with a pending
// import, the user's rules and what their weeks and touchpoints hold now. Pure:
// the preview page and the confirm both call it, so what is confirmed is what
// was shown (with the rules and weeks as they are at that moment).

/** What a pending import keeps of each occurrence: what the rules, the hours and the touchpoints need. */
export const storedOccurrenceSchema = z.object({
  key: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  title: z.string(),
  description: z.string(),
  organizer: z.string().nullable(),
  attendees: z.array(z.string()),
  attendeeCount: z.number(),
  /** The category the leader chose for this one event in the preview: it wins over the rules. */
  category: calendarCategorySchema.optional(),
});
export type StoredOccurrence = z.output<typeof storedOccurrenceSchema>;

export function toStoredOccurrence(occurrence: CalendarOccurrence): StoredOccurrence {
  const { key, start, end, title, description, organizer, attendees, attendeeCount } = occurrence;
  return { key, start: start.toISOString(), end: end.toISOString(), title, description, organizer, attendees, attendeeCount };
}

export type WeekMinutes = Record<TimeCategory, number>;

/**
 * A week as the user's log holds it now: its hours, whether they are still
 * exactly what an import wrote, and the feed that import came from (if any).
 */
export type LoggedWeek = { minutes: WeekMinutes; fromImport: boolean; feedId?: string | null };

/** Empty: no hours yet. Imported: hours an earlier import wrote, unchanged since. Hand: hours the user logged or changed. */
export type WeekOrigin = "empty" | "imported" | "hand";

export type PreviewEvent = {
  key: string;
  title: string;
  start: string;
  /** "ignore": the event counts in no week (its minutes are 0); it is listed so it can be reclassified back. */
  category: CalendarCategory;
  minutes: number;
  /** The leader chose this event's category in the preview (rather than a rule). */
  chosen: boolean;
  /** How many events of the import are titled the same (its series, as a title rule would match it). */
  sameTitle: number;
};

export type PreviewWeek = {
  startsOn: DateOnly;
  calendar: WeekMinutes;
  logged: WeekMinutes;
  origin: WeekOrigin;
  /** When origin is "imported": the feed whose import wrote these hours (null for a file). */
  feedId: string | null;
  /** The calendar's hours are what is logged already: nothing to write. */
  same: boolean;
  /** The events behind the hours. */
  events: PreviewEvent[];
  /** The week's ignored events. */
  ignored: PreviewEvent[];
};

/** A week in which every event is ignored: it changes nothing, and is listed so its events can be reclassified. */
export type IgnoredWeek = { startsOn: DateOnly; ignored: PreviewEvent[] };

export type StakeholderContact = { id: string; name: string; email: string; department: Department };

/** A touchpoint an earlier import made from this event with this stakeholder, as it is now. */
export type LinkedTouchpoint = { touchpointId: string; occurredOn: DateOnly; channel: TouchpointChannel; topic: string; deleted: boolean };

export type ProposedTouchpoint = {
  eventKey: string;
  stakeholderId: string;
  stakeholderName: string;
  department: Department;
  occurredOn: DateOnly;
  channel: TouchpointChannel;
  topic: string;
  /** new: created on confirm; update: the event changed since it was imported; same / deleted (by the user): left alone. */
  state: "new" | "update" | "same" | "deleted";
  touchpointId: string | null;
};

export type ImportPreview = { weeks: PreviewWeek[]; ignoredWeeks: IgnoredWeek[]; touchpoints: ProposedTouchpoint[]; ignoredEvents: number };

export type PreviewInput = {
  occurrences: readonly StoredOccurrence[];
  rules: CalendarRules;
  settings: WeekSettings;
  /** The imported window: hours count only inside it; its end is the upload's time, so nothing ahead counts. */
  window: { start: Date; end: Date };
  logged: ReadonlyMap<DateOnly, LoggedWeek>;
  stakeholders: readonly StakeholderContact[];
  /** By `${eventKey} ${stakeholderId}`. */
  links: ReadonlyMap<string, LinkedTouchpoint>;
};

const QUARTER = 15;
const NO_MINUTES: WeekMinutes = { firefighting: 0, strategy: 0, other: 0 };

export const linkKey = (eventKey: string, stakeholderId: string) => `${eventKey} ${stakeholderId}`;

/** Weeks are logged in quarter hours (the week form's rule); a week never passes 168 hours. */
function toQuarterHours(minutes: WeekMinutes): WeekMinutes {
  const rounded = { ...minutes };
  for (const category of Object.keys(rounded) as TimeCategory[]) rounded[category] = Math.round(rounded[category] / QUARTER) * QUARTER;
  let total = rounded.firefighting + rounded.strategy + rounded.other;
  while (total > MINUTES_IN_A_WEEK) {
    const largest = (Object.keys(rounded) as TimeCategory[]).reduce((a, b) => (rounded[b] > rounded[a] ? b : a));
    rounded[largest] -= QUARTER;
    total -= QUARTER;
  }
  return rounded;
}

const sameMinutes = (a: WeekMinutes, b: WeekMinutes) => a.firefighting === b.firefighting && a.strategy === b.strategy && a.other === b.other;
const hasMinutes = (minutes: WeekMinutes) => minutes.firefighting + minutes.strategy + minutes.other > 0;

export function originOf(week: LoggedWeek | undefined): WeekOrigin {
  if (!week || !hasMinutes(week.minutes)) return "empty";
  return week.fromImport ? "imported" : "hand";
}

/** Whether a week's choice writes the calendar's hours: fill only where nothing was logged by hand. */
export function writesWeek(week: PreviewWeek, choice: WeekChoice): boolean {
  if (week.same || choice === "skip") return false;
  return choice === "replace" || week.origin !== "hand";
}

/**
 * Whether a feed's hourly refresh writes a week: only an empty one, or one
 * this feed wrote and nobody changed since. Never a week logged by hand, nor
 * one another import wrote (docs/decisions/028-feeds-refresh-only-their-own-weeks.md).
 */
export function refreshWritesWeek(week: PreviewWeek, feedId: string): boolean {
  if (week.same) return false;
  return week.origin === "empty" || (week.origin === "imported" && week.feedId === feedId);
}

function weeksOf(
  input: PreviewInput,
  categoryOf: (occurrence: StoredOccurrence) => { category: CalendarCategory; rank: number },
): { weeks: PreviewWeek[]; ignoredWeeks: IgnoredWeek[]; ignored: number } {
  const from = input.window.start.getTime();
  const to = input.window.end.getTime();
  const byKey = new Map(input.occurrences.map((occurrence) => [occurrence.key, occurrence]));
  const titled = new Map<string, number>();
  for (const occurrence of input.occurrences) titled.set(titleKey(occurrence.title), (titled.get(titleKey(occurrence.title)) ?? 0) + 1);
  const spans: ClassifiedSpan[] = [];
  const ignoredSpans: ClassifiedSpan[] = [];
  for (const occurrence of input.occurrences) {
    // Only what happened inside the window: an event running past the upload counts up to it.
    const start = Math.max(Date.parse(occurrence.start), from);
    const end = Math.min(Date.parse(occurrence.end), to);
    if (end <= start) continue;
    const { category, rank } = categoryOf(occurrence);
    // Ignored events take no minutes; bucketed on their own (as if counted) only to find the weeks they fall in.
    if (category === "ignore") ignoredSpans.push({ key: occurrence.key, start: new Date(start), end: new Date(end), category: "other", rank: 0 });
    else spans.push({ key: occurrence.key, start: new Date(start), end: new Date(end), category, rank });
  }
  const eventOf = (key: string, category: CalendarCategory, minutes: number): PreviewEvent => {
    const occurrence = byKey.get(key)!;
    const sameTitle = occurrence.title.trim() === "" ? 1 : titled.get(titleKey(occurrence.title))!;
    return { key, title: occurrence.title, start: occurrence.start, category, minutes, chosen: occurrence.category !== undefined, sameTitle };
  };
  // Weeks saved under an earlier first day of the week take the days they hold (decision 009).
  const saved = [...input.logged.keys()];
  const ignoredByWeek = new Map(
    bucketIntoWeeks(ignoredSpans, input.settings, saved).map((bucket) => [bucket.weekStart, bucket.events.map(({ key }) => eventOf(key, "ignore", 0))]),
  );
  const weeks = bucketIntoWeeks(spans, input.settings, saved).map((bucket) => {
    const calendar = toQuarterHours(bucket.minutes);
    const current = input.logged.get(bucket.weekStart);
    const logged = current?.minutes ?? NO_MINUTES;
    return {
      startsOn: bucket.weekStart,
      calendar,
      logged,
      origin: originOf(current),
      feedId: current?.fromImport ? (current.feedId ?? null) : null,
      same: sameMinutes(calendar, logged),
      events: bucket.events.map(({ key, category, minutes }) => eventOf(key, category, minutes)),
      ignored: ignoredByWeek.get(bucket.weekStart) ?? [],
    };
  });
  const counted = new Set(weeks.map((week) => week.startsOn));
  const ignoredWeeks = [...ignoredByWeek].filter(([startsOn]) => !counted.has(startsOn)).map(([startsOn, ignored]) => ({ startsOn, ignored }));
  return { weeks, ignoredWeeks, ignored: ignoredSpans.length };
}

/** A week's events as the preview shows them, digested: a list loaded apart from the page loads again when it changes. */
export function weekEventsRevision(week: { events: readonly PreviewEvent[]; ignored: readonly PreviewEvent[] }): string {
  const shown = [...week.events, ...week.ignored].map(({ key, category, minutes, chosen, sameTitle }) => [key, category, minutes, chosen, sameTitle]);
  return createHash("sha256").update(JSON.stringify(shown)).digest("base64url").slice(0, 16);
}

function channelOf(attendeeCount: number): TouchpointChannel {
  return attendeeCount <= 2 ? "ONE_ON_ONE" : "MEETING";
}

function topicOf(title: string): string {
  const topic = title.trim().replaceAll(/\s+/g, " ").slice(0, TOPIC_MAX).trim();
  return topic === "" ? "Calendar meeting" : topic;
}

/**
 * Touchpoints from past meetings: every stakeholder whose address is among an
 * event's attendees or is its organiser, once per event. Cancelled and
 * declined events never reach here (lib/calendar/expand.ts leaves them out).
 */
function touchpointsOf(input: PreviewInput): ProposedTouchpoint[] {
  const byAddress = new Map<string, StakeholderContact[]>();
  for (const stakeholder of input.stakeholders) byAddress.set(stakeholder.email, [...(byAddress.get(stakeholder.email) ?? []), stakeholder]);
  const proposals: ProposedTouchpoint[] = [];
  for (const occurrence of input.occurrences) {
    // Past only: a meeting that has not ended by the upload has not happened yet.
    if (Date.parse(occurrence.end) > input.window.end.getTime() || Date.parse(occurrence.end) <= input.window.start.getTime()) continue;
    const met = new Map<string, StakeholderContact>();
    for (const address of [...occurrence.attendees, ...(occurrence.organizer ? [occurrence.organizer] : [])]) {
      for (const stakeholder of byAddress.get(address) ?? []) met.set(stakeholder.id, stakeholder);
    }
    for (const stakeholder of met.values()) {
      const proposal = {
        occurredOn: todayIn(input.settings.timeZone, new Date(occurrence.start)),
        channel: channelOf(occurrence.attendeeCount),
        topic: topicOf(occurrence.title),
      };
      const link = input.links.get(linkKey(occurrence.key, stakeholder.id));
      const state = !link
        ? "new"
        : link.deleted
          ? "deleted"
          : link.occurredOn === proposal.occurredOn && link.channel === proposal.channel && link.topic === proposal.topic
            ? "same"
            : "update";
      proposals.push({
        eventKey: occurrence.key,
        stakeholderId: stakeholder.id,
        stakeholderName: stakeholder.name,
        department: stakeholder.department,
        ...proposal,
        state,
        touchpointId: link?.touchpointId ?? null,
      });
    }
  }
  return proposals.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.stakeholderName.localeCompare(b.stakeholderName)));
}

export function buildPreview(input: PreviewInput): ImportPreview {
  const classify = compileRules(input.rules);
  const lastRank = input.rules.rules.length;
  const { weeks, ignoredWeeks, ignored } = weeksOf(input, (occurrence) => {
    // The leader's own choice for one event ranks before every rule, overlaps included.
    if (occurrence.category !== undefined) return { category: occurrence.category, rank: -1 };
    const { category, rule } = classify(occurrence);
    return { category, rank: rule ?? lastRank };
  });
  return { weeks, ignoredWeeks, touchpoints: touchpointsOf(input), ignoredEvents: ignored };
}
