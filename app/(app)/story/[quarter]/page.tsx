import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NarrativeEditor } from "@/components/story/narrative-editor";
import { QuarterNav } from "@/components/story/quarter-nav";
import { PrintButton } from "@/components/story/print-button";
import { RatingsForm } from "@/components/story/ratings-form";
import { ShareLinksPanel } from "@/components/story/share-links-panel";
import { StoryPackView, type StoryLinks } from "@/components/story/story-pack";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { dashboardViewSchema } from "@/lib/dashboard/view";
import { isQuarterKey, quarterKeySchema, quarterName } from "@/lib/shared/quarters";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { requireViewer } from "@/lib/server/viewer";
import { getStoryPack } from "@/lib/story/pack";
import { listShareLinks } from "@/lib/story/share-links";
import { saveNarrativeAction, saveSelfAssessmentAction } from "../actions";
import { createShareLinkAction, restoreShareLinkAction, revokeShareLinkAction } from "../share-links/actions";

type Props = { params: Promise<{ quarter: string }>; searchParams: Promise<{ tables?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quarter } = await params;
  return { title: isQuarterKey(quarter) ? `Story, ${quarterName(quarter)}` : "Story" };
}

const OWNER_LINKS: StoryLinks = {
  week: (startsOn) => `/weeks/${startsOn}`,
  touchpoint: (touchpoint) => `/touchpoints/${touchpoint.id}/edit`,
  note: (id) => `/notes/${id}`,
};

export default async function StoryPage({ params, searchParams }: Props) {
  const quarter = quarterKeySchema.safeParse((await params).quarter);
  if (!quarter.success) notFound();
  const viewer = await requireViewer();
  const { tables } = dashboardViewSchema.parse(await searchParams);
  const [pack, shareLinks] = await Promise.all([getStoryPack(viewer, quarter.data), listShareLinks(viewer, quarter.data)]);
  if (!pack?.narrative) notFound();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={`Your story, ${pack.name}`}
        description={`${pack.months}${pack.inProgress ? " (so far)" : ""}, ${formatTimeZone(pack.calendar.timeZone)} time. The quarter's review pack, sourced from your weeks, touchpoints and vision notes.`}
        action={
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={`/story/${pack.quarter}/story.md`} download className={buttonClasses("secondary")}>
              Download as Markdown
            </a>
            <PrintButton />
          </div>
        }
      />
      <QuarterNav pack={pack} hrefOf={(q) => `/story/${q}`} />
      <StoryPackView
        pack={pack}
        links={OWNER_LINKS}
        chartsPath={`/story/${pack.quarter}/charts`}
        tables={tables}
        narrativeEditor={
          <NarrativeEditor key={pack.quarter} action={saveNarrativeAction} narrative={{ quarter: pack.quarter, ...pack.narrative }} timeZone={pack.calendar.timeZone} />
        }
        assessmentForm={<RatingsForm key={pack.quarter} action={saveSelfAssessmentAction} quarter={pack.quarter} ratings={pack.assessment.self} />}
      />
      <div className="mt-6">
        <ShareLinksPanel
          quarter={pack.quarter}
          quarterName={pack.name}
          links={shareLinks}
          timeZone={pack.calendar.timeZone}
          actions={{ create: createShareLinkAction, revoke: revokeShareLinkAction, restore: restoreShareLinkAction }}
        />
      </div>
    </div>
  );
}
