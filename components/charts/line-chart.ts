import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape } from "d3-shape";
import { bottomAxis, CHART_WIDTH, chartOpen, valueAxis } from "@/components/charts/axes";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard-model";

/** How a line looks: a token colour, a dash and a marker shape, so lines differ by more than colour. */
export type LineStyle = { stroke: "s-strategy" | "s-firefighting" | "s-accent" | "s-text"; dash?: string; marker: "circle" | "square" | "triangle" | "diamond" };

export type LineSeries = { key: string; label: string; style: LineStyle; values: Array<number | null> };

const HEIGHT = 240;

// Markers of one series share a single path: a shape per point as path
// commands is a fraction of the markup of an element per point.
const SHAPES: Record<LineStyle["marker"], (x: string, y: number) => string> = {
  circle: (x, y) => `M${x} ${round(y - 3.5)}a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7`,
  square: (x, y) => `M${x} ${round(y - 3.5)}m-3.5 0h7v7h-7z`,
  triangle: (x, y) => `M${x} ${round(y - 4.5)}l4.5 8h-9z`,
  diamond: (x, y) => `M${x} ${round(y - 5)}l5 5l-5 5l-5-5z`,
};

/** Path data for a marker at each point; null points are skipped. */
export function markerPath(shape: LineStyle["marker"], points: Array<[number, number] | null>): string {
  let d = "";
  for (const point of points) if (point) d += SHAPES[shape](round(point[0]), point[1]);
  return d;
}

/** A legend sample: the line with its dash and marker. */
export function lineSample(style: LineStyle): Markup {
  return markup`<svg class='chart' width='22' height='12' viewBox='0 0 22 12' aria-hidden='true' style='width:22px'><path class='line ${style.stroke}' d='M1 6H21'${
    style.dash ? markup` stroke-dasharray='${style.dash}'` : null
  }/><path class='dot ${style.stroke}' d='${markerPath(style.marker, [[11, 6]])}'/></svg>`;
}

/** Lines over buckets on a fixed scale; a null is a gap that breaks the line. */
export function lineChart({
  id,
  title,
  buckets,
  series,
  domain,
  valueLabel,
  xLabel,
  format,
}: {
  id: string;
  title: string;
  buckets: Bucket[];
  series: LineSeries[];
  domain: [number, number];
  valueLabel: string;
  xLabel: string;
  format: (value: number) => string;
}): Markup {
  const margin = { top: 16, right: 16, bottom: 48, left: 52 };
  const bottom = HEIGHT - margin.bottom;
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range([margin.left, CHART_WIDTH - margin.right])
    .padding(0.2);
  const y = scaleLinear().domain(domain).range([bottom, margin.top]);
  const centre = (index: number) => (x(buckets[index]?.key ?? "") ?? 0) + x.bandwidth() / 2;

  const lines = series.map((s) => {
    const path = lineShape<number | null>()
      .defined((v) => v !== null)
      .x((_, index) => centre(index))
      .y((v) => y(v ?? 0))
      .digits(1)(s.values);
    const dots = markerPath(s.style.marker, s.values.map((v, index) => (v === null ? null : [centre(index), y(v)])));
    return markup`${path ? markup`<path class='line ${s.style.stroke}' d='${path}'${s.style.dash ? markup` stroke-dasharray='${s.style.dash}'` : null}/>` : null}${
      dots ? markup`<path class='dot ${s.style.stroke}' d='${dots}'/>` : null
    }`;
  });

  const ticks = y.ticks(domain[1] - domain[0]);
  return markup`${chartOpen(id, HEIGHT, title, { x, top: margin.top - 8, bottom })}${valueAxis({ y, ticks, format, x: margin.left, side: "left", label: valueLabel, grid: [margin.left, CHART_WIDTH - margin.right] })}${bottomAxis(
    x,
    buckets,
    bottom,
    xLabel,
  )}<g aria-hidden='true'>${lines}</g></svg>`;
}
