// How the few grouped rows that PostgreSQL returns (lib/dashboard/dashboard.ts)
// become the dashboard's figures and series. Pure (no database, no clock of
// its own) so every rule here is unit-tested.
import "server-only";
import { z } from "zod";
import { addDaysTo, daysBetween, type DateOnly } from "@/lib/shared/dates";
import { unloggedLastWeek } from "@/lib/shared/week-dates";
import type { Department, Horizon } from "@/lib/generated/prisma/enums";
import { bucketsFor, weekBucketsFor, type DashboardWindow } from "@/lib/dashboard/windows";
import {
  DEPARTMENT_KEYS,
  HORIZON_KEYS,
  splitOf,
  sumSplits,
  zeros,
  type CoverageColumn,
  type DashboardModel,
  type RatingPoint,
  type TimePoint,
  type VisionPoint,
} from "@/lib/dashboard/figures";
import { describeCoverage, describeRatings, describeTime, describeVision } from "@/lib/dashboard/findings";

// ── Rows as PostgreSQL returns them (see lib/dashboard/dashboard.ts) ───────────────────

const count = z.coerce.number().int().nonnegative();
const minutes = z.coerce.number().nonnegative();
const average = z.coerce.number().nullable();
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const weekStatsRowSchema = z.object({
  /**
   * Minutes and average ratings per bucket of the range, with how many weeks were rated
   * (so averages over buckets weigh each week once); a bucket without a logged week is absent.
   */
  series: z.array(
    z.object({
      bucket: dateOnly,
      weeks: count,
      firefighting: minutes,
      strategy: minutes,
      other: minutes,
      ratingStrategy: average,
      ratingStory: average,
      ratingRelationships: average,
      ratingVision: average,
      ratedStrategy: count,
      ratedStory: count,
      ratedRelationships: count,
      ratedVision: count,
    }),
  ),
  /** Each logged week of the last 12 (current one included), by the calendar week it counts for. */
  recent: z.array(z.object({ week: dateOnly, firefighting: minutes, strategy: minutes, other: minutes })),
  /** The latest run of consecutive logged weeks. */
  runStart: dateOnly.nullable(),
  runEnd: dateOnly.nullable(),
  /** The latest calendar week before this one that a logged week counts for: is last week a gap? */
  latestBeforeThisWeek: dateOnly.nullable(),
  /** Latest logged weeks (with hours) in a row under the strategy goal; gaps neither count nor break it. */
  underTargetRun: count,
  anyEver: z.boolean(),
  goalStrategySharePercent: z.number().int().nullable(),
  goalTouchpointsPerWeek: z.number().int().nullable(),
  goalDepartments: z.array(z.string()),
});

export const touchpointStatsRowSchema = z.object({
  series: z.array(z.object({ bucket: dateOnly, department: z.string(), touchpoints: count })),
  thisWeek: count,
  last4Weeks: count,
  thisMonth: count,
  monthDepartments: z.array(z.string()),
  overdueStakeholders: count,
  anyEver: z.boolean(),
});

export const visionStatsRowSchema = z.object({
  series: z.array(z.object({ bucket: dateOnly, horizon: z.string(), written: count, revisited: count })),
  dueForRevisit: count,
  anyEver: z.boolean(),
});

export type WeekStatsRow = z.infer<typeof weekStatsRowSchema>;
export type TouchpointStatsRow = z.infer<typeof touchpointStatsRowSchema>;
export type VisionStatsRow = z.infer<typeof visionStatsRowSchema>;

// ── The model ────────────────────────────────────────────────────────────────

/** Three logged weeks under target in a row raise the flag. */
const UNDER_TARGET_WEEKS = 3;

/**
 * Consecutive logged weeks up to now. The current week may still be open:
 * a run that ends last week is still alive.
 */
export function streakWeeks(runStart: DateOnly | null, runEnd: DateOnly | null, currentWeekStart: DateOnly): number {
  if (runStart === null || runEnd === null) return 0;
  if (runEnd < addDaysTo(currentWeekStart, -7) || runEnd > currentWeekStart) return 0;
  return Math.floor(daysBetween(runStart, runEnd) / 7) + 1;
}

