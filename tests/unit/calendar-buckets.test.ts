import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketIntoWeeks, MINUTES_IN_A_WEEK, windowOfWeeks, type ClassifiedSpan, type WeekBucket } from "@/lib/calendar/buckets";
import { readCalendar } from "@/lib/calendar/read";
import { compileRules } from "@/lib/calendar/rules";
import { STARTER_RULES } from "@/lib/calendar/rules.validation";

const BERLIN_MONDAYS = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
const span = (key: string, start: string, end: string, category: ClassifiedSpan["category"], rank = 0): ClassifiedSpan => ({ key, start: new Date(start), end: new Date(end), category, rank });
const total = (week: WeekBucket) => week.minutes.firefighting + week.minutes.strategy + week.minutes.other;

describe("bucketIntoWeeks", () => {
  it("counts the overlap of a firefighting and a strategy event once, for the rule higher in the list", () => {
    // Planning 10:00–12:00 (rule 1, strategy) and an incident call 11:00–13:00 (rule 0, firefighting), Berlin:
    // 11:00–12:00 counts once, as firefighting: 60 strategy + 120 firefighting, 180 in all, not 240.
    const [week] = bucketIntoWeeks(
      [span("planning", "2025-03-05T09:00:00Z", "2025-03-05T11:00:00Z", "strategy", 1), span("incident", "2025-03-05T10:00:00Z", "2025-03-05T12:00:00Z", "firefighting", 0)],
      BERLIN_MONDAYS,
    );
    expect(week).toEqual({
      weekStart: "2025-03-03",
      minutes: { firefighting: 120, strategy: 60, other: 0 },
      events: [
        { key: "incident", category: "firefighting", minutes: 120 },
        { key: "planning", category: "strategy", minutes: 60 },
      ],
    });
  });

  it("lets the earlier start win between events of the same rule, and ignored events hide nothing", () => {
    const [week] = bucketIntoWeeks(
      [
        span("a", "2025-03-05T09:00:00Z", "2025-03-05T10:00:00Z", "other", 2),
        span("b", "2025-03-05T09:30:00Z", "2025-03-05T10:30:00Z", "other", 2),
        span("all-hands", "2025-03-05T09:00:00Z", "2025-03-05T11:00:00Z", "ignore", 0),
      ],
      BERLIN_MONDAYS,
    );
    expect(week!.minutes).toEqual({ firefighting: 0, strategy: 0, other: 90 });
    expect(week!.events).toEqual([
      { key: "a", category: "other", minutes: 60 },
      { key: "b", category: "other", minutes: 30 },
    ]);
  });

  it("splits an event at midnight between the user's weeks, in their zone and with their first day", () => {
    // Sunday 9 March 23:00 to Monday 01:00 in Berlin (22:00Z–00:00Z): one hour in each Monday-week.
    const overnight = [span("deploy", "2025-03-09T22:00:00Z", "2025-03-10T00:00:00Z", "firefighting")];
    expect(bucketIntoWeeks(overnight, BERLIN_MONDAYS).map((week) => [week.weekStart, week.minutes.firefighting])).toEqual([
      ["2025-03-03", 60],
      ["2025-03-10", 60],
    ]);
    // With Sunday weeks it is all in the week of Sunday 9 March; in New York (17:00–19:00 on Sunday) too.
    expect(bucketIntoWeeks(overnight, { timeZone: "Europe/Berlin", weekStartsOn: 0 }).map((week) => week.weekStart)).toEqual(["2025-03-09"]);
    expect(bucketIntoWeeks(overnight, { timeZone: "America/New_York", weekStartsOn: 1 }).map((week) => week.weekStart)).toEqual(["2025-03-03"]);
  });

  it("never counts more than 168 hours in a week, even the 169-hour week clocks go back", () => {
    // Berlin's week of Monday 20 October 2025 has 169 hours (26 October has 25); an event covering all of it.
    const window = windowOfWeeks("2025-10-20", 1, BERLIN_MONDAYS);
    expect(window.end.getTime() - window.start.getTime()).toBe(169 * 3_600_000);
    const [week] = bucketIntoWeeks([{ key: "all", ...window, category: "strategy", rank: 0 }], BERLIN_MONDAYS);
    expect(week!.minutes.strategy).toBe(MINUTES_IN_A_WEEK);
  });

  // Events anywhere in three weeks, in whole minutes or not, any category and rule.
  const spans = fc.array(
    fc
      .record({
        key: fc.string({ minLength: 1, maxLength: 6 }),
        start: fc.integer({ min: 0, max: 21 * 24 * 60 }),
        length: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        seconds: fc.integer({ min: 0, max: 59 }),
        category: fc.constantFrom("firefighting", "strategy", "other", "ignore" as const),
        rank: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ key, start, length, seconds, category, rank }) => {
        const from = Date.parse("2025-10-13T00:00:00Z") + start * 60_000 + seconds * 1000;
        return { key, start: new Date(from), end: new Date(from + length * 60_000), category, rank } satisfies ClassifiedSpan;
      }),
    { maxLength: 40 },
  );
  const uniqueKeys = (list: ClassifiedSpan[]) => list.filter((item, index) => list.findIndex((other) => other.key === item.key) === index);

  /** Minutes covered by at least one counted event in [from, to), each minute once: the union's length. */
  function coveredMinutes(list: ClassifiedSpan[], from: number, to: number): number {
    const intervals = list
      .filter((item) => item.category !== "ignore")
      .map((item) => [Math.max(from, Math.round(item.start.getTime() / 60_000)), Math.min(to, Math.round(item.end.getTime() / 60_000))] as const)
      .filter(([start, end]) => end > start)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reached = -Infinity;
    for (const [start, end] of intervals) {
      if (end > reached) covered += end - Math.max(start, reached);
      reached = Math.max(reached, end);
    }
    return covered;
  }

  it("counts exactly the minutes some event covers, never one twice, never over 168 hours a week (property)", () => {
    fc.assert(
      fc.property(spans.map(uniqueKeys), fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata"), fc.integer({ min: 0, max: 6 }), (list, timeZone, weekStartsOn) => {
        const settings = { timeZone, weekStartsOn };
        for (const week of bucketIntoWeeks(list, settings)) {
          const { start, end } = windowOfWeeks(week.weekStart, 1, settings);
          expect(total(week)).toBeLessThanOrEqual(MINUTES_IN_A_WEEK);
          expect(total(week)).toBe(Math.min(MINUTES_IN_A_WEEK, coveredMinutes(list, start.getTime() / 60_000, end.getTime() / 60_000)));
          expect(week.events.reduce((sum, event) => sum + event.minutes, 0)).toBe(total(week));
        }
      }),
    );
  });

  it("gives the same weeks whatever the order of the events (property)", () => {
    fc.assert(
      fc.property(spans.map(uniqueKeys), (list) => {
        expect(bucketIntoWeeks([...list].reverse(), BERLIN_MONDAYS)).toEqual(bucketIntoWeeks(list, BERLIN_MONDAYS));
      }),
    );
  });
});

