import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysTo, daysBetween, fromDateOnly, toDateOnly } from "@/lib/shared/dates";
import {
  canLogWeek,
  currentWeekStart,
  formatTimeZone,
  formatWeekRange,
  isWeekStart,
  neighbouringWeeks,
  nextWeekStart,
  previousWeekStart,
  unloggedLastWeek,
  weekEndOf,
  weekStartOf,
  weekStrip,
  weekTimeline,
  weekTitle,
  weekToOpen,
} from "@/lib/shared/week-dates";

const MONDAY = 1;
const SUNDAY = 0;
const SATURDAY = 6;

describe("weekStartOf", () => {
  it("finds the Monday of a Monday week, from any of its days", () => {
    for (const day of ["2025-03-03", "2025-03-05", "2025-03-09"]) expect(weekStartOf(day, MONDAY)).toBe("2025-03-03");
    expect(weekStartOf("2025-03-10", MONDAY)).toBe("2025-03-10");
  });

  it("finds the Sunday of a Sunday week", () => {
    expect(weekStartOf("2025-03-09", SUNDAY)).toBe("2025-03-09");
    expect(weekStartOf("2025-03-15", SUNDAY)).toBe("2025-03-09");
    expect(weekStartOf("2025-03-08", SUNDAY)).toBe("2025-03-02");
  });

  it("finds the Saturday of a Saturday week", () => {
    expect(weekStartOf("2025-03-08", SATURDAY)).toBe("2025-03-08");
    expect(weekStartOf("2025-03-14", SATURDAY)).toBe("2025-03-08");
    expect(weekStartOf("2025-03-07", SATURDAY)).toBe("2025-03-01");
  });

  it("crosses year boundaries", () => {
    // Wednesday 1 January 2025 belongs to the week of Monday 30 December 2024.
    expect(weekStartOf("2025-01-01", MONDAY)).toBe("2024-12-30");
    expect(weekStartOf("2025-01-04", SATURDAY)).toBe("2025-01-04");
    expect(weekStartOf("2025-01-03", SATURDAY)).toBe("2024-12-28");
    expect(weekStartOf("2021-01-02", SUNDAY)).toBe("2020-12-27");
    // Leap day.
    expect(weekStartOf("2024-02-29", MONDAY)).toBe("2024-02-26");
  });

  it("always answers a week start on or up to six days before the day, for any setting", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 6 }),
        (date, weekStartsOn) => {
          const day = toDateOnly(date);
          const start = weekStartOf(day, weekStartsOn);
          expect(fromDateOnly(start).getUTCDay()).toBe(weekStartsOn);
          expect(daysBetween(start, day)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(start, day)).toBeLessThan(7);
          expect(isWeekStart(start, weekStartsOn)).toBe(true);
        },
      ),
    );
  });
});

