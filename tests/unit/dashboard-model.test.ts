import { describe, expect, it } from "vitest";
import { dashboardViewQuery, dashboardViewSchema, rangeSchema } from "@/lib/dashboard/view";
import { bucketsFor, dashboardWindow } from "@/lib/dashboard/windows";
import { splitOf } from "@/lib/dashboard/figures";
import { buildDashboard, streakWeeks, type TouchpointStatsRow, type VisionStatsRow, type WeekStatsRow } from "@/lib/dashboard/build";

const berlin = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
// Tuesday 24 November 2026, 10:00 UTC.
const NOW = new Date("2026-11-24T10:00:00Z");

function weeksRow(overrides: Partial<WeekStatsRow> = {}): WeekStatsRow {
  return {
    series: [],
    recent: [],
    runStart: null,
    runEnd: null,
    latestBeforeThisWeek: null,
    underTargetRun: 0,
    anyEver: true,
    goalStrategySharePercent: null,
    goalTouchpointsPerWeek: null,
    goalDepartments: [],
    ...overrides,
  };
}
const noTouchpoints: TouchpointStatsRow = { series: [], thisWeek: 0, last4Weeks: 0, thisMonth: 0, monthDepartments: [], overdueStakeholders: 0, anyEver: false };
const noVision: VisionStatsRow = { series: [], dueForRevisit: 0, anyEver: false };
const week = (bucket: string, firefighting: number, strategy: number, other: number) => ({
  bucket,
  weeks: 1,
  firefighting,
  strategy,
  other,
  ratingStrategy: null,
  ratingStory: null,
  ratingRelationships: null,
  ratingVision: null,
  ratedStrategy: 0,
  ratedStory: 0,
  ratedRelationships: 0,
  ratedVision: 0,
});

describe("ranges", () => {
  it("reads the range from the URL and falls back to 12 weeks", () => {
    expect(rangeSchema.parse("quarter")).toBe("quarter");
    expect(rangeSchema.parse(undefined)).toBe("12w");
    expect(rangeSchema.parse("5y")).toBe("12w");
    expect(rangeSchema.parse(["all", "12m"])).toBe("12w");
    expect(dashboardViewSchema.parse({ range: "all", tables: "1" })).toEqual({ range: "all", tables: true });
    expect(dashboardViewSchema.parse({})).toEqual({ range: "12w", tables: false });
    expect(dashboardViewSchema.parse({ tables: ["1", "1"], other: "x" })).toEqual({ range: "12w", tables: false });
    expect(dashboardViewSchema.parse({ tables: "yes" })).toEqual({ range: "12w", tables: false });
    for (const view of [{ range: "12w", tables: false }, { range: "all", tables: true }, { range: "quarter", tables: false }, { range: "12w", tables: true }] as const) {
      expect(dashboardViewSchema.parse(Object.fromEntries(new URLSearchParams(dashboardViewQuery(view))))).toEqual(view);
    }
    expect(dashboardViewQuery({ range: "12w", tables: false })).toBe("");
  });

  it("covers 12 weeks up to the current one, week by week", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    expect(window).toMatchObject({ today: "2026-11-24", currentWeekStart: "2026-11-23", from: "2026-09-07", granularity: "week" });
    const buckets = bucketsFor(window, []);
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toMatchObject({ key: "2026-09-07", longLabel: "Week of 7 Sept 2026", inProgress: false });
    expect(buckets.at(-1)).toMatchObject({ key: "2026-11-23", inProgress: true });
  });

  it("holds in this quarter the weeks that start in it, as a month does", () => {
    // 1 October 2026 is a Thursday; with Sunday weeks the week starting 27 September is September's.
    const window = dashboardWindow("quarter", { timeZone: "UTC", weekStartsOn: 0 }, NOW);
    expect(window.from).toBe("2026-10-04");
    expect(bucketsFor(window, []).map((b) => b.key)).toEqual(["2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"]);
    // A quarter that begins on the first day of a week starts there.
    expect(dashboardWindow("quarter", { timeZone: "UTC", weekStartsOn: 4 }, NOW).from).toBe("2026-10-01");
  });

  it("is still last quarter while the current week began in it", () => {
    // Thursday 1 October 2026: the current week began on Monday 28 September, in the third quarter.
    const window = dashboardWindow("quarter", berlin, new Date("2026-10-01T10:00:00Z"));
    expect(window).toMatchObject({ currentWeekStart: "2026-09-28", from: "2026-07-06" });
    expect(bucketsFor(window, []).at(-1)).toMatchObject({ key: "2026-09-28", inProgress: true });
  });

  it("draws the last 12 months month by month, across the new year", () => {
    const window = dashboardWindow("12m", berlin, new Date("2027-02-10T12:00:00Z"));
    const buckets = bucketsFor(window, []);
    expect(window.granularity).toBe("month");
    expect(buckets.map((b) => b.key)).toEqual([
      "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01",
      "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01",
    ]);
    expect(buckets.at(-1)).toMatchObject({ label: "Feb 27", longLabel: "February 2027", inProgress: true });
  });

  it("starts all time at the oldest data", () => {
    const window = dashboardWindow("all", berlin, NOW);
    expect(bucketsFor(window, ["2026-09-01", "2026-07-01"]).map((b) => b.key)).toEqual(["2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01"]);
    expect(bucketsFor(window, []).map((b) => b.key)).toEqual(["2026-11-01"]);
  });
});

