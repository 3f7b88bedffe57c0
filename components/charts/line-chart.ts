import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape } from "d3-shape";
import { bottomAxis, chartDrawing, valueAxis, type ChartDrawing } from "@/components/charts/axes";
import { linePath, type LineStyle } from "@/components/charts/chart-paint";
import { markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard/windows";

export type LineSeries = { key: string; label: string; style: LineStyle; values: Array<number | null> };

const HEIGHT = 240;
// How far apart series are drawn: at most this across, and this up.
const MAX_SPREAD = 8;
const LIFT = 3;

/** Lines over buckets on a fixed scale; a null is a gap that breaks the line. */
export function lineChart({
  width,
  buckets,
  series,
  domain,
  valueLabel,
  xLabel,
  format,
}: {
  width: number;
  buckets: Bucket[];
  series: LineSeries[];
  domain: [number, number];
  valueLabel: string;
  xLabel: string;
  format: (value: number) => string;
}): ChartDrawing {
  const margin = { top: 16, right: 16, bottom: 48, left: 62 };
  const bottom = HEIGHT - margin.bottom;
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range([margin.left, width - margin.right])
    .padding(0.2);
  const y = scaleLinear().domain(domain).range([bottom, margin.top]);
  const centre = (index: number) => (x(buckets[index]?.key ?? "") ?? 0) + x.bandwidth() / 2;

  // Series that share a value would hide one another (ratings are whole
  // numbers, and often equal): each is drawn a little aside of the bucket's
  // centre and a little off its value, in the legend's order, so equal points
  // sit side by side and equal lines run in parallel, each in its own dash.
  const spread = Math.min(MAX_SPREAD, x.bandwidth() / Math.max(1, series.length));
  const lines = series.map((s, order) => {
    const offset = order - (series.length - 1) / 2;
    const path = lineShape<number | null>()
      .defined((v) => v !== null)
      .x((_, index) => centre(index) + offset * spread)
      .y((v) => y(v ?? 0) - offset * LIFT)
      .digits(1)(s.values);
    return path ? linePath(s.style, path) : null;
  });

  const ticks = y.ticks(domain[1] - domain[0]);
  return chartDrawing(
    width,
    HEIGHT,
    { x, top: margin.top - 8, bottom },
    markup`${valueAxis({ y, ticks, format, x: margin.left, label: valueLabel, grid: [margin.left, width - margin.right] })}${bottomAxis(x, buckets, bottom, xLabel, width)}<g>${lines}</g>`,
  );
}
