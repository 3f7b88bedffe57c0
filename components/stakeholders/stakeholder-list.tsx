import Link from "next/link";
import { CadenceBadge, LastMet } from "@/components/stakeholders/cadence-badge";
import { cn } from "@/components/ui/cn";
import type { StakeholderSummary } from "@/lib/stakeholders";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";

/**
 * One row per stakeholder: who they are, when you last met, whether a catch-up is due.
 * `readOnly` is a mentor's view of a leader's list: the same rows, without links to open them.
 */
export function StakeholderList({ stakeholders, readOnly = false }: { stakeholders: readonly StakeholderSummary[]; readOnly?: boolean }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Stakeholders">
      {stakeholders.map((stakeholder) => (
        <li
          key={stakeholder.id}
          className={cn("flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-5", !readOnly && "relative hover:bg-surface-muted")}
        >
          <div className="min-w-0">
            {readOnly ? (
              <p className="font-medium break-words">{stakeholder.name}</p>
            ) : (
              <Link href={`/stakeholders/${stakeholder.id}`} className="font-medium break-words after:absolute after:inset-0 after:content-['']">
                {stakeholder.name}
              </Link>
            )}
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
