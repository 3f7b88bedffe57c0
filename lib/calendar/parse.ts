import "server-only";
import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { CalendarFileError } from "@/lib/calendar/errors";
import type { Warnings } from "@/lib/calendar/warnings";
import { floatingZone, resolveZone, type EventZone } from "@/lib/calendar/zones";

// Reads an ICS file into the events the import needs. Parsing is ical.js's
// (RFC 5545 lines, parameters, escapes, VTIMEZONE); what a time means and how
// a series repeats is ours (zones.ts, expand.ts), checked against our own
// fixtures (tests/fixtures/calendar/).

/** The largest file (or feed body) read: an upload's limit, and a bound on the work one import does. */
export const MAX_CALENDAR_BYTES = 20 * 1024 * 1024;
/** Enough for the rules' words; nothing more of a description is kept. */
export const DESCRIPTION_SNIPPET = 1_000;
const TITLE_LENGTH = 200;
/** Events one file may hold: bounds the memory its parse takes, whatever their size. */
export const MAX_EVENTS = 50_000;

/** Thrown when reading takes longer than an import may: the server keeps answering others. */
export function tooSlow(): CalendarFileError {
  return new CalendarFileError("This calendar took too long to read. Import fewer weeks at a time, or export a shorter period.");
}

/** A time as an event gives it: wall-clock milliseconds (see zones.ts) in a zone. */
export type EventTime = { wall: number; zone: EventZone };

/** One person on an invitation, as far as the features need: their address and reply. */
type Attendee = { address: string; declined: boolean };

/**
 * One VEVENT, reduced to what the import uses (issue 15, "store no more of an
 * event than the features need"): its identity (UID, RECURRENCE-ID), its times
 * and repetition, the title and the start of its description (the rules match
 * words in them), the organiser's and attendees' addresses (rules, and
 * touchpoints with stakeholders), and its status. Nothing else of the file is kept.
 */
export type SourceEvent = {
  uid: string;
  /** The instant of the occurrence an override replaces; null for a series or a single event. */
  recurrenceId: number | null;
  /** RECURRENCE-ID;RANGE=THISANDFUTURE: the override changes its occurrence and every later one. */
  thisAndFuture: boolean;
  sequence: number;
  start: EventTime;
  /** Wall-clock length when DTEND shares DTSTART's zone or DURATION gives it; else exact. */
  duration: { wall: number } | { exact: number };
  rrule: string | null;
  /** The RRULE's UNTIL as an instant, applied by us (see expand.ts); null when none. */
  until: number | null;
  rdates: Array<{ start: number; end: number | null }>;
  exdates: number[];
  /** EXDATEs given as dates: every occurrence on that day (in the series' zone) goes. */
  exdays: string[];
  title: string;
  description: string;
  organizer: string | null;
  attendees: string[];
  attendeeCount: number;
  status: "confirmed" | "tentative";
  cancelled: boolean;
  declined: boolean;
  free: boolean;
};

export type ParseOptions = {
  /** The user's zone: floating times (no zone) are read in it. */
  timeZone: string;
  /** The user's own addresses: their reply to an invitation tells whether they declined it. */
  selfAddresses: readonly string[];
};

export type ParsedCalendar = { events: SourceEvent[]; allDay: number };

const NAME_VALUE = /^[A-Za-z0-9-]+[;:]/;

/** The file as text, or a CalendarFileError that says in words why it is not a calendar. */
export function decodeCalendar(input: string | Uint8Array): string {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_CALENDAR_BYTES) {
    throw new CalendarFileError(`This file is ${Math.ceil(size / 1024 / 1024)} MB; calendars up to 20 MB can be imported. Export a shorter period and try again.`);
  }
  const text = (typeof input === "string" ? input : new TextDecoder("utf-8").decode(input)).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new CalendarFileError("This file is empty. Export your calendar again and choose the .ics file.");
  if (!looksLikeCalendar(text)) {
    throw new CalendarFileError("This is not a calendar file. Choose the .ics file your calendar exported (it starts with BEGIN:VCALENDAR).");
  }
  const events = text.match(/^BEGIN:VEVENT/gim)?.length ?? 0;
  if (events > MAX_EVENTS) {
    throw new CalendarFileError(`This file holds ${events.toLocaleString("en-GB")} events; up to ${MAX_EVENTS.toLocaleString("en-GB")} can be imported at once. Export a shorter period and try again.`);
  }
  return text;
}

