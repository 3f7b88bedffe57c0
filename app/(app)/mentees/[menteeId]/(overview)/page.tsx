import type { Metadata } from "next";
import Link from "next/link";
import { ChartDefs } from "@/components/charts/chart-defs";
import { CoverageChart } from "@/components/dashboard/coverage-chart";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { RangeSwitcher } from "@/components/dashboard/range-switcher";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { TimeChart } from "@/components/dashboard/time-chart";
import { VisionChart } from "@/components/dashboard/vision-chart";
import { MenteeWeekList } from "@/components/mentors/mentee-week-list";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { PageHeader } from "@/components/ui/page-header";
import { RANGES, dashboardViewSchema } from "@/lib/dashboard/view";
import { getMenteeDashboard, listMenteeWeeks, menteeName } from "@/lib/mentoring/mentor-access";
import { sharingSummary } from "@/lib/mentoring/mentorship-model";
import { WEEKDAYS } from "@/lib/shared/time-zones";
import { requireViewer } from "@/lib/server/viewer";
import { accessEndedOrNotFound } from "../../access-ended";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { leaveMentorshipAction } from "../../actions";

export const metadata: Metadata = { title: "Mentee" };

type Props = { params: Promise<{ menteeId: string }>; searchParams: Promise<{ range?: string | string[]; tables?: string | string[] }> };

/** A mentee's dashboard and weeks, read-only and limited to what they share. */
export default async function MenteePage({ params, searchParams }: Props) {
  const { menteeId } = await params;
  const { range, tables } = dashboardViewSchema.parse(await searchParams);
  const viewer = await requireViewer();
  const [dashboard, weeks] = await Promise.all([getMenteeDashboard(viewer, menteeId, range), listMenteeWeeks(viewer, menteeId)]);
  if (!dashboard || !weeks) return accessEndedOrNotFound(viewer, menteeId);
  const { access, model } = dashboard;
  const name = menteeName(access);
  const { share } = access;
  const menteePath = `/mentees/${encodeURIComponent(menteeId)}`;
  const charts = { model, tables, chartsPath: `${menteePath}/charts` };
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <p className="text-sm">
        <Link href="/mentees" className="text-accent underline-offset-2 hover:underline">
          ← All mentees
        </Link>
      </p>
      <PageHeader
        title={name}
        description={`Shares ${sharingSummary(share).toLowerCase()}. Weeks start on ${WEEKDAYS[model.window.weekStartsOn]}, ${formatTimeZone(model.window.timeZone)} time.`}
        action={
          <RowActionButton
            action={leaveMentorshipAction.bind(null, access.mentorshipId)}
            label="Stop mentoring"
            pendingLabel="Leaving…"
            variant="ghost"
            confirm={`Stop mentoring ${name}? You will no longer see anything of theirs.`}
            after="/mentees"
          />
        }
      />
      {share.stakeholders || share.notes || share.story ? (
        <nav aria-label={`${name}'s pages`} className="flex flex-wrap gap-4 text-sm font-medium">
          {share.stakeholders ? (
            <Link href={`${menteePath}/stakeholders`} className="text-accent underline-offset-2 hover:underline">
              Stakeholders and touchpoints
            </Link>
          ) : null}
          {share.notes ? (
            <Link href={`${menteePath}/notes`} className="text-accent underline-offset-2 hover:underline">
              Vision notes
            </Link>
          ) : null}
          {share.story ? (
            <Link href={`${menteePath}/story`} className="text-accent underline-offset-2 hover:underline">
              Quarterly story
            </Link>
          ) : null}
        </nav>
      ) : null}
      {model.isNew ? (
        <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-muted">{name} has not logged anything yet.</p>
      ) : (
        <>
          <HeadlineFigures model={model} share={share} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">{RANGES[range]}</h2>
            <RangeSwitcher current={range} tables={tables} basePath={menteePath} />
          </div>
          <DashboardSection id="time-title" title="Where the hours went">
            <TimeChart.Figure {...charts} />
          </DashboardSection>
          {share.stakeholders || share.reflections ? (
            <div className="grid gap-6 xl:grid-cols-2">
              {share.stakeholders ? (
                <DashboardSection id="coverage-title" title="Stakeholder coverage">
                  <CoverageChart.Figure {...charts} />
                </DashboardSection>
              ) : null}
              {share.reflections ? (
                <DashboardSection id="ratings-title" title="Habit self-ratings">
                  <RatingsChart.Figure {...charts} />
                </DashboardSection>
              ) : null}
            </div>
          ) : null}
          {share.notes ? (
            <DashboardSection id="vision-title" title="Vision notes">
              <VisionChart.Figure {...charts} />
            </DashboardSection>
          ) : null}
        </>
      )}
      <DashboardSection id="weeks-title" title="Weeks">
        <MenteeWeekList menteeId={menteeId} weeks={weeks.weeks} />
      </DashboardSection>
      {/* Last: past ~3 kB of a payload row (these defs are 1.6 kB) React streams each further element apart (decision record 037). */}
      <ChartDefs />
    </div>
  );
}
