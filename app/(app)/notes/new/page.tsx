import type { Metadata } from "next";
import { VisionNoteForm } from "@/components/notes/vision-note-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/server/viewer";
import { createVisionNoteAction } from "../actions";

export const metadata: Metadata = { title: "Write a vision note" };

export default async function NewVisionNotePage() {
  await requireViewer();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Write a vision note" description="A bet or an anticipation about where the company and its technology are heading." />
      <VisionNoteForm action={createVisionNoteAction} cancelHref="/notes" />
    </div>
  );
}
