import { markup, type Markup } from "@/components/charts/markup";
import { noteMetaMarkup } from "@/components/notes/note-meta";
import { cn } from "@/components/ui/cn";
import { MarkupList } from "@/components/ui/markup-list";
import type { VisionNoteListItem, VisionNoteSummary } from "@/lib/vision-notes";

type CardNote = VisionNoteSummary & Partial<Pick<VisionNoteListItem, "excerpt">>;

/**
 * Notes as cards, one markup string (decision record 037): each card's title opening
 * `hrefOf(note)`, the start of its text, and what is known about it.
 */
export function noteCardsMarkup(notes: CardNote[], hrefOf: (note: CardNote) => string = (note) => `/notes/${note.id}`): Markup {
  return markup`${notes.map(
    (note) =>
      // The left rule marks due notes by position too; the chip says it in words.
      markup`<li class="${cn("rounded-lg border bg-surface p-4", note.dueForRevisit ? "border-warning border-l-4" : "border-border")}"><h3 class="font-semibold"><a href="${hrefOf(note)}" class="hover:underline">${note.title}</a></h3>${
        note.excerpt ? markup`<p class="mt-1 line-clamp-2 text-sm break-words text-muted">${note.excerpt}</p>` : ""
      }<div class="mt-2">${noteMetaMarkup(note)}</div></li>`,
  )}`;
}

type GroupProps = {
  id: string;
  title: string;
  description?: string;
  notes: CardNote[];
  /** How many the group holds on every page together, when it is shown a page at a time. */
  total?: number;
};

/** A titled group of notes; renders nothing when the group is empty. */
export function NoteGroup({ id, title, description, notes, total = notes.length }: GroupProps) {
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="text-lg font-semibold">
        {title} <span className="tabular text-base font-normal text-muted">({total})</span>
      </h2>
      {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      <MarkupList links className="mt-3 grid gap-3 md:grid-cols-2" markup={noteCardsMarkup(notes)} />
    </section>
  );
}
