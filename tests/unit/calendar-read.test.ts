import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CalendarFileError } from "@/lib/calendar/errors";
import { MAX_OCCURRENCES } from "@/lib/calendar/expand";
import { readCalendar, type ReadOptions } from "@/lib/calendar/read";

// The fixtures mimic Google, Outlook and iCloud exports (tests/fixtures/calendar/);
// every expected instant below is worked out by hand from the zone's offsets.
const fixtures = join(import.meta.dirname, "..", "fixtures", "calendar");
const fixture = (name: string) => readFileSync(join(fixtures, name));

const YEAR_2025: ReadOptions = {
  timeZone: "Europe/London",
  selfAddresses: ["Me@Example.com"],
  window: { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2026-01-01T00:00:00Z") },
};

function read(input: string | Uint8Array, options: Partial<ReadOptions> = {}) {
  return readCalendar(input, { ...YEAR_2025, ...options });
}

/** "start–end title" lines, in UTC, for compact assertions. */
function spans(input: string | Uint8Array, options: Partial<ReadOptions> = {}): string[] {
  return read(input, options).occurrences.map((o) => `${o.start.toISOString().slice(0, 16)}–${o.end.toISOString().slice(11, 16)} ${o.title}`);
}

function calendar(...events: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events, "END:VCALENDAR", ""].join("\r\n");
}

function event(uid: string, ...lines: string[]): string {
  return ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20250101T000000Z", ...lines, "END:VEVENT"].join("\r\n");
}

describe("a Google export (Europe/Berlin, clocks forward on 30 March 2025, back on 26 October)", () => {
  const reading = read(fixture("google-berlin.ics"));
  const byTitle = (title: string) => reading.occurrences.filter((o) => o.title.startsWith(title));

  it("expands a weekly series with COUNT, BYDAY, an EXDATE, an RDATE, a cancelled and a moved occurrence", () => {
    // Mondays 09:00–09:30 Berlin, six from 17 March: 17 and 24 March are CET (UTC+1) → 08:00Z; from 31 March
    // CEST (UTC+2) → 07:00Z. 24 March is cancelled, 7 April is an EXDATE, 14 April moved to Tuesday 15 April
    // 14:00 CEST (12:00Z), and an RDATE adds Saturday 5 April 10:00 CEST (08:00Z).
    expect(byTitle("Team sync").map((o) => `${o.start.toISOString()} ${o.recurrenceId}`)).toEqual([
      "2025-03-17T08:00:00.000Z 2025-03-17T08:00:00.000Z",
      "2025-03-31T07:00:00.000Z 2025-03-31T07:00:00.000Z",
      "2025-04-05T08:00:00.000Z 2025-04-05T08:00:00.000Z",
      // The moved occurrence keeps its original start as its recurrence id.
      "2025-04-15T12:00:00.000Z 2025-04-14T07:00:00.000Z",
      "2025-04-21T07:00:00.000Z 2025-04-21T07:00:00.000Z",
    ]);
    expect(byTitle("Team sync").every((o) => o.end.getTime() - o.start.getTime() === 30 * 60_000)).toBe(true);
  });

  it("keys occurrences by UID and recurrence id, the same on every read", () => {
    const keys = byTitle("Team sync").map((o) => o.key);
    expect(keys[0]).toBe("team-sync-001@google.com/2025-03-17T08:00:00.000Z");
    expect(new Set(keys).size).toBe(keys.length);
    expect(read(fixture("google-berlin.ics")).occurrences.map((o) => o.key)).toEqual(reading.occurrences.map((o) => o.key));
    expect(byTitle("Incident review")[0]).toMatchObject({ key: "incident-review-77@google.com", recurrenceId: null });
  });

  it("reads the hour that does not exist as the hour after it, and the hour that happens twice as its first", () => {
    // 02:30 on 30 March does not exist in Berlin: RFC 5545 takes the offset before the gap (+1), so 01:30Z
    // (03:30 CEST). Its end, 03:30 CEST, is the same instant. The next day is plain CEST: 00:30Z–01:30Z.
    expect(byTitle("Night on-call").map((o) => `${o.start.toISOString()}–${o.end.toISOString()}`)).toEqual([
      "2025-03-30T01:30:00.000Z–2025-03-30T01:30:00.000Z",
      "2025-03-31T00:30:00.000Z–2025-03-31T01:30:00.000Z",
    ]);
    // 02:30 on 26 October happens twice: the first (CEST, 00:30Z) counts; 04:00 CET is 03:00Z: 2.5 real hours.
    expect(byTitle("Escalation bridge").map((o) => `${o.start.toISOString()}–${o.end.toISOString()}`)).toEqual(["2025-10-26T00:30:00.000Z–2025-10-26T03:00:00.000Z"]);
    // 10:00 CEST on the day clocks go forward.
    expect(byTitle("Incident review")[0]!.start.toISOString()).toBe("2025-03-30T08:00:00.000Z");
  });

  it("leaves out all-day, free, declined and cancelled events, and counts them", () => {
    const titles = reading.occurrences.map((o) => o.title);
    expect(titles).not.toContain("Strategy offsite");
    expect(titles).not.toContain("Lunch");
    expect(titles).not.toContain("Vendor pitch");
    expect(reading.ignored).toEqual({ allDay: 1, free: 1, declined: 1, cancelled: 1 });
    expect(reading.warnings).toEqual([]);
  });

  it("keeps only what the features need: addresses in lower case, the people counted once", () => {
    const sync = byTitle("Team sync")[0]!;
    expect(Object.keys(sync).sort()).toEqual(["attendeeCount", "attendees", "description", "end", "key", "organizer", "recurrenceId", "start", "status", "title", "uid"]);
    expect(sync).toMatchObject({
      organizer: "ana@example.com",
      attendees: ["ana@example.com", "me@example.com", "bo@partner.example.org"],
      attendeeCount: 3,
      description: "Weekly team sync.\nAgenda in the doc.",
      status: "confirmed",
    });
  });
});

