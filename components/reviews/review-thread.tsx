import { CommentForm } from "@/components/reviews/comment-form";
import { CommentItem } from "@/components/reviews/comment-item";
import { Card } from "@/components/ui/card";
import type { ActionFormProps } from "@/components/ui/form";
import type { Thread } from "@/lib/mentoring/comments";
import type { ButtonResult } from "@/lib/server/button-actions";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

export type ReviewActions = {
  add: ActionFormProps["action"];
  edit: ActionFormProps["action"];
  /** Deletes one comment by id. */
  delete: (id: string) => Promise<ButtonResult>;
};

type Props = {
  /** The thread as the viewer may read it (lib/mentoring/comments.ts decides). */
  data: Thread;
  /** The viewer's zone, for the comments' times. */
  timeZone: string;
  actions: ReviewActions;
} & ({ weekStartsOn: string; noteId?: never } | { noteId: string; weekStartsOn?: never });

/**
 * The review thread of a week or a vision note, for the leader (on their own
 * pages) and for their active mentors (under /mentees). The leader gets no
 * reply box in a thread nobody else reads yet: no comments and no mentor who sees it.
 */
export function ReviewThread({ data, timeZone, actions, weekStartsOn, noteId }: Props) {
  const format = zonedDateTimeFormat(timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const isMentee = data.thread.viewerIsMentee;
  const canWrite = data.comments.length > 0 || data.othersCanRead === true;
  return (
    <Card
      id="comments"
      className="scroll-mt-6 space-y-4"
      title="Review"
      description={`${isMentee ? "Comments from your mentors, and your replies." : "Your comments and their replies. They are told about new comments."} Times in ${formatTimeZone(timeZone)}.`}
    >
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
                editAction={actions.edit}
                // Bound (an encrypted reference in the page) only where it is offered: the viewer's own comments.
                deleteAction={comment.mine ? actions.delete.bind(null, comment.id) : undefined}
              />
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <CommentForm action={actions.add} menteeId={data.thread.menteeId} weekStartsOn={weekStartsOn} noteId={noteId} label={isMentee ? "Reply" : "Comment"} />
      ) : null}
    </Card>
  );
}
