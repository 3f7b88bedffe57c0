import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportReview } from "@/components/calendar/import-review";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPendingImport } from "@/lib/calendar/imports";
import { importIdSchema } from "@/lib/calendar/imports.validation";
import { requireViewer } from "@/lib/server/viewer";
import { getCalendarSettings } from "@/lib/users";
import { confirmImportAction, reclassifyEventAction } from "../../actions";

export const metadata: Metadata = { title: "Review the import" };

export default async function ReviewImportPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = importIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const [pending, { timeZone }] = await Promise.all([getPendingImport(viewer, parsed.data), getCalendarSettings(viewer)]);
  if (!pending) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Review the import" description={`${pending.fileName}: nothing in your weeks changes until you confirm.`} />
      {pending.warnings.length > 0 ? (
        <Card aria-labelledby="warnings-title">
          <h2 id="warnings-title" className="text-lg font-semibold">
            Left out
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {pending.warnings.map((warning) => (
              <li key={warning.message} className="break-words">
                {warning.message} ({warning.count}){warning.examples.length > 0 ? `: ${warning.examples.join(", ")}` : ""}.
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <ImportReview id={pending.id} preview={pending.preview} timeZone={timeZone} action={confirmImportAction} reclassify={reclassifyEventAction.bind(null, pending.id)} />
      </Card>
    </div>
  );
}
