import { markup } from "@/components/charts/markup";
import { MarkupList } from "@/components/ui/markup-list";
import { percent, splitOf } from "@/lib/dashboard/figures";
import { formatDateOnly } from "@/lib/shared/dates";
import type { MenteeWeekSummary } from "@/lib/mentoring/mentor-access";
import { formatWeekRange } from "@/lib/shared/week-dates";

/**
 * The mentee's logged weeks, newest first, with their strategy share and review state.
 * One markup string (decision record 037): five years are 260 rows.
 */
export function MenteeWeekList({ menteeId, weeks }: { menteeId: string; weeks: MenteeWeekSummary[] }) {
  if (weeks.length === 0) {
    return <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted">No weeks logged yet.</p>;
  }
  const weeksPath = `/mentees/${encodeURIComponent(menteeId)}/weeks`;
  const rows = weeks.map((week) => {
    const split = splitOf({ firefighting: week.firefightingMinutes, strategy: week.strategyMinutes, other: week.otherMinutes });
    const comments = week.comments > 0 ? ` · ${week.comments} ${week.comments === 1 ? "comment" : "comments"}` : "";
    const review = week.reviewedAt ? markup`<span class="text-success">Reviewed</span>` : markup`<span class="font-medium text-text">Not reviewed</span>`;
    return markup`<li class="relative flex flex-wrap items-center justify-between gap-x-6 gap-y-1 py-3 hover:bg-surface-muted"><div class="min-w-0"><a href="${weeksPath}/${week.startsOn}" class="font-medium after:absolute after:inset-0 after:content-['']">Week of ${formatDateOnly(
      week.startsOn,
      { day: "numeric", month: "short", year: "numeric" },
    )}</a><p class="text-sm text-muted">${formatWeekRange(week.startsOn)}</p></div><p class="tabular text-sm text-muted">Strategy ${percent(split.share)} of ${String(Number(split.total.toFixed(2)))} h${comments} · ${review}</p></li>`;
  });
  return <MarkupList links className="divide-y divide-border" aria-label="Weeks" markup={markup`${rows}`} />;
}
