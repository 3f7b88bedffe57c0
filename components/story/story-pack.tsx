import type { ReactNode } from "react";
import { ChartDefs } from "@/components/charts/chart-defs";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { RatingsChart } from "@/components/dashboard/ratings-chart";
import { TimeChart } from "@/components/dashboard/time-chart";
import { MarkdownBody } from "@/components/notes/markdown";
import { assessmentMarkup } from "@/components/story/assessment-markup";
import { gatheredItems, relationshipsMarkup, SOURCE_LINKS, visionMarkup, weeksMarkup } from "@/components/story/source-lists";
import { MarkupList } from "@/components/ui/markup-list";
import { percent } from "@/lib/dashboard/figures";
import { formatDateOnly, type DateOnly } from "@/lib/shared/dates";
import { spanningWeeksNote } from "@/lib/shared/quarters";
import { type StoryPack, type StoryTouchpoint } from "@/lib/story/pack";

/** Where the pack's figures and lines link to, for the reader it is shown to; null shows them as plain text (no way into the app). */
export type StoryLinks = {
  week: (startsOn: DateOnly) => string;
  touchpoint: (touchpoint: StoryTouchpoint) => string;
  note: (id: string) => string;
};

type Props = {
  pack: StoryPack;
  links: StoryLinks | null;
  /** Where the charts' images are served for this reader (the page's own `charts/` route). */
  chartsPath: string;
  /** The page was asked for its charts' numbers as tables (`?tables=1`). */
  tables?: boolean;
  /** The owner's narrative editor, or what opens it: on screen, under the narrative as read. */
  narrativeEditor?: ReactNode;
  /** The editor is open: it stands in for the narrative as read, which shows only in print. */
  narrativeEditorOpen?: boolean;
  /** The owner's self-assessment form, shown under the ratings. */
  assessmentForm?: ReactNode;
  /** A mentor's own rating form, shown under the ratings. */
  mentorRatingForm?: ReactNode;
};

/**
 * One quarter's story, read-only: the headline, the leader's narrative, where
 * the time went week by week, relationships, vision and the habits. Every
 * figure and gathered line links to its week, touchpoint or note (when
 * `links` is given). The owner's and a mentor's forms come in as slots, so a
 * read-only view renders the same pack without them.
 */
export function StoryPackView({ pack, links, chartsPath, tables = false, narrativeEditor, narrativeEditorOpen = false, assessmentForm, mentorRatingForm }: Props) {
  const charts = { model: pack.dashboard, chartsPath, tables };
  const spanning = spanningWeeksNote(pack.quarter, pack.calendar.weekStartsOn);
  const weekHref = (day: DateOnly) => links?.week(day) ?? null;
  // The sources are markup strings (components/story/source-lists.ts); with links, the shell follows them inside the app.
  const linked = links !== null;
  return (
    <div className="space-y-6" data-testid="story-pack">
      <ChartDefs />
      <section aria-labelledby="story-headline" className="rounded-lg border border-border bg-surface p-5 sm:p-6">
        <h2 id="story-headline" className="text-xl font-semibold tracking-tight">
          {pack.headline.finding === pack.headline.findingForOthers ? (
            pack.headline.finding
          ) : (
            // A printout is read by others: it speaks of the leader, not to them.
            <>
              <span className="print:hidden">{pack.headline.finding}</span>
              <span className="hidden print:inline">{pack.headline.findingForOthers}</span>
            </>
          )}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label={pack.inProgress ? `${pack.name} so far` : pack.name} value={percent(pack.headline.share)} />
          <Figure label="Quarter before" value={percent(pack.headline.previousShare)} />
          <Figure label="Goal" value={pack.headline.goal === null ? "Not set" : percent(pack.headline.goal)} />
          <Figure label="Weeks logged" value={`${pack.headline.loggedWeeks} of ${pack.headline.totalWeeks}`} />
        </dl>
        <p className="mt-4 text-sm text-muted">
          Strategy share of the hours logged in the weeks that start from {formatDateOnly(pack.weeks.first)} to {formatDateOnly(pack.weeks.last)}. A week counts in
          the quarter its first day falls in.
        </p>
        {spanning.length > 0 ? (
          <ul className="mt-2 space-y-1 text-sm text-muted" data-testid="story-spanning">
            {spanning.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <DashboardSection id="story-narrative-title" title="In my words">
        {pack.narrative ? (
          // With the editor open, the narrative shows only in print (a form does not print well). It comes
          // before the editor in the markup (the one or the other shows): the editor carries the whole
          // text as its props, and a payload row past ~3 kB would send the narrative's elements one by one.
          <MarkdownBody appLinks={linked} className={narrativeEditorOpen ? "hidden print:block" : undefined}>
            {pack.narrative.body}
          </MarkdownBody>
        ) : narrativeEditor ? null : (
          <p className="text-muted">No narrative written for this quarter yet.</p>
        )}
        {narrativeEditor ? <div className={narrativeEditorOpen ? "print:hidden" : "mt-4 print:hidden"}>{narrativeEditor}</div> : null}
        {pack.gathered && pack.gathered.length > 0 ? (
          <details className="mt-4 text-sm print:hidden">
            <summary className="cursor-pointer font-medium">{`Gathered from the weeks (${pack.gathered.length} lines)`}</summary>
            <MarkupList links={linked} className={`mt-2 space-y-1 break-words ${SOURCE_LINKS}`} markup={gatheredItems(pack.gathered, weekHref)} />
          </details>
        ) : null}
      </DashboardSection>

      <DashboardSection id="story-time-title" title="Where the hours went">
        <TimeChart.Figure {...charts} />
        <MarkupList as="div" links={linked} markup={weeksMarkup(pack.dashboard.time.points, weekHref)} />
      </DashboardSection>

      <DashboardSection id="story-relationships-title" title="Relationships">
        {pack.relationships ? (
          <MarkupList as="div" links={linked} className="space-y-4" markup={relationshipsMarkup(pack.relationships, (t) => links?.touchpoint(t) ?? null, pack.reader)} />
        ) : (
          <p className="text-muted">Not shared.</p>
        )}
      </DashboardSection>

      <DashboardSection id="story-vision-title" title="Vision">
        {pack.vision ? (
          <MarkupList as="div" links={linked} className="grid gap-4 md:grid-cols-3" markup={visionMarkup(pack.vision, (id) => links?.note(id) ?? null)} />
        ) : (
          <p className="text-muted">Not shared.</p>
        )}
      </DashboardSection>

      <DashboardSection id="story-habits-title" title="The four habits">
        {pack.dashboard.ratings.points.length > 0 ? (
          // Drawn for half a page's width, as beside the coverage chart on the dashboard: no wider here, or its labels would grow with it.
          <div className="max-w-xl">
            <RatingsChart.Figure {...charts} />
          </div>
        ) : (
          <p className="text-muted">Weekly self-ratings not shared.</p>
        )}
        <MarkupList as="div" className="mt-6" markup={assessmentMarkup(pack.assessment)} />
        <div className="print:hidden">
          {assessmentForm}
          {mentorRatingForm}
        </div>
      </DashboardSection>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular">{value}</dd>
    </div>
  );
}
