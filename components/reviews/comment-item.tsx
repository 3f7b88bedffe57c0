import { OwnComment } from "@/components/reviews/own-comment";
import type { FormState } from "@/lib/shared/forms";

type Props = {
  id: string;
  author: string;
  /** "Mentor" or "Leader", so the thread says who wrote what. */
  role: string;
  body: string;
  /** Already formatted in the viewer's zone. */
  postedAt: string;
  postedAtIso: string;
  edited: boolean;
  mine: boolean;
  editAction: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Given for the viewer's own comments. */
  deleteAction?: () => Promise<{ ok: boolean; message: string }>;
};

/**
 * One comment: who, when, what; its author may edit or delete it. Rendered on
 * the server; only the viewer's own comments have a client part (decision record 034).
 */
export function CommentItem({ id, author, role, body, postedAt, postedAtIso, edited, mine, editAction, deleteAction }: Props) {
  const text = <p className="mt-1 whitespace-pre-line break-words">{body}</p>;
  return (
    <article aria-labelledby={`comment-${id}-by`} className="py-4 first:pt-0 last:pb-0" data-testid="review-comment">
      <p className="text-sm">
        <span id={`comment-${id}-by`} className="font-medium">
          {mine ? "You" : author}
        </span>
        <span className="text-muted">
          {" · "}
          {role} · <time dateTime={postedAtIso}>{postedAt}</time>
          {edited ? " · edited" : null}
        </span>
      </p>
      {mine && deleteAction ? (
        <OwnComment id={id} body={body} postedAt={postedAt} editAction={editAction} deleteAction={deleteAction}>
          {text}
        </OwnComment>
      ) : (
        text
      )}
    </article>
  );
}
