import { modelChart, type FigureSpec } from "@/components/charts/chart-figure";
import { LINE_STYLES, lineSample, type LineStyle } from "@/components/charts/chart-paint";
import { lineChart } from "@/components/charts/line-chart";
import { RATING_KEYS, RATING_LABELS, type DashboardModel, type RatingKey } from "@/lib/dashboard/figures";

const STYLES: Record<RatingKey, LineStyle> = LINE_STYLES;

const rating = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function ratingsFigure(model: DashboardModel): FigureSpec {
  const { points, finding, summary } = model.ratings;
  const weekly = model.window.granularity === "week";
  return {
    id: "ratings-chart",
    title: finding,
    summary,
    // Beside the ratings (or coverage) from `xl` on, on the dashboard pages.
    column: "half",
    legend: RATING_KEYS.map((key) => ({ label: RATING_LABELS[key], sample: lineSample(STYLES[key]) })),
    panels: [
      {
        name: "ratings-chart",
        draw: (width) =>
          lineChart({
            width,
            buckets: points.map((p) => p.bucket),
            series: RATING_KEYS.map((key) => ({ key, label: RATING_LABELS[key], style: STYLES[key], values: points.map((p) => p[key]) })),
            domain: [1, 5],
            valueLabel: "Self-rating (1–5)",
            xLabel: weekly ? "Week starting" : "Month",
            format: rating,
          }),
      },
    ],
    table: {
      caption: `Average self-ratings out of 5 per ${weekly ? "week" : "month"}`,
      head: [weekly ? "Week" : "Month", ...RATING_KEYS.map((key) => RATING_LABELS[key])],
      rows: points.map((p) => [p.bucket.longLabel, ...RATING_KEYS.map((key) => (p[key] === null ? (p.logged ? "Not rated" : "Not logged") : rating(p[key])))]),
    },
  };
}

/** The four habit self-ratings (1–5), averaged per bucket; unrated buckets are gaps. */
export const RatingsChart = modelChart(ratingsFigure);
