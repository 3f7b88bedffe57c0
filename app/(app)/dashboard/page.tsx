import type { Metadata } from "next";
import { ChartDefs } from "@/components/charts/chart-defs";
import { DASHBOARD_CHARTS_PATH } from "@/components/dashboard/chart-images";
import { CoverageChart } from "@/components/dashboard/coverage-chart";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { GoalProgress } from "@/components/dashboard/goal-progress";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { RangeSwitcher } from "@/components/dashboard/range-switcher";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { TimeChart } from "@/components/dashboard/time-chart";
import { VisionChart } from "@/components/dashboard/vision-chart";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LastWeekNudge } from "@/components/weeks/last-week-nudge";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { RANGES, dashboardViewSchema } from "@/lib/dashboard/view";
import { formatDateOnly } from "@/lib/shared/dates";
import { WEEKDAYS } from "@/lib/shared/time-zones";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { requireViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ range?: string | string[]; tables?: string | string[] }> }) {
  const viewer = await requireViewer();
  const { range, tables } = dashboardViewSchema.parse(await searchParams);
  const model = await getDashboard(viewer, range);
  const { window } = model;
  const logThisWeek = <LinkButton href="/weeks/current">Log this week</LinkButton>;
  const calendar = `Weeks start on ${WEEKDAYS[window.weekStartsOn]}, ${formatTimeZone(window.timeZone)} time.`;

  if (model.isNew) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title="Dashboard" description={calendar} />
        <EmptyState title="Your progress shows up here once you log a week" action={logThisWeek}>
          Log how this week split between firefighting, strategy and other work. It takes two minutes; the charts of your strategy share, stakeholder
          coverage and vision notes fill in from there.
        </EmptyState>
      </div>
    );
  }

  const charts = { model, tables, chartsPath: DASHBOARD_CHARTS_PATH };
  const first = model.buckets[0];
  const shown = first ? `${RANGES[range]}, since ${formatDateOnly(first.key, { day: "numeric", month: "long", year: "numeric" })}` : RANGES[range];
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <ChartDefs />
      <PageHeader title="Dashboard" description={`${calendar} Today is ${formatDateOnly(window.today)}.`} action={logThisWeek} />
      {model.lastWeekToLog ? <LastWeekNudge startsOn={model.lastWeekToLog} /> : null}
      <HeadlineFigures model={model} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{shown}</h2>
        <RangeSwitcher current={range} tables={tables} />
      </div>
      <DashboardSection id="time-title" title="Where the hours went">
        <TimeChart.Figure {...charts} />
      </DashboardSection>
      {/* After the first chart, so that a phone shows the headline and a chart within two screens. */}
      <DashboardSection id="goals-title" title="Goals">
        <GoalProgress model={model} />
      </DashboardSection>
      <div className="grid gap-6 xl:grid-cols-2">
        <DashboardSection id="coverage-title" title="Stakeholder coverage">
          <CoverageChart.Figure {...charts} />
        </DashboardSection>
        <DashboardSection id="ratings-title" title="Habit self-ratings">
          <RatingsChart.Figure {...charts} />
        </DashboardSection>
      </div>
      <DashboardSection id="vision-title" title="Vision notes">
        <VisionChart.Figure {...charts} />
      </DashboardSection>
    </div>
  );
}
