"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { appBaseUrl } from "@/lib/server/app-origin";
import { buttonAction, parseBound, type ButtonResult } from "@/lib/server/button-actions";
import { cancelInvitation, endMentorship, inviteMentor, resendInvitation, updateSharing } from "@/lib/mentoring/mentorships";
import { inviteSchema, mentorshipIdSchema, updateSharingSchema } from "@/lib/mentoring/mentorships.validation";

export const inviteMentorAction = formAction(inviteSchema, async (viewer, input) => {
  await inviteMentor(viewer, input, { baseUrl: await appBaseUrl() });
  revalidatePath("/mentors");
  return `Invitation sent to ${input.email}. The link works for 7 days.`;
});

export const updateSharingAction = formAction(updateSharingSchema, async (viewer, { id, ...input }) => {
  await updateSharing(viewer, id, input);
  revalidatePath("/mentors");
  return "Sharing updated. Your mentor sees the change right away.";
});

/** Bound to one row on the page: the id is parsed here and checked against the owner in lib. */
const parseId = (id: unknown) => parseBound(mentorshipIdSchema, id, "That invitation");

export async function resendInvitationAction(id: unknown): Promise<ButtonResult> {
  const baseUrl = await appBaseUrl();
  const result = await buttonAction((viewer) => resendInvitation(viewer, parseId(id), { baseUrl }), "Invitation sent again with a new link. The old link no longer works.");
  revalidatePath("/mentors");
  return result;
}

export async function cancelInvitationAction(id: unknown): Promise<ButtonResult> {
  const result = await buttonAction((viewer) => cancelInvitation(viewer, parseId(id)), "Invitation cancelled. Its link no longer works.");
  revalidatePath("/mentors");
  return result;
}

export async function endMentorshipAction(id: unknown): Promise<ButtonResult> {
  const result = await buttonAction((viewer) => endMentorship(viewer, parseId(id)), "Access ended. Your mentor no longer sees anything of yours.");
  revalidatePath("/mentors");
  return result;
}
