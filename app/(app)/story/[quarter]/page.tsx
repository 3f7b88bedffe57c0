import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuarterNav } from "@/components/story/quarter-nav";
import { PrintButton } from "@/components/story/print-button";
import { ShareLinksPanel } from "@/components/story/share-links-panel";
import { StoryFormSlot } from "@/components/story/story-form-slot";
import { NarrativeEditor, RatingsForm, ShareLinkForm } from "@/components/story/story-forms";
import { StoryPackView, type StoryLinks } from "@/components/story/story-pack";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { dashboardViewSchema } from "@/lib/dashboard/view";
import { isQuarterKey, quarterKeySchema, quarterName } from "@/lib/shared/quarters";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { requireViewer } from "@/lib/server/viewer";
import { getStoryPack } from "@/lib/story/pack";
import { listShareLinks } from "@/lib/story/share-links";
import { storyFormSchema, type StoryForm } from "@/lib/story/story.validation";
import { saveNarrativeAction, saveSelfAssessmentAction } from "../actions";
import { createShareLinkAction, restoreShareLinkAction, revokeShareLinkAction } from "../share-links/actions";

type Props = { params: Promise<{ quarter: string }>; searchParams: Promise<{ tables?: string | string[]; edit?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { quarter } = await params;
  return { title: isQuarterKey(quarter) ? `Story, ${quarterName(quarter)}` : "Story" };
}

const OWNER_LINKS: StoryLinks = {
  week: (startsOn) => `/weeks/${startsOn}`,
  touchpoint: (touchpoint) => `/touchpoints/${touchpoint.id}/edit`,
  note: (id) => `/notes/${id}`,
};

/** Where each form lands when opened, and what takes the focus then. */
const FORM_IDS: Record<StoryForm, string> = { narrative: "narrative-form", ratings: "ratings-form", link: "new-link-form" };

export default async function StoryPage({ params, searchParams }: Props) {
  const quarter = quarterKeySchema.safeParse((await params).quarter);
  if (!quarter.success) notFound();
  const viewer = await requireViewer();
  const query = await searchParams;
  const { tables } = dashboardViewSchema.parse(query);
  // The one form open, if any (decision record 035): the pack as read costs no form.
  const open = storyFormSchema.parse(query.edit);
  const [pack, shareLinks] = await Promise.all([getStoryPack(viewer, quarter.data), listShareLinks(viewer, quarter.data)]);
  if (!pack?.narrative) notFound();
  const here = `/story/${pack.quarter}`;
  const slot = (form: StoryForm) => ({ open: open === form, href: `${here}?edit=${form}`, id: FORM_IDS[form] });
  const close = (
    <LinkButton href={here} scroll={false} variant="secondary">
      Close
    </LinkButton>
  );
  const rated = Object.values(pack.assessment.self).some((rating) => rating !== null);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={`Your story, ${pack.name}`}
        description={`${pack.months}${pack.inProgress ? " (so far)" : ""}, ${formatTimeZone(pack.calendar.timeZone)} time. The quarter's review pack, sourced from your weeks, touchpoints and vision notes.`}
        action={
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={`${here}/story.md`} download className={buttonClasses("secondary")}>
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
        chartsPath={`${here}/charts`}
        tables={tables}
        narrativeEditor={
          <>
            {open !== "narrative" && pack.narrative.version === 0 ? (
              <p className="mb-3 text-sm text-muted">A draft gathered from your weeks&apos; highlights and reflections, not saved yet: edit it and save it to make it yours.</p>
            ) : null}
            <StoryFormSlot {...slot("narrative")} label="Edit narrative">
              <NarrativeEditor
                key={pack.quarter}
                action={saveNarrativeAction}
                narrative={{ quarter: pack.quarter, ...pack.narrative }}
                timeZone={pack.calendar.timeZone}
                extraActions={close}
              />
            </StoryFormSlot>
          </>
        }
        narrativeEditorOpen={open === "narrative"}
        assessmentForm={
          <div className="mt-6">
            <StoryFormSlot {...slot("ratings")} label={rated ? "Change your ratings" : "Rate your quarter"}>
              <RatingsForm key={pack.quarter} action={saveSelfAssessmentAction} quarter={pack.quarter} ratings={pack.assessment.self} extraActions={close} />
            </StoryFormSlot>
          </div>
        }
      />
      <div className="mt-6">
        <ShareLinksPanel
          quarterName={pack.name}
          links={shareLinks}
          timeZone={pack.calendar.timeZone}
          actions={{ revoke: revokeShareLinkAction, restore: restoreShareLinkAction }}
          newLink={
            <StoryFormSlot {...slot("link")} label="New link">
              <ShareLinkForm action={createShareLinkAction} quarter={pack.quarter} extraActions={close} />
            </StoryFormSlot>
          }
        />
      </div>
    </div>
  );
}
