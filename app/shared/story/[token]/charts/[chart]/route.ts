import { dashboardChartImage } from "@/components/dashboard/chart-images";
import { answerChartImage } from "@/lib/server/chart-images";
import { getSharedStoryCharts } from "@/lib/story/share-links";

/** One of a shared story's charts, as an SVG image: of the link's pack only, and only while the link works. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; chart: string }> }) {
  const { token, chart } = await params;
  return answerChartImage(request, chart, () => getSharedStoryCharts(token), dashboardChartImage);
}
