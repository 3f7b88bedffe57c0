// Shared geometry and axes for the SVG charts. Charts draw in a fixed
// viewBox and scale to their container's width (phones included).
import type { ScaleBand, ScaleLinear } from "d3-scale";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard-model";

export const CHART_WIDTH = 560;

/** Label every n-th bucket so labels never collide; the latest one always. */
export function labelledBuckets(buckets: Bucket[], maxLabels = 7): Set<string> {
  const step = Math.max(1, Math.ceil(buckets.length / maxLabels));
  const last = buckets.length - 1;
  return new Set(buckets.filter((_, index) => (last - index) % step === 0).map((b) => b.key));
}

/** The opening tag of a chart: scales with its container, named by its title. */
export function chartOpen(id: string, height: number, title: string): Markup {
  return markup`<svg class='chart' viewBox='0 0 ${CHART_WIDTH} ${height}' aria-labelledby='${id}-t'><title id='${id}-t'>${title}</title>`;
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

/**
 * One bucket as a focusable group named by its <title> (a child <title> names
 * an SVG element, so no id is needed): hovering shows the title as a tooltip,
 * focus or hover reveals the value label, no script needed. The bars
 * themselves are drawn elsewhere, one path per fill for the whole chart.
 */
export function bucketGroup({ label, hit, body }: { label: string; hit: { x: number; width: number; top: number; bottom: number }; body?: Markup }): Markup {
  return markup`<g class='b' tabindex='0' role='img'><title>${label}</title><rect class='h' x='${hit.x}' y='${hit.top}' width='${hit.width}' height='${hit.bottom - hit.top}'/>${body}</g>`;
}
