import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportReview } from "@/components/calendar/import-review";
import { WeekEventList } from "@/components/calendar/week-event-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPendingImport, getPendingImportWeek } from "@/lib/calendar/imports";
import { importIdSchema } from "@/lib/calendar/imports.validation";
import { dateOnlySchema } from "@/lib/shared/form-schemas";
import { requireViewer } from "@/lib/server/viewer";
import { getCalendarSettings } from "@/lib/users";
import { confirmImportAction, reclassifyEventAction, weekEventsAction } from "../../actions";

export const metadata: Metadata = { title: "Review the import" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewImportPage({ params, searchParams }: Props) {
  const parsed = importIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  // ?week=: that week's events shown opened, the link each week offers a browser without JavaScript.
  const week = dateOnlySchema.safeParse((await searchParams).week);
  const viewer = await requireViewer();
  const [pending, { timeZone }, opened] = await Promise.all([
    getPendingImport(viewer, parsed.data),
    getCalendarSettings(viewer),
    week.success ? getPendingImportWeek(viewer, parsed.data, week.data) : null,
  ]);
  if (!pending) notFound();
  const reclassify = reclassifyEventAction.bind(null, pending.id);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Review the import" description={`${pending.fileName}: nothing in your weeks changes until you confirm.`} />
      {pending.warnings.length > 0 ? (
        <Card title="Left out">
          <ul className="list-disc space-y-1 pl-5">
            {pending.warnings.map((warning) => (
              <li key={warning.message} className="break-words">
                {warning.message} ({warning.count}){warning.examples.length > 0 ? `: ${warning.examples.join(", ")}` : ""}.
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <ImportReview
          id={pending.id}
          preview={pending.preview}
          action={confirmImportAction}
          loadWeek={weekEventsAction.bind(null, pending.id)}
          opened={opened ? { startsOn: opened.startsOn, events: <WeekEventList events={opened.events} ignored={opened.ignored} timeZone={timeZone} reclassify={reclassify} /> } : undefined}
        />
      </Card>
    </div>
  );
}
