import { noteCardsMarkup } from "@/components/notes/note-list";
import { MarkupList } from "@/components/ui/markup-list";
import type { VisionNoteSummary } from "@/lib/vision-notes";

/** The mentee's vision notes, read-only, each opening its page under /mentees. */
export function MenteeNoteList({ menteeId, notes }: { menteeId: string; notes: VisionNoteSummary[] }) {
  return (
    <MarkupList
      links
      className="grid gap-3 md:grid-cols-2"
      aria-label="Vision notes"
      markup={noteCardsMarkup(notes, (note) => `/mentees/${encodeURIComponent(menteeId)}/notes/${encodeURIComponent(note.id)}`)}
    />
  );
}
