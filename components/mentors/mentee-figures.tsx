import { hours, percent, type DashboardModel } from "@/lib/dashboard-model";
import type { Share } from "@/lib/mentorship-model";

function Figure({ label, value, detail }: { label: string; value: string | number; detail: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="tabular mt-1 text-2xl font-semibold">{value}</dd>
      <dd className="mt-1 text-sm text-muted">{detail}</dd>
    </div>
  );
}

/** The leader's headline figures as their mentor sees them: only what is shared. */
export function MenteeFigures({ model, share }: { model: DashboardModel; share: Share }) {
  const { headline } = model;
  const goal = model.goals.strategyShare?.target ?? null;
  const goalText = goal === null ? "No goal set" : `Goal ${percent(goal)}`;
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" className="sr-only">
        At a glance
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Figure
          label="Strategy share this week"
          value={percent(headline.thisWeek.share)}
          detail={headline.thisWeek.logged ? `${hours(headline.thisWeek.strategy)} of ${hours(headline.thisWeek.total)} so far` : "Not logged yet"}
        />
        <Figure label="Strategy share, last 4 weeks" value={percent(headline.last4.share)} detail={`${goalText} · ${headline.last4.loggedWeeks} logged`} />
        <Figure label="Strategy share, last 12 weeks" value={percent(headline.last12.share)} detail={`${goalText} · ${headline.last12.loggedWeeks} logged`} />
        <Figure label="Logging streak" value={`${headline.streakWeeks} ${headline.streakWeeks === 1 ? "week" : "weeks"}`} detail="Logged weeks in a row" />
        {share.stakeholders ? (
          <>
            <Figure label="Touchpoints this month" value={headline.touchpointsThisMonth} detail="With people outside engineering" />
            <Figure label="Overdue stakeholders" value={headline.overdueStakeholders} detail="Past their cadence" />
          </>
        ) : null}
        {share.notes ? <Figure label="Vision notes to revisit" value={headline.notesDueForRevisit} detail="Revisit date reached" /> : null}
      </dl>
    </section>
  );
}
