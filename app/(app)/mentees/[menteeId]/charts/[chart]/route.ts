import { chartImageResponse, dashboardChartImage } from "@/components/dashboard/chart-images";
import { chartImageNameSchema, chartImageQuerySchema } from "@/lib/dashboard-model";
import { getMenteeDashboard } from "@/lib/mentor-access";
import { menteeIdSchema } from "@/lib/mentorships.validation";
import { getViewer } from "@/lib/viewer";

/** One of a mentee's dashboard charts as their mentor may see it (only what the mentee shares), as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ menteeId: string; chart: string }> }) {
  const { menteeId, chart } = await params;
  const id = menteeIdSchema.safeParse(menteeId);
  const name = chartImageNameSchema.safeParse(chart);
  if (!id.success || !name.success) return chartImageResponse(undefined);
  const { range, size, v } = chartImageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const dashboard = await getMenteeDashboard(await getViewer(), id.data, range);
  return chartImageResponse(dashboard ? dashboardChartImage(dashboard.model, name.data, size) : undefined, v, request.headers.get("if-none-match"));
}
