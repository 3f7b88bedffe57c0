// Shared geometry and axes for the SVG charts. Charts draw in a fixed
// viewBox and scale to their container's width (phones included).
import type { ScaleBand, ScaleLinear } from "d3-scale";
import { markup, type Markup } from "@/components/charts/markup";
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
  return markup`<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${height}" aria-labelledby="${id}-t"><title id="${id}-t">${title}</title>`;
}

export function bottomAxis(x: ScaleBand<string>, buckets: Bucket[], y: number, label: string): Markup {
  const labelled = labelledBuckets(buckets);
  const [left = 0, right = 0] = x.range();
  return markup`<g aria-hidden="true"><line class="axis" x1="${left}" x2="${right}" y1="${y}" y2="${y}"/>${buckets.map((bucket) =>
    labelled.has(bucket.key) ? markup`<text x="${(x(bucket.key) ?? 0) + x.bandwidth() / 2}" y="${y + 16}" text-anchor="middle">${bucket.label}</text>` : null,
  )}<text x="${(left + right) / 2}" y="${y + 34}" text-anchor="middle">${label}</text></g>`;
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
  const anchor = side === "left" ? "end" : "start";
  return markup`<g aria-hidden="true">${ticks.map(
    (tick) =>
      markup`${grid ? markup`<line class="grid" x1="${grid[0]}" x2="${grid[1]}" y1="${y(tick)}" y2="${y(tick)}"/>` : null}<text x="${side === "left" ? x - 6 : x + 6}" y="${y(tick) + 4}" text-anchor="${anchor}">${format(tick)}</text>`,
  )}<text transform="translate(${titleX} ${(bottom + top) / 2}) rotate(${side === "left" ? -90 : 90})" text-anchor="middle">${label}</text></g>`;
}

/**
 * One bucket as a focusable group named by its <title>: hovering shows the
 * title as a tooltip, focus or hover reveals the value label, no script needed.
 */
export function bucketGroup({ id, label, hit, body }: { id: string; label: string; hit: { x: number; width: number; top: number; bottom: number }; body: Markup }): Markup {
  return markup`<g class="b" tabindex="0" role="img" aria-labelledby="${id}"><title id="${id}">${label}</title><rect class="h" x="${hit.x}" y="${hit.top}" width="${hit.width}" height="${hit.bottom - hit.top}" rx="3"/>${body}</g>`;
}
