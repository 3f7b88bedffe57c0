// Shared geometry and axes for the SVG charts. Charts draw in a fixed
// viewBox and scale to their container's width (phones included).
import type { ScaleBand, ScaleLinear } from "d3-scale";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard-model";

export const CHART_WIDTH = 560;

/** The id of the page's one hint on reading a chart by keyboard (rendered by ChartDefs). */
export const EXPLORER_HINT_ID = "chart-keys";

/** Label every n-th bucket so labels never collide; the latest one always. */
export function labelledBuckets(buckets: Bucket[], maxLabels = 7): Set<string> {
  const step = Math.max(1, Math.ceil(buckets.length / maxLabels));
  const last = buckets.length - 1;
  return new Set(buckets.filter((_, index) => (last - index) % step === 0).map((b) => b.key));
}

/** Where the buckets lie across a chart: the hit area of each, for the chart explorer. */
export type Bands = { x: ScaleBand<string>; top: number; bottom: number };

/**
 * The opening tag of a chart: scales with its container, named by its title,
 * focusable, and described to the chart explorer (components/charts/chart-explorer.tsx)
 * by `data-bands` (first bucket's left edge, step, bucket count, plot top and
 * bottom), which is all it needs to find the bucket under the pointer. Its
 * values come from the chart's own table, so no number is written twice.
 * The hidden rect is the explorer's highlight, behind the bars.
 */
export function chartOpen(id: string, height: number, title: string, bands: Bands): Markup {
  const step = bands.x.step();
  const first = bands.x.domain()[0];
  const left = (first === undefined ? 0 : (bands.x(first) ?? 0)) - (step - bands.x.bandwidth()) / 2;
  return markup`<svg class='chart' viewBox='0 0 ${CHART_WIDTH} ${height}' role='img' tabindex='0' aria-labelledby='${id}-t' aria-describedby='${EXPLORER_HINT_ID}' data-bands='${left} ${String(Math.round(step * 1000) / 1000)} ${bands.x.domain().length} ${bands.top} ${bands.bottom}'><title id='${id}-t'>${title}</title><rect class='hl' visibility='hidden' y='${bands.top}' height='${bands.bottom - bands.top}'/>`;
}

export function bottomAxis(x: ScaleBand<string>, buckets: Bucket[], y: number, label: string): Markup {
  const labelled = labelledBuckets(buckets);
  const [left = 0, right = 0] = x.range();
  return markup`<g class='m' aria-hidden='true'><path class='axis' d='M${left} ${y}H${right}'/>${buckets.map((bucket) =>
    labelled.has(bucket.key) ? markup`<text x='${(x(bucket.key) ?? 0) + x.bandwidth() / 2}' y='${y + 16}'>${bucket.label}</text>` : null,
  )}<text x='${(left + right) / 2}' y='${y + 34}'>${label}</text></g>`;
}

/** Ticks, optional grid lines across [gridFrom, gridTo], and a rotated axis title. */
export function valueAxis({
  y,
  ticks,
  format,
  x,
  side,
  label,
  grid,
}: {
  y: ScaleLinear<number, number>;
  ticks: number[];
  format: (value: number) => string;
  x: number;
  side: "left" | "right";
  label: string;
  grid?: [number, number];
}): Markup {
  const [bottom = 0, top = 0] = y.range();
  const titleX = side === "left" ? 12 : CHART_WIDTH - 6;
  // Grid lines share one path; tick labels are anchored by the group's class.
  const gridPath = grid ? ticks.map((tick) => `M${grid[0]} ${round(y(tick))}H${grid[1]}`).join("") : "";
  return markup`<g${side === "left" ? markup` class='e'` : null} aria-hidden='true'>${grid ? markup`<path class='grid' d='${gridPath}'/>` : null}${ticks.map(
    (tick) => markup`<text x='${side === "left" ? x - 6 : x + 6}' y='${y(tick) + 4}'>${format(tick)}</text>`,
  )}<text class='m' transform='translate(${titleX} ${(bottom + top) / 2}) rotate(${side === "left" ? -90 : 90})'>${label}</text></g>`;
}
