import type { Metadata } from "next";
import Link from "next/link";
import { MenteeNoteList } from "@/components/mentors/mentee-note-list";
import { PageHeader } from "@/components/ui/page-header";
import { listMenteeNotes, menteeName } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { accessEndedOrNotFound } from "../../../access-ended";

export const metadata: Metadata = { title: "Mentee's vision notes" };

export default async function MenteeNotesPage({ params }: { params: Promise<{ menteeId: string }> }) {
  const { menteeId } = await params;
  const viewer = await requireViewer();
  const data = await listMenteeNotes(viewer, menteeId);
  if (!data) return accessEndedOrNotFound(viewer, menteeId);
  const name = menteeName(data.access);
  const notes = [...data.list.due, ...data.list.rest];
  return (
    <div className="mx-auto max-w-5xl">
      <p className="mb-4 text-sm">
        <Link href={`/mentees/${encodeURIComponent(menteeId)}`} className="text-accent underline-offset-2 hover:underline">
          ← {name}
        </Link>
      </p>
      <PageHeader title={`${name}'s vision notes`} description="Their bets on where things are heading. Open one to comment on it." />
      {notes.length === 0 ? <p className="text-muted">{name} has not written a vision note yet.</p> : <MenteeNoteList menteeId={menteeId} notes={notes} />}
    </div>
  );
}
