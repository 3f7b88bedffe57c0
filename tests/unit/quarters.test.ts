import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysTo, fromDateOnly, toDateOnly } from "@/lib/shared/dates";
import {
  currentQuarter,
  isQuarterKey,
  nextQuarter,
  previousQuarter,
  quarterFirstDay,
  quarterKeySchema,
  quarterLastDay,
  quarterMonths,
  quarterName,
  quarterOfDay,
  quarterOfWeek,
  quarterWeeks,
  quartersBack,
  spanningWeeks,
  spanningWeeksNote,
  type QuarterKey,
} from "@/lib/shared/quarters";
import { weekStartOf } from "@/lib/shared/week-dates";
import { dashboardWindow, quarterWindow } from "@/lib/dashboard/windows";
import { headlineFinding } from "@/lib/story/headline";

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

describe("quarter keys", () => {
  it("reads 2026-Q4 and nothing else", () => {
    expect(isQuarterKey("2026-Q4")).toBe(true);
    for (const bad of ["2026-Q5", "2026-Q0", "2026-q4", "26-Q4", "2026-Q4 ", "1969-Q4", "2101-Q1", "2026Q4", ""]) expect(isQuarterKey(bad), bad).toBe(false);
    expect(quarterKeySchema.safeParse(" 2026-Q2 ").data).toBe("2026-Q2");
    expect(quarterKeySchema.safeParse("2026-Q5").success).toBe(false);
  });

  it("names a quarter and its months, and steps across years", () => {
    expect(quarterName("2026-Q4")).toBe("Q4 2026");
    expect(quarterMonths("2026-Q4")).toBe("October to December 2026");
    expect(quarterFirstDay("2026-Q3")).toBe("2026-07-01");
    expect(quarterLastDay("2026-Q1")).toBe("2026-03-31");
    expect(quarterLastDay("2024-Q1")).toBe("2024-03-31");
    expect(nextQuarter("2026-Q4")).toBe("2027-Q1");
    expect(previousQuarter("2027-Q1")).toBe("2026-Q4");
    expect(quartersBack("2026-Q2", "2025-Q3", 8)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
    expect(quartersBack("2026-Q2", "1970-Q1", 3)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4"]);
  });

  it("puts every day in the quarter of its month", () => {
    expect(quarterOfDay("2026-03-31")).toBe("2026-Q1");
    expect(quarterOfDay("2026-04-01")).toBe("2026-Q2");
    expect(quarterOfDay("2026-12-31")).toBe("2026-Q4");
  });
});

describe("the weeks a quarter counts", () => {
  it("holds the weeks whose first day falls in it (Q4 2026 begins on a Thursday)", () => {
    // 1 October 2026 is a Thursday, 31 December a Thursday.
    expect(quarterWeeks("2026-Q4", MONDAY)).toEqual({ first: "2026-10-05", last: "2026-12-28", lastDay: "2027-01-03" });
    expect(quarterWeeks("2026-Q4", SUNDAY)).toEqual({ first: "2026-10-04", last: "2026-12-27", lastDay: "2027-01-02" });
    // With weeks starting on Thursday the quarter's edges fall between two weeks.
    expect(quarterWeeks("2026-Q4", THURSDAY)).toEqual({ first: "2026-10-01", last: "2026-12-31", lastDay: "2027-01-06" });
    expect(quarterWeeks("2026-Q4", SATURDAY)).toEqual({ first: "2026-10-03", last: "2026-12-26", lastDay: "2027-01-01" });
  });

  it("counts a week that spans two quarters where its first day falls, and says so", () => {
    // The week of Monday 28 September runs to Sunday 4 October: it counts in Q3.
    expect(quarterOfWeek("2026-09-28")).toBe("2026-Q3");
    expect(quarterWeeks("2026-Q3", MONDAY).last).toBe("2026-09-28");
    expect(spanningWeeks("2026-Q4", MONDAY)).toEqual({ before: "2026-09-28", after: "2026-12-28" });
    expect(spanningWeeksNote("2026-Q4", MONDAY)).toEqual([
      "The week of 28 September 2026 ends in Q4 2026 but counts in the quarter before, where its first day falls.",
      "The week of 28 December 2026 ends in the next quarter, on 3 January 2027, but counts in Q4 2026, where its first day falls.",
    ]);
    // Q2 2024 runs from Monday 1 April to Sunday 30 June: no week spans its edges, and the page says nothing.
    expect(spanningWeeks("2024-Q2", MONDAY)).toEqual({ before: null, after: null });
    expect(spanningWeeksNote("2024-Q2", MONDAY)).toEqual([]);
    expect(spanningWeeksNote("2024-Q2", SUNDAY)).toHaveLength(2);
    expect(spanningWeeks("2026-Q4", THURSDAY)).toEqual({ before: null, after: "2026-12-31" });
  });

  it("gives every week exactly one quarter, and quarters that follow each other without gap or overlap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), fc.integer({ min: 0, max: 6 }), (offset, weekStartsOn) => {
        const day = addDaysTo("1990-01-01", offset);
        const week = weekStartOf(day, weekStartsOn);
        const quarter = quarterOfWeek(week);
        const { first, last, lastDay } = quarterWeeks(quarter, weekStartsOn);
        expect(week >= first && week <= last).toBe(true);
        expect(quarterWeeks(nextQuarter(quarter), weekStartsOn).first).toBe(addDaysTo(lastDay, 1));
      }),
    );
  });
});

