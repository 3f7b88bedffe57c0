import type { ReactElement } from "react";
import { notFound } from "next/navigation";
import { AccessEnded } from "@/components/mentors/access-ended";
import { endedAccessMessage, getEndedAccess } from "@/lib/mentoring/mentor-access";
import type { Viewer } from "@/lib/server/viewer";

/** For a mentee's page the viewer may not read: their ended access said plainly, else the usual not-found page. */
export async function accessEndedOrNotFound(viewer: Viewer, menteeId: string): Promise<ReactElement> {
  const ended = await getEndedAccess(viewer, menteeId);
  if (!ended) notFound();
  return <AccessEnded message={endedAccessMessage(ended)} />;
}
