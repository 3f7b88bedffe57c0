import type { ReactElement, ReactNode } from "react";
import { notFound } from "next/navigation";
import { AccessEnded } from "@/components/mentors/access-ended";
import { endedAccessMessage, getEndedAccess } from "@/lib/mentoring/mentor-access";
import { requireViewer, type Viewer } from "@/lib/server/viewer";

/** For a mentee's page the viewer may not read: their ended access said plainly, else the usual not-found page. */
export async function accessEndedOrNotFound(viewer: Viewer, menteeId: string): Promise<ReactElement> {
  const ended = await getEndedAccess(viewer, menteeId);
  if (!ended) notFound();
  return <AccessEnded message={endedAccessMessage(ended)} />;
}

/**
 * For the layout above a mentee page's skeleton (loading.tsx): decides the
 * page's answer before anything streams, since a streamed response has sent
 * its status (200) with its first byte. `read` is what the page itself reads
 * (it reads it again for what it shows); nothing read means ended access or 404.
 */
export async function accessEndedOrNotFoundUnless(menteeId: string, read: (viewer: Viewer) => Promise<unknown>, children: ReactNode): Promise<ReactNode> {
  const viewer = await requireViewer();
  return (await read(viewer)) ? children : accessEndedOrNotFound(viewer, menteeId);
}
