import type { ReactNode } from "react";
import { getMenteeAccessFor } from "@/lib/mentoring/mentor-access";
import { accessEndedOrNotFoundUnless } from "../../access-ended";

type Props = { children: ReactNode; params: Promise<{ menteeId: string }> };

/** A mentee's stakeholders: only when they share them, decided before the skeleton streams. */
export default async function MenteeStakeholdersLayout({ children, params }: Props) {
  const { menteeId } = await params;
  return accessEndedOrNotFoundUnless(menteeId, (viewer) => getMenteeAccessFor(viewer, menteeId, "stakeholder"), children);
}
