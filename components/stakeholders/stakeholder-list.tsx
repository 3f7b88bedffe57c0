import { markup } from "@/components/charts/markup";
import { cadenceBadgeMarkup, lastMetMarkup } from "@/components/stakeholders/cadence-badge";
import { cn } from "@/components/ui/cn";
import { MarkupList } from "@/components/ui/markup-list";
import type { StakeholderSummary } from "@/lib/stakeholders";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";

/**
 * One row per stakeholder: who they are, when you last met, whether a catch-up is due.
 * `readOnly` is a mentor's view of a leader's list: the same rows, without links to open them.
 * One markup string (decision record 037).
 */
export function StakeholderList({ stakeholders, readOnly = false }: { stakeholders: readonly StakeholderSummary[]; readOnly?: boolean }) {
  const rows = stakeholders.map((stakeholder) => {
    const name = readOnly
      ? markup`<p class="font-medium break-words">${stakeholder.name}</p>`
      : markup`<a href="/stakeholders/${stakeholder.id}" class="font-medium break-words after:absolute after:inset-0 after:content-['']">${stakeholder.name}</a>`;
    return markup`<li class="${cn("flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-5", !readOnly && "relative hover:bg-surface-muted")}"><div class="min-w-0">${name}<p class="text-sm text-muted">${
      stakeholder.role ? `${stakeholder.role} · ` : ""
    }${DEPARTMENTS[stakeholder.department]}</p></div><div class="flex flex-wrap items-center gap-3 text-sm text-muted sm:justify-end"><span>${lastMetMarkup(stakeholder)}</span>${cadenceBadgeMarkup(stakeholder)}</div></li>`;
  });
  return <MarkupList links={!readOnly} className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Stakeholders" markup={markup`${rows}`} />;
}
