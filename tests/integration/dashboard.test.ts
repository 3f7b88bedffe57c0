import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { percent, type DashboardModel } from "@/lib/dashboard/figures";
import { RANGES, type RangeKey } from "@/lib/dashboard/view";
import { bucketOf } from "@/lib/dashboard/windows";
import { createStakeholders, createTouchpoints, createVisionNotes, createWeeks, setGoals } from "../support/factories/dashboard";
import { createUser } from "../support/factories/users";

// Tuesday 24 November 2026, 10:00 UTC: the week of Monday 23 November in Berlin.
const NOW = new Date("2026-11-24T10:00:00Z");

describe("dashboard", () => {
  it("shows the headline figures, gaps and goals from the viewer's own rows", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    const grace = await createUser();
    await setGoals(ada.id, { goalStrategySharePercent: 40, goalTouchpointsPerWeek: 3, goalDepartments: ["SALES", "FINANCE"] });
    await createWeeks(ada.id, [
      { startsOn: "2026-11-23", firefightingMinutes: 600, strategyMinutes: 300, otherMinutes: 300, ratingStrategy: 2 },
      { startsOn: "2026-11-16", firefightingMinutes: 900, strategyMinutes: 300, otherMinutes: 0, ratingStrategy: 4 },
      { startsOn: "2026-11-09", firefightingMinutes: 1200, strategyMinutes: 0, otherMinutes: 0 },
      // 2 November not logged: a gap.
      { startsOn: "2026-10-26", firefightingMinutes: 0, strategyMinutes: 600, otherMinutes: 0 },
      // Next week is planned already; it is not counted yet.
      { startsOn: "2026-11-30", firefightingMinutes: 0, strategyMinutes: 6000, otherMinutes: 0 },
    ]);
    await createWeeks(grace.id, [{ startsOn: "2026-11-23", strategyMinutes: 6000 }]);
    const [sales, legal] = await createStakeholders(ada.id, [
      { department: "SALES", cadenceDays: 14 },
      { department: "LEGAL", cadenceDays: 30 },
      { department: "FINANCE", cadenceDays: null },
      { department: "BOARD", cadenceDays: 7, deletedAt: new Date() },
    ]);
    await createTouchpoints(ada.id, [
      { occurredOn: "2026-11-24", department: "SALES", stakeholderId: sales },
      { occurredOn: "2026-11-02", department: "PRODUCT" },
      { occurredOn: "2026-10-01", department: "LEGAL", stakeholderId: legal },
      { occurredOn: "2026-11-20", department: "FINANCE", deletedAt: new Date() },
    ]);
    await createVisionNotes(ada.id, [
      { horizon: "THREE_YEARS", createdAt: new Date("2026-11-01T12:00:00Z"), revisitOn: "2026-11-24", revisitedAt: [new Date("2026-11-23T08:00:00Z")] },
      { horizon: "ONE_YEAR", createdAt: new Date("2026-11-02T12:00:00Z"), revisitOn: "2026-11-20", status: "REALISED" },
      { horizon: "ONE_YEAR", createdAt: new Date("2026-11-03T12:00:00Z"), revisitOn: "2026-11-20", deletedAt: new Date() },
    ]);

    const model = await getDashboard(ada.viewer, "12w", NOW);

    expect(model.window).toMatchObject({ today: "2026-11-24", currentWeekStart: "2026-11-23", from: "2026-09-07", granularity: "week" });
    expect(model.buckets).toHaveLength(12);
    expect(model.headline.thisWeek).toMatchObject({ logged: true, total: 20, share: 0.25 });
    // 4 weeks: 23 + 16 + 9 Nov (2 Nov missing): 300 + 300 + 0 strategy of 3600 minutes.
    expect(model.headline.last4).toMatchObject({ loggedWeeks: 3, total: 60 });
    expect(model.headline.last4.share).toBeCloseTo(600 / 3600);
    expect(model.headline.last12.loggedWeeks).toBe(4);
    expect(model.headline.last12.share).toBeCloseTo(1200 / 4200);
    expect(model.headline.streakWeeks).toBe(3);
    expect(model.headline.touchpointsThisMonth).toBe(2);
    // Legal last met 1 October with a 30-day cadence; Sales met today; Finance has no cadence.
    expect(model.headline.overdueStakeholders).toBe(1);
    expect(model.headline.notesDueForRevisit).toBe(1);

    expect(model.goals.strategyShare).toEqual({ target: 0.4, underTargetRun: 3, flagged: true });
    expect(model.goals.touchpoints).toEqual({ target: 3, thisWeek: 1, averagePerWeek: 0.5 });
    expect(model.goals.departments).toEqual({ target: ["SALES", "FINANCE"], covered: ["SALES"], missing: ["FINANCE"] });

    const byKey = new Map(model.time.points.map((p) => [p.bucket.key, p]));
    expect(byKey.get("2026-11-02")).toMatchObject({ logged: false, share: null });
    expect(byKey.get("2026-10-26")).toMatchObject({ logged: true, strategy: 10, share: 1 });
    expect(byKey.get("2026-11-23")?.bucket.inProgress).toBe(true);
    expect(model.ratings.points.find((p) => p.bucket.key === "2026-11-16")?.strategy).toBe(4);

    const coverage = new Map(model.coverage.columns.map((c) => [c.bucket.key, c]));
    expect(coverage.get("2026-11-23")?.byDepartment.SALES).toBe(1);
    expect(coverage.get("2026-11-16")?.byDepartment.FINANCE).toBe(0);
    expect(coverage.get("2026-09-28")?.byDepartment.LEGAL).toBe(1);

    const vision = new Map(model.vision.points.map((p) => [p.bucket.key, p]));
    expect(vision.get("2026-10-26")?.written.THREE_YEARS).toBe(1);
    expect(vision.get("2026-11-02")?.written.ONE_YEAR).toBe(1);
    expect(vision.get("2026-11-23")?.revisited.THREE_YEARS).toBe(1);
  });

  it("counts a week saved under an earlier first day of the week for the calendar week its first day falls in", async () => {
    // Logged Monday to Sunday, then switched to weeks starting on Sunday: this calendar week is 22–28 November.
    const leader = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 0 });
    await createWeeks(leader.id, [
      { startsOn: "2026-11-23", firefightingMinutes: 300, strategyMinutes: 300, otherMinutes: 0 },
      { startsOn: "2026-11-16", firefightingMinutes: 600, strategyMinutes: 0, otherMinutes: 0 },
      // Logged on Sundays since the switch.
      { startsOn: "2026-11-08", firefightingMinutes: 0, strategyMinutes: 600, otherMinutes: 0 },
    ]);
    const model = await getDashboard(leader.viewer, "12w", NOW);
    expect(model.headline.thisWeek).toMatchObject({ logged: true, share: 0.5 });
    expect(model.headline.last4).toMatchObject({ loggedWeeks: 3, share: 0.5 });
    expect(model.headline.streakWeeks).toBe(3);
    expect(model.time.points.filter((point) => point.logged).map((point) => point.bucket.key)).toEqual(["2026-11-08", "2026-11-15", "2026-11-22"]);
  });

  it("answers a new user with an empty dashboard", async () => {
    const user = await createUser();
    const model = await getDashboard(user.viewer, "all", NOW);
    expect(model.isNew).toBe(true);
    expect(model.buckets.map((b) => b.key)).toEqual(["2026-11-01"]);
    expect(model.headline.streakWeeks).toBe(0);
    expect(model.goals).toEqual({ strategyShare: null, touchpoints: null, departments: null });
  });
});

