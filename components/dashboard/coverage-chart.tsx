import { modelChart, type FigureSpec } from "@/components/charts/chart-figure";
import { heatmap } from "@/components/charts/heatmap";
import { DEPARTMENT_KEYS, type DashboardModel } from "@/lib/dashboard/figures";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";

const touchpoints = (count: number) => `${count} touchpoint${count === 1 ? "" : "s"}`;

function coverageFigure(model: DashboardModel): FigureSpec {
  const { columns, finding, summary, max } = model.coverage;
  const unit = model.window.granularity === "week" ? "week" : "month";
  return {
    id: "coverage-chart",
    title: finding,
    summary,
    legend: [],
    // Beside the ratings (or coverage) from `xl` on, on the dashboard pages.
    column: "half",
    note: `Darker cells mean more touchpoints in that ${unit}; the busiest holds ${touchpoints(max)}.`,
    panels: [
      {
        name: "coverage-chart",
        draw: (width) =>
          heatmap({
            width,
            buckets: columns.map((c) => c.bucket),
            rows: DEPARTMENT_KEYS.map((department) => ({ key: department, label: DEPARTMENTS[department], values: columns.map((c) => c.byDepartment[department]) })),
            max,
            xLabel: unit === "week" ? "Week starting" : "Month",
          }),
      },
    ],
    table: {
      caption: `Touchpoints per department per ${unit}`,
      bucketsIn: "columns",
      head: ["Department", ...columns.map((c) => c.bucket.label), "Total"],
      rows: DEPARTMENT_KEYS.map((department) => [
        DEPARTMENTS[department],
        ...columns.map((c) => c.byDepartment[department]),
        columns.reduce((sum, c) => sum + c.byDepartment[department], 0),
      ]),
    },
  };
}

/** Touchpoints per department per bucket: gaps across the company stand out. */
export const CoverageChart = modelChart(coverageFigure);
