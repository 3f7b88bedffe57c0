// A dashboard's address: the ranges it offers, its query string, and the
// chart images' names and queries. Parsed with zod, so whatever a URL holds
// falls back to a default instead of failing.
import "server-only";
import { z } from "zod";

export const RANGES = {
  "12w": "Last 12 weeks",
  quarter: "This quarter",
  "12m": "Last 12 months",
  all: "All time",
} as const;

export type RangeKey = keyof typeof RANGES;

/** The range the dashboard opens on. */
export const DEFAULT_RANGE: RangeKey = "12w";

/** `?range=` from the URL; anything unknown (or repeated) falls back to the default. */
export const rangeSchema = z.enum(Object.keys(RANGES) as [RangeKey, ...RangeKey[]]).catch(DEFAULT_RANGE);

/** A dashboard's address: its range, and whether its charts' tables are shown (`?tables=1`). Anything else falls back. */
export const dashboardViewSchema = z.object({ range: rangeSchema, tables: z.literal("1").transform(() => true).catch(false) });

export type DashboardView = z.output<typeof dashboardViewSchema>;

/** The query string (no "?") that `dashboardViewSchema` reads back; the defaults are left out. */
export function dashboardViewQuery({ range, tables }: DashboardView): string {
  return [range === DEFAULT_RANGE ? null : `range=${range}`, tables ? "tables=1" : null].filter(Boolean).join("&");
}

/** A chart image's name in its address (`/dashboard/charts/time-chart`): anything else is no image. */
export const chartImageNameSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(40);

/**
 * The widths a chart is drawn in (viewBox units, one a CSS pixel at 12-px labels): the page shows each
 * column the drawing no wider than it, so labels stay readable (components/charts/chart-sizes.ts).
 */
export const CHART_SIZES = [280, 350, 440, 560, 700, 880] as const;

export type ChartSize = (typeof CHART_SIZES)[number];

const DEFAULT_CHART_SIZE: ChartSize = 560;

/** A chart image's query: its range, its size, and its version (a hash of the image), so the address changes whenever the image does. */
export const chartImageQuerySchema = z.object({
  range: rangeSchema,
  size: z.coerce.number().pipe(z.literal(CHART_SIZES)).catch(DEFAULT_CHART_SIZE),
  v: z.string().regex(/^[\w-]{1,64}$/).optional().catch(undefined),
});

/** The query string (no "?") that `chartImageQuerySchema` reads back; the defaults are left out. */
export function chartImageQuery(range: RangeKey, size: ChartSize, version: string): string {
  return [dashboardViewQuery({ range, tables: false }), size === DEFAULT_CHART_SIZE ? null : `size=${size}`, `v=${version}`].filter(Boolean).join("&");
}
