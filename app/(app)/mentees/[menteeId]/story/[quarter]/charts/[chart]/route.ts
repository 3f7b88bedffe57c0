import { dashboardChartImage } from "@/components/dashboard/chart-images";
import { getMenteeQuarterDashboard } from "@/lib/mentoring/mentor-access";
import { menteeIdSchema } from "@/lib/mentoring/mentorships.validation";
import { answerChartImage } from "@/lib/server/chart-images";
import { getViewer } from "@/lib/server/viewer";
import { quarterKeySchema } from "@/lib/shared/quarters";

/** One of the charts of a mentee's quarterly story as their mentor may see it (only what the mentee shares), as an SVG image. */
export async function GET(request: Request, { params }: { params: Promise<{ menteeId: string; quarter: string; chart: string }> }) {
  const { menteeId, quarter, chart } = await params;
  const id = menteeIdSchema.safeParse(menteeId);
  const key = quarterKeySchema.safeParse(quarter);
  const viewer = await getViewer();
  return answerChartImage(
    request,
    chart,
    async () => (id.success && key.success ? getMenteeQuarterDashboard(viewer, id.data, key.data) : null),
    dashboardChartImage,
  );
}
