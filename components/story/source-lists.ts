// The pack's lists of sources (the quarter's gathered lines, weeks, touchpoints and notes: a few hundred
// lines) as markup strings, each put on the page by one element, as the charts are (decision records 004
// and 027): every React element costs server time, twice (HTML and payload), and past ~3 kB of one payload
// row React sends each further element as a row of its own, a streamed segment of the HTML. Every
// interpolated value is escaped by `markup`.
import { markup, type Markup } from "@/components/charts/markup";
import { hours, percent, type DashboardModel } from "@/lib/dashboard/figures";
import { formatDateOnly, type DateOnly } from "@/lib/shared/dates";
import { VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";
import type { Reader } from "@/lib/story/headline";
import type { GatheredLine, StoryNote, StoryPack, StoryTouchpoint } from "@/lib/story/pack";

// The lists of sources style their links once (a quarter lists a hundred touchpoints or more).
export const SOURCE_LINKS = "[&_a]:text-accent [&_a]:underline [&_a]:underline-offset-2";

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

/** Week by week: each week's strategy share and hours, linking to the week. */
export function weeksMarkup(points: DashboardModel["time"]["points"], weekHref: HrefOf<DateOnly>): Markup {
  return markup`<h3 class="mt-4 text-sm font-medium">Week by week</h3><ul class="mt-2 grid gap-x-6 gap-y-1 text-sm tabular sm:grid-cols-2 ${SOURCE_LINKS}">${points.map(
    (point) =>
      markup`<li>${source(weekHref(point.bucket.key), point.bucket.longLabel)}${point.logged ? `: ${percent(point.share)} strategy, ${hours(point.total)} logged` : ": not logged"}${point.bucket.inProgress ? " (so far)" : ""}</li>`,
  )}</ul>`;
}

/** Touchpoints by department (each department's folded under it), the departments not met, and the notable outcomes. */
export function relationshipsMarkup(relationships: NonNullable<StoryPack["relationships"]>, touchpointHref: HrefOf<StoryTouchpoint>, reader: Reader): Markup {
  const { covered, notCovered, notable } = relationships;
  const departments = covered.map(
    (department) =>
      markup`<li><details><summary class="cursor-pointer"><span class="font-medium">${department.label}</span>: <span class="tabular">${String(department.count)}</span></summary><ul class="mt-1 ml-5 list-disc space-y-0.5 break-words">${department.touchpoints.map(
        (t) => markup`<li>${touchpointLine(t, touchpointHref(t))}</li>`,
      )}</ul></details></li>`,
  );
  const outcomes = notable.map(
    (t) =>
      markup`<li class="break-words">${touchpointLine(t, touchpointHref(t))}${t.outcome ? markup`<p class="mt-0.5 whitespace-pre-line"><span class="font-medium">Business value: </span>${t.outcome}</p>` : ""}</li>`,
  );
  return markup`<div><h3 class="text-sm font-medium">Touchpoints by department</h3>${
    covered.length === 0
      ? markup`<p class="mt-1 text-sm text-muted">No touchpoints logged in this quarter.</p>`
      : markup`<ul class="mt-2 space-y-1 text-sm ${SOURCE_LINKS}">${departments}</ul>`
  }</div><p class="text-sm"><span class="font-medium">Not met this quarter: </span>${notCovered.length === 0 ? "every department." : notCovered.map((d) => d.label).join(", ")}</p><div><h3 class="text-sm font-medium">Notable outcomes</h3>${
    notable.length === 0
      ? markup`<p class="mt-1 text-sm text-muted">No touchpoint marked as notable this quarter.${reader === "owner" ? " Mark one when you log or edit it." : ""}</p>`
      : markup`<ul class="mt-2 space-y-3 text-sm ${SOURCE_LINKS}">${outcomes}</ul>`
  }</div>`;
}

/** The notes written, revisited and changed status in the quarter, side by side. */
export function visionMarkup(vision: NonNullable<StoryPack["vision"]>, noteHref: HrefOf<string>): Markup {
  return markup`${noteList("Written", vision.written, noteHref, false)}${noteList("Revisited", vision.revisited, noteHref, false)}${noteList("Changed status", vision.statusChanged, noteHref, true)}`;
}

function noteList(title: string, notes: StoryNote[], noteHref: HrefOf<string>, withStatus: boolean): Markup {
  const items = notes.map(
    (note) =>
      markup`<li>${source(noteHref(note.id), note.title)}<span class="text-muted"> · ${short(note.on)}${withStatus ? ` · now ${VISION_NOTE_STATUSES[note.status].toLowerCase()}` : ""}</span></li>`,
  );
  return markup`<div><h3 class="text-sm font-medium">${title}: <span class="tabular">${String(notes.length)}</span></h3>${
    notes.length === 0
      ? markup`<p class="mt-1 text-sm text-muted">None.</p>`
      : markup`<ul class="mt-1 space-y-0.5 text-sm break-words ${SOURCE_LINKS}">${items}</ul>`
  }</div>`;
}
