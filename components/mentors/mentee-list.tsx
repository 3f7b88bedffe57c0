import Link from "next/link";
import { formatDateOnly } from "@/lib/shared/dates";
import type { MenteeSummary } from "@/lib/mentoring/mentor-access";
import { sharingSummary } from "@/lib/mentoring/mentorship-model";

/** Everyone who shares with the mentor: latest logged week and what waits for a review. */
export function MenteeList({ mentees }: { mentees: MenteeSummary[] }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Mentees">
      {mentees.map((mentee) => (
        <li key={mentee.mentorshipId} className="relative flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 hover:bg-surface-muted sm:px-5">
          <div className="min-w-0">
            <Link href={`/mentees/${encodeURIComponent(mentee.menteeId)}`} className="font-medium break-words after:absolute after:inset-0 after:content-['']">
              {mentee.name}
            </Link>
            <p className="text-sm text-muted">Shares: {sharingSummary(mentee.share).toLowerCase()}</p>
          </div>
          <div className="text-sm sm:text-right">
            <p className="text-muted">
              {mentee.latestWeek
                ? `Latest week logged: ${formatDateOnly(mentee.latestWeek, { day: "numeric", month: "short", year: "numeric" })}`
                : "No week logged yet"}
            </p>
            <p className={mentee.unreviewedWeeks > 0 ? "font-medium" : "text-muted"}>
              <span className="tabular">{mentee.unreviewedWeeks}</span> {mentee.unreviewedWeeks === 1 ? "week" : "weeks"} to review
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
