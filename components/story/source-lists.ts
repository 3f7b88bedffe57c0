// The pack's lists of sources (the quarter's gathered lines, weeks, touchpoints and notes: a few hundred
// lines) as markup strings, each list put on the page by one element, as the charts are (decision record
// 004: every React element costs server time, twice, and a Server Component's output past ~3 kB in one
// payload row is sent element by element, each its own row and a streamed segment of the HTML).
// Every interpolated value is escaped by `markup`.
import { markup, type Markup } from "@/components/charts/markup";
import { hours, percent, type DashboardModel } from "@/lib/dashboard/figures";
import { formatDateOnly, type DateOnly } from "@/lib/shared/dates";
import { VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";
import type { GatheredLine, StoryNote, StoryPack, StoryTouchpoint } from "@/lib/story/pack";

/** Where a line links to; null shows its words alone (a reader with no way into the app). */
export type HrefOf<T> = (item: T) => string | null;

const short = (day: DateOnly) => formatDateOnly(day, { day: "numeric", month: "short" });

/** A figure's or line's source: a link for a reader who may follow it (styled by its list), else the words. */
function source(href: string | null, text: string): Markup {
  return href === null ? markup`${text}` : markup`<a href="${href}">${text}</a>`;
}

/** A touchpoint as a line: its topic (linking to it, for the owner), day and stakeholder. */
function touchpointLine(touchpoint: StoryTouchpoint, href: string | null): Markup {
  const { topic, occurredOn, stakeholder } = touchpoint;
  return markup`${source(href, topic)}<span class="text-muted"> · ${short(occurredOn)}${stakeholder ? ` · ${stakeholder}` : ""}</span>`;
}

export function gatheredItems(lines: GatheredLine[], weekHref: HrefOf<DateOnly>): Markup {
  return markup`${lines.map(
    (line) => markup`<li><span class="text-muted">${line.section}: </span>${line.text} ${source(weekHref(line.weekStartsOn), `week of ${short(line.weekStartsOn)}`)}</li>`,
  )}`;
}

export function weekItems(points: DashboardModel["time"]["points"], weekHref: HrefOf<DateOnly>): Markup {
  return markup`${points.map(
    (point) =>
      markup`<li>${source(weekHref(point.bucket.key), point.bucket.longLabel)}${point.logged ? `: ${percent(point.share)} strategy, ${hours(point.total)} logged` : ": not logged"}${point.bucket.inProgress ? " (so far)" : ""}</li>`,
  )}`;
}

/** Each department met, its count, and its touchpoints folded under it. */
export function departmentItems(covered: NonNullable<StoryPack["relationships"]>["covered"], touchpointHref: HrefOf<StoryTouchpoint>): Markup {
  return markup`${covered.map(
    (department) =>
      markup`<li><details><summary class="cursor-pointer"><span class="font-medium">${department.label}</span>: <span class="tabular">${String(department.count)}</span></summary><ul class="mt-1 ml-5 list-disc space-y-0.5 break-words">${department.touchpoints.map(
        (t) => markup`<li>${touchpointLine(t, touchpointHref(t))}</li>`,
      )}</ul></details></li>`,
  )}`;
}

/** The touchpoints marked as notable, each with its business value. */
export function notableItems(notable: StoryTouchpoint[], touchpointHref: HrefOf<StoryTouchpoint>): Markup {
  return markup`${notable.map(
    (t) =>
      markup`<li class="break-words">${touchpointLine(t, touchpointHref(t))}${t.outcome ? markup`<p class="mt-0.5 whitespace-pre-line"><span class="font-medium">Business value: </span>${t.outcome}</p>` : ""}</li>`,
  )}`;
}

export function noteItems(notes: StoryNote[], noteHref: HrefOf<string>, withStatus: boolean): Markup {
  return markup`${notes.map(
    (note) =>
      markup`<li>${source(noteHref(note.id), note.title)}<span class="text-muted"> · ${short(note.on)}${withStatus ? ` · now ${VISION_NOTE_STATUSES[note.status].toLowerCase()}` : ""}</span></li>`,
  )}`;
}
