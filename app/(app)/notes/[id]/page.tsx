import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewSection } from "@/app/(app)/reviews/review-section";
import { MarkdownBody } from "@/components/notes/markdown";
import { NoteMeta } from "@/components/notes/note-meta";
import { RevisitForm } from "@/components/notes/revisit-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeleteWithUndo } from "@/components/ui/delete-with-undo";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { zonedDateTimeFormat } from "@/lib/shared/dates";
import { getVisionNote } from "@/lib/vision-notes";
import { deleteVisionNoteAction, markRevisitedAction, restoreVisionNoteAction } from "../actions";

export const metadata: Metadata = { title: "Vision note" };

export default async function VisionNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const [note, { timeZone }] = await Promise.all([getVisionNote(viewer, id), getCalendarSettings(viewer)]);
  if (!note) notFound();
  const dateTime = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric" });
  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href="/notes" className="text-accent underline-offset-2 hover:underline">
          ← All vision notes
        </Link>
      </p>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,40rem)_1fr]">
        <article aria-labelledby="note-title" className="min-w-0">
          <header className="mb-6">
            <h1 id="note-title" className="text-2xl font-semibold tracking-tight">
              {note.title}
            </h1>
            <div className="mt-3">
              <NoteMeta note={note} linkTags />
            </div>
          </header>
          {note.body.trim() ? (
            <MarkdownBody>{note.body}</MarkdownBody>
          ) : (
            <p className="text-muted">No text yet. Edit the note to write down the thinking behind it.</p>
          )}
          <div className="mt-8 flex flex-wrap gap-3 border-t border-border pt-6">
            <LinkButton href={`/notes/${note.id}/edit`} variant="secondary">
              Edit note
            </LinkButton>
            <DeleteWithUndo
              onDelete={deleteVisionNoteAction.bind(null, note.id)}
              onUndo={restoreVisionNoteAction.bind(null, note.id)}
              deletedMessage="Vision note deleted"
              what={`vision note “${note.title}”`}
              afterDelete="/notes"
            />
          </div>
          <div className="mt-8">
            <ReviewSection menteeId={viewer.userId} noteId={note.id} />
          </div>
        </article>
        <aside aria-label="Revisits">
          <Card
            title="Revisit"
            description={
              note.revisitCount === 0
                ? "Not revisited yet. Read it again: does it still hold?"
                : `Revisited ${note.revisitCount === 1 ? "once" : `${note.revisitCount} times`}, last on ${dateTime.format(note.lastRevisitedAt ?? note.updatedAt)}.`
            }
          >
            <RevisitForm action={markRevisitedAction} noteId={note.id} />
          </Card>
          <p className="mt-4 text-xs text-muted">
            Written {dateTime.format(note.createdAt)} · last changed {dateTime.format(note.updatedAt)} ({timeZone.replaceAll("_", " ")})
          </p>
        </aside>
      </div>
    </div>
  );
}
