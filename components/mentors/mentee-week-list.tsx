import Link from "next/link";
import { percent, splitOf } from "@/lib/dashboard/figures";
import { formatDateOnly } from "@/lib/shared/dates";
import type { MenteeWeekSummary } from "@/lib/mentoring/mentor-access";
import { formatWeekRange } from "@/lib/shared/week-dates";

/** The mentee's logged weeks, newest first, with their strategy share and review state. */
export function MenteeWeekList({ menteeId, weeks }: { menteeId: string; weeks: MenteeWeekSummary[] }) {
  if (weeks.length === 0) {
    return <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">No weeks logged yet.</p>;
  }
  return (
    <ul className="divide-y divide-border" aria-label="Weeks">
      {weeks.map((week) => {
        const split = splitOf({ firefighting: week.firefightingMinutes, strategy: week.strategyMinutes, other: week.otherMinutes });
        return (
          <li key={week.startsOn} className="relative flex flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3 hover:bg-surface-muted">
            <div className="min-w-0">
              <Link
                href={`/mentees/${encodeURIComponent(menteeId)}/weeks/${week.startsOn}`}
                className="font-medium after:absolute after:inset-0 after:content-['']"
              >
                Week of {formatDateOnly(week.startsOn, { day: "numeric", month: "short", year: "numeric" })}
              </Link>
              <p className="text-sm text-muted">{formatWeekRange(week.startsOn)}</p>
            </div>
            <p className="tabular text-sm text-muted">
              Strategy {percent(split.share)} of {Number(split.total.toFixed(2))} h
              {week.comments > 0 ? ` · ${week.comments} ${week.comments === 1 ? "comment" : "comments"}` : ""}
              {" · "}
              <span className={week.reviewedAt ? "text-success" : "font-medium text-text"}>{week.reviewedAt ? "Reviewed" : "Not reviewed"}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