describe("an Outlook export (Windows zone names)", () => {
  const reading = read(fixture("outlook-windows-zones.ics"));
  const starts = (title: string) => reading.occurrences.filter((o) => o.title === title).map((o) => o.start.toISOString());

  it('reads "W. Europe Standard Time" as Europe/Berlin, across the October change, with UNTIL and BYDAY', () => {
    // Tuesdays and Thursdays 15:00 Berlin from 21 October until 6 November 23:59:59Z: CEST (13:00Z) until the
    // change on 26 October, CET (14:00Z) after it.
    expect(starts("Roadmap planning")).toEqual([
      "2025-10-21T13:00:00.000Z",
      "2025-10-23T13:00:00.000Z",
      "2025-10-28T14:00:00.000Z",
      "2025-10-30T14:00:00.000Z",
      "2025-11-04T14:00:00.000Z",
      "2025-11-06T14:00:00.000Z",
    ]);
  });

  it('reads "Eastern Standard Time" as America/New_York, whose clocks go back on 2 November', () => {
    // 09:00 EDT (UTC−4) on 1 November is 13:00Z; 09:00 EST (UTC−5) on 2 and 3 November is 14:00Z.
    expect(starts("Call with New York office")).toEqual(["2025-11-01T13:00:00.000Z", "2025-11-02T14:00:00.000Z", "2025-11-03T14:00:00.000Z"]);
  });

  it("falls back on the file's own VTIMEZONE for a custom zone, and warns about a zone no one defines", () => {
    // "Customized Time Zone" is +05:30 all year: 10:00 is 04:30Z.
    expect(starts("Bangalore hiring plan")).toEqual(["2025-10-13T04:30:00.000Z"]);
    expect(reading.warnings).toEqual([{ message: 'Events in the time zone "Mars Standard Time", which Wheelhouse does not know, were skipped', count: 1, examples: ["Rover sync"] }]);
  });

  it("leaves out an event Outlook marks free, and does not count rooms as people", () => {
    expect(starts("Focus time")).toEqual([]);
    expect(reading.ignored.free).toBe(1);
    expect(reading.occurrences.find((o) => o.title === "Roadmap planning")).toMatchObject({ attendees: ["priya@example.com"], attendeeCount: 2 });
  });
});

