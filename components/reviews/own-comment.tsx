"use client";

import { useState, type ReactNode } from "react";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";

// Loaded on the form's first input (decision record 040).
const loadEditSchema = () => import("@/lib/mentoring/comments.validation").then((module) => module.editCommentSchema);

type Props = {
  id: string;
  body: string;
  /** The body as read, rendered by the server (comment-item.tsx); the form takes its place while editing. */
  children: ReactNode;
  /** Already formatted in the viewer's zone. */
  postedAt: string;
  editAction: (state: FormState, formData: FormData) => Promise<FormState>;
  deleteAction: () => Promise<{ ok: boolean; message: string }>;
};

/** The viewer's own comment's body, with its Edit and Delete: the only client part of a comment. */
export function OwnComment({ id, body, children, postedAt, editAction, deleteAction }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <div className="mt-2">
        <ActionForm
          action={editAction}
          schema={loadEditSchema}
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
    );
  }
  return (
    <>
      {children}
      <div className="mt-2 flex gap-1">
        <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setEditing(true)}>
          Edit<span className="sr-only"> your comment</span>
        </Button>
        <RowActionButton action={deleteAction} label="Delete" what={`your comment of ${postedAt}`} pendingLabel="Deleting…" variant="ghost" confirm="Delete this comment?" />
      </div>
    </>
  );
}
