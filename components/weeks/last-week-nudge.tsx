import Link from "next/link";
import type { DateOnly } from "@/lib/shared/dates";
import { formatWeekRange } from "@/lib/shared/week-dates";

/** A quiet line when last week is not logged (lib/shared/week-dates.ts `unloggedLastWeek` decides when), with the way to log it. */
export function LastWeekNudge({ startsOn }: { startsOn: DateOnly }) {
  return (
    <p className="rounded-md border border-border bg-surface px-4 py-3 text-sm" data-testid="last-week-nudge">
      Last week ({formatWeekRange(startsOn)}) is not logged.{" "}
      <Link href={`/weeks/${startsOn}`} className="font-medium text-accent underline">
        Log last week
      </Link>
    </p>
  );
}
