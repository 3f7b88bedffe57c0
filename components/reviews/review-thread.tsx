import { deleteCommentAction, editCommentAction, addCommentAction } from "@/app/(app)/mentees/actions";
import { CommentForm } from "@/components/reviews/comment-form";
import { CommentItem } from "@/components/reviews/comment-item";
import { Card } from "@/components/ui/card";
import { getThread } from "@/lib/mentoring/comments";
import { markThreadNotificationsRead } from "@/lib/mentoring/notifications";
import { getCalendarSettings } from "@/lib/users";
import { getViewer } from "@/lib/server/viewer";
import { formatTimeZone } from "@/lib/shared/week-dates";

type Props = { menteeId: string } & ({ weekStartsOn: string; noteId?: never } | { noteId: string; weekStartsOn?: never });

/**
 * The review thread of a week or a vision note, for the leader (on their own
 * pages) and for their active mentors (under /mentees). Loads its own data
 * through lib/mentoring/comments.ts, so access is decided there; renders nothing for
 * anyone else, or for a week that has not been logged yet.
 */
export async function ReviewThread(props: Props) {
  const viewer = await getViewer();
  const ref = props.noteId ? { menteeId: props.menteeId, noteId: props.noteId } : { menteeId: props.menteeId, weekStartsOn: props.weekStartsOn! };
  const data = viewer ? await getThread(viewer, ref) : null;
  if (!viewer || !data) return null;
  // Reading the thread reads its notifications.
  const [{ timeZone }] = await Promise.all([getCalendarSettings(viewer), markThreadNotificationsRead(viewer, data.thread)]);
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
  const isMentee = data.thread.viewerIsMentee;
  return (
    <Card id="comments" aria-labelledby="review-title" className="scroll-mt-6 space-y-4">
      <div>
        <h2 id="review-title" className="text-lg font-semibold">
          Review
        </h2>
        <p className="mt-1 text-sm text-muted">
          {isMentee ? "Comments from your mentors, and your replies." : "Your comments and their replies. They are told about new comments."} Times in{" "}
          {formatTimeZone(timeZone)}.
        </p>
      </div>
      {data.comments.length === 0 ? (
        <p className="text-sm text-muted">{isMentee ? "No comments yet. When a mentor comments, it shows here." : "No comments yet. Start the conversation below."}</p>
      ) : (
        <ol className="divide-y divide-border" aria-label="Comments">
          {data.comments.map((comment) => (
            <li key={comment.id}>
              <CommentItem
                id={comment.id}
                author={comment.author.name}
                role={comment.author.isMentee ? "Leader" : "Mentor"}
                body={comment.body}
                postedAt={format.format(comment.createdAt)}
                postedAtIso={comment.createdAt.toISOString()}
                edited={comment.editedAt !== null}
                mine={comment.mine}
                editAction={editCommentAction}
                deleteAction={deleteCommentAction.bind(null, comment.id)}
              />
            </li>
          ))}
        </ol>
      )}
      <CommentForm
        action={addCommentAction}
        menteeId={props.menteeId}
        weekStartsOn={props.weekStartsOn}
        noteId={props.noteId}
        label={isMentee ? "Reply" : "Comment"}
      />
    </Card>
  );
}
