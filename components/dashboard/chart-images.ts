import type { ChartImage } from "@/components/charts/chart-figure";
import { CoverageChart } from "@/components/dashboard/coverage-chart";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { TimeChart } from "@/components/dashboard/time-chart";
import { VisionChart } from "@/components/dashboard/vision-chart";
import type { DashboardModel } from "@/lib/dashboard/figures";
import type { ChartSize } from "@/lib/dashboard/view";

const CHARTS = [TimeChart, CoverageChart, RatingsChart, VisionChart];

/** Where the leader's own dashboard serves its chart images (app/(app)/dashboard/charts/[chart]). */
export const DASHBOARD_CHARTS_PATH = "/dashboard/charts";

/** The dashboard's chart image `name` in `size` for this model, if there is one by that name. */
export function dashboardChartImage(model: DashboardModel, name: string, size: ChartSize): ChartImage | undefined {
  for (const chart of CHARTS) {
    const image = chart.image(model, name, size);
    if (image) return image;
  }
  return undefined;
}

/** Builds the dashboard's chart figures and images for this model as its page shows them, so that its next render finds them built. */
export function prepareDashboardCharts(model: DashboardModel): void {
  // A new leader's dashboard shows no charts (app/(app)/dashboard/page.tsx).
  if (model.isNew) return;
  for (const chart of CHARTS) chart.figure(model, DASHBOARD_CHARTS_PATH);
}