describe("time zones and week starts", () => {
  it("is already next week for a user east of UTC at midnight on the week's first day", () => {
    // Sunday 22 November 23:30 UTC is Monday 23 November 12:30 in Auckland.
    const now = new Date("2026-11-22T23:30:00Z");
    expect(dashboardWindow("12w", { timeZone: "Pacific/Auckland", weekStartsOn: 1 }, now)).toMatchObject({ today: "2026-11-23", currentWeekStart: "2026-11-23" });
    expect(dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, now)).toMatchObject({ today: "2026-11-22", currentWeekStart: "2026-11-16" });
  });

  it("is still last month for a user west of UTC", () => {
    const window = dashboardWindow("12m", { timeZone: "America/Los_Angeles", weekStartsOn: 0 }, new Date("2026-12-01T03:00:00Z"));
    expect(window).toMatchObject({ today: "2026-11-30", monthStart: "2026-11-01", currentWeekStart: "2026-11-29" });
  });

  it("follows a Saturday week start", () => {
    expect(dashboardWindow("12w", { timeZone: "Asia/Dubai", weekStartsOn: 6 }, NOW).currentWeekStart).toBe("2026-11-21");
  });
});

describe("shares and gaps", () => {
  it("weights the share by hours, not by weeks", () => {
    // 10% of a 50-hour week and 100% of a 5-hour week: 10 of 55 hours, not the 55% mean of the two shares.
    const window = dashboardWindow("12w", berlin, NOW);
    const model = buildDashboard(
      window,
      weeksRow({ recent: [{ week: "2026-11-16", firefighting: 2700, strategy: 300, other: 0 }, { week: "2026-11-23", firefighting: 0, strategy: 300, other: 0 }] }),
      noTouchpoints,
      noVision,
    );
    expect(model.headline.last4.share).toBeCloseTo(10 / 55);
    expect(model.headline.last4.loggedWeeks).toBe(2);
    expect(model.headline.thisWeek).toMatchObject({ logged: true, share: 1, total: 5 });
  });

  it("has no share for a week without hours, and no share for an unlogged week", () => {
    expect(splitOf({ firefighting: 0, strategy: 0, other: 0 }).share).toBeNull();
    const model = buildDashboard(dashboardWindow("12w", berlin, NOW), weeksRow(), noTouchpoints, noVision);
    expect(model.headline.thisWeek).toMatchObject({ logged: false, share: null });
    expect(model.headline.last12.share).toBeNull();
  });

  it("keeps unlogged weeks as gaps, never zeros", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    const model = buildDashboard(window, weeksRow({ series: [week("2026-11-09", 60, 60, 0), week("2026-11-23", 0, 0, 0)] }), noTouchpoints, noVision);
    const points = new Map(model.time.points.map((p) => [p.bucket.key, p]));
    expect(points.get("2026-11-16")).toMatchObject({ logged: false, share: null });
    expect(points.get("2026-11-09")).toMatchObject({ logged: true, share: 0.5, strategy: 1 });
    // Logged with no hours yet: a logged week, but no share to draw.
    expect(points.get("2026-11-23")).toMatchObject({ logged: true, share: null });
    expect(model.ratings.points.find((p) => p.bucket.key === "2026-11-16")).toMatchObject({ logged: false, strategy: null });
    expect(model.time.summary).toContain("10 weeks without a logged week");
  });

  it("states the finding in the chart title", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    const rising = buildDashboard(window, weeksRow({ series: [week("2026-10-05", 90, 10, 0), week("2026-11-16", 66, 34, 0)] }), noTouchpoints, noVision);
    expect(rising.time.finding).toBe("Strategy share rose to 34%");
    const falling = buildDashboard(window, weeksRow({ series: [week("2026-10-05", 50, 50, 0), week("2026-11-16", 80, 20, 0)] }), noTouchpoints, noVision);
    expect(falling.time.finding).toBe("Strategy share fell to 20%");
    expect(buildDashboard(window, weeksRow(), noTouchpoints, noVision).time.finding).toBe("No hours logged in this range yet");
  });
});

