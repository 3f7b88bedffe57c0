import Link from "next/link";
import { NoteMeta } from "@/components/notes/note-meta";
import type { VisionNoteSummary } from "@/lib/vision-notes";

/** The mentee's vision notes, read-only, each opening its page under /mentees. */
export function MenteeNoteList({ menteeId, notes }: { menteeId: string; notes: VisionNoteSummary[] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Vision notes">
      {notes.map((note) => (
        <li key={note.id} className="rounded-lg border border-border bg-surface p-4">
          <h3 className="font-semibold">
            <Link href={`/mentees/${encodeURIComponent(menteeId)}/notes/${encodeURIComponent(note.id)}`} className="hover:underline">
              {note.title}
            </Link>
          </h3>
          <div className="mt-2">
            <NoteMeta note={note} />
          </div>
        </li>
      ))}
    </ul>
  );
}
