import { modelFigure, type FigureSpec } from "@/components/charts/chart-figure";
import { markup } from "@/components/charts/markup";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { HORIZON_KEYS, type DashboardModel, type VisionPoint } from "@/lib/dashboard-model";
import { HORIZONS } from "@/lib/vocabulary";

const count = (value: number) => String(Math.round(value));

function visionFigure(model: DashboardModel): FigureSpec {
  const { points, finding, summary } = model.vision;
  const weekly = model.window.granularity === "week";
  const buckets = points.map((p) => p.bucket);
  const series = HORIZON_KEYS.map((key) => ({ key, label: HORIZONS[key], fill: key }));
  const small = (id: string, heading: string, pick: (p: VisionPoint) => VisionPoint["written"], valueLabel: string) =>
    markup`<div><h4 class='text-sm font-medium'>${heading}</h4>${stackedBarChart({
      id,
      title: `Vision notes ${heading.toLowerCase()}`,
      buckets,
      series,
      values: points.map(pick),
      valueLabel,
      xLabel: weekly ? "Week starting" : "Month",
      format: count,
      wholeNumbers: true,
    })}</div>`;
  return {
    id: "vision-chart",
    title: finding,
    summary,
    legend: series.map((s) => ({ label: s.label, fill: s.fill })),
    chart: markup`<div class='grid gap-4 md:grid-cols-2'>${small("vision-written", "Written", (p) => p.written, "Notes")}${small(
      "vision-revisited",
      "Revisited",
      (p) => p.revisited,
      "Revisits",
    )}</div>`,
    table: {
      caption: `Vision notes written and revisited per ${weekly ? "week" : "month"}, by horizon`,
      head: [weekly ? "Week" : "Month", ...HORIZON_KEYS.flatMap((key) => [`${HORIZONS[key]} written`, `${HORIZONS[key]} revisited`])],
      rows: points.map((p) => [p.bucket.longLabel, ...HORIZON_KEYS.flatMap((key) => [p.written[key], p.revisited[key]])]),
    },
  };
}

/** Vision notes written and revisited per bucket, stacked by horizon, as two small charts. */
export const VisionChart = modelFigure(visionFigure);
