"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { buttonAction, parseBound, type ButtonResult } from "@/lib/server/button-actions";
import { NotFoundError } from "@/lib/server/errors";
import { appBaseUrl } from "@/lib/server/app-origin";
import { addComment, deleteComment, editComment } from "@/lib/mentoring/comments";
import { addCommentSchema, commentIdSchema, editCommentSchema } from "@/lib/mentoring/comments.validation";

// The review thread's comments, written by the leader on their own week and
// note pages and by their mentors under /mentees: a change re-renders all of them.
function revalidateReviews() {
  revalidatePath("/", "layout");
}

export const addCommentAction = formAction(addCommentSchema, async (viewer, { menteeId, weekStartsOn, noteId, body }) => {
  const ref = noteId ? { menteeId, noteId } : weekStartsOn ? { menteeId, weekStartsOn } : null;
  if (!ref) throw new NotFoundError("That week");
  await addComment(viewer, ref, body, { baseUrl: await appBaseUrl() });
  revalidateReviews();
  return "Comment posted.";
});

export const editCommentAction = formAction(editCommentSchema, async (viewer, { id, commentBody }) => {
  await editComment(viewer, id, commentBody);
  revalidateReviews();
  return "Comment updated.";
});

export async function deleteCommentAction(id: unknown): Promise<ButtonResult> {
  const result = await buttonAction((viewer) => deleteComment(viewer, parseBound(commentIdSchema, id, "That comment")), "Comment deleted.");
  revalidateReviews();
  return result;
}
