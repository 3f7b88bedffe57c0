import { redirect } from "next/navigation";
import { getMenteeCurrentQuarter } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { accessEndedOrNotFound } from "../../access-ended";

/** The mentee's story of the quarter running now in their calendar. */
export default async function MenteeCurrentStoryPage({ params }: { params: Promise<{ menteeId: string }> }) {
  const { menteeId } = await params;
  const viewer = await requireViewer();
  const quarter = await getMenteeCurrentQuarter(viewer, menteeId);
  if (!quarter) return accessEndedOrNotFound(viewer, menteeId);
  redirect(`/mentees/${encodeURIComponent(menteeId)}/story/${quarter}`);
}
