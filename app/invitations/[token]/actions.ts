"use server";

import { redirect } from "next/navigation";
import { isSameOriginRequest } from "@/lib/server/actions";
import { signOut } from "@/lib/server/auth";
import { acceptInvitation } from "@/lib/mentoring/mentorships";
import { invitationTokenSchema } from "@/lib/mentoring/mentorships.validation";
import { getViewer } from "@/lib/server/viewer";

function pathOf(token: string): string {
  return `/invitations/${encodeURIComponent(token)}`;
}

/** Accepts with the signed-in account; the page explains any other outcome. */
// Plain form posts that answer nothing: a cross-origin one is refused by doing nothing.
export async function acceptInvitationAction(token: unknown): Promise<void> {
  if (!(await isSameOriginRequest())) return;
  const parsed = invitationTokenSchema.safeParse({ token });
  if (!parsed.success) redirect("/invitations/invalid");
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(pathOf(parsed.data.token))}`);
  const result = await acceptInvitation(viewer, parsed.data.token);
  // Wrong account or a link that stopped working: the page says which, and nothing was accepted.
  redirect(result.kind === "accepted" ? `/mentees/${encodeURIComponent(result.menteeId)}?welcome=1` : pathOf(parsed.data.token));
}

/** Signed in with another address: sign out and come back to sign in with the invited one. */
export async function switchAccountAction(token: unknown): Promise<void> {
  if (!(await isSameOriginRequest())) return;
  const parsed = invitationTokenSchema.safeParse({ token });
  await signOut({ redirectTo: parsed.success ? `/signin?callbackUrl=${encodeURIComponent(pathOf(parsed.data.token))}` : "/signin" });
}
