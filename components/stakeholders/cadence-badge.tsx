import { markup, type Markup } from "@/components/charts/markup";
import { MarkupList } from "@/components/ui/markup-list";
import type { StakeholderSummary } from "@/lib/stakeholders";
import { formatDateOnly } from "@/lib/shared/dates";

function daysAgo(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 0) return days === -1 ? "tomorrow" : `in ${-days} days`;
  return `${days} days ago`;
}

type Met = Pick<StakeholderSummary, "lastMetOn" | "daysSinceLastMet">;

/** What `LastMet` shows, as markup, for the lists built as one string (decision record 037). */
export function lastMetMarkup(stakeholder: Met, prefix = true): Markup {
  if (stakeholder.lastMetOn === null || stakeholder.daysSinceLastMet === null) return markup`Never met`;
  const on = formatDateOnly(stakeholder.lastMetOn, { day: "numeric", month: "short", year: "numeric" });
  return markup`${prefix ? "Last met " : ""}<time datetime="${stakeholder.lastMetOn}">${on}</time><span class="tabular">, ${daysAgo(stakeholder.daysSinceLastMet)}</span>`;
}

/** "Last met 3 Nov 2026, 21 days ago" (without "Last met" under a heading that says it) or "Never met". */
export function LastMet({ stakeholder, prefix = true }: { stakeholder: Met; prefix?: boolean }) {
  return <MarkupList as="span" markup={lastMetMarkup(stakeholder, prefix)} />;
}

type Cadence = Pick<StakeholderSummary, "cadenceDays" | "overdue" | "dueOn" | "daysPastDue" | "lastMetOn">;

const OVERDUE = "inline-flex items-center gap-1 rounded-full bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning";
const DUE = "inline-flex items-center rounded-full bg-surface-muted px-2 py-0.5 text-xs text-muted";

/** What `CadenceBadge` shows, as markup: nothing without a cadence. */
export function cadenceBadgeMarkup(stakeholder: Cadence): Markup {
  if (stakeholder.cadenceDays === null || stakeholder.dueOn === null) return markup``;
  if (stakeholder.overdue && stakeholder.daysPastDue !== null) {
    const late = stakeholder.daysPastDue;
    const text = stakeholder.lastMetOn === null ? "Overdue: not met yet" : `Overdue by ${late} ${late === 1 ? "day" : "days"}`;
    return markup`<span data-testid="overdue" class="${OVERDUE}"><span aria-hidden="true">●</span>${text}</span>`;
  }
  return markup`<span data-testid="due" class="${DUE}">Next by ${formatDateOnly(stakeholder.dueOn, { day: "numeric", month: "short" })}</span>`;
}

/** The overdue mark: colour and words, never colour alone. */
export function CadenceBadge({ stakeholder }: { stakeholder: Cadence }) {
  const badge = cadenceBadgeMarkup(stakeholder);
  return badge.html === "" ? null : <MarkupList as="span" markup={badge} />;
}