describe("an iCloud export (Australia/Sydney, Asia/Kolkata, America/New_York)", () => {
  const reading = read(fixture("icloud-sydney-kolkata.ics"));
  const starts = (title: string) => reading.occurrences.filter((o) => o.title === title).map((o) => o.start.toISOString());

  it("follows Sydney's April change back to standard time, up to an UNTIL that falls on an occurrence", () => {
    // Fridays 10:00 Sydney: AEDT (UTC+11) on 28 March and 4 April → 23:00Z the day before; AEST (UTC+10) from
    // 6 April, so 11 April is 00:00Z, which UNTIL=20250411T000000Z still includes.
    expect(starts("Strategy review")).toEqual(["2025-03-27T23:00:00.000Z", "2025-04-03T23:00:00.000Z", "2025-04-11T00:00:00.000Z"]);
  });

  it("reads Kolkata (UTC+05:30, no DST) with an RDATE", () => {
    expect(starts("Hiring plan")).toEqual(["2025-03-31T08:30:00.000Z", "2025-04-02T08:30:00.000Z"]);
  });

  it("follows New York's March change to summer time", () => {
    // 09:00 EST (UTC−5) on 7 March is 14:00Z; after 9 March, 09:00 EDT (UTC−4) is 13:00Z.
    expect(starts("1:1 with Sam")).toEqual(["2025-03-07T14:00:00.000Z", "2025-03-14T13:00:00.000Z"]);
  });

  it("reads a floating time in the user's own zone", () => {
    // 09:00 on 1 April in Europe/London (BST, UTC+1) is 08:00Z; in Asia/Kolkata it is 03:30Z.
    expect(starts("Floating focus block")).toEqual(["2025-04-01T08:00:00.000Z"]);
    const inKolkata = read(fixture("icloud-sydney-kolkata.ics"), { timeZone: "Asia/Kolkata" });
    expect(inKolkata.occurrences.find((o) => o.title === "Floating focus block")!.start.toISOString()).toBe("2025-04-01T03:30:00.000Z");
  });
});

describe("RANGE=THISANDFUTURE overrides (a Fastmail-like export, Europe/Berlin across the change of 30 March 2025)", () => {
  const reading = read(fixture("fastmail-this-and-future.ics"));
  const of = (title: string) =>
    reading.occurrences.filter((o) => o.title.startsWith(title)).map((o) => `${o.start.toISOString().slice(0, 16)}–${o.end.toISOString().slice(11, 16)} ${o.title} ${o.recurrenceId}`);

  it("moves this and every later occurrence by the override's shift in wall-clock time, with its title and length", () => {
    // Mondays 09:00–09:30 Berlin from 3 March; from 17 March 10:00–10:45. CET (UTC+1) until 30 March, then
    // CEST (UTC+2): 10:00 is 09:00Z, then 08:00Z. 7 April on its own moved to Tuesday 8 April 14:00 CEST (12:00Z).
    expect(of("Team sync")).toEqual([
      "2025-03-03T08:00–08:30 Team sync 2025-03-03T08:00:00.000Z",
      "2025-03-10T08:00–08:30 Team sync 2025-03-10T08:00:00.000Z",
      "2025-03-17T09:00–09:45 Team sync (new time) 2025-03-17T08:00:00.000Z",
      "2025-03-24T09:00–09:45 Team sync (new time) 2025-03-24T08:00:00.000Z",
      "2025-03-31T08:00–08:45 Team sync (new time) 2025-03-31T07:00:00.000Z",
      "2025-04-08T12:00–12:30 Team sync (moved) 2025-04-07T07:00:00.000Z",
      "2025-04-14T08:00–08:45 Team sync (new time) 2025-04-14T07:00:00.000Z",
      "2025-04-21T08:00–08:45 Team sync (new time) 2025-04-21T07:00:00.000Z",
    ]);
  });

  it("ends a series where a cancelled THISANDFUTURE override stands", () => {
    expect(of("Vendor call")).toEqual(["2025-03-05T15:00–16:00 Vendor call 2025-03-05T15:00:00.000Z", "2025-03-12T15:00–16:00 Vendor call 2025-03-12T15:00:00.000Z"]);
    expect(reading.warnings).toEqual([]);
  });
});

