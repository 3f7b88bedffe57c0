import { modelChart, type ChartPanel, type FigureSpec } from "@/components/charts/chart-figure";
import { stackedBarChart } from "@/components/charts/stacked-bar-chart";
import { HORIZON_KEYS, type DashboardModel, type VisionPoint } from "@/lib/dashboard/figures";
import { HORIZONS } from "@/lib/shared/vocabulary";

const count = (value: number) => String(Math.round(value));

function visionFigure(model: DashboardModel): FigureSpec {
  const { points, finding, summary } = model.vision;
  const weekly = model.window.granularity === "week";
  const buckets = points.map((p) => p.bucket);
  const series = HORIZON_KEYS.map((key) => ({ key, label: HORIZONS[key], fill: key }));
  const panel = (name: string, heading: string, pick: (p: VisionPoint) => VisionPoint["written"], valueLabel: string): ChartPanel => ({
    name,
    heading,
    draw: (width) => stackedBarChart({ width, buckets, series, values: points.map(pick), valueLabel, xLabel: weekly ? "Week starting" : "Month", format: count, wholeNumbers: true }),
  });
  return {
    id: "vision-chart",
    title: finding,
    summary,
    legend: series.map((s) => ({ label: s.label, fill: s.fill })),
    panels: [panel("vision-written", "Written", (p) => p.written, "Notes"), panel("vision-revisited", "Revisited", (p) => p.revisited, "Revisits")],
    table: {
      caption: `Vision notes written and revisited per ${weekly ? "week" : "month"}, by horizon`,
      head: [weekly ? "Week" : "Month", ...HORIZON_KEYS.flatMap((key) => [`${HORIZONS[key]} written`, `${HORIZONS[key]} revisited`])],
      rows: points.map((p) => [p.bucket.longLabel, ...HORIZON_KEYS.flatMap((key) => [p.written[key], p.revisited[key]])]),
    },
  };
}

/** Vision notes written and revisited per bucket, stacked by horizon, as two small charts. */
export const VisionChart = modelChart(visionFigure);
