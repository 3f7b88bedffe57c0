import { tzScan } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMinuteOfDay, localTimeToInstant, nextWeeklyDue, reminderWeekOf, type WeeklySchedule } from "@/lib/shared/weekly-schedule";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEK = 7 * DAY;
const ZONES = Intl.supportedValuesOf("timeZone");
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

// The oracle reads wall clocks with Intl's own parts, not the offsets the code under test uses.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, timeZone: string): number {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    wallFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
}

/**
 * What the due time must be: the first instant whose wall clock reads the
 * chosen day and time or later (the next valid minute when that time does not
 * exist), on the chosen weekday, one week after the last.
 */
function checkDue(schedule: WeeklySchedule, due: Date): number {
  const instant = due.getTime();
  expect(instant % MINUTE).toBe(0);
  const wall = wallClock(instant, schedule.timeZone);
  // The local time it stands for: on the chosen weekday, at the chosen minute, at or before the clock shown.
  const sameDay = Math.floor(wall / DAY) * DAY + schedule.minute * MINUTE;
  const target = sameDay <= wall ? sameDay : sameDay - DAY;
  expect(new Date(target).getUTCDay()).toBe(schedule.day);
  // Shifted only by a gap, and never by more than one.
  expect(wall - target).toBeLessThanOrEqual(3 * 60 * MINUTE);
  // No earlier minute already read that time: the first occurrence, or the first minute after a gap.
  // (Clocks move by whole quarter hours, so these minutes cover every earlier reading of it.)
  for (const minutes of [1, 15, 30, 45, 60, 75, 90, 105, 120, 150, 180]) {
    expect(wallClock(instant - minutes * MINUTE, schedule.timeZone)).toBeLessThan(target);
  }
  return target;
}

function checkWeeks(schedule: WeeklySchedule, start: number, weeks: number): void {
  let due = nextWeeklyDue(schedule, new Date(start));
  expect(due.getTime()).toBeGreaterThan(start);
  expect(due.getTime() - start).toBeLessThanOrEqual(WEEK + 3 * 60 * MINUTE);
  let target = checkDue(schedule, due);
  for (let week = 1; week < weeks; week++) {
    // After each send the next due time is computed from the one just sent.
    const next = nextWeeklyDue(schedule, due);
    const nextTarget = checkDue(schedule, next);
    // Exactly once a week: the very next week's time, never the same week's twice.
    expect(nextTarget - target).toBe(WEEK);
    due = next;
    target = nextTarget;
  }
}

const TRANSITIONS = ZONES.flatMap((timeZone) => tzScan(timeZone, { start: new Date(FROM), end: new Date(TO) }).map((change) => ({ timeZone, at: change.date.getTime() })));

describe("nextWeeklyDue", () => {
  it("fires once a week at the chosen local time in every IANA zone", () => {
    // Each zone at least once at the default time, then random ones.
    for (const timeZone of ZONES) checkWeeks({ timeZone, day: 5, minute: 16 * 60 }, FROM, 2);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: FROM, max: TO - 4 * WEEK }),
        (timeZone, day, minute, start) => checkWeeks({ timeZone, day, minute }, start, 3),
      ),
      { numRuns: 600 },
    );
  }, 60_000);

  it("fires once a week across every DST transition of 2026 and 2027, at the chosen time or the next valid minute", () => {
    expect(TRANSITIONS.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -150, max: 150 }), fc.integer({ min: 1, max: 9 * 24 * 60 }), ({ timeZone, at }, around, before) => {
        // A time near the change's local clock, on the weekday it happens.
        const wall = wallClock(at, timeZone) + around * MINUTE;
        const schedule = { timeZone, day: new Date(wall).getUTCDay(), minute: Math.floor((wall % DAY) / MINUTE) };
        checkWeeks(schedule, at - before * MINUTE, 3);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it("sends a time that does not exist at the next valid minute, and a time that happens twice the first time", () => {
    // Berlin springs forward at 02:00 on 29 March 2026: 02:30 does not exist; 03:00 is the next valid minute.
    expect(localTimeToInstant("2026-03-29", 150, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // New York falls back at 02:00 on 1 November 2026: 01:30 happens twice, first at UTC−4.
    expect(localTimeToInstant("2026-11-01", 90, "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // Lord Howe moves by half an hour.
    expect(localTimeToInstant("2026-10-04", 135, "Australia/Lord_Howe").toISOString()).toBe("2026-10-03T15:30:00.000Z");
  });

  it("is the user's local time, not UTC or the server's", () => {
    const friday = { day: 5, minute: 16 * 60 };
    expect(nextWeeklyDue({ ...friday, timeZone: "Asia/Kolkata" }, new Date("2026-12-07T00:00:00Z")).toISOString()).toBe("2026-12-11T10:30:00.000Z");
    expect(nextWeeklyDue({ ...friday, timeZone: "America/Los_Angeles" }, new Date("2026-12-07T00:00:00Z")).toISOString()).toBe("2026-12-12T00:00:00.000Z");
    // Friday 16:00 in Auckland has already passed at Friday 04:00 UTC.
    expect(nextWeeklyDue({ ...friday, timeZone: "Pacific/Auckland" }, new Date("2026-12-11T04:00:00Z")).toISOString()).toBe("2026-12-18T03:00:00.000Z");
  });
});

describe("reminderWeekOf", () => {
  it("is the week the reminder falls in, or the one just ended on a week's first day", () => {
    const calendar = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
    expect(reminderWeekOf(new Date("2026-12-11T15:00:00Z"), calendar)).toBe("2026-12-07");
    expect(reminderWeekOf(new Date("2026-12-14T08:00:00Z"), calendar)).toBe("2026-12-07");
    // Sunday late evening in Berlin is still last week, though it is Monday in Tokyo.
    expect(reminderWeekOf(new Date("2026-12-13T22:30:00Z"), calendar)).toBe("2026-12-07");
  });

  it("says times as a clock does", () => {
    expect(formatMinuteOfDay(960)).toBe("16:00");
    expect(formatMinuteOfDay(5)).toBe("00:05");
  });
});