describe("the imported window", () => {
  it("expands an unbounded series only over the window", () => {
    const text = calendar(event("daily", "SUMMARY:Stand-up", "DTSTART;TZID=Europe/Berlin:20200106T093000", "DTEND;TZID=Europe/Berlin:20200106T094500", "RRULE:FREQ=DAILY"));
    const occurrences = read(text, { window: { start: new Date("2025-03-01T00:00:00Z"), end: new Date("2025-03-08T00:00:00Z") } }).occurrences;
    expect(occurrences.map((o) => o.start.toISOString().slice(0, 10))).toEqual(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"]);
  });

  it("includes a moved occurrence that moved into the window, and not one that moved out", () => {
    const text = calendar(
      event("weekly", "SUMMARY:Review", "DTSTART:20250303T100000Z", "DTEND:20250303T110000Z", "RRULE:FREQ=WEEKLY;COUNT=4"),
      // 10 March moved out to 1 April; 24 March (outside the window) moved into it, on 14 March.
      event("weekly", "SUMMARY:Review (moved out)", "RECURRENCE-ID:20250310T100000Z", "DTSTART:20250401T100000Z", "DTEND:20250401T110000Z"),
      event("weekly", "SUMMARY:Review (moved in)", "RECURRENCE-ID:20250324T100000Z", "DTSTART:20250314T100000Z", "DTEND:20250314T110000Z"),
    );
    expect(spans(text, { window: { start: new Date("2025-03-01T00:00:00Z"), end: new Date("2025-03-20T00:00:00Z") } })).toEqual([
      "2025-03-03T10:00–11:00 Review",
      "2025-03-14T10:00–11:00 Review (moved in)",
      "2025-03-17T10:00–11:00 Review",
    ]);
  });

  it("matches an override to its occurrence by instant, whatever zone either is written in", () => {
    // The series is in New York (09:00 EST = 14:00Z); the override names the occurrence in UTC, as some servers write it.
    const text = calendar(
      event("ny", "SUMMARY:Standup", "DTSTART;TZID=America/New_York:20250303T090000", "DTEND;TZID=America/New_York:20250303T091500", "RRULE:FREQ=DAILY;COUNT=3"),
      event("ny", "SUMMARY:Standup (later)", "RECURRENCE-ID:20250304T140000Z", "DTSTART;TZID=America/New_York:20250304T110000", "DTEND;TZID=America/New_York:20250304T111500"),
    );
    expect(spans(text)).toEqual(["2025-03-03T14:00–14:15 Standup", "2025-03-04T16:00–16:15 Standup (later)", "2025-03-05T14:00–14:15 Standup"]);
  });

  it("removes every occurrence on a day an EXDATE names as a date, and reads prefixed zone names", () => {
    const text = calendar(
      event("prefixed", "SUMMARY:Check-in", "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20250303T100000", "DTEND;TZID=/mozilla.org/20070129_1/Europe/Berlin:20250303T103000", "RRULE:FREQ=DAILY;COUNT=3", "EXDATE;VALUE=DATE:20250304"),
    );
    expect(spans(text)).toEqual(["2025-03-03T09:00–09:30 Check-in", "2025-03-05T09:00–09:30 Check-in"]);
  });

  it("imports an override whose series is not in the file as the one occurrence it is", () => {
    const text = calendar(event("elsewhere", "SUMMARY:Moved 1:1", "RECURRENCE-ID:20250310T100000Z", "DTSTART:20250311T100000Z", "DTEND:20250311T103000Z"));
    expect(read(text).occurrences.map((o) => [o.key, o.recurrenceId])).toEqual([["elsewhere/2025-03-10T10:00:00.000Z", "2025-03-10T10:00:00.000Z"]]);
  });

  it("keeps the newest SEQUENCE of an event given twice", () => {
    const text = calendar(
      event("twice", "SEQUENCE:2", "SUMMARY:New time", "DTSTART:20250305T140000Z", "DTEND:20250305T150000Z"),
      event("twice", "SEQUENCE:1", "SUMMARY:Old time", "DTSTART:20250305T100000Z", "DTEND:20250305T110000Z"),
    );
    expect(spans(text)).toEqual(["2025-03-05T14:00–15:00 New time"]);
  });
});

describe("bad input", () => {
  const expectFileError = (input: string | Uint8Array, message: RegExp) => {
    let thrown: unknown;
    try {
      read(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CalendarFileError);
    expect((thrown as Error).message).toMatch(message);
  };

  it("refuses an empty file, a file that is no calendar, and one over 20 MB, saying why", () => {
    expectFileError("", /empty/);
    expectFileError(" \r\n\r\n", /empty/);
    expectFileError("<!doctype html><html><body>Sign in</body></html>", /not a calendar file/);
    expectFileError(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /not a calendar file/);
    expectFileError(new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41), /21 MB; calendars up to 20 MB/);
  });

  it("refuses a file with more events than an import may hold, before parsing it", () => {
    const events = Array.from({ length: 50_001 }, (_, index) => `BEGIN:VEVENT\r\nUID:${index}\r\nEND:VEVENT`);
    expectFileError(calendar(...events), /holds 50,001 events; up to 50,000 can be imported at once/);
  });

  it("refuses a file cut short in the middle of an event", () => {
    expectFileError(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", "DTSTART:20250301T100000Z"].join("\r\n"), /cut short/);
  });

  it("skips lines that are no property, and still reads the event around them", () => {
    const text = calendar(event("broken", "SUMMARY:Planning", "DESCRIPTION:Agenda:", "1. the roadmap (a line break Outlook did not fold)", "DTSTART:20250305T100000Z", "DTEND:20250305T110000Z"));
    const reading = read(text);
    expect(reading.occurrences.map((o) => o.title)).toEqual(["Planning"]);
    expect(reading.warnings).toEqual([{ message: "One line of the file could not be read and was skipped.", count: 1, examples: [] }]);
  });

  it("skips an event without DTSTART, or with a date that is no date, with a warning naming it", () => {
    const text = calendar(event("no-start", "SUMMARY:Mystery meeting", "DTEND:20250305T110000Z"), event("bad-date", "SUMMARY:Garbled", "DTSTART:2025XX05T100000Z"), event("fine", "SUMMARY:Fine", "DTSTART:20250305T100000Z"));
    const reading = read(text);
    expect(reading.occurrences.map((o) => o.title)).toEqual(["Fine"]);
    expect(reading.warnings).toEqual([
      { message: "Events without a start time were skipped", count: 1, examples: ["Mystery meeting"] },
      { message: "Events that could not be read were skipped", count: 1, examples: ["Garbled"] },
    ]);
  });

  it("bounds a billion-occurrence rule by the window, and refuses one that repeats too often in it", () => {
    const text = calendar(
      event("billion-daily", "SUMMARY:Daily forever", "DTSTART:20250101T090000Z", "DTEND:20250101T091500Z", "RRULE:FREQ=DAILY;COUNT=1000000000"),
      event("billion-seconds", "SUMMARY:Every second", "DTSTART:20250101T090000Z", "RRULE:FREQ=SECONDLY;COUNT=1000000000"),
    );
    const started = performance.now();
    const reading = read(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(reading.occurrences).toHaveLength(365);
    expect(reading.warnings).toEqual([{ message: "Series that repeat more than 5,000 times in the weeks imported were skipped", count: 1, examples: ["Every second"] }]);
  });

  it("answers quickly for a rule no day can meet (30 February), which hangs some libraries", () => {
    const text = calendar(event("never", "SUMMARY:Never", "DTSTART:20250101T090000Z", "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"));
    const started = performance.now();
    // DTSTART itself is the series' first occurrence (RFC 5545), whatever the rule says.
    expect(spans(text)).toEqual(["2025-01-01T09:00–09:00 Never"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a calendar with more occurrences in the window than an import may hold", () => {
    // 21 series of 5,000 hourly occurrences each: 105,000.
    const series = Array.from({ length: 21 }, (_, index) => event(`many-${index}`, "SUMMARY:Pings", `DTSTART:20250101T${String(index).padStart(2, "0")}0000Z`, "RRULE:FREQ=HOURLY;COUNT=5000"));
    expectFileError(calendar(...series), new RegExp(`more than ${MAX_OCCURRENCES.toLocaleString("en-GB")} events`));
  });

  it("stops reading after its time limit with a message, rather than holding the server", () => {
    const text = calendar(event("one", "SUMMARY:One", "DTSTART:20250305T100000Z"));
    expect(() => read(text, { timeLimitMs: -1 })).toThrow(/took too long/);
  });
});
