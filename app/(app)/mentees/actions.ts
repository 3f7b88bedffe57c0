"use server";

import { revalidatePath } from "next/cache";
import { buttonAction, parseBound, type ButtonResult } from "@/lib/server/button-actions";
import { dateOnlySchema } from "@/lib/shared/form-schemas";
import { formAction } from "@/lib/server/actions";
import { markWeekReviewed, saveMentorStoryRatings } from "@/lib/mentoring/mentor-access";
import { mentorAssessmentSchema } from "@/lib/story/story.validation";
import { leaveMentorship } from "@/lib/mentoring/mentorships";
import { menteeIdSchema, mentorshipIdSchema } from "@/lib/mentoring/mentorships.validation";

// A review or a mentorship ending shows on the mentor's /mentees pages and on
// the leader's own pages: a change re-renders all of them.
function revalidateReviews() {
  revalidatePath("/", "layout");
}

export async function markWeekReviewedAction(menteeId: unknown, startsOn: unknown): Promise<ButtonResult> {
  const result = await buttonAction(async (viewer) => {
    await markWeekReviewed(viewer, parseBound(menteeIdSchema, menteeId, "That week"), parseBound(dateOnlySchema, startsOn, "That week"));
  }, "Marked as reviewed.");
  revalidateReviews();
  return result;
}

export async function leaveMentorshipAction(mentorshipId: unknown): Promise<ButtonResult> {
  const result = await buttonAction(async (viewer) => {
    await leaveMentorship(viewer, parseBound(mentorshipIdSchema, mentorshipId, "That mentee"));
  }, "You are no longer their mentor.");
  revalidateReviews();
  return result;
}

/** A mentor's ratings of a mentee's quarter, beside the mentee's own: the leader sees them on their story. */
export const saveMentorRatingsAction = formAction(mentorAssessmentSchema, async (viewer, input) => {
  await saveMentorStoryRatings(viewer, input);
  revalidatePath(`/mentees/${encodeURIComponent(input.menteeId)}/story/${input.quarter}`);
  revalidatePath(`/story/${input.quarter}`);
  return "Ratings saved.";
});
