import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VisionNoteForm } from "@/components/notes/vision-note-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/server/viewer";
import { getVisionNote } from "@/lib/vision-notes";
import { updateVisionNoteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit vision note" };

export default async function EditVisionNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const note = await getVisionNote(viewer, id);
  if (!note) notFound();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Edit vision note" />
      <VisionNoteForm
        action={updateVisionNoteAction}
        note={{ id: note.id, title: note.title, body: note.body, horizon: note.horizon, status: note.status, tags: note.tags, revisitOn: note.revisitOn }}
        cancelHref={`/notes/${note.id}`}
      />
    </div>
  );
}
