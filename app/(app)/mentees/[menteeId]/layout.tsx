import type { ReactNode } from "react";
import { getMenteeAccess } from "@/lib/mentoring/mentor-access";
import { accessEndedOrNotFoundUnless } from "../access-ended";

type Props = { children: ReactNode; params: Promise<{ menteeId: string }> };

/** Every page of a mentee's: only for an active mentor, decided before any skeleton streams. */
export default async function MenteeLayout({ children, params }: Props) {
  const { menteeId } = await params;
  return accessEndedOrNotFoundUnless(menteeId, (viewer) => getMenteeAccess(viewer, menteeId), children);
}
