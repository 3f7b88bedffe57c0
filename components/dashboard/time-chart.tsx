import { modelChart, type FigureSpec } from "@/components/charts/chart-figure";
import { GOAL_SAMPLE, LINE_STYLES, lineSample } from "@/components/charts/chart-paint";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { hours, percent, type DashboardModel } from "@/lib/dashboard/figures";
import { TIME_CATEGORIES, type TimeCategory } from "@/lib/shared/vocabulary";

// Strategy at the bottom, where its growth is easiest to see.
const CATEGORIES: TimeCategory[] = ["strategy", "other", "firefighting"];

function timeFigure(model: DashboardModel): FigureSpec {
  const { points, finding, summary } = model.time;
  const goal = model.goals.strategyShare?.target ?? null;
  const weekly = model.window.granularity === "week";
  const series = CATEGORIES.map((key) => ({ key, label: TIME_CATEGORIES[key], fill: key }));
  return {
    id: "time-chart",
    title: finding,
    summary,
    legend: [
      ...series.map((s) => ({ label: s.label, fill: s.fill })),
      { label: "Strategy share", sample: lineSample(LINE_STYLES.share) },
      ...(goal === null ? [] : [{ label: `Goal ${percent(goal)}`, sample: GOAL_SAMPLE }]),
    ],
    note: `A dashed stub on the axis marks a ${weekly ? "week" : "month"} with nothing logged.`,
    panels: [
      {
        name: "time-chart",
        draw: (width) =>
          stackedBarChart({
            width,
            buckets: points.map((p) => p.bucket),
            series,
            values: points.map((p) => (p.logged ? { firefighting: p.firefighting, strategy: p.strategy, other: p.other } : null)),
            valueLabel: "Hours",
            xLabel: weekly ? "Week starting" : "Month",
            format: hours,
            overlay: { label: "Strategy share", values: points.map((p) => p.share), goal },
          }),
      },
    ],
    table: {
      caption: `Hours per ${weekly ? "week" : "month"} by category, and the strategy share`,
      head: [weekly ? "Week" : "Month", "Firefighting", "Strategy", "Other", "Strategy share"],
      rows: points.map((p) => {
        const name = `${p.bucket.longLabel}${p.bucket.inProgress ? " (so far)" : ""}`;
        return p.logged ? [name, hours(p.firefighting), hours(p.strategy), hours(p.other), percent(p.share)] : [name, "Not logged", "", "", ""];
      }),
    },
  };
}

/** Hours per week (or month) by category, and under them the strategy share on its own % axis, against the goal. */
export const TimeChart = modelChart(timeFigure);
