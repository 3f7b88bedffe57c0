import { chartImageResponse, dashboardChartImage } from "@/components/dashboard/chart-images";
import { getDashboard } from "@/lib/dashboard";
import { chartImageNameSchema, chartImageQuerySchema } from "@/lib/dashboard-model";
import { getViewer } from "@/lib/viewer";

/** One of the signed-in leader's dashboard charts, as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const name = chartImageNameSchema.safeParse((await params).chart);
  const viewer = await getViewer();
  if (!name.success || !viewer) return chartImageResponse(undefined);
  const { range, size, v } = chartImageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const model = await getDashboard(viewer, range);
  return chartImageResponse(dashboardChartImage(model, name.data, size), v, request.headers.get("if-none-match"));
}
