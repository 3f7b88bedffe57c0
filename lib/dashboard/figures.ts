// What the dashboard shows, as types: the model, its points and columns,
// the keys they are counted by, and the hours split with its formatting.
import "server-only";
import type { Department, Horizon } from "@/lib/generated/prisma/enums";
import { HABITS, type HabitKey } from "@/lib/shared/reflection-questions";
import { DEPARTMENTS, HORIZONS } from "@/lib/shared/vocabulary";
import type { Bucket, DashboardWindow } from "@/lib/dashboard/windows";

export const DEPARTMENT_KEYS = Object.keys(DEPARTMENTS) as Department[];
export const HORIZON_KEYS = Object.keys(HORIZONS) as Horizon[];
/** The habits' self-ratings, one series each. */
export const RATING_KEYS: readonly HabitKey[] = HABITS.map((habit) => habit.key);
export type RatingKey = HabitKey;
export const RATING_LABELS = Object.fromEntries(HABITS.map((habit) => [habit.key, habit.shortName])) as Record<RatingKey, string>;

/** Hours and the strategy share (0–1, hours-weighted); share is null with no hours. */
export type Split = { firefighting: number; strategy: number; other: number; total: number; share: number | null };

export type TimePoint = Split & { bucket: Bucket; weeks: number; logged: boolean };
/** Each habit's average rating in the bucket, and how many of its weeks were rated. */
export type RatingPoint = { bucket: Bucket; logged: boolean; weeksRated: Record<RatingKey, number> } & Record<RatingKey, number | null>;
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

export function splitOf(minutes: { firefighting: number; strategy: number; other: number }): Split {
  const firefighting = minutes.firefighting / 60;
  const strategy = minutes.strategy / 60;
  const other = minutes.other / 60;
  const total = firefighting + strategy + other;
  return { firefighting, strategy, other, total, share: total > 0 ? strategy / total : null };
}

export function sumSplits(rows: Array<{ firefighting: number; strategy: number; other: number }>): Split {
  const sum = { firefighting: 0, strategy: 0, other: 0 };
  for (const row of rows) {
    sum.firefighting += row.firefighting;
    sum.strategy += row.strategy;
    sum.other += row.other;
  }
  return splitOf(sum);
}

/** The hours and strategy share of a range: its logged points' hours summed (the share weighs every hour alike). */
export function totalOf(points: TimePoint[]): Split {
  return sumSplits(points.filter((p) => p.share !== null).map((p) => ({ firefighting: p.firefighting * 60, strategy: p.strategy * 60, other: p.other * 60 })));
}

export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

export function hours(value: number): string {
  return `${Number(value.toFixed(2))} h`;
}

export function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  // A loop, not Object.fromEntries: all time builds a few hundred of these per render.
  const record = {} as Record<K, number>;
  for (const key of keys) record[key] = 0;
  return record;
}
