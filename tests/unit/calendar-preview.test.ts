import { describe, expect, it } from "vitest";
import { buildPreview, originOf, refreshWritesWeek, writesWeek, type PreviewInput, type PreviewWeek, type StoredOccurrence } from "@/lib/calendar/preview";
import { STARTER_RULES } from "@/lib/calendar/rules.validation";

const settings = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
const window = { start: new Date("2026-08-30T22:00:00Z"), end: new Date("2026-11-26T12:00:00Z") };

function occurrence(key: string, start: string, end: string, title: string, attendees: string[] = []): StoredOccurrence {
  return { key, start, end, title, description: "", organizer: null, attendees, attendeeCount: attendees.length };
}

function preview(occurrences: StoredOccurrence[], overrides: Partial<PreviewInput> = {}) {
  return buildPreview({ occurrences, rules: STARTER_RULES, settings, window, logged: new Map(), stakeholders: [], links: new Map(), ...overrides });
}

describe("the import's preview", () => {
  it("writes quarter hours, counts overlapping minutes once, and counts nothing after the upload", () => {
    const { weeks } = preview([
      occurrence("a", "2026-11-16T09:00:00Z", "2026-11-16T09:07:00Z", "Quick sync"),
      occurrence("b", "2026-11-16T10:00:00Z", "2026-11-16T12:00:00Z", "Roadmap planning"),
      // Inside the planning meeting: the incident's rule comes first, so its hour is firefighting.
      occurrence("c", "2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z", "Incident call"),
      // Runs past the upload (Thursday 12:00 UTC): counts up to it.
      occurrence("d", "2026-11-26T11:00:00Z", "2026-11-26T14:00:00Z", "Team sync"),
      occurrence("e", "2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z", "Tomorrow"),
    ]);
    expect(weeks.map(({ startsOn, calendar }) => ({ startsOn, calendar }))).toEqual([
      { startsOn: "2026-11-16", calendar: { firefighting: 60, strategy: 60, other: 0 } },
      { startsOn: "2026-11-23", calendar: { firefighting: 0, strategy: 0, other: 60 } },
    ]);
  });

  it("lists ignored events in their week without counting them, and a week of only ignored events apart, to write nothing", () => {
    const ignored = { ...occurrence("chosen", "2026-11-17T09:00:00Z", "2026-11-17T10:00:00Z", "Roadmap planning"), category: "ignore" as const };
    const { weeks, ignoredWeeks, ignoredEvents } = preview([
      occurrence("a", "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z", "Incident call"),
      ignored,
      { ...occurrence("lunch", "2026-11-24T12:00:00Z", "2026-11-24T13:00:00Z", "Lunch"), category: "ignore" },
    ]);
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({
      startsOn: "2026-11-16",
      calendar: { firefighting: 60, strategy: 0, other: 0 },
      events: [{ key: "a", category: "firefighting", minutes: 60, chosen: false }],
      ignored: [{ key: "chosen", title: "Roadmap planning", category: "ignore", minutes: 0, chosen: true }],
    });
    expect(ignoredWeeks).toEqual([{ startsOn: "2026-11-23", ignored: [expect.objectContaining({ key: "lunch", category: "ignore", minutes: 0 })] }]);
    expect(ignoredEvents).toBe(2);
  });

  it("never writes more than 168 hours in a week", () => {
    const { weeks } = preview([occurrence("all", "2026-11-15T00:00:00Z", "2026-11-25T00:00:00Z", "Offsite")]);
    const week = weeks.find((candidate) => candidate.startsOn === "2026-11-16")!;
    expect(week.calendar.strategy).toBe(168 * 60);
  });

  it("fills only weeks without hand-logged hours unless told to replace", () => {
    const week = (origin: PreviewWeek["origin"], same = false) => ({ origin, same }) as PreviewWeek;
    expect(["fill", "replace", "skip"].map((choice) => writesWeek(week("empty"), choice as "fill"))).toEqual([true, true, false]);
    expect(["fill", "replace", "skip"].map((choice) => writesWeek(week("imported"), choice as "fill"))).toEqual([true, true, false]);
    expect(["fill", "replace", "skip"].map((choice) => writesWeek(week("hand"), choice as "fill"))).toEqual([false, true, false]);
    expect(writesWeek(week("hand", true), "replace")).toBe(false);
    expect(originOf(undefined)).toBe("empty");
    expect(originOf({ minutes: { firefighting: 0, strategy: 0, other: 0 }, fromImport: false })).toBe("empty");
    expect(originOf({ minutes: { firefighting: 15, strategy: 0, other: 0 }, fromImport: true })).toBe("imported");
    expect(originOf({ minutes: { firefighting: 15, strategy: 0, other: 0 }, fromImport: false })).toBe("hand");
  });

  it("lets a feed's refresh write only empty weeks and the weeks that feed wrote, never one by hand or by another import", () => {
    const week = (origin: PreviewWeek["origin"], feedId: string | null, same = false) => ({ origin, feedId, same }) as PreviewWeek;
    expect(refreshWritesWeek(week("empty", null), "feed-a")).toBe(true);
    expect(refreshWritesWeek(week("imported", "feed-a"), "feed-a")).toBe(true);
    expect(refreshWritesWeek(week("imported", "feed-a", true), "feed-a")).toBe(false);
    expect(refreshWritesWeek(week("imported", "feed-b"), "feed-a")).toBe(false);
    expect(refreshWritesWeek(week("imported", null), "feed-a")).toBe(false);
    expect(refreshWritesWeek(week("hand", "feed-a"), "feed-a")).toBe(false);
    // The feed that wrote a week is known only while its hours are as written.
    const logged = new Map([["2026-11-16", { minutes: { firefighting: 60, strategy: 0, other: 0 }, fromImport: true, feedId: "feed-a" }]]);
    const [written] = preview([occurrence("a", "2026-11-16T09:00:00Z", "2026-11-16T11:00:00Z", "Incident call")], { logged }).weeks;
    expect(written).toMatchObject({ origin: "imported", feedId: "feed-a" });
  });

  it("proposes a touchpoint per stakeholder met in a past meeting: a 1:1 for two people, else a meeting", () => {
    const sam = { id: "sam", name: "Sam", email: "sam@sales.example", department: "SALES" as const };
    const fay = { id: "fay", name: "Fay", email: "fay@finance.example", department: "FINANCE" as const };
    const { touchpoints } = preview(
      [
        occurrence("one", "2026-11-16T23:30:00Z", "2026-11-17T00:00:00Z", "  Sam /   me ", ["me@x.example", "sam@sales.example"]),
        occurrence("many", "2026-11-18T09:00:00Z", "2026-11-18T10:00:00Z", "", ["me@x.example", "sam@sales.example", "fay@finance.example"]),
        occurrence("later", "2026-11-26T11:00:00Z", "2026-11-26T13:00:00Z", "Still going", ["sam@sales.example"]),
      ],
      { stakeholders: [sam, fay], links: new Map([["many fay", { touchpointId: "t1", occurredOn: "2026-11-18", channel: "MEETING", topic: "Calendar meeting", deleted: false }]]) },
    );
    expect(touchpoints.map(({ eventKey, stakeholderId, occurredOn, channel, topic, state }) => [eventKey, stakeholderId, occurredOn, channel, topic, state])).toEqual([
      // 00:30 in Berlin: the day is the user's.
      ["one", "sam", "2026-11-17", "ONE_ON_ONE", "Sam / me", "new"],
      ["many", "fay", "2026-11-18", "MEETING", "Calendar meeting", "same"],
      ["many", "sam", "2026-11-18", "MEETING", "Calendar meeting", "new"],
    ]);
  });
});
