import Link from "next/link";
import { NoteMeta } from "@/components/notes/note-meta";
import { cn } from "@/components/ui/cn";
import type { VisionNoteListItem, VisionNoteSummary } from "@/lib/vision-notes";

type CardNote = VisionNoteSummary & Partial<Pick<VisionNoteListItem, "excerpt">>;

/** A note's title, opening `href` (the leader's own note page unless told), the start of its text, and what is known about it. */
export function NoteCard({ note, href = `/notes/${note.id}` }: { note: CardNote; href?: string }) {
  return (
    <li
      className={cn(
        "rounded-lg border bg-surface p-4",
        // The left rule marks due notes by position too; the chip says it in words.
        note.dueForRevisit ? "border-warning border-l-4" : "border-border",
      )}
    >
      <h3 className="font-semibold">
        <Link href={href} className="hover:underline">
          {note.title}
        </Link>
      </h3>
      {note.excerpt ? <p className="mt-1 line-clamp-2 text-sm break-words text-muted">{note.excerpt}</p> : null}
      <div className="mt-2">
        <NoteMeta note={note} />
      </div>
    </li>
  );
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
      <ul className="mt-3 grid gap-3 md:grid-cols-2">
        {notes.map((note) => (
          <NoteCard key={note.id} note={note} />
        ))}
      </ul>
    </section>
  );
}
