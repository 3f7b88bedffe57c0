import { markup, type Markup } from "@/components/charts/markup";
import { buttonClasses } from "@/components/ui/button-classes";
import { MarkupList } from "@/components/ui/markup-list";
import { splitBarMarkup } from "@/components/weeks/split-bar";
import { hours, percent, splitOf } from "@/lib/dashboard/figures";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { DateOnly } from "@/lib/shared/dates";
import { formatWeekRange, weekTitle } from "@/lib/shared/week-dates";
import type { ListedWeek, WeekSummary } from "@/lib/weeks";

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

function loggedWeek(summary: WeekSummary): Markup {
  const minutes = { firefighting: summary.firefightingMinutes, strategy: summary.strategyMinutes, other: summary.otherMinutes };
  const split = splitOf(minutes);
  const ratings = HABITS.filter((habit) => summary[habit.ratingField] !== null).map((habit) => `${habit.shortName} ${summary[habit.ratingField]}`);
  return markup`<div class="space-y-1 text-sm"><div class="flex flex-wrap items-center gap-x-3 gap-y-1">${splitBarMarkup(minutes)}<p class="tabular"><span class="font-medium">Strategy ${percent(split.share)}</span><span class="text-muted"> · firefighting ${hours(split.firefighting)}, strategy ${hours(split.strategy)}, other ${hours(split.other)}</span></p></div><p class="tabular text-muted">${ratings.length > 0 ? `Self-ratings (of 5): ${ratings.join(", ")}` : "No self-ratings"} · ${summary.reviewed ? markup`<span class="text-success">Reviewed by a mentor</span>` : "Not reviewed"} · ${plural(summary.comments, "comment")}</p></div>`;
}

function weekItem({ startsOn, summary }: ListedWeek, thisWeek: DateOnly): Markup {
  const href = `/weeks/${startsOn}`;
  const range = formatWeekRange(startsOn);
  const notLogged = summary
    ? ""
    : markup`<div class="flex items-center gap-3"><p class="text-sm font-medium">${startsOn === thisWeek ? "Not logged yet" : "Not logged"}</p><a href="${href}" class="${buttonClasses("secondary")}">Log it<span class="sr-only">: ${range}</span></a></div>`;
  return markup`<li class="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 px-4 py-3" data-week="${startsOn}"><div class="min-w-0 space-y-1"><p><a href="${href}" class="font-medium underline-offset-2 hover:underline">${weekTitle(startsOn, thisWeek)}</a><span class="block text-sm text-muted">${range}</span></p>${summary ? loggedWeek(summary) : ""}</div>${notLogged}</li>`;
}

/**
 * The weeks of one page, newest first: each logged week with its split, ratings
 * and review, each week not logged with a link to log it. One markup string
 * (decision record 037): a page of twenty weeks was ~600 React elements.
 */
export function WeekList({ weeks, thisWeek }: { weeks: ListedWeek[]; thisWeek: DateOnly }) {
  return (
    <MarkupList
      as="ol"
      links
      className="divide-y divide-border rounded-lg border border-border bg-surface"
      aria-label="Your weeks, newest first"
      markup={markup`${weeks.map((week) => weekItem(week, thisWeek))}`}
    />
  );
}
