"use client";

import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";

// Loaded on the form's first input (decision record 040).
const loadCommentSchema = () => import("@/lib/mentoring/comments.validation").then((module) => module.addCommentSchema);

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  menteeId: string;
  weekStartsOn?: string;
  noteId?: string;
  /** "Reply" for the leader, "Comment" for a mentor. */
  label: string;
};

/** A new comment in a review thread. The field empties after posting. */
export function CommentForm({ action, menteeId, weekStartsOn, noteId, label }: Props) {
  return (
    <ActionForm action={action} schema={loadCommentSchema} submitLabel={label === "Reply" ? "Post reply" : "Post comment"} pendingLabel="Posting…" aria-label={label}>
      <input type="hidden" name="menteeId" value={menteeId} />
      {weekStartsOn ? <input type="hidden" name="weekStartsOn" value={weekStartsOn} /> : null}
      {noteId ? <input type="hidden" name="noteId" value={noteId} /> : null}
      <TextAreaField name="body" label={label} rows={3} required />
    </ActionForm>
  );
}
