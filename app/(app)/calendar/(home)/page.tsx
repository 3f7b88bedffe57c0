import type { Metadata } from "next";
import { FeedList } from "@/components/calendar/feed-list";
import { FeedSubscribeForm } from "@/components/calendar/feed-subscribe-form";
import { CalendarUploadForm } from "@/components/calendar/upload-form";
import { TOO_LARGE_PARAM } from "@/lib/config/post-limits";
import { ImportList, importedSummary } from "@/components/calendar/import-list";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listFeeds } from "@/lib/calendar/feeds";
import { listImports } from "@/lib/calendar/imports";
import { IMPORT_WEEKS_BACK } from "@/lib/calendar/imports.validation";
import { getCalendarRules } from "@/lib/calendar/user-rules";
import { requireViewer } from "@/lib/server/viewer";
import { getCalendarSettings } from "@/lib/users";
import { refreshFeedAction, subscribeFeedAction, undoImportAction, unsubscribeFeedAction, uploadCalendarAction } from "../actions";

export const metadata: Metadata = { title: "Calendar" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CalendarPage({ searchParams }: Props) {
  const { imported, [TOO_LARGE_PARAM]: upload } = await searchParams;
  const viewer = await requireViewer();
  const [imports, feeds, rules, { timeZone }] = await Promise.all([listImports(viewer), listFeeds(viewer), getCalendarRules(viewer), getCalendarSettings(viewer)]);
  // Just confirmed (the confirm comes back here): say what it changed.
  const confirmed = imports.find((item) => item.id === imported && item.status === "CONFIRMED");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Calendar" description="Let your calendar log your weeks: import it, review what it would change, then confirm." />
      {confirmed ? (
        <p role="status" className="rounded-lg border border-border bg-surface p-4 font-medium">
          Imported {confirmed.fileName}: {importedSummary(confirmed)}. You can undo it below.
        </p>
      ) : null}

      <Card
        title="Import a calendar file"
        description={`Reads the ${IMPORT_WEEKS_BACK} weeks before this one and this week so far. Nothing changes until you confirm; meetings with a stakeholder whose email address you saved become touchpoints.`}
      >
        <CalendarUploadForm action={uploadCalendarAction} tooLarge={upload === "too-large"} />
      </Card>

      <Card
        title="Subscribe to a calendar"
        description="You review its first import like a file’s. After you confirm it, Wheelhouse refreshes it every hour: it fills weeks you have not logged and updates the weeks it wrote, never a week you logged or changed by hand. Each refresh that changes something is listed under Imports, to undo."
      >
        {feeds.length > 0 ? <FeedList feeds={feeds} timeZone={timeZone} refresh={refreshFeedAction} remove={unsubscribeFeedAction} /> : null}
        <FeedSubscribeForm action={subscribeFeedAction} />
      </Card>

      <Card
        title="Rules"
        description={`${rules.starter ? "The starter rules" : `Your ${rules.rules.length === 1 ? "rule" : `${rules.rules.length} rules`}`} decide whether an event is firefighting, strategy, other or ignored.`}
      >
        <LinkButton href="/calendar/rules" variant="secondary">
          Edit the rules
        </LinkButton>
      </Card>

      <Card title="Imports" description={imports.length === 0 ? "None yet." : undefined}>
        {imports.length > 0 ? <ImportList imports={imports} timeZone={timeZone} undo={undoImportAction} /> : null}
      </Card>
    </div>
  );
}
