import { LinkButton } from "@/components/ui/button";
import { nextWeekStart, previousWeekStart } from "@/lib/week-dates";
import type { DateOnly } from "@/lib/dates";

/** Previous and next week, and a way back to the current one from anywhere else. */
export function WeekNav({ startsOn, currentStart }: { startsOn: DateOnly; currentStart: DateOnly }) {
  return (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
      <LinkButton variant="secondary" href={`/weeks/${previousWeekStart(startsOn)}`} rel="prev">
        <span aria-hidden="true">←</span> Previous week
      </LinkButton>
      {startsOn === currentStart ? null : (
        <LinkButton variant="ghost" href={`/weeks/${currentStart}`}>
          This week
        </LinkButton>
      )}
      <LinkButton variant="secondary" href={`/weeks/${nextWeekStart(startsOn)}`} rel="next">
        Next week <span aria-hidden="true">→</span>
      </LinkButton>
    </nav>
  );
}
