import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { hours, percent, type DashboardModel } from "@/lib/dashboard-model";

function Figure({ label, value, detail, tone = "neutral" }: { label: string; value: ReactNode; detail: ReactNode; tone?: "neutral" | "good" | "warning" }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={cn("tabular mt-1 text-2xl font-semibold", tone === "warning" && "text-warning", tone === "good" && "text-success")}>{value}</dd>
      <dd className="mt-1 text-sm text-muted">{detail}</dd>
    </div>
  );
}

function againstGoal(share: number | null, goal: number | null): { detail: string; tone: "neutral" | "good" | "warning" } {
  if (goal === null || share === null) return { detail: goal === null ? "No goal set" : `Goal ${percent(goal)}`, tone: "neutral" };
  return share >= goal ? { detail: `At or above your ${percent(goal)} goal`, tone: "good" } : { detail: `Below your ${percent(goal)} goal`, tone: "warning" };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The figures a leader checks first, each with what it is measured against. */
export function HeadlineFigures({ model }: { model: DashboardModel }) {
  const { headline } = model;
  const goal = model.goals.strategyShare?.target ?? null;
  const last4 = againstGoal(headline.last4.share, goal);
  const last12 = againstGoal(headline.last12.share, goal);
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="sr-only">
        At a glance
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Figure
          label="Strategy share this week"
          value={percent(headline.thisWeek.share)}
          detail={
            headline.thisWeek.logged ? (
              `${hours(headline.thisWeek.strategy)} of ${hours(headline.thisWeek.total)} so far`
            ) : (
              <Link href="/weeks/current" className="text-accent underline">
                Not logged yet: log this week
              </Link>
            )
          }
        />
        <Figure
          label="Strategy share, last 4 weeks"
          value={percent(headline.last4.share)}
          detail={`${last4.detail} · ${plural(headline.last4.loggedWeeks, "week")} logged`}
          tone={last4.tone}
        />
        <Figure
          label="Strategy share, last 12 weeks"
          value={percent(headline.last12.share)}
          detail={`${last12.detail} · ${plural(headline.last12.loggedWeeks, "week")} logged`}
          tone={last12.tone}
        />
        <Figure label="Logging streak" value={plural(headline.streakWeeks, "week")} detail="Logged weeks in a row, up to this one" />
        <Figure label="Touchpoints this month" value={headline.touchpointsThisMonth} detail="With people outside engineering" />
        <Figure
          label="Overdue stakeholders"
          value={headline.overdueStakeholders}
          detail={
            <Link href="/stakeholders?overdue=1" className="text-accent underline">
              Past their cadence
            </Link>
          }
          tone={headline.overdueStakeholders > 0 ? "warning" : "neutral"}
        />
        <Figure
          label="Vision notes to revisit"
          value={headline.notesDueForRevisit}
          detail={
            <Link href="/notes" className="text-accent underline">
              Revisit date reached
            </Link>
          }
          tone={headline.notesDueForRevisit > 0 ? "warning" : "neutral"}
        />
      </dl>
    </section>
  );
}
