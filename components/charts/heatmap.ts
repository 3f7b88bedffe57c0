import { scaleBand } from "d3-scale";
import { bottomAxis, chartDrawing, type ChartDrawing } from "@/components/charts/axes";
import { markup, round } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard/windows";

export type HeatmapRow = { key: string; label: string; values: number[] };

const ROW_HEIGHT = 20;
const MARGIN = { top: 8, right: 8, bottom: 48, left: 118 };

/** How dark a cell is: empty cells stay neutral, the busiest is full accent. */
export function cellOpacity(value: number, max: number): number {
  return value === 0 || max === 0 ? 0 : 0.25 + 0.75 * (value / max);
}

/**
 * Rows of categories against buckets; darker is more. Counts are written in
 * the cells when they fit; a column's counts show on hover and focus (see chartDrawing).
 */
export function heatmap({
  width,
  buckets,
  rows,
  max,
  xLabel,
}: {
  width: number;
  buckets: Bucket[];
  rows: HeatmapRow[];
  max: number;
  xLabel: string;
}): ChartDrawing {
  const height = MARGIN.top + rows.length * ROW_HEIGHT + MARGIN.bottom;
  const bottom = height - MARGIN.bottom;
  const x = scaleBand<string>()
    .domain(buckets.map((b) => b.key))
    .range([MARGIN.left, width - MARGIN.right])
    .paddingInner(0.08);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([MARGIN.top, bottom])
    .paddingInner(0.08);
  const showCounts = x.bandwidth() >= 16;
  const w = x.bandwidth();
  const h = y.bandwidth();

  const labels = markup`<g class='e'>${rows.map(
    (row) => markup`<text x='${MARGIN.left - 8}' y='${(y(row.key) ?? 0) + h / 2 + 4}'>${row.label}</text>`,
  )}</g>`;
  // Cells of the same shade share one path, each cell a stroke as thick as
  // the row is high: five years are 660 cells.
  const cellWidth = round(w);
  const shades = new Map<string, string[]>();
  const counts = buckets.map((bucket, index) => {
    const left = x(bucket.key) ?? 0;
    return rows.map((row) => {
      const value = row.values[index] ?? 0;
      const opacity = cellOpacity(value, max);
      const top = y(row.key) ?? 0;
      const shade = opacity.toFixed(2);
      const cells = shades.get(shade) ?? [];
      cells.push(`M${round(left)} ${round(top + h / 2)}h${cellWidth}`);
      shades.set(shade, cells);
      return showCounts && value > 0
        ? markup`<text class='count m${opacity > 0.55 ? " dark" : ""}' x='${left + w / 2}' y='${top + h / 2 + 4}'>${value}</text>`
        : null;
    });
  });
  const cells = [...shades].map(([shade, paths]) =>
    shade === "0.00" ? markup`<path class='cell0' d='${paths.join("")}'/>` : markup`<path class='cell' stroke-opacity='${shade}' d='${paths.join("")}'/>`,
  );

  return chartDrawing(
    width,
    height,
    { x, top: MARGIN.top - 2, bottom: bottom + 1 },
    markup`${labels}${bottomAxis(x, buckets, bottom + 2, xLabel, width)}<g stroke-width='${h}'>${cells}</g><g>${counts}</g>`,
  );
}