/** Whether a text starts as an ICS file does. */
export function looksLikeCalendar(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR\s*$/im.test(text.replace(/^\uFEFF/, "").slice(0, 1_000).split(/\r?\n/, 3).join("\n")) && !text.includes("\u0000");
}

/**
 * Unfolds the lines and drops those that are no property at all (a description's
 * line break an exporter forgot to fold): the rest of the file still reads.
 */
function cleanLines(text: string, warnings: Warnings): string {
  const lines: string[] = [];
  let broken = 0;
  for (const line of text.split(/\r?\n|\r/)) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && lines.length > 0) {
      lines[lines.length - 1] += line.slice(1);
    } else if (NAME_VALUE.test(line)) {
      lines.push(line);
    } else if (line.trim() !== "") {
      broken++;
    }
  }
  if (broken > 0) warnings.add(`${broken === 1 ? "One line" : `${broken} lines`} of the file could not be read and ${broken === 1 ? "was" : "were"} skipped.`);
  return lines.join("\r\n");
}

type Jcal = [string, unknown[], Jcal[]];

/** Each VCALENDAR's components, by name, as jCal. */
function parseComponents(text: string): Array<Map<string, Jcal[]>> {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    const cutShort = error instanceof Error && /did not end|not closed|component/i.test(error.message);
    throw new CalendarFileError(
      cutShort
        ? "This calendar file ends in the middle of an event: it may have been cut short. Export it again and retry."
        : "This calendar file is damaged: a line in it could not be read. Export it again and retry.",
    );
  }
  const roots = (Array.isArray(parsed) && typeof parsed[0] === "string" ? [parsed] : (parsed as unknown[])) as Jcal[];
  return roots
    .filter((root) => root[0] === "vcalendar")
    .map((root) => {
      const byName = new Map<string, Jcal[]>();
      for (const component of root[2]) {
        const named = byName.get(component[0]);
        if (named) named.push(component);
        else byName.set(component[0], [component]);
      }
      return byName;
    });
}

/** The events of an ICS file, with the warnings about what was skipped. */
export function parseCalendar(text: string, options: ParseOptions & { deadline: number }, warnings: Warnings): ParsedCalendar {
  const calendars = parseComponents(cleanLines(text, warnings));
  if (calendars.length === 0) throw new CalendarFileError("This file holds no calendar. Choose the .ics file your calendar exported.");
  const self = new Set(options.selfAddresses.map((address) => address.trim().toLowerCase()));
  const events: SourceEvent[] = [];
  let allDay = 0;
  for (const calendar of calendars) {
    const vtimezones = new Map<string, ICAL.Component>();
    for (const jcal of calendar.get("vtimezone") ?? []) {
      const zone = new ICAL.Component(jcal);
      const tzid = zone.getFirstPropertyValue("tzid");
      if (typeof tzid === "string") vtimezones.set(tzid, zone);
    }
    const context: EventContext = { vtimezones, zones: new Map(), floating: floatingZone(options.timeZone), self, warnings };
    // Each event read on its own, not as a child of its calendar: ical.js would otherwise search every
    // component of the file for a VTIMEZONE each time it reads a time (zones.ts reads the zones instead).
    for (const jcal of calendar.get("vevent") ?? []) {
      if (events.length % 500 === 0 && Date.now() > options.deadline) throw tooSlow();
      const component = new ICAL.Component(jcal);
      const title = trimmed(component.getFirstPropertyValue("summary"));
      try {
        const event = readEvent(component, context);
        if (event === "all-day") allDay++;
        else if (event) events.push(event);
      } catch {
        warnings.add("Events that could not be read were skipped", title);
      }
    }
  }
  return { events, allDay };
}

type EventContext = {
  vtimezones: ReadonlyMap<string, ICAL.Component>;
  /** Each TZID's zone, resolved once per file. */
  zones: Map<string, EventZone | null>;
  floating: EventZone;
  self: ReadonlySet<string>;
  warnings: Warnings;
};

