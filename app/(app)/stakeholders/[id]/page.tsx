import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { addTouchpointAction, deleteTouchpointAction, restoreTouchpointAction } from "@/app/(app)/touchpoints/actions";
import { CadenceBadge, LastMet } from "@/components/stakeholders/cadence-badge";
import { TouchpointList } from "@/components/touchpoints/touchpoint-list";
import { TouchpointQuickAdd } from "@/components/touchpoints/touchpoint-quick-add";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeleteWithUndo } from "@/components/ui/delete-with-undo";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { todayIn } from "@/lib/shared/dates";
import { pageHref, pageNumberSchema } from "@/lib/shared/pagination";
import { getStakeholder, listStakeholderOptions } from "@/lib/stakeholders";
import { listStakeholderHistory } from "@/lib/touchpoints";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";
import { deleteStakeholderAction, restoreStakeholderAction } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// One read for the title and the page.
const findStakeholder = cache(async (id: string) => getStakeholder(await requireViewer(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const stakeholder = await findStakeholder((await params).id);
  return { title: stakeholder?.name ?? "Stakeholder" };
}

export default async function StakeholderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = pageNumberSchema.parse((await searchParams).page);
  const viewer = await requireViewer();
  const [stakeholder, history, options, { timeZone }] = await Promise.all([
    findStakeholder(id),
    listStakeholderHistory(viewer, id, page),
    listStakeholderOptions(viewer),
    getCalendarSettings(viewer),
  ]);
  if (!stakeholder) notFound();
  const here = `/stakeholders/${stakeholder.id}`;
  const historyPage = (target: number) => pageHref(here, target);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={stakeholder.name}
        description={[stakeholder.role, DEPARTMENTS[stakeholder.department]].filter(Boolean).join(" · ")}
        action={
          <div className="flex flex-wrap gap-2">
            <LinkButton href={`/stakeholders/${stakeholder.id}/edit`} variant="secondary">
              Edit
            </LinkButton>
            <DeleteWithUndo
              onDelete={deleteStakeholderAction.bind(null, stakeholder.id)}
              onUndo={restoreStakeholderAction.bind(null, stakeholder.id)}
              deletedMessage={`${stakeholder.name} deleted`}
              label="Delete stakeholder"
              what={stakeholder.name}
              afterDelete="/stakeholders"
            />
          </div>
        }
      />

      <Card aria-label="Details">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">Last met</dt>
            <dd className="mt-1 font-medium" data-testid="last-met">
              <LastMet stakeholder={stakeholder} prefix={false} />
            </dd>
          </div>
          <div>
            <dt className="text-muted">Cadence</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2">
              <span className="font-medium">{stakeholder.cadenceDays === null ? "No reminder set" : `Every ${stakeholder.cadenceDays} days`}</span>
              <CadenceBadge stakeholder={stakeholder} />
            </dd>
          </div>
          {stakeholder.notes ? (
            <div className="sm:col-span-2">
              <dt className="text-muted">Notes</dt>
              <dd className="mt-1 whitespace-pre-line break-words">{stakeholder.notes}</dd>
            </div>
          ) : null}
        </dl>
      </Card>

      <Card title="Log a touchpoint">
        <TouchpointQuickAdd action={addTouchpointAction} stakeholders={options} defaultDate={todayIn(timeZone)} defaultStakeholderId={stakeholder.id} />
      </Card>

      <Card
        className="space-y-4"
        title={
          <>
            History
            {history.total > 0 ? <span className="tabular text-base font-normal text-muted"> ({history.total})</span> : null}
            {history.pages > 1 ? `, page ${history.page} of ${history.pages}` : ""}
          </>
        }
      >
        <TouchpointList
          touchpoints={history.touchpoints}
          deleteAction={deleteTouchpointAction}
          restoreAction={restoreTouchpointAction}
          returnTo={historyPage(history.page)}
          emptyMessage={`No touchpoints with ${stakeholder.name} yet. Log your first conversation above.`}
        />
        <Pagination
          label="Pages of the history"
          page={history.page}
          pages={history.pages}
          href={historyPage}
          previousLabel="Newer touchpoints"
          nextLabel="Earlier touchpoints"
        />
      </Card>
    </div>
  );
}
