import Link from "next/link";
import type { ReactNode } from "react";
import { LinkButton } from "@/components/ui/button";
import { percent, type DashboardModel } from "@/lib/dashboard/figures";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";

/** One goal: its name, where it stands in words (the children), and a bar towards the target. */
function GoalRow({ label, value, target, children }: { label: string; value: number; target: number; children: ReactNode }) {
  const width = target <= 0 ? 100 : Math.min(100, (value / target) * 100);
  return (
    <li>
      <p className="text-sm font-medium">{label}</p>
      <p className="tabular text-sm text-muted">{children}</p>
      <div className="mt-2 h-2 rounded-full bg-surface-muted" aria-hidden="true">
        <div className="h-2 rounded-full bg-accent" style={{ width: `${width}%` }} />
      </div>
    </li>
  );
}

const words = (list: string[]) => (list.length <= 1 ? list.join("") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`);

/** Progress against each goal the leader set, and the under-target flag. */
export function GoalProgress({ model }: { model: DashboardModel }) {
  const { strategyShare, touchpoints, departments } = model.goals;
  const share = model.headline.last4.share;
  if (!strategyShare && !touchpoints && !departments) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted">Set a target strategy share, touchpoints a week and the departments to meet each month, and see your progress here.</p>
        <LinkButton href="/dashboard/goals" variant="secondary">
          Set goals
        </LinkButton>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      {strategyShare?.flagged ? (
        <p role="status" className="rounded-md border border-warning bg-warning-soft px-4 py-3 text-sm text-warning">
          Your strategy share has been under your {percent(strategyShare.target)} goal for {strategyShare.underTargetRun} logged weeks in a row. Which
          firefight could someone else own next week?
        </p>
      ) : null}
      <ul className="grid gap-5 md:grid-cols-3">
        {strategyShare ? (
          <GoalRow label="Strategy share" value={share ?? 0} target={strategyShare.target}>
            {percent(share)} over the last 4 weeks · goal {percent(strategyShare.target)}
          </GoalRow>
        ) : null}
        {touchpoints ? (
          <GoalRow label="Touchpoints a week" value={touchpoints.thisWeek} target={touchpoints.target}>
            {touchpoints.thisWeek} this week · {Number(touchpoints.averagePerWeek.toFixed(1))} a week over the last 4 weeks · goal {touchpoints.target}
          </GoalRow>
        ) : null}
        {departments ? (
          <GoalRow label="Departments this month" value={departments.covered.length} target={departments.target.length}>
            {departments.covered.length} of {departments.target.length} met
            {departments.missing.length > 0 ? ` · still to meet: ${words(departments.missing.map((d) => DEPARTMENTS[d]))}` : " · all covered"}
          </GoalRow>
        ) : null}
      </ul>
      <Link href="/dashboard/goals" className="inline-block text-sm font-medium text-accent underline">
        Edit goals
      </Link>
    </div>
  );
}
