import { NoteCard } from "@/components/notes/note-list";
import type { VisionNoteSummary } from "@/lib/vision-notes";

/** The mentee's vision notes, read-only, each opening its page under /mentees. */
export function MenteeNoteList({ menteeId, notes }: { menteeId: string; notes: VisionNoteSummary[] }) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Vision notes">
      {notes.map((note) => (
        <NoteCard key={note.id} note={note} href={`/mentees/${encodeURIComponent(menteeId)}/notes/${encodeURIComponent(note.id)}`} />
      ))}
    </ul>
  );
}
