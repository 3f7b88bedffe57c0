import "server-only";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { chartImageNameSchema, chartImageQuerySchema, type ChartSize, type RangeKey } from "@/lib/dashboard/view";

// The HTTP side of the dashboard's chart images (decision record 013): the
// request's name and query, and the caching of the answer. Which chart draws
// an image is the caller's (components/dashboard/chart-images.ts).

/** A drawn chart image, and the version (a hash of it) its address carries. */
export type ChartImage = { svg: string; version: string };

type Chooser = (model: DashboardModel, name: string, size: ChartSize) => ChartImage | undefined;

/**
 * The answer to a request for the chart image `name`, of the dashboard
 * `dashboardFor` reads in the requested range through lib/ (null: none the
 * viewer may see), drawn by `imageOf`.
 */
export async function answerChartImage(
  request: Request,
  name: string,
  dashboardFor: (range: RangeKey) => Promise<DashboardModel | null>,
  imageOf: Chooser,
): Promise<Response> {
  const chart = chartImageNameSchema.safeParse(name);
  if (!chart.success) return chartImageResponse(undefined);
  const { range, size, v } = chartImageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const model = await dashboardFor(range);
  return chartImageResponse(model ? imageOf(model, chart.data, size) : undefined, v, request.headers.get("if-none-match"));
}

/**
 * A chart image as the response to a request for `version` of it. Its address
 * changes whenever it does (the version is a hash of the image), so the
 * browser keeps it for good; asked for another version (an older page, or a
 * guess), it gets this one, to be checked again next time.
 */
export function chartImageResponse(image: ChartImage | undefined, version?: string, ifNoneMatch: string | null = null): Response {
  // No such chart, no viewer, or not theirs to see: all alike.
  if (!image) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const etag = `"${image.version}"`;
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": version === image.version ? "private, max-age=31536000, immutable" : "private, no-cache",
    ETag: etag,
  };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  return new Response(image.svg, { headers });
}