describe("streaks", () => {
  it("counts the latest run of logged weeks while it is alive", () => {
    expect(streakWeeks("2026-11-02", "2026-11-23", "2026-11-23")).toBe(4);
    // The current week is still open: a run that ended last week still counts.
    expect(streakWeeks("2026-11-02", "2026-11-16", "2026-11-23")).toBe(3);
    // Broken two weeks ago.
    expect(streakWeeks("2026-10-05", "2026-11-09", "2026-11-23")).toBe(0);
    expect(streakWeeks(null, null, "2026-11-23")).toBe(0);
  });
});

describe("goals", () => {
  const window = dashboardWindow("12w", berlin, NOW);

  it("flags three logged weeks in a row under the strategy goal", () => {
    const twice = buildDashboard(window, weeksRow({ goalStrategySharePercent: 40, underTargetRun: 2 }), noTouchpoints, noVision);
    expect(twice.goals.strategyShare).toEqual({ target: 0.4, underTargetRun: 2, flagged: false });
    const thrice = buildDashboard(window, weeksRow({ goalStrategySharePercent: 40, underTargetRun: 3 }), noTouchpoints, noVision);
    expect(thrice.goals.strategyShare?.flagged).toBe(true);
  });

  it("has no goals until they are set", () => {
    const model = buildDashboard(window, weeksRow({ underTargetRun: 5 }), noTouchpoints, noVision);
    expect(model.goals).toEqual({ strategyShare: null, touchpoints: null, departments: null });
  });

  it("tracks touchpoints a week and departments met this month", () => {
    const model = buildDashboard(
      window,
      weeksRow({ goalTouchpointsPerWeek: 3, goalDepartments: ["FINANCE", "SALES", "LEGAL"] }),
      { ...noTouchpoints, thisWeek: 2, last4Weeks: 10, monthDepartments: ["SALES", "PRODUCT", "LEGAL"], anyEver: true },
      noVision,
    );
    expect(model.goals.touchpoints).toEqual({ target: 3, thisWeek: 2, averagePerWeek: 2.5 });
    // In the vocabulary's order.
    expect(model.goals.departments).toEqual({ target: ["SALES", "FINANCE", "LEGAL"], covered: ["SALES", "LEGAL"], missing: ["FINANCE"] });
  });
});

