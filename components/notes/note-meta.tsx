import { markup, type Markup } from "@/components/charts/markup";
import { cn } from "@/components/ui/cn";
import { MarkupList } from "@/components/ui/markup-list";
import { formatDateOnly } from "@/lib/shared/dates";
import type { VisionNoteSummary } from "@/lib/vision-notes";
import { HORIZONS, VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";

const chip = "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium";
const META = "flex flex-wrap items-center gap-2 text-sm";

type MetaNote = Pick<VisionNoteSummary, "horizon" | "status" | "tags" | "revisitOn" | "dueForRevisit">;

function revisit(note: MetaNote): Markup | string {
  if (note.dueForRevisit) {
    const since = note.revisitOn ? ` since ${formatDateOnly(note.revisitOn, { day: "numeric", month: "short", year: "numeric" })}` : "";
    return markup`<span class="${cn(chip, "border-warning bg-warning-soft text-warning")}">Due for a revisit${since}</span>`;
  }
  return note.revisitOn ? markup`<span class="text-xs text-muted">Revisit on ${formatDateOnly(note.revisitOn)}</span>` : "";
}

function tags(note: MetaNote, linkTags: boolean): Markup | string {
  if (note.tags.length === 0) return "";
  const items = note.tags.map((tag) =>
    linkTags
      ? markup`<li><a href="/notes?tag=${encodeURIComponent(tag)}" class="text-xs text-accent underline-offset-2 hover:underline">#${tag}</a></li>`
      : markup`<li><span class="text-xs text-muted">#${tag}</span></li>`,
  );
  return markup`<ul class="flex flex-wrap gap-1.5" aria-label="Tags">${items}</ul>`;
}

/** Horizon, status, revisit date and tags of a note, in words (never colour alone), as markup (decision record 037). */
function metaItems(note: MetaNote, linkTags: boolean): Markup {
  return markup`<span class="${cn(chip, "border-border-strong bg-surface-muted")}"><span class="sr-only">Horizon: </span>${HORIZONS[note.horizon]}</span><span class="${cn(chip, "border-border text-muted")}"><span class="sr-only">Status: </span>${VISION_NOTE_STATUSES[note.status]}</span>${revisit(note)}${tags(note, linkTags)}`;
}

/** A note's meta line inside a list built as markup (a note card). */
export function noteMetaMarkup(note: MetaNote): Markup {
  return markup`<div class="${META}">${metaItems(note, false)}</div>`;
}

/** Horizon, status, revisit date and tags of a note, in words (never colour alone). */
export function NoteMeta({ note, linkTags = false }: { note: MetaNote; linkTags?: boolean }) {
  return <MarkupList as="div" links={linkTags} className={META} markup={metaItems(note, linkTags)} />;
}