describe("currentWeekStart", () => {
  it("keeps a week that contains the spring DST switch in Europe/Berlin whole", () => {
    // Clocks went from 02:00 to 03:00 on Sunday 30 March 2025; the week ran Mon 24 – Sun 30.
    const berlin = { timeZone: "Europe/Berlin", weekStartsOn: MONDAY };
    expect(currentWeekStart(berlin, new Date("2025-03-23T23:00:00Z"))).toBe("2025-03-24"); // Mon 00:00 CET
    expect(currentWeekStart(berlin, new Date("2025-03-30T00:30:00Z"))).toBe("2025-03-24"); // Sun 01:30, before the switch
    expect(currentWeekStart(berlin, new Date("2025-03-30T21:59:00Z"))).toBe("2025-03-24"); // Sun 23:59 CEST
    expect(currentWeekStart(berlin, new Date("2025-03-30T22:00:00Z"))).toBe("2025-03-31"); // Mon 00:00 CEST
  });

  it("keeps a week that contains the autumn DST switch in Europe/Berlin whole", () => {
    // Clocks went back from 03:00 to 02:00 on Sunday 26 October 2025.
    const berlin = { timeZone: "Europe/Berlin", weekStartsOn: MONDAY };
    expect(currentWeekStart(berlin, new Date("2025-10-26T22:59:00Z"))).toBe("2025-10-20"); // Sun 23:59 CET
    expect(currentWeekStart(berlin, new Date("2025-10-26T23:00:00Z"))).toBe("2025-10-27"); // Mon 00:00 CET
  });

  it("starts a Sunday week in America/New_York at local midnight on the day the clocks change", () => {
    // Sunday 9 March 2025: 02:00 EST became 03:00 EDT. Midnight was still EST (05:00 UTC).
    const newYork = { timeZone: "America/New_York", weekStartsOn: SUNDAY };
    expect(currentWeekStart(newYork, new Date("2025-03-09T04:59:00Z"))).toBe("2025-03-02"); // Sat 23:59 EST
    expect(currentWeekStart(newYork, new Date("2025-03-09T05:00:00Z"))).toBe("2025-03-09"); // Sun 00:00 EST
    expect(currentWeekStart(newYork, new Date("2025-03-16T03:59:00Z"))).toBe("2025-03-09"); // Sat 23:59 EDT
    expect(currentWeekStart(newYork, new Date("2025-03-16T04:00:00Z"))).toBe("2025-03-16"); // Sun 00:00 EDT
  });

  it("handles the autumn switch in America/New_York with a Monday week", () => {
    // Sunday 2 November 2025: 02:00 EDT became 01:00 EST; the week of Mon 27 October had 169 hours.
    const newYork = { timeZone: "America/New_York", weekStartsOn: MONDAY };
    expect(currentWeekStart(newYork, new Date("2025-10-27T04:00:00Z"))).toBe("2025-10-27"); // Mon 00:00 EDT
    expect(currentWeekStart(newYork, new Date("2025-11-03T04:59:00Z"))).toBe("2025-10-27"); // Sun 23:59 EST
    expect(currentWeekStart(newYork, new Date("2025-11-03T05:00:00Z"))).toBe("2025-11-03"); // Mon 00:00 EST
  });

  it("puts a user east of UTC in their new week at their midnight, while UTC is still on the previous day", () => {
    // Monday 3 March 2025, 00:05 in Auckland (UTC+13) is Sunday 2 March, 11:05 UTC.
    const instant = new Date("2025-03-02T11:05:00Z");
    expect(currentWeekStart({ timeZone: "Pacific/Auckland", weekStartsOn: MONDAY }, instant)).toBe("2025-03-03");
    expect(currentWeekStart({ timeZone: "UTC", weekStartsOn: MONDAY }, instant)).toBe("2025-02-24");
    // Tokyo (UTC+9): Monday 00:00 local is Sunday 15:00 UTC.
    expect(currentWeekStart({ timeZone: "Asia/Tokyo", weekStartsOn: MONDAY }, new Date("2025-03-02T15:00:00Z"))).toBe("2025-03-03");
    expect(currentWeekStart({ timeZone: "Asia/Tokyo", weekStartsOn: MONDAY }, new Date("2025-03-02T14:59:00Z"))).toBe("2025-02-24");
  });

  it("puts a user west of UTC in their old week while UTC has moved on", () => {
    // Monday 3 March 2025, 02:00 UTC is still Sunday evening in Los Angeles.
    expect(currentWeekStart({ timeZone: "America/Los_Angeles", weekStartsOn: MONDAY }, new Date("2025-03-03T02:00:00Z"))).toBe("2025-02-24");
  });

  it("crosses the year boundary in the user's zone, not the server's", () => {
    // New Year 2026 in Auckland while it is still 31 December in UTC; Thursday 1 January belongs to the week of Monday 29 December.
    expect(currentWeekStart({ timeZone: "Pacific/Auckland", weekStartsOn: MONDAY }, new Date("2025-12-31T11:30:00Z"))).toBe("2025-12-29");
    // Saturday start: Saturday 3 January 2026 begins a new week in Tokyo while UTC is still on Friday.
    expect(currentWeekStart({ timeZone: "Asia/Tokyo", weekStartsOn: SATURDAY }, new Date("2026-01-02T15:30:00Z"))).toBe("2026-01-03");
    expect(currentWeekStart({ timeZone: "UTC", weekStartsOn: SATURDAY }, new Date("2026-01-02T15:30:00Z"))).toBe("2025-12-27");
  });
});

