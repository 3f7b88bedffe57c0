import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { MenteeTouchpoints } from "@/components/mentors/mentee-touchpoints";
import { MenteeWeekView } from "@/components/mentors/mentee-week-view";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { ReviewSection } from "@/app/(app)/reviews/review-section";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { WeekNav } from "@/components/weeks/week-nav";
import { isDateOnly, zonedDateTimeFormat } from "@/lib/shared/dates";
import { getMenteeWeek, menteeName } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { getCalendarSettings } from "@/lib/users";
import { accessEndedOrNotFound } from "../../../access-ended";
import { formatTimeZone, formatWeekRange, weekTitle } from "@/lib/shared/week-dates";
import { markWeekReviewedAction } from "../../../actions";

export const metadata: Metadata = { title: "Mentee's week" };

type Props = { params: Promise<{ menteeId: string; startsOn: string }> };

/** One of the mentee's weeks, read-only, with the review thread and "mark reviewed". */
export default async function MenteeWeekPage({ params }: Props) {
  const { menteeId, startsOn } = await params;
  if (!isDateOnly(startsOn)) notFound();
  const viewer = await requireViewer();
  const [data, { timeZone }] = await Promise.all([getMenteeWeek(viewer, menteeId, startsOn), getCalendarSettings(viewer)]);
  if (!data) return accessEndedOrNotFound(viewer, menteeId);
  const { access, place, week, touchpoints, reviewedAt } = data;
  // Any day opens the week that contains it, in the mentee's own calendar and as they logged it.
  const base = `/mentees/${encodeURIComponent(menteeId)}`;
  if (place.startsOn !== startsOn) redirect(`${base}/weeks/${place.startsOn}`);
  const name = menteeName(access);
  // The review is the mentor's own act: on their calendar, as the thread's times below it.
  const reviewedText = reviewedAt
    ? `You marked it reviewed on ${zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric" }).format(reviewedAt)}.`
    : "Not reviewed yet.";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={base} className="text-accent underline-offset-2 hover:underline">
          ← {name}
        </Link>
      </p>
      <PageHeader
        title={`${name} · ${weekTitle(startsOn, place.currentStart)}`}
        description={`${formatWeekRange(startsOn)} · ${formatTimeZone(place.settings.timeZone)}`}
        action={<WeekNav place={place} basePath={`${base}/weeks`} />}
      />
      {week ? (
        <>
          <Card>
            <MenteeWeekView week={week} showReflections={access.share.reflections} />
          </Card>
          <div className="flex flex-wrap items-center gap-3">
            <RowActionButton
              action={markWeekReviewedAction.bind(null, menteeId, startsOn)}
              label={reviewedAt ? "Mark reviewed again" : "Mark reviewed"}
              pendingLabel="Saving…"
              variant={reviewedAt ? "secondary" : "primary"}
            />
            <p className="text-sm text-muted">{reviewedText}</p>
          </div>
        </>
      ) : (
        <p className="rounded-md border border-dashed border-border-strong px-4 py-6 text-center text-muted">{name} has not logged this week.</p>
      )}
      {touchpoints ? (
        <Card title="Touchpoints this week">
          <MenteeTouchpoints touchpoints={touchpoints} emptyMessage="No touchpoints in this week." />
        </Card>
      ) : null}
      {week ? <ReviewSection menteeId={menteeId} weekStartsOn={startsOn} /> : null}
    </div>
  );
}
