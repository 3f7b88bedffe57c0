"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { NotFoundError } from "@/lib/server/errors";
import { buttonAction, type ButtonResult } from "@/lib/server/button-actions";
import { addComment, deleteComment, editComment } from "@/lib/mentoring/comments";
import { addCommentSchema, commentIdSchema, editCommentSchema } from "@/lib/mentoring/comments.validation";
import { dateOnlySchema } from "@/lib/shared/dates";
import { markWeekReviewed } from "@/lib/mentoring/mentor-access";
import { appBaseUrl, leaveMentorship } from "@/lib/mentoring/mentorships";
import { menteeIdSchema, mentorshipIdSchema } from "@/lib/mentoring/mentorships.validation";

// Review threads are shown on the mentor's /mentees pages and on the
// leader's own week and note pages: a change re-renders all of them.
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
  const result = await buttonAction(async (viewer) => {
    const parsed = commentIdSchema.safeParse(id);
    if (!parsed.success) throw new NotFoundError("That comment");
    await deleteComment(viewer, parsed.data);
  }, "Comment deleted.");
  revalidateReviews();
  return result;
}

export async function markWeekReviewedAction(menteeId: unknown, startsOn: unknown): Promise<ButtonResult> {
  const result = await buttonAction(async (viewer) => {
    const mentee = menteeIdSchema.safeParse(menteeId);
    const week = dateOnlySchema.safeParse(startsOn);
    if (!mentee.success || !week.success) throw new NotFoundError("That week");
    await markWeekReviewed(viewer, mentee.data, week.data);
  }, "Marked as reviewed.");
  revalidateReviews();
  return result;
}

export async function leaveMentorshipAction(mentorshipId: unknown): Promise<ButtonResult> {
  const result = await buttonAction(async (viewer) => {
    const parsed = mentorshipIdSchema.safeParse({ id: mentorshipId });
    if (!parsed.success) throw new NotFoundError("That mentee");
    await leaveMentorship(viewer, parsed.data.id);
  }, "You are no longer their mentor.");
  revalidateReviews();
  return result;
}
