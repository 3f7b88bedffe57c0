import type { Metadata } from "next";
import Link from "next/link";
import { MarkdownBody } from "@/components/notes/markdown";
import { NoteMeta } from "@/components/notes/note-meta";
import { ReviewSection } from "@/app/(app)/reviews/review-section";
import { getMenteeNote, menteeName } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { accessEndedOrNotFound } from "../../../access-ended";

export const metadata: Metadata = { title: "Mentee's vision note" };

export default async function MenteeNotePage({ params }: { params: Promise<{ menteeId: string; noteId: string }> }) {
  const { menteeId, noteId } = await params;
  const viewer = await requireViewer();
  const data = await getMenteeNote(viewer, menteeId, noteId);
  if (!data) return accessEndedOrNotFound(viewer, menteeId);
  const { note } = data;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/mentees/${encodeURIComponent(menteeId)}/notes`} className="text-accent underline-offset-2 hover:underline">
          ← {menteeName(data.access)}&apos;s vision notes
        </Link>
      </p>
      <article aria-labelledby="note-title">
        <header className="mb-6">
          <h1 id="note-title" className="text-2xl font-semibold tracking-tight">
            {note.title}
          </h1>
          <div className="mt-3">
            <NoteMeta note={note} />
          </div>
        </header>
        {note.body.trim() ? <MarkdownBody>{note.body}</MarkdownBody> : <p className="text-muted">No text yet.</p>}
      </article>
      <ReviewSection menteeId={menteeId} noteId={note.id} />
    </div>
  );
}
