"use client";

import { useState } from "react";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { editCommentSchema } from "@/lib/mentoring/comments.validation";
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

/** One comment: who, when, what; its author may edit or delete it. */
export function CommentItem({ id, author, role, body, postedAt, postedAtIso, edited, mine, editAction, deleteAction }: Props) {
  const [editing, setEditing] = useState(false);
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
      {editing ? (
        <div className="mt-2">
          <ActionForm
            action={editAction}
            schema={editCommentSchema}
            submitLabel="Save comment"
            aria-label="Edit comment"
            onResult={(state) => state.status === "success" && setEditing(false)}
            extraActions={
              <Button variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            }
          >
            <input type="hidden" name="id" value={id} />
            <TextAreaField name="commentBody" label="Your comment" rows={3} defaultValue={body} />
          </ActionForm>
        </div>
      ) : (
        <p className="mt-1 whitespace-pre-line break-words">{body}</p>
      )}
      {mine && deleteAction && !editing ? (
        <div className="mt-2 flex gap-1">
          <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> your comment</span>
          </Button>
          <RowActionButton action={deleteAction} label="Delete" what={`your comment of ${postedAt}`} pendingLabel="Deleting…" variant="ghost" confirm="Delete this comment?" />
        </div>
      ) : null}
    </article>
  );
}
