import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape, stack } from "d3-shape";
import { bottomAxis, chartDrawing, valueAxis, type ChartDrawing } from "@/components/charts/axes";
import { fillUrl, LINE_STYLES, linePath, type Fill } from "@/components/charts/chart-paint";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard/windows";
import { percent } from "@/lib/dashboard/figures";

export type BarSeries<K extends string> = { key: K; label: string; fill: Fill };

/** A line drawn over the bars on its own 0–100% axis, with an optional goal line. */
export type ShareOverlay = { label: string; values: Array<number | null>; goal: number | null };

const HEIGHT = 260;

/**
 * Stacked bars, one per bucket. A null value is a gap (nothing logged), drawn
 * as a dashed stub, never as a zero; the share line breaks there too.
 */
export function stackedBarChart<K extends string>({
  width: chartWidth,
  buckets,
  series,
  values,
  valueLabel,
  xLabel,
  format,
  overlay,
  wholeNumbers = false,
}: {
  width: number;
  buckets: Bucket[];
  series: Array<BarSeries<K>>;
  values: Array<Record<K, number> | null>;
  valueLabel: string;
  xLabel: string;
  format: (value: number) => string;
  overlay?: ShareOverlay;
  /** Counts: only whole-number ticks. */
  wholeNumbers?: boolean;
}): ChartDrawing {
  const margin = { top: 20, right: overlay ? 52 : 16, bottom: 48, left: 62 };
  const bottom = HEIGHT - margin.bottom;
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range([margin.left, chartWidth - margin.right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const totals = values.map((v) => (v ? series.reduce((sum, s) => sum + v[s.key], 0) : 0));
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice(4)
    .range([bottom, margin.top]);
  const share = scaleLinear().domain([0, 1]).range([bottom, margin.top]);
  const zero = Object.fromEntries(series.map((s) => [s.key, 0])) as Record<K, number>;
  const layers = stack<Record<K, number>, K>().keys(series.map((s) => s.key))(values.map((v) => v ?? zero));
  const width = x.bandwidth();
  const centre = (index: number) => (x(buckets[index]?.key ?? "") ?? 0) + width / 2;

  // Each fill is one path for the whole chart, each segment a vertical stroke
  // as wide as a bar (a rect per segment is several times the markup); an
  // unlogged bucket is a dashed stub on the axis. The values on hover and
  // focus come from the chart's table (see chartDrawing).
  const segments = series.map(() => [] as string[]);
  let gaps = "";
  buckets.forEach((bucket, index) => {
    const value = values[index];
    const left = x(bucket.key) ?? 0;
    if (!value) {
      gaps += `M${round(left)} ${round(bottom - 2)}h${round(width)}`;
      return;
    }
    layers.forEach((layer, layerIndex) => {
      const [y0, y1] = layer[index] ?? [0, 0];
      if (y1 > y0) segments[layerIndex]?.push(`M${round(left + width / 2)} ${round(y(y1))}V${round(y(y0))}`);
    });
  });
  const bars = series.map((s, layerIndex) =>
    segments[layerIndex]?.length ? markup`<path stroke='${fillUrl(s.fill)}' d='${segments[layerIndex].join("")}'/>` : null,
  );

  let lines: Markup | null = null;
  if (overlay) {
    const path = lineShape<number | null>()
      .defined((v) => v !== null)
      .x((_, index) => centre(index))
      .y((v) => share(v ?? 0))
      .digits(1)(overlay.values);
    const goal = overlay.goal === null ? null : { y: share(overlay.goal), label: `Goal ${percent(overlay.goal)}` };
    // The goal's label goes over the bars and the share line, on a halo of the background.
    lines = markup`<g>${goal ? markup`<path class='goal' d='M${margin.left} ${goal.y}H${chartWidth - margin.right}'/>` : null}${path ? linePath(LINE_STYLES.share, path) : null}${
      goal ? markup`<text class='strong e' x='${chartWidth - margin.right - 4}' y='${goal.y - 6}'>${goal.label}</text>` : null
    }</g>`;
  }

  const ticks = y.ticks(4).filter((t) => !wholeNumbers || Number.isInteger(t));
  return chartDrawing(
    chartWidth,
    HEIGHT,
    { x, top: margin.top - 14, bottom },
    markup`${valueAxis({ y, ticks, format, x: margin.left, side: "left", label: valueLabel, grid: [margin.left, chartWidth - margin.right], width: chartWidth })}${
    overlay ? valueAxis({ y: share, ticks: [0, 0.5, 1], format: percent, x: chartWidth - margin.right, side: "right", label: overlay.label, width: chartWidth }) : null
  }${bottomAxis(x, buckets, bottom, xLabel, chartWidth)}${gaps ? markup`<path class='gap' d='${gaps}'/>` : null}<g stroke-width='${width}'>${bars}</g>${lines}`,
  );
}
