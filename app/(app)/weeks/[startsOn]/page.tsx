import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { addTouchpointAction, deleteTouchpointAction, restoreTouchpointAction } from "@/app/(app)/touchpoints/actions";
import { ReviewSection } from "@/app/(app)/reviews/review-section";
import { TouchpointList } from "@/components/touchpoints/touchpoint-list";
import { TouchpointQuickAdd } from "@/components/touchpoints/touchpoint-quick-add";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { WeekEditor } from "@/components/weeks/week-editor";
import { LastWeekNudge } from "@/components/weeks/last-week-nudge";
import { WeekNav } from "@/components/weeks/week-nav";
import { formatDateOnly, isDateOnly, todayIn } from "@/lib/shared/dates";
import { listStakeholderOptions } from "@/lib/stakeholders";
import { listTouchpointsBetween } from "@/lib/touchpoints";
import { requireViewer } from "@/lib/server/viewer";
import { formatTimeZone, formatWeekRange, nextWeekStart, previousWeekStart, weekEndOf, weekTitle } from "@/lib/shared/week-dates";
import { emptyWeek, getWeek, lastWeekToLog, placeWeek } from "@/lib/weeks";
import { saveWeekAction } from "../actions";

type Props = { params: Promise<{ startsOn: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { startsOn } = await params;
  return { title: isDateOnly(startsOn) ? `Week of ${formatDateOnly(startsOn, { day: "numeric", month: "short", year: "numeric" })}` : "Week" };
}

export default async function WeekPage({ params }: Props) {
  const { startsOn: requested } = await params;
  if (!isDateOnly(requested)) notFound();
  const viewer = await requireViewer();
  // Any day opens the week that contains it, so links and typed URLs always land on a week,
  // and a week saved under an earlier first day of the week opens as it was logged.
  const place = await placeWeek(viewer, requested);
  if (place.startsOn !== requested) redirect(`/weeks/${place.startsOn}`);

  const { settings, startsOn, currentStart, loggable } = place;
  const lastDay = weekEndOf(startsOn);
  const today = todayIn(settings.timeZone);
  const isThisWeek = startsOn === currentStart;
  const [week, touchpoints, stakeholders, lastWeek] = await Promise.all([
    getWeek(viewer, startsOn),
    listTouchpointsBetween(viewer, startsOn, nextWeekStart(startsOn)),
    loggable ? listStakeholderOptions(viewer) : Promise.resolve([]),
    // Only this week's page says that last week is not logged.
    isThisWeek ? lastWeekToLog(viewer, settings) : Promise.resolve(null),
  ]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={weekTitle(startsOn, currentStart)}
        description={
          <>
            <span data-testid="week-range">
              {formatWeekRange(startsOn)} · {formatTimeZone(settings.timeZone)}
            </span>
            {isThisWeek ? (
              <span className="ml-2 inline-block rounded-full bg-accent-soft px-2 py-0.5 align-middle text-xs font-medium text-text">Current week</span>
            ) : null}
          </>
        }
        action={<WeekNav place={place} allWeeksHref="/weeks" />}
      />
      {lastWeek ? <LastWeekNudge startsOn={lastWeek} /> : null}

      {loggable ? (
        <Card>
          <WeekEditor
            key={startsOn}
            action={saveWeekAction}
            week={week ?? emptyWeek(startsOn)}
            timeZone={settings.timeZone}
            focusFirstField={isThisWeek}
          />
        </Card>
      ) : (
        <EmptyState title="This week is still ahead" action={<LinkButton href={`/weeks/${currentStart}`}>Log this week instead</LinkButton>}>
          You can log it from {formatDateOnly(previousWeekStart(startsOn))}, once it is next week.
        </EmptyState>
      )}

      <Card
        className="space-y-4"
        title="Touchpoints this week"
        description={`Conversations with people outside engineering between ${formatDateOnly(startsOn)} and ${formatDateOnly(lastDay)}.`}
      >
        <TouchpointList
          touchpoints={touchpoints}
          deleteAction={deleteTouchpointAction}
          restoreAction={restoreTouchpointAction}
          emptyMessage={loggable ? undefined : "No touchpoints in this week yet."}
        />
        {loggable ? (
          <TouchpointQuickAdd
            action={addTouchpointAction}
            stakeholders={stakeholders}
            defaultDate={today >= startsOn && today <= lastDay ? today : startsOn}
            minDate={startsOn}
            maxDate={lastDay}
          />
        ) : null}
      </Card>
      {week ? <ReviewSection menteeId={viewer.userId} weekStartsOn={startsOn} /> : null}
    </div>
  );
}