class UnknownZone extends Error {
  constructor(readonly tzid: string) {
    super(tzid);
  }
}

function wallOf(time: ICAL.Time): number {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
  if (!Number.isFinite(wall)) throw new Error("Not a date");
  return wall;
}

function zoneOf(property: ICAL.Property, time: ICAL.Time, context: EventContext, fallback: EventZone): EventZone {
  if (time.zone?.tzid === "UTC") return resolveZone("UTC", context.vtimezones)!;
  const tzid = property.getParameter("tzid");
  if (typeof tzid !== "string" || tzid === "") return fallback;
  let zone = context.zones.get(tzid);
  if (zone === undefined) {
    zone = resolveZone(tzid, context.vtimezones);
    context.zones.set(tzid, zone);
  }
  if (!zone) throw new UnknownZone(tzid);
  return zone;
}

function timeOf(property: ICAL.Property, context: EventContext, fallback: EventZone): { time: EventTime; isDate: boolean } {
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error("Not a time");
  return { time: { wall: wallOf(value), zone: zoneOf(property, value, context, fallback) }, isDate: value.isDate };
}

function addressOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const address = value.replace(/^mailto:/i, "").trim().toLowerCase();
  return address.includes("@") && address.length <= 320 ? address : null;
}

function trimmed(value: unknown, length = TITLE_LENGTH): string {
  return typeof value === "string" ? value.trim().slice(0, length) : "";
}

function stableUid(component: ICAL.Component): string {
  // Files without UIDs (hand-made ones) still import once: the event's own start and title stand in.
  const seed = `${component.getFirstProperty("dtstart")?.toICALString() ?? ""}\n${String(component.getFirstPropertyValue("summary") ?? "")}`;
  return `no-uid-${createHash("sha256").update(seed).digest("hex").slice(0, 32)}`;
}

function readEvent(component: ICAL.Component, context: EventContext): SourceEvent | "all-day" | null {
  const title = trimmed(component.getFirstPropertyValue("summary"));
  const dtstart = component.getFirstProperty("dtstart");
  if (!dtstart) {
    context.warnings.add("Events without a start time were skipped", title);
    return null;
  }
  try {
    const { time: start, isDate } = timeOf(dtstart, context, context.floating);
    if (isDate && !component.hasProperty("recurrence-id")) return "all-day";
    const event: SourceEvent = {
      ...timesOf(component, start, context),
      ...peopleOf(component, context),
      ...identityOf(component, start.zone, context),
      title,
      description: trimmed(component.getFirstPropertyValue("description"), DESCRIPTION_SNIPPET),
    };
    // An occurrence moved to a whole day no longer takes hours: its override cancels it.
    return isDate ? { ...event, cancelled: true } : event;
  } catch (error) {
    if (!(error instanceof UnknownZone)) throw error;
    context.warnings.add(`Events in the time zone "${error.tzid.slice(0, 80)}", which Wheelhouse does not know, were skipped`, title);
    return null;
  }
}

function identityOf(component: ICAL.Component, zone: EventZone, context: EventContext) {
  const uidValue = component.getFirstPropertyValue("uid");
  const uid = typeof uidValue === "string" && uidValue.trim() !== "" ? uidValue.trim().slice(0, 500) : stableUid(component);
  const recurrenceProperty = component.getFirstProperty("recurrence-id");
  let recurrenceId: number | null = null;
  let thisAndFuture = false;
  if (recurrenceProperty) {
    const { time } = timeOf(recurrenceProperty, context, zone);
    recurrenceId = time.zone.toInstant(time.wall);
    thisAndFuture = String(recurrenceProperty.getParameter("range") ?? "").toUpperCase() === "THISANDFUTURE";
  }
  const sequence = Number(component.getFirstPropertyValue("sequence") ?? 0);
  const status = String(component.getFirstPropertyValue("status") ?? "").toUpperCase();
  const transparency = String(component.getFirstPropertyValue("transp") ?? "").toUpperCase();
  const busy = String(component.getFirstPropertyValue("x-microsoft-cdo-busystatus") ?? "").toUpperCase();
  return {
    uid,
    recurrenceId,
    thisAndFuture,
    sequence: Number.isFinite(sequence) ? sequence : 0,
    status: status === "TENTATIVE" ? ("tentative" as const) : ("confirmed" as const),
    cancelled: status === "CANCELLED",
    free: transparency === "TRANSPARENT" || busy === "FREE",
  };
}

