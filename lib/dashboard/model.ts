// The dashboard as plain data: which dates a range covers, and how the few
// grouped rows that PostgreSQL returns become figures, series and findings.
// Pure (no database, no clock of its own) so every rule here is unit-tested.
import "server-only";
import { z } from "zod";
import { addDaysTo, daysBetween, fromDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import type { Department, Horizon } from "@/lib/generated/prisma/enums";
import { DEPARTMENTS, HORIZONS } from "@/lib/shared/vocabulary";
import { weekStartOf, type WeekSettings } from "@/lib/shared/week-dates";

// ── Ranges ───────────────────────────────────────────────────────────────────

export const RANGES = {
  "12w": "Last 12 weeks",
  quarter: "This quarter",
  "12m": "Last 12 months",
  all: "All time",
} as const;

export type RangeKey = keyof typeof RANGES;

/** `?range=` from the URL; anything unknown (or repeated) falls back to the default. */
export const rangeSchema = z.enum(Object.keys(RANGES) as [RangeKey, ...RangeKey[]]).catch("12w");

/** A dashboard's address: its range, and whether its charts' tables are shown (`?tables=1`). Anything else falls back. */
export const dashboardViewSchema = z.object({ range: rangeSchema, tables: z.literal("1").transform(() => true).catch(false) });

export type DashboardView = z.output<typeof dashboardViewSchema>;

/** The query string (no "?") that `dashboardViewSchema` reads back; the defaults are left out. */
export function dashboardViewQuery({ range, tables }: DashboardView): string {
  return [range === "12w" ? null : `range=${range}`, tables ? "tables=1" : null].filter(Boolean).join("&");
}

/** A chart image's name in its address (`/dashboard/charts/time-chart`): anything else is no image. */
export const chartImageNameSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(40);

/** A chart is drawn in two sizes: wide, and narrow for a phone, where a wide drawing's labels would be too small to read. */
export const CHART_SIZES = ["wide", "narrow"] as const;

export type ChartSize = (typeof CHART_SIZES)[number];

/** A chart image's query: its range, its size, and its version (a hash of the image), so the address changes whenever the image does. */
export const chartImageQuerySchema = z.object({
  range: rangeSchema,
  size: z.enum(CHART_SIZES).catch("wide"),
  v: z.string().regex(/^[\w-]{1,64}$/).optional().catch(undefined),
});

/** The query string (no "?") that `chartImageQuerySchema` reads back; the defaults are left out. */
export function chartImageQuery(range: RangeKey, size: ChartSize, version: string): string {
  return [dashboardViewQuery({ range, tables: false }), size === "wide" ? null : `size=${size}`, `v=${version}`].filter(Boolean).join("&");
}

/** Short ranges are drawn week by week; long ones month by month so a chart stays readable. */
export type Granularity = "week" | "month";

export type DashboardWindow = {
  range: RangeKey;
  granularity: Granularity;
  timeZone: string;
  weekStartsOn: number;
  /** Today in the user's zone. */
  today: DateOnly;
  currentWeekStart: DateOnly;
  monthStart: DateOnly;
  /** First day the range covers; null for all time. Dated events run up to `today`. */
  from: DateOnly | null;
};

export function dashboardWindow(range: RangeKey, settings: WeekSettings, now: Date): DashboardWindow {
  const today = todayIn(settings.timeZone, now);
  const currentWeekStart = weekStartOf(today, settings.weekStartsOn);
  const monthStart = monthOf(today);
  const base = { range, timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn, today, currentWeekStart, monthStart };
  switch (range) {
    case "12w":
      return { ...base, granularity: "week", from: addDaysTo(currentWeekStart, -7 * 11) };
    case "quarter": {
      // From the week that holds the quarter's first day, so that week is not cut in two.
      const month = Number(today.slice(5, 7));
      const quarterStart = `${today.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
      return { ...base, granularity: "week", from: weekStartOf(quarterStart, settings.weekStartsOn) };
    }
    case "12m":
      return { ...base, granularity: "month", from: addMonths(monthStart, -11) };
    case "all":
      return { ...base, granularity: "month", from: null };
  }
}

// ── Buckets (one bar or column each) ─────────────────────────────────────────

export type Bucket = {
  /** First day: a week start, or the 1st of a month. */
  key: DateOnly;
  /** "23 Nov" or "Nov 26": fits under a bar. */
  label: string;
  /** "Week of 23 Nov 2026" or "November 2026": for tables and screen readers. */
  longLabel: string;
  /** The bucket still running (this week or this month): its figures are so far. */
  inProgress: boolean;
};

export function monthOf(day: DateOnly): DateOnly {
  return `${day.slice(0, 7)}-01`;
}

function addMonths(month: DateOnly, count: number): DateOnly {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The bucket a day falls in. A week belongs to the month its first day is in. */
export function bucketOf(day: DateOnly, window: Pick<DashboardWindow, "granularity" | "weekStartsOn">): DateOnly {
  return window.granularity === "week" ? weekStartOf(day, window.weekStartsOn) : monthOf(day);
}

// Built once: creating an Intl.DateTimeFormat costs far more than formatting
// with one, and "all time" labels sixty buckets on every render.
const labelFormats = {
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
  dayAndYear: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }),
  monthLong: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

// A bucket's labels depend on its key and granularity alone, and formatting
// is the costly part of a bucket: memoised, a few thousand entries at most.
const labelCache = new Map<string, Pick<Bucket, "label" | "longLabel">>();

function labelsOf(key: DateOnly, granularity: Granularity): Pick<Bucket, "label" | "longLabel"> {
  const cacheKey = `${granularity}${key}`;
  let labels = labelCache.get(cacheKey);
  if (!labels) {
    const day = fromDateOnly(key);
    labels =
      granularity === "week"
        ? { label: labelFormats.day.format(day), longLabel: `Week of ${labelFormats.dayAndYear.format(day)}` }
        : { label: labelFormats.month.format(day), longLabel: labelFormats.monthLong.format(day) };
    labelCache.set(cacheKey, labels);
  }
  return labels;
}

function makeBucket(key: DateOnly, window: DashboardWindow): Bucket {
  return { key, ...labelsOf(key, window.granularity), inProgress: key === (window.granularity === "week" ? window.currentWeekStart : window.monthStart) };
}

/**
 * Every bucket of the range, oldest first, including the ones with no data:
 * the charts draw those as gaps. "All time" starts at the oldest data.
 */
export function bucketsFor(window: DashboardWindow, dataKeys: Iterable<DateOnly>): Bucket[] {
  const last = bucketOf(window.today, window);
  let first = window.from === null ? last : bucketOf(window.from, window);
  if (window.from === null) for (const key of dataKeys) if (key < first) first = key;
  const buckets: Bucket[] = [];
  for (let key = first; key <= last; key = window.granularity === "week" ? addDaysTo(key, 7) : addMonths(key, 1)) {
    buckets.push(makeBucket(key, window));
  }
  return buckets;
}

// ── Rows as PostgreSQL returns them (see lib/dashboard/dashboard.ts) ───────────────────

const count = z.coerce.number().int().nonnegative();
const minutes = z.coerce.number().nonnegative();
const average = z.coerce.number().nullable();
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const weekStatsRowSchema = z.object({
  /** Minutes and average ratings per bucket of the range; a bucket without a logged week is absent. */
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
    }),
  ),
  /** Each logged week of the last 12 (current one included), by the calendar week it counts for. */
  recent: z.array(z.object({ week: dateOnly, firefighting: minutes, strategy: minutes, other: minutes })),
  /** The latest run of consecutive logged weeks. */
  runStart: dateOnly.nullable(),
  runEnd: dateOnly.nullable(),
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

export const DEPARTMENT_KEYS = Object.keys(DEPARTMENTS) as Department[];
export const HORIZON_KEYS = Object.keys(HORIZONS) as Horizon[];
export const RATING_KEYS = ["strategy", "story", "relationships", "vision"] as const;
export type RatingKey = (typeof RATING_KEYS)[number];
export const RATING_LABELS: Record<RatingKey, string> = {
  strategy: "Strategic time",
  story: "Owning the story",
  relationships: "Relationships",
  vision: "Vision",
};

/** Hours and the strategy share (0–1, hours-weighted); share is null with no hours. */
export type Split = { firefighting: number; strategy: number; other: number; total: number; share: number | null };

export type TimePoint = Split & { bucket: Bucket; weeks: number; logged: boolean };
export type RatingPoint = { bucket: Bucket; logged: boolean } & Record<RatingKey, number | null>;
export type CoverageColumn = { bucket: Bucket; byDepartment: Record<Department, number>; total: number };
export type VisionPoint = { bucket: Bucket; written: Record<Horizon, number>; revisited: Record<Horizon, number> };

export type DashboardModel = {
  window: DashboardWindow;
  buckets: Bucket[];
  /** Nothing logged at all yet: the page shows how to start instead of empty charts. */
  isNew: boolean;
  headline: {
    thisWeek: Split & { logged: boolean };
    last4: Split & { loggedWeeks: number };
    last12: Split & { loggedWeeks: number };
    streakWeeks: number;
    touchpointsThisMonth: number;
    overdueStakeholders: number;
    notesDueForRevisit: number;
  };
  goals: {
    strategyShare: { target: number; underTargetRun: number; flagged: boolean } | null;
    touchpoints: { target: number; thisWeek: number; averagePerWeek: number } | null;
    departments: { target: Department[]; covered: Department[]; missing: Department[] } | null;
  };
  time: { points: TimePoint[]; finding: string; summary: string };
  ratings: { points: RatingPoint[]; finding: string; summary: string };
  coverage: { columns: CoverageColumn[]; finding: string; summary: string; max: number };
  vision: { points: VisionPoint[]; finding: string; summary: string };
};

/** Three logged weeks under target in a row raise the flag. */
export const UNDER_TARGET_WEEKS = 3;

export function splitOf(minutes: { firefighting: number; strategy: number; other: number }): Split {
  const firefighting = minutes.firefighting / 60;
  const strategy = minutes.strategy / 60;
  const other = minutes.other / 60;
  const total = firefighting + strategy + other;
  return { firefighting, strategy, other, total, share: total > 0 ? strategy / total : null };
}

function sumSplits(rows: Array<{ firefighting: number; strategy: number; other: number }>): Split {
  const sum = { firefighting: 0, strategy: 0, other: 0 };
  for (const row of rows) {
    sum.firefighting += row.firefighting;
    sum.strategy += row.strategy;
    sum.other += row.other;
  }
  return splitOf(sum);
}

/**
 * Consecutive logged weeks up to now. The current week may still be open:
 * a run that ends last week is still alive.
 */
export function streakWeeks(runStart: DateOnly | null, runEnd: DateOnly | null, currentWeekStart: DateOnly): number {
  if (runStart === null || runEnd === null) return 0;
  if (runEnd < addDaysTo(currentWeekStart, -7) || runEnd > currentWeekStart) return 0;
  return Math.floor(daysBetween(runStart, runEnd) / 7) + 1;
}

export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

export function hours(value: number): string {
  return `${Number(value.toFixed(2))} h`;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  // A loop, not Object.fromEntries: all time builds a few hundred of these per render.
  const record = {} as Record<K, number>;
  for (const key of keys) record[key] = 0;
  return record;
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function buildDashboard(window: DashboardWindow, weeks: WeekStatsRow, touchpoints: TouchpointStatsRow, vision: VisionStatsRow): DashboardModel {
  const buckets = bucketsFor(window, [
    ...weeks.series.map((row) => row.bucket),
    ...touchpoints.series.map((row) => row.bucket),
    ...vision.series.map((row) => row.bucket),
  ]);

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
  const timePoints: TimePoint[] = buckets.map((bucket) => {
    const row = weekRows.get(bucket.key);
    return { bucket, weeks: row?.weeks ?? 0, logged: row !== undefined, ...splitOf(row ?? { firefighting: 0, strategy: 0, other: 0 }) };
  });
  const ratingPoints: RatingPoint[] = buckets.map((bucket) => {
    const row = weekRows.get(bucket.key);
    return {
      bucket,
      logged: row !== undefined,
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

// ── Findings: chart titles that say what happened ────────────────────────────

function unit(window: DashboardWindow) {
  return window.granularity === "week" ? "week" : "month";
}

export function describeTime(points: TimePoint[], target: number | null, window: DashboardWindow): { finding: string; summary: string } {
  const logged = points.filter((p) => p.share !== null);
  const first = logged[0];
  const last = logged.at(-1);
  if (!first || !last) return { finding: "No hours logged in this range yet", summary: "No week in this range has hours logged." };
  const change = Math.round((last.share ?? 0) * 100) - Math.round((first.share ?? 0) * 100);
  const finding =
    logged.length === 1 || change === 0
      ? `Strategy share at ${percent(last.share)}`
      : change > 0
        ? `Strategy share rose to ${percent(last.share)}`
        : `Strategy share fell to ${percent(last.share)}`;
  const total = sumSplits(logged.map((p) => ({ firefighting: p.firefighting * 60, strategy: p.strategy * 60, other: p.other * 60 })));
  const gaps = points.length - points.filter((p) => p.logged).length;
  const parts = [
    logged.length === 1
      ? `${finding} in ${last.bucket.longLabel}.`
      : `${finding}, from ${percent(first.share)} in ${first.bucket.longLabel} to ${percent(last.share)} in ${last.bucket.longLabel}.`,
    `Over the range: ${hours(total.firefighting)} firefighting, ${hours(total.strategy)} strategy, ${hours(total.other)} other; strategy share ${percent(total.share)}.`,
  ];
  if (target !== null) parts.push(`Goal: ${percent(target)}.`);
  if (gaps > 0) parts.push(`${gaps} ${unit(window)}${gaps === 1 ? "" : "s"} without a logged week.`);
  return { finding, summary: parts.join(" ") };
}

export function describeRatings(points: RatingPoint[]): { finding: string; summary: string } {
  const averages = RATING_KEYS.map((key) => {
    const values = points.map((p) => p[key]).filter((v): v is number => v !== null);
    return { key, average: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length };
  });
  const rated = averages.filter((a): a is { key: RatingKey; average: number } => a.average !== null);
  if (rated.length === 0) return { finding: "No self-ratings in this range yet", summary: "No week in this range has self-ratings." };
  const best = rated.reduce((a, b) => (b.average > a.average ? b : a));
  const weakest = rated.reduce((a, b) => (b.average < a.average ? b : a));
  const finding =
    best.key === weakest.key
      ? `${RATING_LABELS[best.key]} rated ${best.average.toFixed(1)} on average`
      : `${RATING_LABELS[best.key]} rated highest, ${RATING_LABELS[weakest.key].toLowerCase()} lowest`;
  const summary = `Average self-ratings out of 5: ${rated.map((a) => `${RATING_LABELS[a.key].toLowerCase()} ${a.average.toFixed(1)}`).join(", ")}.`;
  return { finding, summary };
}

export function describeCoverage(columns: CoverageColumn[], window: DashboardWindow): { finding: string; summary: string } {
  const totals = zeros(DEPARTMENT_KEYS);
  for (const column of columns) for (const d of DEPARTMENT_KEYS) totals[d] += column.byDepartment[d];
  const met = DEPARTMENT_KEYS.filter((d) => totals[d] > 0);
  const total = met.reduce((sum, d) => sum + totals[d], 0);
  if (total === 0) return { finding: "No touchpoints in this range yet", summary: "No touchpoints were logged in this range." };
  const missing = DEPARTMENT_KEYS.filter((d) => d !== "OTHER" && totals[d] === 0).map((d) => DEPARTMENTS[d]);
  const top = met.reduce((a, b) => (totals[b] > totals[a] ? b : a));
  const quiet = columns.filter((c) => c.total === 0).length;
  const finding = `${total} touchpoint${total === 1 ? "" : "s"} across ${met.length} department${met.length === 1 ? "" : "s"}, most with ${DEPARTMENTS[top]}`;
  const parts = [`${finding}.`];
  if (missing.length > 0) parts.push(`None with ${listWords(missing)}.`);
  if (quiet > 0) parts.push(`${quiet} ${unit(window)}${quiet === 1 ? "" : "s"} without any touchpoint.`);
  return { finding, summary: parts.join(" ") };
}

export function describeVision(points: VisionPoint[]): { finding: string; summary: string } {
  const sum = (pick: (p: VisionPoint) => Record<Horizon, number>) => points.reduce((acc, p) => acc + HORIZON_KEYS.reduce((s, h) => s + pick(p)[h], 0), 0);
  const written = sum((p) => p.written);
  const revisited = sum((p) => p.revisited);
  if (written === 0 && revisited === 0) return { finding: "No vision notes written or revisited in this range yet", summary: "No vision notes were written or revisited in this range." };
  const finding = `${written} vision note${written === 1 ? "" : "s"} written, ${revisited} revisit${revisited === 1 ? "" : "s"}`;
  const byHorizon = HORIZON_KEYS.map((h) => {
    const w = points.reduce((s, p) => s + p.written[h], 0);
    const r = points.reduce((s, p) => s + p.revisited[h], 0);
    return `${HORIZONS[h].toLowerCase()}: ${w} written, ${r} revisited`;
  });
  return { finding, summary: `${finding}. By horizon: ${byHorizon.join("; ")}.` };
}