describe("reading and bucketing a calendar twice", () => {
  const window = { start: new Date("2025-01-01T00:00:00Z"), end: new Date("2026-01-01T00:00:00Z") };
  const options = { timeZone: "Europe/Berlin", selfAddresses: ["me@example.com"], window };
  const classify = compileRules(STARTER_RULES);

  function importWeeks(text: string) {
    const { occurrences } = readCalendar(text, options);
    const spans = occurrences.map((occurrence) => {
      const { category, rule } = classify(occurrence);
      return { key: occurrence.key, start: occurrence.start, end: occurrence.end, category, rank: rule ?? STARTER_RULES.rules.length };
    });
    return { keys: occurrences.map((occurrence) => occurrence.key), weeks: bucketIntoWeeks(spans, BERLIN_MONDAYS) };
  }

  const zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "W. Europe Standard Time"];
  const titles = ["Incident review", "Roadmap planning", "1:1", "Strategy offsite prep", "Team sync"];
  // Series in any of the four zones (or a Windows name), with a rule, an EXDATE and a moved occurrence.
  const series = fc.record({
    zone: fc.constantFrom(...zones),
    title: fc.constantFrom(...titles),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minutes: fc.integer({ min: 15, max: 240 }),
    rule: fc.constantFrom("FREQ=DAILY;COUNT=10", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=DAILY;UNTIL=20251231T000000Z", ""),
    exception: fc.boolean(),
  });
  const pad = (value: number) => String(value).padStart(2, "0");

  type Series = typeof series extends fc.Arbitrary<infer T> ? T : never;

  function icsOf(list: Series[]): string {
    const events = list.flatMap((item, index) => {
      const start = `2025${pad(item.month)}${pad(item.day)}T${pad(item.hour)}0000`;
      const end = new Date(Date.UTC(2025, item.month - 1, item.day, item.hour, item.minutes)).toISOString().replace(/[-:]/g, "").slice(0, 15);
      const master = ["BEGIN:VEVENT", `UID:series-${index}`, `SUMMARY:${item.title}`, `DTSTART;TZID=${item.zone}:${start}`, `DTEND;TZID=${item.zone}:${end}`];
      if (item.rule) master.push(`RRULE:${item.rule}`);
      if (item.rule && item.exception) master.push(`EXDATE;TZID=${item.zone}:${start}`);
      master.push("END:VEVENT");
      if (!item.rule || !item.exception) return [master.join("\r\n")];
      // The first occurrence is removed; a copy of it moved an hour later overrides it (and stays removed).
      const moved = ["BEGIN:VEVENT", `UID:series-${index}`, `RECURRENCE-ID;TZID=${item.zone}:${start}`, `SUMMARY:${item.title} (moved)`, `DTSTART;TZID=${item.zone}:${start.slice(0, 9)}${pad((item.hour + 1) % 24)}0000`, "END:VEVENT"];
      return [master.join("\r\n"), moved.join("\r\n")];
    });
    return ["BEGIN:VCALENDAR", "VERSION:2.0", ...events, "END:VCALENDAR", ""].join("\r\n");
  }

  it("gives the same occurrences, keys and weeks each time, and a file holding every event twice imports as once (property)", () => {
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 8 }), (list) => {
        const text = icsOf(list);
        const once = importWeeks(text);
        expect(new Set(once.keys).size).toBe(once.keys.length);
        expect(importWeeks(text)).toEqual(once);
        const doubled = text.replace("END:VCALENDAR", `${text.split("\r\n").filter((line, index, lines) => index > 1 && index < lines.length - 2).join("\r\n")}\r\nEND:VCALENDAR`);
        expect(importWeeks(doubled)).toEqual(once);
        for (const week of once.weeks) expect(total(week)).toBeLessThanOrEqual(MINUTES_IN_A_WEEK);
      }),
      { numRuns: 40 },
    );
  });

  it("buckets the Google fixture's DST weeks in Berlin as worked out by hand", () => {
    const { weeks } = importWeeks(readFileSync(join(import.meta.dirname, "..", "fixtures", "calendar", "google-berlin.ics"), "utf8"));
    // Week of 24 March (clocks go forward on Sunday 30 March): the sync on 24 March is cancelled; the incident
    // review 10:00–11:00 (60, firefighting) and the night check, zero minutes (02:30 does not exist) remain.
    expect(weeks.find((week) => week.weekStart === "2025-03-24")!.minutes).toEqual({ firefighting: 60, strategy: 0, other: 0 });
    // Week of 31 March: sync 09:00–09:30 on Monday and Saturday's RDATE (30 + 30, other), night check 60 (other).
    expect(weeks.find((week) => week.weekStart === "2025-03-31")!.minutes).toEqual({ firefighting: 0, strategy: 0, other: 120 });
    // Week of 20 October: the escalation bridge, 02:30 CEST to 04:00 CET on 26 October, is 150 real minutes.
    expect(weeks.find((week) => week.weekStart === "2025-10-20")!.minutes).toEqual({ firefighting: 150, strategy: 0, other: 0 });
  });
});
