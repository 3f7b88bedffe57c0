import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape, stack } from "d3-shape";
import { bottomAxis, bucketGroup, CHART_WIDTH, chartOpen, valueAxis } from "@/components/charts/axes";
import { fillUrl, type Fill } from "@/components/charts/chart-defs";
import { markup, type Markup } from "@/components/charts/markup";
import { percent, type Bucket } from "@/lib/dashboard-model";

export type BarSeries<K extends string> = { key: K; label: string; fill: Fill };

/** A line drawn over the bars on its own 0–100% axis, with an optional goal line. */
export type ShareOverlay = { label: string; values: Array<number | null>; goal: number | null };

const HEIGHT = 260;

/**
 * Stacked bars, one per bucket. A null value is a gap (nothing logged), drawn
 * as a dashed stub, never as a zero; the share line breaks there too.
 */
export function stackedBarChart<K extends string>({
  id,
  title,
  buckets,
  series,
  values,
  valueLabel,
  xLabel,
  format,
  gapLabel,
  overlay,
  wholeNumbers = false,
}: {
  id: string;
  title: string;
  buckets: Bucket[];
  series: Array<BarSeries<K>>;
  values: Array<Record<K, number> | null>;
  valueLabel: string;
  xLabel: string;
  format: (value: number) => string;
  gapLabel: string;
  overlay?: ShareOverlay;
  /** Counts: only whole-number ticks. */
  wholeNumbers?: boolean;
}): Markup {
  const margin = { top: 20, right: overlay ? 52 : 16, bottom: 48, left: 52 };
  const bottom = HEIGHT - margin.bottom;
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range([margin.left, CHART_WIDTH - margin.right])
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

  const bars = buckets.map((bucket, index) => {
    const value = values[index];
    const left = x(bucket.key) ?? 0;
    const parts = value ? series.map((s) => `${s.label} ${format(value[s.key])}`) : [gapLabel];
    if (value && overlay) parts.push(`${overlay.label} ${percent(overlay.values[index] ?? null)}`);
    const body = value
      ? markup`${layers.map((layer, layerIndex) => {
          const [y0, y1] = layer[index] ?? [0, 0];
          const fill = series[layerIndex]?.fill;
          return y1 > y0 && fill ? markup`<rect x="${left}" y="${y(y1)}" width="${width}" height="${y(y0) - y(y1)}" fill="${fillUrl(fill)}"/>` : null;
        })}<text class="v" x="${left + width / 2}" y="${y(totals[index] ?? 0) - 6}" text-anchor="middle">${format(totals[index] ?? 0)}</text>`
      : markup`<line class="gap" x1="${left}" x2="${left + width}" y1="${bottom - 2}" y2="${bottom - 2}"/>`;
    return bucketGroup({
      id: `${id}-${index}`,
      label: `${bucket.longLabel}${bucket.inProgress ? " (so far)" : ""}: ${parts.join(", ")}`,
      hit: { x: left - (x.step() - width) / 2, width: x.step(), top: margin.top - 14, bottom },
      body,
    });
  });

  let lines: Markup | null = null;
  if (overlay) {
    const path = lineShape<number | null>()
      .defined((v) => v !== null)
      .x((_, index) => centre(index))
      .y((v) => share(v ?? 0))
      .digits(1)(overlay.values);
    const goal =
      overlay.goal === null
        ? null
        : markup`<line class="goal" x1="${margin.left}" x2="${CHART_WIDTH - margin.right}" y1="${share(overlay.goal)}" y2="${share(overlay.goal)}"/><text class="strong" x="${CHART_WIDTH - margin.right - 4}" y="${share(overlay.goal) - 5}" text-anchor="end">Goal ${percent(overlay.goal)}</text>`;
    lines = markup`<g aria-hidden="true" pointer-events="none">${goal}${path ? markup`<path class="line s-text" d="${path}"/>` : null}${overlay.values.map((v, index) =>
      v === null ? null : markup`<circle class="dot s-text" cx="${centre(index)}" cy="${share(v)}" r="3.5"/>`,
    )}</g>`;
  }

  const ticks = y.ticks(4).filter((t) => !wholeNumbers || Number.isInteger(t));
  return markup`${chartOpen(id, HEIGHT, title)}${valueAxis({ y, ticks, format, x: margin.left, side: "left", label: valueLabel, grid: [margin.left, CHART_WIDTH - margin.right] })}${
    overlay ? valueAxis({ y: share, ticks: [0, 0.5, 1], format: percent, x: CHART_WIDTH - margin.right, side: "right", label: overlay.label }) : null
  }${bottomAxis(x, buckets, bottom, xLabel)}${bars}${lines}</svg>`;
}
