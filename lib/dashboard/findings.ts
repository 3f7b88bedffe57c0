// Findings: chart titles that say what happened, and the summaries under the
// charts, in words a screen reader reads out as they are.
import "server-only";
import type { Horizon } from "@/lib/generated/prisma/enums";
import { DEPARTMENTS, HORIZONS } from "@/lib/shared/vocabulary";
import type { DashboardWindow } from "@/lib/dashboard/windows";
import {
  DEPARTMENT_KEYS,
  HORIZON_KEYS,
  hours,
  percent,
  RATING_KEYS,
  RATING_LABELS,
  totalOf,
  zeros,
  type CoverageColumn,
  type RatingKey,
  type RatingPoint,
  type TimePoint,
  type VisionPoint,
} from "@/lib/dashboard/figures";

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

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
  const total = totalOf(points);
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
  // Over the weeks themselves, not over the buckets' averages: one set of weeks
  // gives one number whether it is drawn week by week or month by month.
  const averages = RATING_KEYS.map((key) => {
    let sum = 0;
    let weeks = 0;
    for (const p of points) {
      const value = p[key];
      if (value === null) continue;
      sum += value * p.weeksRated[key];
      weeks += p.weeksRated[key];
    }
    return { key, average: weeks === 0 ? null : sum / weeks };
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
  const most = Math.max(...met.map((d) => totals[d]));
  const top = met.filter((d) => totals[d] === most);
  const quiet = columns.filter((c) => c.total === 0).length;
  const leader =
    met.length === 1
      ? `all with ${DEPARTMENTS[met[0]!]}`
      : top.length === met.length
        ? `tied at ${most} each`
        : top.length > 1
          ? `most with ${listWords(top.map((d) => DEPARTMENTS[d]))}, tied`
          : `most with ${DEPARTMENTS[top[0]!]}`;
  const finding = `${total} touchpoint${total === 1 ? "" : "s"} across ${met.length} department${met.length === 1 ? "" : "s"}, ${leader}`;
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