describe("week navigation", () => {
  it("moves by whole weeks across DST and year boundaries", () => {
    expect(nextWeekStart("2025-03-24")).toBe("2025-03-31");
    expect(previousWeekStart("2025-03-31")).toBe("2025-03-24");
    expect(nextWeekStart("2025-12-29")).toBe("2026-01-05");
    expect(previousWeekStart("2026-01-03")).toBe("2025-12-27");
    expect(weekEndOf("2025-03-24")).toBe("2025-03-30");
    expect(weekEndOf("2025-12-29")).toBe("2026-01-04");
  });

  it("lets weeks up to next week be logged, and not further ahead", () => {
    const current = "2025-03-03";
    expect(canLogWeek("2020-01-06", current)).toBe(true);
    expect(canLogWeek(current, current)).toBe(true);
    expect(canLogWeek("2025-03-10", current)).toBe(true);
    expect(canLogWeek("2025-03-17", current)).toBe(false);
  });

  it("names weeks near the current one in words", () => {
    const current = "2025-03-03";
    expect(weekTitle(current, current)).toBe("This week");
    expect(weekTitle("2025-02-24", current)).toBe("Last week");
    expect(weekTitle("2025-03-10", current)).toBe("Next week");
    expect(weekTitle("2025-01-06", current)).toBe("Week of 6 January 2025");
  });
});

describe("weeks saved before the first day of the week changed", () => {
  // Logged as Monday weeks up to Mon 23 November 2026, then the leader switched to Sunday weeks.
  const saved = ["2026-11-09", "2026-11-16", "2026-11-23"];

  it("opens a saved week on its own first day, as it was logged", () => {
    for (const start of saved) expect(weekToOpen(start, SUNDAY, saved)).toBe(start);
  });

  it("opens a day of a calendar week that a saved week stands in for as that saved week", () => {
    // Sunday 22 November begins the calendar week that Monday 23 November, saved, already covers.
    expect(weekToOpen("2026-11-22", SUNDAY, saved)).toBe("2026-11-23");
    expect(weekToOpen("2026-11-25", SUNDAY, saved)).toBe("2026-11-23");
    expect(weekToOpen("2026-11-21", SUNDAY, saved)).toBe("2026-11-16");
  });

  it("opens the new calendar week once no saved week stands in for it", () => {
    expect(weekToOpen("2026-11-29", SUNDAY, saved)).toBe("2026-11-29");
    expect(weekToOpen("2026-12-02", SUNDAY, saved)).toBe("2026-11-29");
    expect(weekToOpen("2026-11-04", SUNDAY, saved)).toBe("2026-11-01");
  });

  it("steps through the saved weeks and then the new calendar weeks, both ways", () => {
    const forward = ["2026-11-01"];
    while (forward.length < 6) forward.push(neighbouringWeeks(forward.at(-1)!, SUNDAY, saved).next);
    expect(forward).toEqual(["2026-11-01", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-29", "2026-12-06"]);
    const backward = ["2026-12-06"];
    while (backward.length < 6) backward.push(neighbouringWeeks(backward.at(-1)!, SUNDAY, saved).previous);
    expect(backward).toEqual([...forward].reverse());
  });

  it("with two saved weeks in one calendar week, opens the one holding the day, and steps through both", () => {
    // Sunday 22 November was logged under Sunday weeks, Monday 23 November under Monday weeks; now back to Sunday weeks.
    const both = ["2026-11-22", "2026-11-23"];
    expect(weekToOpen("2026-11-22", SUNDAY, both)).toBe("2026-11-22");
    expect(weekToOpen("2026-11-28", SUNDAY, both)).toBe("2026-11-23");
    expect(neighbouringWeeks("2026-11-22", SUNDAY, both)).toEqual({ previous: "2026-11-15", next: "2026-11-23" });
    expect(neighbouringWeeks("2026-11-23", SUNDAY, both)).toEqual({ previous: "2026-11-22", next: "2026-11-29" });
  });

  it("changes nothing for weeks all saved under the current setting", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: -10, max: 10 })), fc.integer({ min: -60, max: 60 }), (weekStartsOn, weeks, offset) => {
        const thisWeek = weekStartOf("2026-11-24", weekStartsOn);
        const aligned = [...new Set(weeks.map((n) => addDaysTo(thisWeek, 7 * n)))].sort();
        const day = addDaysTo("2026-11-24", offset);
        const start = weekToOpen(day, weekStartsOn, aligned);
        expect(start).toBe(weekStartOf(day, weekStartsOn));
        expect(neighbouringWeeks(start, weekStartsOn, aligned)).toEqual({ previous: previousWeekStart(start), next: nextWeekStart(start) });
      }),
    );
  });

  it("opens only weeks it steps through, and steps back to where it came from, whatever was saved when", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 0, max: 60 })), fc.integer({ min: 10, max: 50 }), (weekStartsOn, offsets, offset) => {
        // Any day may have been a first day under some earlier setting.
        const saved = [...new Set(offsets.map((n) => addDaysTo("2026-10-01", n)))].sort();
        const start = weekToOpen(addDaysTo("2026-10-01", offset), weekStartsOn, saved);
        expect(weekToOpen(start, weekStartsOn, saved)).toBe(start);
        const { previous, next } = neighbouringWeeks(start, weekStartsOn, saved);
        expect(weekToOpen(previous, weekStartsOn, saved)).toBe(previous);
        expect(weekToOpen(next, weekStartsOn, saved)).toBe(next);
        expect(neighbouringWeeks(previous, weekStartsOn, saved).next).toBe(start);
        expect(neighbouringWeeks(next, weekStartsOn, saved).previous).toBe(start);
      }),
    );
  });
});

