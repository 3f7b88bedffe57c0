import { dashboardChartImage } from "@/components/dashboard/chart-images";
import { getQuarterDashboard } from "@/lib/dashboard/dashboard";
import { answerChartImage } from "@/lib/server/chart-images";
import { getViewer } from "@/lib/server/viewer";
import { quarterKeySchema } from "@/lib/shared/quarters";

/** One of the charts of the signed-in leader's quarterly story, as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ quarter: string; chart: string }> }) {
  const { quarter, chart } = await params;
  const key = quarterKeySchema.safeParse(quarter);
  const viewer = await getViewer();
  return answerChartImage(request, chart, async () => (viewer && key.success ? getQuarterDashboard(viewer, key.data) : null), dashboardChartImage);
}
