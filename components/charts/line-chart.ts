import { scaleBand, scaleLinear } from "d3-scale";
import { line as lineShape } from "d3-shape";
import { bottomAxis, CHART_WIDTH, chartOpen, valueAxis } from "@/components/charts/axes";
import { markerUrl, type LineStyle } from "@/components/charts/chart-defs";
import { markup, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard-model";


export type LineSeries = { key: string; label: string; style: LineStyle; values: Array<number | null> };

const HEIGHT = 240;

/** A legend sample: the line with its dash and one marker in its middle. */
export function lineSample(style: LineStyle): Markup {
  return markup`<svg class='chart' width='22' height='12' viewBox='0 0 22 12' aria-hidden='true' style='width:22px'><path class='line ${style.stroke}' d='M1 6H11H21' marker-mid='${markerUrl(style)}'${
    style.dash ? markup` stroke-dasharray='${style.dash}'` : null
  }/></svg>`;
}

/** A line whose every point carries its marker (defined once in ChartDefs), so points cost no markup. */
export function markedLine(style: LineStyle, d: string): Markup {
  const url = markerUrl(style);
  return markup`<path class='line ${style.stroke}' d='${d}' marker-start='${url}' marker-mid='${url}' marker-end='${url}'${style.dash ? markup` stroke-dasharray='${style.dash}'` : null}/>`;
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
    return path ? markedLine(s.style, path) : null;
  });

  const ticks = y.ticks(domain[1] - domain[0]);
  return markup`${chartOpen(id, HEIGHT, title, { x, top: margin.top - 8, bottom })}${valueAxis({ y, ticks, format, x: margin.left, side: "left", label: valueLabel, grid: [margin.left, CHART_WIDTH - margin.right] })}${bottomAxis(
    x,
    buckets,
    bottom,
    xLabel,
  )}<g aria-hidden='true'>${lines}</g></svg>`;
}