describe("formatWeekRange", () => {
  it("names the month and year once when the week stays in one month", () => {
    expect(formatWeekRange("2025-03-03")).toBe("Mon 3 – Sun 9 March 2025");
    expect(formatWeekRange("2025-03-09")).toBe("Sun 9 – Sat 15 March 2025");
  });

  it("names both months when the week crosses one", () => {
    expect(formatWeekRange("2025-03-31")).toBe("Mon 31 March – Sun 6 April 2025");
  });

  it("names both years when the week crosses New Year", () => {
    expect(formatWeekRange("2025-12-29")).toBe("Mon 29 December 2025 – Sun 4 January 2026");
    expect(formatWeekRange("2025-12-27")).toBe("Sat 27 December 2025 – Fri 2 January 2026");
  });

  it("names every day of every month as the en-GB formatter does", () => {
    // Any start day, 1999–2032: each weekday, month and both sides of every New Year.
    const formatted = (date: Date) =>
      new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(date);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 34 * 366 }), (offset) => {
        const start = addDaysTo("1999-01-01", offset);
        const [from, to] = [fromDateOnly(start), fromDateOnly(addDaysTo(start, 6))].map((date) =>
          Object.fromEntries(formatted(date).map((part) => [part.type, part.value])),
        );
        const first = [from!.weekday, from!.day];
        if (from!.month !== to!.month || from!.year !== to!.year) first.push(from!.month);
        if (from!.year !== to!.year) first.push(from!.year);
        expect(formatWeekRange(start)).toBe(`${first.join(" ")} – ${to!.weekday} ${to!.day} ${to!.month} ${to!.year}`);
        expect(weekTitle(start, "1900-01-01")).toBe(`Week of ${from!.day} ${from!.month} ${from!.year}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("shows zones the way people read them", () => {
    expect(formatTimeZone("America/New_York")).toBe("America/New York");
    expect(formatTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(formatTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(formatTimeZone("America/Godthab")).toBe("America/Nuuk");
  });
});

// Monday weeks; this week began on Monday 1 December 2025.
const NOW_WEEK = "2025-12-01";

describe("weekTimeline (all your weeks)", () => {
  it("is empty before the first logged week", () => {
    expect(weekTimeline([], MONDAY, NOW_WEEK)).toEqual([]);
  });

  it("lists every week from the first logged one to this week, newest first, with the gaps", () => {
    const timeline = weekTimeline(["2025-11-10", "2025-11-24", "2025-11-03"], MONDAY, NOW_WEEK);
    expect(timeline).toEqual([
      { startsOn: "2025-12-01", logged: false },
      { startsOn: "2025-11-24", logged: true },
      { startsOn: "2025-11-17", logged: false },
      { startsOn: "2025-11-10", logged: true },
      { startsOn: "2025-11-03", logged: true },
    ]);
  });

  it("starts at next week when it is logged already, and at this week when only next week is", () => {
    expect(weekTimeline(["2025-12-08", "2025-12-01"], MONDAY, NOW_WEEK).map((week) => week.startsOn)).toEqual(["2025-12-08", "2025-12-01"]);
    expect(weekTimeline(["2025-12-08"], MONDAY, NOW_WEEK)).toEqual([
      { startsOn: "2025-12-08", logged: true },
      { startsOn: "2025-12-01", logged: false },
    ]);
  });

  it("keeps weeks logged before a change of the first day with their own dates, standing in for their calendar week", () => {
    // Monday weeks logged in November, then the setting moved to Sunday: this week began on Sunday 30 November.
    const timeline = weekTimeline(["2025-11-10", "2025-11-24"], SUNDAY, "2025-11-30");
    expect(timeline).toEqual([
      { startsOn: "2025-11-30", logged: false },
      // Stands in for the Sunday week of 23 November, which is no gap.
      { startsOn: "2025-11-24", logged: true },
      { startsOn: "2025-11-16", logged: false },
      { startsOn: "2025-11-10", logged: true },
    ]);
  });

  it("lists both weeks that stand in for one calendar week, newest first", () => {
    // Monday 24 November, then Sunday 30 November as first days: after switching back to Monday both fall in the week of 24 November.
    expect(weekTimeline(["2025-11-24", "2025-11-30"], MONDAY, NOW_WEEK)).toEqual([
      { startsOn: "2025-12-01", logged: false },
      { startsOn: "2025-11-30", logged: true },
      { startsOn: "2025-11-24", logged: true },
    ]);
  });

  it("has one line per calendar week with no saved week, and each saved week once, for any weeks and setting", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -400, max: 8 }), { maxLength: 40 }), fc.integer({ min: 0, max: 6 }), (offsets, weekStartsOn) => {
        const current = weekStartOf(NOW_WEEK, weekStartsOn);
        const saved = offsets.map((offset) => addDaysTo(NOW_WEEK, offset));
        const timeline = weekTimeline(saved, weekStartsOn, current);
        expect(timeline.filter((week) => week.logged).map((week) => week.startsOn).sort()).toEqual([...saved].sort());
        expect([...timeline].map((week) => week.startsOn)).toEqual(timeline.map((week) => week.startsOn).sort().reverse());
        for (const gap of timeline.filter((week) => !week.logged)) {
          expect(isWeekStart(gap.startsOn, weekStartsOn)).toBe(true);
          expect(saved.some((start) => weekStartOf(start, weekStartsOn) === gap.startsOn)).toBe(false);
        }
      }),
    );
  });
});

describe("weekStrip (the last 52 weeks)", () => {
  it("has 52 calendar weeks up to this one, oldest first, each logged, missing, open or before the first week", () => {
    const strip = weekStrip(["2025-11-10", "2025-11-24"], MONDAY, NOW_WEEK, "2025-11-10");
    expect(strip).toHaveLength(52);
    expect(strip[0]).toEqual({ startsOn: "2024-12-09", state: "before" });
    expect(strip.slice(-5)).toEqual([
      { startsOn: "2025-11-03", state: "before" },
      { startsOn: "2025-11-10", state: "logged" },
      { startsOn: "2025-11-17", state: "missing" },
      { startsOn: "2025-11-24", state: "logged" },
      { startsOn: "2025-12-01", state: "open" },
    ]);
  });

  it("shows this week logged once it is, and a week logged under an earlier setting under its own first day", () => {
    const strip = weekStrip(["2025-11-24", "2025-11-30"], SUNDAY, "2025-11-30", "2025-11-23");
    expect(strip.slice(-2)).toEqual([
      { startsOn: "2025-11-24", state: "logged" },
      { startsOn: "2025-11-30", state: "logged" },
    ]);
  });
});

describe("unloggedLastWeek (the nudge)", () => {
  it("names last week when it is a gap after a logged week", () => {
    expect(unloggedLastWeek(NOW_WEEK, "2025-11-17")).toBe("2025-11-24");
    expect(unloggedLastWeek(NOW_WEEK, "2024-01-01")).toBe("2025-11-24");
  });

  it("says nothing when last week is logged, or nothing before this week is", () => {
    expect(unloggedLastWeek(NOW_WEEK, "2025-11-24")).toBeNull();
    // A leader who started this week (or has not started) has no last week to catch up on.
    expect(unloggedLastWeek(NOW_WEEK, null)).toBeNull();
  });
});
