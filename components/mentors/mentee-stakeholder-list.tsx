import { CadenceBadge, LastMet } from "@/components/stakeholders/cadence-badge";
import type { StakeholderSummary } from "@/lib/stakeholders";
import { DEPARTMENTS } from "@/lib/vocabulary";

/** The mentee's stakeholders, read-only: who, which department, when last met, whether overdue. */
export function MenteeStakeholderList({ stakeholders }: { stakeholders: readonly StakeholderSummary[] }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Stakeholders">
      {stakeholders.map((stakeholder) => (
        <li key={stakeholder.id} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-5">
          <div className="min-w-0">
            <p className="font-medium break-words">{stakeholder.name}</p>
            <p className="text-sm text-muted">
              {stakeholder.role ? `${stakeholder.role} · ` : null}
              {DEPARTMENTS[stakeholder.department]}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted sm:justify-end">
            <LastMet stakeholder={stakeholder} />
            <CadenceBadge stakeholder={stakeholder} />
          </div>
        </li>
      ))}
    </ul>
  );
}
