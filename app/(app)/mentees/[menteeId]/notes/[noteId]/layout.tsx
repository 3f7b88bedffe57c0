import type { ReactNode } from "react";
import { getMenteeNote } from "@/lib/mentoring/mentor-access";
import { accessEndedOrNotFoundUnless } from "../../../access-ended";

type Props = { children: ReactNode; params: Promise<{ menteeId: string; noteId: string }> };

/** One of a mentee's notes: 404 for a note they do not share, decided before the skeleton streams. */
export default async function MenteeNoteLayout({ children, params }: Props) {
  const { menteeId, noteId } = await params;
  return accessEndedOrNotFoundUnless(menteeId, (viewer) => getMenteeNote(viewer, menteeId, noteId), children);
}
