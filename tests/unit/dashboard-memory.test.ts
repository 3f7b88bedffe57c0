// What a kept dashboard holds in memory (issue 17, the soak): the cache's
// bound weighs each model with what its charts keep (lib/dashboard/kept-weight.ts),
// so that weight has to hold. Measured on the heap itself, after collecting garbage.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { prepareDashboardCharts } from "@/components/dashboard/chart-images";
import { buildDashboard } from "@/lib/dashboard/build";
import { keptDashboardBytes } from "@/lib/dashboard/kept-weight";
import { dashboardWindow } from "@/lib/dashboard/windows";
import type { RangeKey } from "@/lib/dashboard/view";
import { addDaysTo, type DateOnly } from "@/lib/shared/dates";
import { DEPARTMENTS, HORIZONS } from "@/lib/shared/vocabulary";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A leader's dashboard over five years of logged weeks, touchpoints with every department and notes of every horizon. */
function fiveYears(range: RangeKey, seed: number) {
  const window = dashboardWindow(range, { timeZone: "UTC", weekStartsOn: 1 }, new Date("2026-12-07T10:00:00Z"));
  const weeks = Array.from({ length: 260 }, (_, i) => addDaysTo(window.currentWeekStart, -7 * i));
  const buckets = window.granularity === "week" ? weeks : [...new Set(weeks.map((week) => `${week.slice(0, 7)}-01` as DateOnly))];
  const some = (n: number) => (seed * 31 + n * 17) % 10;
  return buildDashboard(
    window,
    {
      series: buckets.map((bucket, i) => ({
        bucket,
        weeks: 1,
        firefighting: 60 * some(i),
        strategy: 60 * some(i + 1),
        other: 60,
        ratingStrategy: 1 + (some(i) % 5),
        ratingStory: 3,
        ratingRelationships: 1 + (some(i + 2) % 5),
        ratingVision: 4,
        ratedStrategy: 1,
        ratedStory: 1,
        ratedRelationships: 1,
        ratedVision: 1,
      })),
      recent: weeks.slice(0, 12).map((week, i) => ({ week, firefighting: 60 * some(i), strategy: 300, other: 60 })),
      runStart: weeks[11]!,
      runEnd: weeks[0]!,
      latestBeforeThisWeek: weeks[1]!,
      underTargetRun: 0,
      anyEver: true,
      goalStrategySharePercent: 40,
      goalTouchpointsPerWeek: 5,
      goalDepartments: [],
    },
    {
      series: buckets.flatMap((bucket, i) => Object.keys(DEPARTMENTS).map((department, j) => ({ bucket, department, touchpoints: some(i + j) }))),
      thisWeek: 3,
      last4Weeks: 12,
      thisMonth: 10,
      monthDepartments: [],
      overdueStakeholders: 2,
      anyEver: true,
    },
    { series: buckets.flatMap((bucket, i) => Object.keys(HORIZONS).map((horizon, j) => ({ bucket, horizon, written: some(i * j) % 3, revisited: 1 }))), dueForRevisit: 1, anyEver: true },
  );
}

describe("a kept dashboard's memory", () => {
  it.each(["12w", "12m", "all"] as const)("holds no more than the cache weighs it, its charts included (range %s)", { timeout: 60_000 }, (range) => {
    const MODELS = 30;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: MODELS }, (_, i) => fiveYears(range, i));
    // As the page and the rebuild after a save leave them: every figure and image it points at built.
    for (const model of kept) prepareDashboardCharts(model);
    gc();
    const held = (process.memoryUsage().heapUsed - before) / MODELS;
    const weighed = kept.reduce((sum, model) => sum + keptDashboardBytes(model), 0) / MODELS;
    expect(held).toBeLessThanOrEqual(weighed);
    expect(kept).toHaveLength(MODELS);
  });
});