describe("the quarter running now, in the user's zone and week start", () => {
  // Wednesday 30 September 2026, 23:30 UTC.
  const lateSeptember = new Date("2026-09-30T23:30:00Z");

  it("is the quarter the current week started in, in each zone", () => {
    expect(currentQuarter({ timeZone: "UTC", weekStartsOn: MONDAY }, lateSeptember)).toBe("2026-Q3");
    // Thursday 1 October in Berlin already, but the week began on Monday 28 September.
    expect(currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: MONDAY }, lateSeptember)).toBe("2026-Q3");
    // Weeks that start on Thursday: this week began on 1 October in Berlin, still 24 September in Los Angeles.
    expect(currentQuarter({ timeZone: "Europe/Berlin", weekStartsOn: THURSDAY }, lateSeptember)).toBe("2026-Q4");
    expect(currentQuarter({ timeZone: "America/Los_Angeles", weekStartsOn: THURSDAY }, lateSeptember)).toBe("2026-Q3");
    expect(currentQuarter({ timeZone: "Pacific/Kiritimati", weekStartsOn: THURSDAY }, lateSeptember)).toBe("2026-Q4");
  });

  it("turns with the year where the week does", () => {
    // Monday 4 January 2027, 02:00 UTC: still Sunday 3 January in New York.
    const now = new Date("2027-01-04T02:00:00Z");
    expect(currentQuarter({ timeZone: "UTC", weekStartsOn: MONDAY }, now)).toBe("2027-Q1");
    expect(currentQuarter({ timeZone: "America/New_York", weekStartsOn: MONDAY }, now)).toBe("2026-Q4");
    expect(currentQuarter({ timeZone: "America/New_York", weekStartsOn: SUNDAY }, now)).toBe("2027-Q1");
    expect(currentQuarter({ timeZone: "Asia/Tokyo", weekStartsOn: SUNDAY }, now)).toBe("2027-Q1");
  });
});

describe("a quarter's dashboard window", () => {
  const settings = { timeZone: "Europe/Berlin", weekStartsOn: MONDAY };

  it("is the dashboard's own 'This quarter' for the running quarter", () => {
    const now = new Date("2026-11-18T10:00:00Z");
    expect(quarterWindow("2026-Q4", settings, now)).toEqual(dashboardWindow("quarter", settings, now));
  });

  it("is that range as it stood on the last day of the quarter's last week, for an earlier quarter", () => {
    const now = new Date("2026-11-18T10:00:00Z");
    const window = quarterWindow("2026-Q3", settings, now);
    expect(window).toMatchObject({ range: "quarter", granularity: "week", from: "2026-07-06", currentWeekStart: "2026-09-28", today: "2026-10-04" });
    // The days it covers end where the next quarter's first week begins.
    expect(quarterWindow("2026-Q2", settings, now).today).toBe(addDaysTo(quarterWindow("2026-Q3", settings, now).from!, -1));
    expect(toDateOnly(fromDateOnly(window.from!))).toBe(quarterWeeks("2026-Q3", MONDAY).first);
  });
});

describe("the headline", () => {
  it("states the quarter's strategy share against the quarter before and the goal", () => {
    expect(headlineFinding(0.34, 0.28, 0.4, false, "owner")).toBe("Strategy took 34% of your logged hours this quarter, up from 28% the quarter before, 6 points short of your 40% goal.");
    expect(headlineFinding(0.42, 0.5, 0.4, true, "owner")).toBe("Strategy took 42% of your logged hours this quarter so far, down from 50% the quarter before, meeting your 40% goal.");
    expect(headlineFinding(0.3, 0.3, null, false, "owner")).toBe("Strategy took 30% of your logged hours this quarter, the same as the quarter before.");
    expect(headlineFinding(0.3, null, null, false, "owner")).toBe("Strategy took 30% of your logged hours this quarter.");
    expect(headlineFinding(null, 0.3, 0.4, true, "owner")).toBe("No hours logged this quarter so far yet.");
  });

  it("speaks of the leader, not to the reader, when someone else reads it (a shared link, a mentor)", () => {
    expect(headlineFinding(0.34, 0.28, 0.4, false, "other")).toBe(
      "Strategy took 34% of the leader's logged hours this quarter, up from 28% the quarter before, 6 points short of the 40% goal.",
    );
    expect(headlineFinding(0.42, 0.5, 0.4, true, "other")).toBe("Strategy took 42% of the leader's logged hours this quarter so far, down from 50% the quarter before, meeting the 40% goal.");
    expect(headlineFinding(0.3, null, null, false, "other")).not.toMatch(/\byour\b/i);
  });
});

// Typed keys stay what they look like.
const q: QuarterKey = "2026-Q1";
void q;
