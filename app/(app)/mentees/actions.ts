"use server";

import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/server/errors";
import { buttonAction, type ButtonResult } from "@/lib/server/button-actions";
import { dateOnlySchema } from "@/lib/shared/dates";
import { markWeekReviewed } from "@/lib/mentoring/mentor-access";
import { leaveMentorship } from "@/lib/mentoring/mentorships";
import { menteeIdSchema, mentorshipIdSchema } from "@/lib/mentoring/mentorships.validation";

// A review or a mentorship ending shows on the mentor's /mentees pages and on
// the leader's own pages: a change re-renders all of them.
function revalidateReviews() {
  revalidatePath("/", "layout");
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