export function buildDashboard(window: DashboardWindow, weeks: WeekStatsRow, touchpoints: TouchpointStatsRow, vision: VisionStatsRow): DashboardModel {
  const dataKeys = [...weeks.series.map((row) => row.bucket), ...touchpoints.series.map((row) => row.bucket), ...vision.series.map((row) => row.bucket)];
  const buckets = bucketsFor(window, dataKeys);
  // Touchpoints and notes fall on days; logged weeks in the bucket of their first day.
  const weekBuckets = weekBucketsFor(window, dataKeys);

  const cw = window.currentWeekStart;
  const since = (days: number) => {
    const from = addDaysTo(cw, -days);
    return weeks.recent.filter((row) => row.week >= from);
  };
  const thisWeekRow = weeks.recent.find((row) => row.week === cw);
  const last4 = since(21);
  const last12 = since(77);
  const headline = {
    thisWeek: { ...splitOf(thisWeekRow ?? { firefighting: 0, strategy: 0, other: 0 }), logged: thisWeekRow !== undefined },
    last4: { ...sumSplits(last4), loggedWeeks: last4.length },
    last12: { ...sumSplits(last12), loggedWeeks: last12.length },
    streakWeeks: streakWeeks(weeks.runStart, weeks.runEnd, cw),
    touchpointsThisMonth: touchpoints.thisMonth,
    overdueStakeholders: touchpoints.overdueStakeholders,
    notesDueForRevisit: vision.dueForRevisit,
  };

  const goalDepartments = DEPARTMENT_KEYS.filter((d) => weeks.goalDepartments.includes(d));
  const goals: DashboardModel["goals"] = {
    strategyShare:
      weeks.goalStrategySharePercent === null
        ? null
        : {
            target: weeks.goalStrategySharePercent / 100,
            underTargetRun: weeks.underTargetRun,
            flagged: weeks.underTargetRun >= UNDER_TARGET_WEEKS,
          },
    touchpoints:
      weeks.goalTouchpointsPerWeek === null
        ? null
        : { target: weeks.goalTouchpointsPerWeek, thisWeek: touchpoints.thisWeek, averagePerWeek: touchpoints.last4Weeks / 4 },
    departments:
      goalDepartments.length === 0
        ? null
        : {
            target: goalDepartments,
            covered: goalDepartments.filter((d) => touchpoints.monthDepartments.includes(d)),
            missing: goalDepartments.filter((d) => !touchpoints.monthDepartments.includes(d)),
          },
  };

  const weekRows = new Map(weeks.series.map((row) => [row.bucket, row]));
  const timePoints: TimePoint[] = weekBuckets.map((bucket) => {
    const row = weekRows.get(bucket.key);
    return { bucket, weeks: row?.weeks ?? 0, logged: row !== undefined, ...splitOf(row ?? { firefighting: 0, strategy: 0, other: 0 }) };
  });
  const ratingPoints: RatingPoint[] = weekBuckets.map((bucket) => {
    const row = weekRows.get(bucket.key);
    return {
      bucket,
      logged: row !== undefined,
      weeksRated: {
        strategy: row?.ratedStrategy ?? 0,
        story: row?.ratedStory ?? 0,
        relationships: row?.ratedRelationships ?? 0,
        vision: row?.ratedVision ?? 0,
      },
      strategy: row?.ratingStrategy ?? null,
      story: row?.ratingStory ?? null,
      relationships: row?.ratingRelationships ?? null,
      vision: row?.ratingVision ?? null,
    };
  });

  const columns: CoverageColumn[] = buckets.map((bucket) => ({ bucket, byDepartment: zeros(DEPARTMENT_KEYS), total: 0 }));
  const columnOf = new Map(columns.map((column) => [column.bucket.key, column]));
  for (const row of touchpoints.series) {
    const column = columnOf.get(row.bucket);
    if (!column || !(row.department in column.byDepartment)) continue;
    column.byDepartment[row.department as Department] += row.touchpoints;
    column.total += row.touchpoints;
  }

  const visionPoints: VisionPoint[] = buckets.map((bucket) => ({ bucket, written: zeros(HORIZON_KEYS), revisited: zeros(HORIZON_KEYS) }));
  const visionOf = new Map(visionPoints.map((point) => [point.bucket.key, point]));
  for (const row of vision.series) {
    const point = visionOf.get(row.bucket);
    if (!point || !(row.horizon in point.written)) continue;
    point.written[row.horizon as Horizon] += row.written;
    point.revisited[row.horizon as Horizon] += row.revisited;
  }

  return {
    window,
    buckets,
    isNew: !weeks.anyEver && !touchpoints.anyEver && !vision.anyEver,
    lastWeekToLog: unloggedLastWeek(cw, weeks.latestBeforeThisWeek),
    headline,
    goals,
    time: { points: timePoints, ...describeTime(timePoints, goals.strategyShare?.target ?? null, window) },
    ratings: { points: ratingPoints, ...describeRatings(ratingPoints) },
    coverage: { columns, max: maxCount(columns), ...describeCoverage(columns, window) },
    vision: { points: visionPoints, ...describeVision(visionPoints) },
  };
}

function maxCount(columns: CoverageColumn[]): number {
  let max = 0;
  for (const column of columns) for (const department of DEPARTMENT_KEYS) max = Math.max(max, column.byDepartment[department]);
  return max;
}