function timesOf(component: ICAL.Component, start: EventTime, context: EventContext) {
  const dtend = component.getFirstProperty("dtend");
  const durationValue = component.getFirstPropertyValue("duration");
  let duration: SourceEvent["duration"] = { wall: 0 };
  if (dtend) {
    const { time: end } = timeOf(dtend, context, start.zone);
    duration = end.zone === start.zone || end.zone.name === start.zone.name ? { wall: end.wall - start.wall } : { exact: end.zone.toInstant(end.wall) - start.zone.toInstant(start.wall) };
  } else if (durationValue instanceof ICAL.Duration) {
    duration = { wall: durationValue.toSeconds() * 1000 };
  }
  const lengthMs = "wall" in duration ? duration.wall : duration.exact;
  if (!(lengthMs >= 0)) throw new Error("Ends before it starts");

  const rruleValue = component.getFirstPropertyValue("rrule");
  let rrule: string | null = null;
  let until: number | null = null;
  if (rruleValue instanceof ICAL.Recur) {
    if (rruleValue.until) {
      const untilTime = rruleValue.until;
      // A date UNTIL includes that whole day; a floating one is in the series' zone.
      const wall = wallOf(untilTime) + (untilTime.isDate ? 86_400_000 - 1 : 0);
      until = untilTime.zone?.tzid === "UTC" ? wall : start.zone.toInstant(wall);
    }
    const withoutUntil = rruleValue.clone();
    withoutUntil.until = null;
    rrule = withoutUntil.toString();
  }

  const rdates: SourceEvent["rdates"] = [];
  for (const property of component.getAllProperties("rdate")) {
    for (const value of property.getValues()) {
      if (value instanceof ICAL.Period) {
        const periodStart = zonedInstant(value.start, property, context, start.zone);
        const periodEnd = value.end ? zonedInstant(value.end, property, context, start.zone) : periodStart + value.duration.toSeconds() * 1000;
        rdates.push({ start: periodStart, end: periodEnd });
      } else if (value instanceof ICAL.Time) {
        // A date RDATE repeats DTSTART's time of day on that date.
        const wall = value.isDate ? wallOf(value) + (start.wall % 86_400_000) : wallOf(value);
        rdates.push({ start: (value.isDate ? start.zone : zoneOf(property, value, context, start.zone)).toInstant(wall), end: null });
      }
    }
  }

  const exdates: number[] = [];
  const exdays: string[] = [];
  for (const property of component.getAllProperties("exdate")) {
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time)) continue;
      if (value.isDate) exdays.push(new Date(wallOf(value)).toISOString().slice(0, 10));
      else exdates.push(zonedInstant(value, property, context, start.zone));
    }
  }
  return { start, duration, rrule, until, rdates, exdates, exdays };
}

function zonedInstant(time: ICAL.Time, property: ICAL.Property, context: EventContext, fallback: EventZone): number {
  return zoneOf(property, time, context, fallback).toInstant(wallOf(time));
}

function peopleOf(component: ICAL.Component, context: EventContext) {
  const organizer = addressOf(component.getFirstPropertyValue("organizer"));
  const attendees: Attendee[] = [];
  for (const property of component.getAllProperties("attendee")) {
    const address = addressOf(property.getFirstValue());
    const type = String(property.getParameter("cutype") ?? "INDIVIDUAL").toUpperCase();
    // Rooms and equipment are booked as attendees; they are not people met.
    if (!address || type === "ROOM" || type === "RESOURCE") continue;
    attendees.push({ address, declined: String(property.getParameter("partstat") ?? "").toUpperCase() === "DECLINED" });
  }
  const addresses = [...new Set(attendees.map((attendee) => attendee.address))];
  const people = new Set(addresses);
  if (organizer) people.add(organizer);
  return {
    organizer,
    attendees: addresses,
    // People on the invitation: the attendees (not rooms) and the organiser, each once.
    attendeeCount: people.size,
    declined: attendees.some((attendee) => attendee.declined && context.self.has(attendee.address)),
  };
}