describe("figures that agree at every range", () => {
  // Friday 4 December 2026 in Berlin; the current week began on Monday 30 November.
  const FRIDAY = new Date("2026-12-04T12:00:00Z");

  it("gives one set of weeks the same figures at every range, and counts the current week where the table shows it", async () => {
    const leader = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    await createWeeks(leader.id, [
      // October rated 1, November 3: the weeks average 19 / 9, the months (1 + 3) / 2.
      ...["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"].map((startsOn) => ({ startsOn, firefightingMinutes: 120, strategyMinutes: 60, ratingStrategy: 1 })),
      ...["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"].map((startsOn) => ({ startsOn, firefightingMinutes: 60, strategyMinutes: 120, ratingStrategy: 3 })),
      // This week, saved when weeks started on Tuesdays: it stands in for the week of Monday 30 November
      // (docs/decisions/009-week-start-changes.md), so it is November's too.
      { startsOn: "2026-12-01", firefightingMinutes: 60, strategyMinutes: 120, ratingStrategy: 3 },
    ]);
    await createTouchpoints(leader.id, [{ occurredOn: "2026-12-02", department: "SALES" }]);

    const models = await Promise.all((Object.keys(RANGES) as RangeKey[]).map(async (range) => [range, await getDashboard(leader.viewer, range, FRIDAY)] as const));
    const overTheRange = (model: DashboardModel) => /Over the range: .*?%\./.exec(model.time.summary)?.[0];
    for (const [range, model] of models) {
      expect(model.headline.thisWeek.logged, range).toBe(true);
      expect(model.ratings.summary, range).toBe("Average self-ratings out of 5: strategic time 2.1.");
      expect(overTheRange(model), range).toBe(overTheRange(models[0]![1]));
      expect(model.time.summary, range).toContain(`strategy share ${percent(model.headline.last12.share)}`);
      expect(model.time.points.reduce((sum, point) => sum + point.weeks, 0), range).toBe(9);
      // The bucket still running for the hours is the one holding the current week, and it holds it.
      const running = model.time.points.filter((point) => point.bucket.inProgress);
      expect(running.map((point) => point.bucket.key), range).toEqual([bucketOf(model.window.currentWeekStart, model.window)]);
      expect(running[0]?.logged, range).toBe(true);
      // Touchpoints fall on days: the headline's month and the table's agree.
      expect(model.coverage.columns.at(-1)?.total, range).toBe(model.headline.touchpointsThisMonth);
    }
    const months = new Map(models).get("12m")!;
    expect(months.time.points.at(-1)).toMatchObject({ bucket: { key: "2026-11-01", inProgress: true }, weeks: 5 });
  });
});
