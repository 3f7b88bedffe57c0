import { ReviewThread } from "@/components/reviews/review-thread";
import { getThread } from "@/lib/mentoring/comments";
import type { ThreadRef } from "@/lib/mentoring/mentor-access";
import { markThreadNotificationsRead } from "@/lib/mentoring/notifications";
import { getViewer } from "@/lib/server/viewer";
import { getCalendarSettings } from "@/lib/users";
import { addCommentAction, deleteCommentAction, editCommentAction } from "./actions";

const actions = { add: addCommentAction, edit: editCommentAction, delete: deleteCommentAction };

/**
 * The review thread on a week or note page, the leader's own or a mentor's
 * under /mentees: loads it through lib/ (which decides who may read it),
 * and opening it reads its notifications. Nothing for anyone else, or for a
 * week that has not been logged yet.
 */
export async function ReviewSection(ref: ThreadRef) {
  const viewer = await getViewer();
  const data = viewer ? await getThread(viewer, ref) : null;
  if (!viewer || !data) return null;
  const [{ timeZone }] = await Promise.all([getCalendarSettings(viewer), markThreadNotificationsRead(viewer, data.thread)]);
  return "noteId" in ref ? (
    <ReviewThread data={data} timeZone={timeZone} actions={actions} noteId={ref.noteId} />
  ) : (
    <ReviewThread data={data} timeZone={timeZone} actions={actions} weekStartsOn={ref.weekStartsOn} />
  );
}
