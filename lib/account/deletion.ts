import "server-only";
import { ExpectedError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";

/**
 * Deletes the viewer's account after they typed its email address. Their
 * weeks, stakeholders, touchpoints, notes, quarterly stories, comments,
 * notifications, sessions, the mentorships where they are the mentee (with
 * their invitations) and their shared story links (which stop working at
 * once) go with the user row (cascades). Where they mentor someone, that leader keeps
 * the row, ended and without the mentor, so their list says what happened.
 * Their audit events stay, detached from them (SetNull).
 */
export async function deleteAccount(viewer: Viewer, confirmEmail: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: viewer.userId }, select: { email: true } });
    if (!user) throw new ExpectedError("This account no longer exists.");
    if (user.email.toLowerCase() !== confirmEmail.trim().toLowerCase()) {
      throw new ExpectedError("That is not this account's email address. Type it exactly to confirm.", "confirmEmail");
    }
    await tx.mentorship.updateMany({
      where: { mentorId: viewer.userId },
      data: { mentorId: null, status: "ENDED", endedAt: now, inviteTokenHash: null },
    });
    await tx.user.delete({ where: { id: viewer.userId } });
  });
}
