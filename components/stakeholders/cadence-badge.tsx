import type { StakeholderSummary } from "@/lib/stakeholders";
import { formatDateOnly } from "@/lib/shared/dates";

function daysAgo(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 0) return days === -1 ? "tomorrow" : `in ${-days} days`;
  return `${days} days ago`;
}

/** "Last met 3 Nov 2026, 21 days ago" (without "Last met" under a heading that says it) or "Never met". */
export function LastMet({ stakeholder, prefix = true }: { stakeholder: Pick<StakeholderSummary, "lastMetOn" | "daysSinceLastMet">; prefix?: boolean }) {
  if (stakeholder.lastMetOn === null || stakeholder.daysSinceLastMet === null) return <span>Never met</span>;
  return (
    <span>
      {prefix ? "Last met " : null}
      <time dateTime={stakeholder.lastMetOn}>{formatDateOnly(stakeholder.lastMetOn, { day: "numeric", month: "short", year: "numeric" })}</time>
      <span className="tabular">, {daysAgo(stakeholder.daysSinceLastMet)}</span>
    </span>
  );
}

/** The overdue mark: colour and words, never colour alone. */
export function CadenceBadge({ stakeholder }: { stakeholder: Pick<StakeholderSummary, "cadenceDays" | "overdue" | "dueOn" | "daysPastDue" | "lastMetOn"> }) {
  if (stakeholder.cadenceDays === null || stakeholder.dueOn === null) return null;
  if (stakeholder.overdue && stakeholder.daysPastDue !== null) {
    const late = stakeholder.daysPastDue;
    return (
      <span data-testid="overdue" className="inline-flex items-center gap-1 rounded-full bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
        <span aria-hidden="true">●</span>
        {stakeholder.lastMetOn === null ? "Overdue: not met yet" : `Overdue by ${late} ${late === 1 ? "day" : "days"}`}
      </span>
    );
  }
  return (
    <span data-testid="due" className="inline-flex items-center rounded-full bg-surface-muted px-2 py-0.5 text-xs text-muted">
      Next by {formatDateOnly(stakeholder.dueOn, { day: "numeric", month: "short" })}
    </span>
  );
}
