import type { Metadata } from "next";
import { StakeholderFilters } from "@/components/stakeholders/stakeholder-filters";
import { StakeholderList } from "@/components/stakeholders/stakeholder-list";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateOnly } from "@/lib/shared/dates";
import { listStakeholders } from "@/lib/stakeholders";
import { stakeholderFiltersSchema } from "@/lib/stakeholders.validation";
import { requireViewer } from "@/lib/server/viewer";

export const metadata: Metadata = { title: "Stakeholders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StakeholdersPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const filters = stakeholderFiltersSchema.parse(await searchParams);
  const { stakeholders, total, overdueTotal, today, timeZone } = await listStakeholders(viewer, filters);
  const addButton = <LinkButton href="/stakeholders/new">Add a stakeholder</LinkButton>;

  if (total === 0) {
    return (
      <div className="mx-auto max-w-4xl">
        <PageHeader title="Stakeholders" />
        <EmptyState title="Who outside engineering should you talk to?" action={addButton}>
          Add the people in sales, finance, product and the rest of the company you want a relationship with, and how often you want to catch up.
          Wheelhouse tells you who you have not talked to for too long.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Stakeholders"
        description={
          <>
            {overdueTotal > 0 ? `${overdueTotal} overdue for a catch-up` : "Nobody is overdue for a catch-up"} as of {formatDateOnly(today)} ({timeZone.replaceAll("_", " ")}).
          </>
        }
        action={addButton}
      />
      <StakeholderFilters filters={filters} />
      {/* The filters apply as they change: say what the list now holds. */}
      <p role="status" className="sr-only">
        {stakeholders.length === total ? `Showing all ${total} stakeholders.` : `Showing ${stakeholders.length} of ${total} stakeholders.`}
      </p>
      {stakeholders.length > 0 ? (
        <StakeholderList stakeholders={stakeholders} />
      ) : (
        <EmptyState
          title="No stakeholders match"
          action={
            <LinkButton href="/stakeholders" variant="secondary">
              Show everyone
            </LinkButton>
          }
        >
          {filters.overdue ? "Nobody here is overdue: well kept." : "Try another department, or clear the filters."}
        </EmptyState>
      )}
    </div>
  );
}
