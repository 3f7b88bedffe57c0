// Shared geometry and axes for the SVG charts. Charts draw in a fixed
// viewBox and scale to their container's width (phones included).
import type { ScaleBand, ScaleLinear } from "d3-scale";
import { markup, round, type Markup } from "@/components/charts/markup";
import type { Bucket } from "@/lib/dashboard/windows";

/** Label every n-th bucket so labels never collide (one per 80 units of width at most); the latest one always. */
export function labelledBuckets(buckets: Bucket[], width: number): Set<string> {
  const maxLabels = Math.floor(width / 80);
  const step = Math.max(1, Math.ceil(buckets.length / maxLabels));
  const last = buckets.length - 1;
  return new Set(buckets.filter((_, index) => (last - index) % step === 0).map((b) => b.key));
}

/** Where the buckets lie across a chart: the hit area of each, for the chart explorer. */
export type Bands = { x: ScaleBand<string>; top: number; bottom: number };

/**
 * A chart as drawn: its height in the shared width, where its buckets lie
 * (first bucket's left edge, step, bucket count, plot top and bottom, for the
 * chart explorer in components/charts/chart-explorer.tsx, which needs nothing
 * else to find the bucket under the pointer) and the SVG content. The page
 * shows it as an image (components/charts/chart-document.ts); its values come
 * from the chart's own table, so no number is written twice.
 */
export type ChartDrawing = { width: number; height: number; bands: string; body: Markup };

export function chartDrawing(width: number, height: number, bands: Bands, body: Markup): ChartDrawing {
  const step = bands.x.step();
  const first = bands.x.domain()[0];
  const left = (first === undefined ? 0 : (bands.x(first) ?? 0)) - (step - bands.x.bandwidth()) / 2;
  return { width, height, bands: `${round(left)} ${Math.round(step * 1000) / 1000} ${bands.x.domain().length} ${round(bands.top)} ${round(bands.bottom)}`, body };
}

// A generous width per character of a 12px label, to keep labels inside the image.
const LABEL_CHAR_WIDTH = 7;

export function bottomAxis(x: ScaleBand<string>, buckets: Bucket[], y: number, label: string, width: number): Markup {
  const labelled = labelledBuckets(buckets, width);
  const [left = 0, right = 0] = x.range();
  // A label centred under its bucket, or ending at the image's edge when it would run past it (an image clips).
  const bucketLabel = (bucket: Bucket) => {
    const centre = (x(bucket.key) ?? 0) + x.bandwidth() / 2;
    return centre + (bucket.label.length * LABEL_CHAR_WIDTH) / 2 > width
      ? markup`<text class='e' x='${width - 1}' y='${y + 16}'>${bucket.label}</text>`
      : markup`<text x='${centre}' y='${y + 16}'>${bucket.label}</text>`;
  };
  return markup`<g class='m'><path class='axis' d='M${left} ${y}H${right}'/>${buckets.map((bucket) => (labelled.has(bucket.key) ? bucketLabel(bucket) : null))}<text x='${(left + right) / 2}' y='${y + 34}'>${label}</text></g>`;
}

/**
 * A left-hand value axis: ticks ending at `x`, grid lines across `grid`, and
 * a rotated title (unless the chart titles the axis itself).
 */
export function valueAxis({
  y,
  ticks,
  format,
  x,
  label,
  grid,
}: {
  y: ScaleLinear<number, number>;
  ticks: number[];
  format: (value: number) => string;
  x: number;
  label?: string;
  grid: [number, number];
}): Markup {
  const [bottom = 0, top = 0] = y.range();
  // Grid lines share one path; tick labels are anchored by the group's class.
  const gridPath = ticks.map((tick) => `M${grid[0]} ${round(y(tick))}H${grid[1]}`).join("");
  // A rotated title's glyphs reach about one font size left of its baseline: x = 13 keeps them inside the image.
  return markup`<g class='e'><path class='grid' d='${gridPath}'/>${ticks.map((tick) => markup`<text x='${x - 6}' y='${y(tick) + 4}'>${format(tick)}</text>`)}${
    label ? markup`<text class='m' transform='translate(13 ${(bottom + top) / 2}) rotate(-90)'>${label}</text>` : null
  }</g>`;
}
