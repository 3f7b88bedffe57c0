import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape, stack } from "d3-shape";
import { bottomAxis, chartDrawing, valueAxis, type ChartDrawing } from "@/components/charts/axes";
import { fillUrl, LINE_STYLES, linePath, type Fill } from "@/components/charts/chart-paint";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard/windows";
import { percent } from "@/lib/dashboard/figures";

export type BarSeries<K extends string> = { key: K; label: string; fill: Fill };

/**
 * A share (0–1) per bucket drawn as a line in a strip of its own under the
 * bars, on its own labelled 0–100% axis, with an optional goal line labelled
 * on that axis: drawn over the bars, a share line and its goal read as hours.
 */
export type ShareOverlay = { label: string; values: Array<number | null>; goal: number | null };

// The bars' plot from TOP to BARS_BOTTOM; with a share strip, the bars end
// higher and the strip (its title, then its plot) fits under them.
const TOP = 20;
const BARS_BOTTOM = 212;
const SHARE = { barsBottom: 164, title: 190, top: 206, bottom: 264 };
// Below the plot: the bucket labels and the axis title.
const BELOW = 48;

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
  const margin = { top: TOP, right: 16, left: 62 };
  const bottom = overlay ? SHARE.barsBottom : BARS_BOTTOM;
  const plotBottom = overlay ? SHARE.bottom : bottom;
  const height = plotBottom + BELOW;
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

  const ticks = y.ticks(4).filter((t) => !wholeNumbers || Number.isInteger(t));
  const grid: [number, number] = [margin.left, chartWidth - margin.right];
  return chartDrawing(
    chartWidth,
    height,
    { x, top: margin.top - 14, bottom: plotBottom },
    markup`${valueAxis({ y, ticks, format, x: margin.left, label: valueLabel, grid })}${
      overlay ? shareStrip(overlay, centre, grid) : null
    }${bottomAxis(x, buckets, plotBottom, xLabel, chartWidth)}${gaps ? markup`<path class='gap' d='${gaps}'/>` : null}<g stroke-width='${width}'>${bars}</g>`,
  );
}

/**
 * The share strip under the bars: its title above it, its own 0–100% axis and
 * the share line, and the goal as a dashed line, with its value among the
 * axis's ticks and its name at the end of the title row (beside the data,
 * never on it).
 */
function shareStrip(overlay: ShareOverlay, centre: (index: number) => number, [left, right]: [number, number]): Markup {
  const share = scaleLinear().domain([0, 1]).range([SHARE.bottom, SHARE.top]);
  const path = lineShape<number | null>()
    .defined((v) => v !== null)
    .x((_, index) => centre(index))
    .y((v) => share(v ?? 0))
    .digits(1)(overlay.values);
  const goal = overlay.goal;
  // A tick the goal's would run into gives way to it.
  const ticks = [0, 0.5, 1].filter((tick) => goal === null || Math.abs(share(tick) - share(goal)) >= 13);
  return markup`<path class='axis' d='M${left} ${SHARE.barsBottom}H${right}'/><text x='13' y='${SHARE.title}'>${overlay.label}</text>${valueAxis({
    y: share,
    ticks,
    format: percent,
    x: left,
    grid: [left, right],
  })}${
    goal === null
      ? null
      : markup`<path class='goal' d='M${left} ${share(goal)}H${right}M${right - 20} ${SHARE.title - 4}h20'/><g class='e'><text class='strong' x='${left - 6}' y='${share(goal) + 4}'>${percent(goal)}</text><text x='${right - 26}' y='${SHARE.title}'>Goal ${percent(goal)}</text></g>`
  }${path ? linePath(LINE_STYLES.share, path) : null}`;
}
