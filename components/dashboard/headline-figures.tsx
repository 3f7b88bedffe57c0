import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { hours, percent, type DashboardModel } from "@/lib/dashboard/figures";
import type { Share } from "@/lib/mentoring/mentorship-model";

function Figure({ label, value, detail, tone = "neutral" }: { label: string; value: ReactNode; detail: ReactNode; tone?: "neutral" | "good" | "warning" }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={cn("tabular mt-1 text-2xl font-semibold", tone === "warning" && "text-warning", tone === "good" && "text-success")}>{value}</dd>
      <dd className="mt-1 text-sm text-muted">{detail}</dd>
    </div>
  );
}

function againstGoal(value: number | null, goal: number | null, whose: string): { detail: string; tone: "neutral" | "good" | "warning" } {
  if (goal === null || value === null) return { detail: goal === null ? "No goal set" : `Goal ${percent(goal)}`, tone: "neutral" };
  return value >= goal ? { detail: `At or above ${whose} ${percent(goal)} goal`, tone: "good" } : { detail: `Below ${whose} ${percent(goal)} goal`, tone: "warning" };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The figures a leader checks first, each with what it is measured against.
 * With `share`, a mentor's view of them: only the figures the leader shares,
 * and no links, as those would open the mentor's own pages.
 */
export function HeadlineFigures({ model, share }: { model: DashboardModel; share?: Share }) {
  const { headline } = model;
  const goal = model.goals.strategyShare?.target ?? null;
  const whose = share ? "their" : "your";
  const last4 = againstGoal(headline.last4.share, goal, whose);
  const last12 = againstGoal(headline.last12.share, goal, whose);
  const linkTo = (href: string, text: string) =>
    share ? (
      text
    ) : (
      <Link href={href} className="text-accent underline">
        {text}
      </Link>
    );
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
            headline.thisWeek.logged
              ? `${hours(headline.thisWeek.strategy)} of ${hours(headline.thisWeek.total)} so far`
              : share
                ? "Not logged yet"
                : linkTo("/weeks/current", "Not logged yet: log this week")
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
        <Figure
          label="Logging streak"
          value={plural(headline.streakWeeks, "week")}
          detail={
            <>
              Logged weeks in a row, up to this one{share ? null : <> · {linkTo("/weeks", "All your weeks")}</>}
            </>
          }
        />
        {!share || share.stakeholders ? (
          <>
            <Figure label="Touchpoints this month" value={headline.touchpointsThisMonth} detail="With people outside engineering" />
            <Figure
              label="Overdue stakeholders"
              value={headline.overdueStakeholders}
              detail={linkTo("/stakeholders?overdue=1", "Past their cadence")}
              tone={headline.overdueStakeholders > 0 ? "warning" : "neutral"}
            />
          </>
        ) : null}
        {!share || share.notes ? (
          <Figure
            label="Vision notes to revisit"
            value={headline.notesDueForRevisit}
            detail={linkTo("/notes", "Revisit date reached")}
            tone={headline.notesDueForRevisit > 0 ? "warning" : "neutral"}
          />
        ) : null}
      </dl>
    </section>
  );
}