describe("coverage and vision", () => {
  it("places touchpoints and notes in their buckets and names the departments not met", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    const model = buildDashboard(
      window,
      weeksRow(),
      { ...noTouchpoints, anyEver: true, series: [{ bucket: "2026-11-16", department: "SALES", touchpoints: 3 }, { bucket: "2026-11-23", department: "FINANCE", touchpoints: 1 }] },
      { ...noVision, anyEver: true, series: [{ bucket: "2026-11-23", horizon: "FIVE_YEARS", written: 2, revisited: 1 }] },
    );
    const columns = new Map(model.coverage.columns.map((c) => [c.bucket.key, c]));
    expect(columns.get("2026-11-16")?.byDepartment.SALES).toBe(3);
    expect(columns.get("2026-11-16")?.total).toBe(3);
    expect(model.coverage.max).toBe(3);
    expect(model.coverage.finding).toBe("4 touchpoints across 2 departments, most with Sales");
    expect(model.coverage.summary).toContain("None with Marketing, Operations, Product, Customer success, People / HR, Legal, Executive team and Board.");
    expect(model.vision.points.at(-1)?.written.FIVE_YEARS).toBe(2);
    expect(model.vision.finding).toBe("2 vision notes written, 1 revisit");
  });

  it("says when departments tie for the most touchpoints", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    const coverage = (series: Array<[string, number]>) =>
      buildDashboard(window, weeksRow(), { ...noTouchpoints, anyEver: true, series: series.map(([department, touchpoints]) => ({ bucket: "2026-11-16", department, touchpoints })) }, noVision).coverage.finding;
    expect(coverage([["SALES", 1], ["MARKETING", 1], ["FINANCE", 1], ["LEGAL", 1]])).toBe("4 touchpoints across 4 departments, tied at 1 each");
    expect(coverage([["SALES", 2], ["FINANCE", 2], ["LEGAL", 1]])).toBe("5 touchpoints across 3 departments, most with Sales and Finance, tied");
    expect(coverage([["SALES", 2], ["FINANCE", 1]])).toBe("3 touchpoints across 2 departments, most with Sales");
    expect(coverage([["LEGAL", 3]])).toBe("3 touchpoints across 1 department, all with Legal");
  });

  it("is new only when nothing at all was logged", () => {
    const window = dashboardWindow("12w", berlin, NOW);
    expect(buildDashboard(window, weeksRow({ anyEver: false }), noTouchpoints, noVision).isNew).toBe(true);
    expect(buildDashboard(window, weeksRow({ anyEver: false }), noTouchpoints, { ...noVision, anyEver: true }).isNew).toBe(false);
  });
});

describe("one set of weeks, one set of figures at every range", () => {
  // Friday 4 December 2026; the current week began on Monday 30 November.
  const friday = new Date("2026-12-04T12:00:00Z");
  const rated = (bucket: string, weeks: number, strategy: number) => ({ ...week(bucket, 0, 60 * weeks, 0), weeks, ratingStrategy: strategy, ratedStrategy: weeks });

  it("averages the rated weeks themselves, not the months' averages", () => {
    // Four October weeks rated 1 and five November weeks rated 3: 19 / 9, not (1 + 3) / 2.
    const weekly = ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"].map((key) => rated(key, 1, 1));
    weekly.push(...["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"].map((key) => rated(key, 1, 3)));
    const byWeek = buildDashboard(dashboardWindow("12w", berlin, friday), weeksRow({ series: weekly }), noTouchpoints, noVision);
    const byMonth = buildDashboard(dashboardWindow("12m", berlin, friday), weeksRow({ series: [rated("2026-10-01", 4, 1), rated("2026-11-01", 5, 3)] }), noTouchpoints, noVision);
    expect(byWeek.ratings.summary).toBe("Average self-ratings out of 5: strategic time 2.1.");
    expect(byMonth.ratings.summary).toBe(byWeek.ratings.summary);
  });

  it("counts the current week in the month its first day is in, and that month as the one still running", () => {
    const model = buildDashboard(
      dashboardWindow("12m", berlin, friday),
      weeksRow({ series: [week("2026-11-01", 600, 600, 0)], recent: [{ week: "2026-11-30", firefighting: 120, strategy: 120, other: 0 }] }),
      { ...noTouchpoints, anyEver: true, thisMonth: 1, series: [{ bucket: "2026-12-01", department: "SALES", touchpoints: 1 }] },
      noVision,
    );
    expect(model.headline.thisWeek.logged).toBe(true);
    // No week has begun in December yet: the hours and ratings end with November, so far.
    for (const points of [model.time.points, model.ratings.points]) {
      expect(points.at(-1)).toMatchObject({ bucket: { key: "2026-11-01", longLabel: "November 2026", inProgress: true }, logged: true });
      expect(points.filter((p) => p.bucket.inProgress)).toHaveLength(1);
    }
    // Touchpoints fall on days: December's, so far, as the headline counts them.
    expect(model.coverage.columns.at(-1)).toMatchObject({ bucket: { key: "2026-12-01", inProgress: true }, total: model.headline.touchpointsThisMonth });
    expect(model.coverage.columns.find((c) => c.bucket.key === "2026-11-01")?.bucket.inProgress).toBe(false);
  });
});
