import type { Metadata } from "next";
import { FillDefs } from "@/components/charts/fill-defs";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { pageHref } from "@/lib/shared/pagination";
import { WeekList } from "@/components/weeks/week-list";
import { WeekStrip } from "@/components/weeks/week-strip";
import { WEEKDAYS } from "@/lib/shared/time-zones";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { requireViewer } from "@/lib/server/viewer";
import { listWeeks } from "@/lib/weeks";
import { weekListQuerySchema } from "@/lib/weeks.validation";

export const metadata: Metadata = { title: "All weeks" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WeeksPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { page } = weekListQuerySchema.parse(await searchParams);
  const list = await listWeeks(viewer, page);
  const logThisWeek = <LinkButton href="/weeks/current">Log this week</LinkButton>;
  const calendar = `Weeks start on ${WEEKDAYS[list.settings.weekStartsOn]}, ${formatTimeZone(list.settings.timeZone)} time.`;

  if (list.weeks.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title="All your weeks" description={calendar} />
        <EmptyState title="Your weeks show up here once you log one" action={logThisWeek}>
          Log how this week split between firefighting, strategy and other work. It takes two minutes; every week you log, and every week you
          miss, is listed here from then on.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title="All your weeks" description={`${calendar} Newest first; weeks you did not log show as gaps.`} action={logThisWeek} />
      <WeekStrip strip={list.strip} />
      <section aria-labelledby="weeks-title" className="space-y-4">
        <h2 id="weeks-title" className="text-lg font-semibold">
          Every week{list.pages > 1 ? `, page ${list.page} of ${list.pages}` : ""}
        </h2>
        <WeekList weeks={list.weeks} thisWeek={list.thisWeek} />
        <Pagination
          label="Pages of weeks"
          page={list.page}
          pages={list.pages}
          href={(page) => pageHref("/weeks", page)}
          previousLabel="Newer weeks"
          nextLabel="Older weeks"
        />
      </section>
      {/* Last: past ~3 kB of a payload row React streams each further element apart (decision record 037). */}
      <FillDefs />
    </div>
  );
}
