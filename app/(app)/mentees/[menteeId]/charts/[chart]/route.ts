import { dashboardChartImage } from "@/components/dashboard/chart-images";
import { getMenteeDashboard } from "@/lib/mentoring/mentor-access";
import { menteeIdSchema } from "@/lib/mentoring/mentorships.validation";
import { answerChartImage } from "@/lib/server/chart-images";
import { getViewer } from "@/lib/server/viewer";

/** One of a mentee's dashboard charts as their mentor may see it (only what the mentee shares), as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ menteeId: string; chart: string }> }) {
  const { menteeId, chart } = await params;
  const id = menteeIdSchema.safeParse(menteeId);
  const viewer = await getViewer();
  return answerChartImage(
    request,
    chart,
    async (range) => (id.success ? ((await getMenteeDashboard(viewer, id.data, range))?.model ?? null) : null),
    dashboardChartImage,
  );
}
