import type { ReactNode } from "react";
import { getMenteeAccessFor } from "@/lib/mentoring/mentor-access";
import { accessEndedOrNotFoundUnless } from "../../access-ended";

type Props = { children: ReactNode; params: Promise<{ menteeId: string }> };

/** A mentee's quarterly story: only when they share it, decided before any skeleton streams. */
export default async function MenteeStoryLayout({ children, params }: Props) {
  const { menteeId } = await params;
  return accessEndedOrNotFoundUnless(menteeId, (viewer) => getMenteeAccessFor(viewer, menteeId, "story"), children);
}
