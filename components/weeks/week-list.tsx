import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { SplitBar } from "@/components/weeks/split-bar";
import { hours, percent, splitOf } from "@/lib/dashboard/figures";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { DateOnly } from "@/lib/shared/dates";
import { formatWeekRange, weekTitle } from "@/lib/shared/week-dates";
import type { ListedWeek, WeekSummary } from "@/lib/weeks";

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

function LoggedWeek({ summary }: { summary: WeekSummary }) {
  const minutes = { firefighting: summary.firefightingMinutes, strategy: summary.strategyMinutes, other: summary.otherMinutes };
  const split = splitOf(minutes);
  const ratings = HABITS.filter((habit) => summary[habit.ratingField] !== null).map((habit) => `${habit.shortName} ${summary[habit.ratingField]}`);
  return (
    <div className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <SplitBar minutes={minutes} />
        <p className="tabular">
          <span className="font-medium">Strategy {percent(split.share)}</span>
          <span className="text-muted">
            {" "}
            · firefighting {hours(split.firefighting)}, strategy {hours(split.strategy)}, other {hours(split.other)}
          </span>
        </p>
      </div>
      <p className="tabular text-muted">
        {ratings.length > 0 ? `Self-ratings (of 5): ${ratings.join(", ")}` : "No self-ratings"}
        {" · "}
        {summary.reviewed ? <span className="text-success">Reviewed by a mentor</span> : "Not reviewed"}
        {" · "}
        {plural(summary.comments, "comment")}
      </p>
    </div>
  );
}

/**
 * The weeks of one page, newest first: each logged week with its split, ratings
 * and review, each week not logged with a link to log it.
 */
export function WeekList({ weeks, thisWeek }: { weeks: ListedWeek[]; thisWeek: DateOnly }) {
  return (
    <ol className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Your weeks, newest first">
      {weeks.map(({ startsOn, summary }) => (
        <li key={startsOn} className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 px-4 py-3" data-week={startsOn}>
          <div className="min-w-0 space-y-1">
            <p>
              <Link href={`/weeks/${startsOn}`} className="font-medium underline-offset-2 hover:underline">
                {weekTitle(startsOn, thisWeek)}
              </Link>
              <span className="block text-sm text-muted">{formatWeekRange(startsOn)}</span>
            </p>
            {summary ? <LoggedWeek summary={summary} /> : null}
          </div>
          {summary ? null : (
            <div className="flex items-center gap-3">
              <p className="text-sm font-medium">{startsOn === thisWeek ? "Not logged yet" : "Not logged"}</p>
              <LinkButton href={`/weeks/${startsOn}`} variant="secondary">
                Log it<span className="sr-only">: {formatWeekRange(startsOn)}</span>
              </LinkButton>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
