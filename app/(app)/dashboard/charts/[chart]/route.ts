import { dashboardChartImage } from "@/components/dashboard/chart-images";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { answerChartImage } from "@/lib/server/chart-images";
import { getViewer } from "@/lib/server/viewer";

/** One of the signed-in leader's dashboard charts, as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const viewer = await getViewer();
  return answerChartImage(request, (await params).chart, async (range) => (viewer ? getDashboard(viewer, range) : null), dashboardChartImage);
}
