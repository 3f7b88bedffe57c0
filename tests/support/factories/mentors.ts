// Invitations and mentorships written straight to the database, with a known
// token, so a test can follow or forge the invitation link.
import { db } from "@/lib/server/db";
import type { MentorshipStatus } from "@/lib/generated/prisma/enums";
import { createInviteToken, hashInviteToken, INVITE_TTL_MS, type Share } from "@/lib/mentoring/mentorship-model";
import { listOutbox } from "@/lib/server/outbox";
import { createUser, type TestUser } from "./users";

export const SHARE_NOTHING: Share = { reflections: false, stakeholders: false, notes: false, story: false };
export const SHARE_EVERYTHING: Share = { reflections: true, stakeholders: true, notes: true, story: true };

export type InvitationOverrides = {
  inviteEmail?: string;
  status?: MentorshipStatus;
  mentorId?: string | null;
  share?: Partial<Share>;
  invitedAt?: Date;
  inviteExpiresAt?: Date;
  message?: string | null;
};

/** An invitation from `mentee` (pending, valid for 7 days unless told) and the token of its link. */
export async function createInvitation(mentee: TestUser, overrides: InvitationOverrides = {}): Promise<{ id: string; token: string }> {
  const token = createInviteToken();
  const invitedAt = overrides.invitedAt ?? new Date();
  const share = { ...SHARE_NOTHING, ...overrides.share };
  const status = overrides.status ?? "PENDING";
  const row = await db.mentorship.create({
    data: {
      menteeId: mentee.id,
      mentorId: overrides.mentorId ?? null,
      inviteEmail: overrides.inviteEmail ?? `mentor-${token.slice(0, 8).toLowerCase()}@example.test`,
      message: overrides.message ?? null,
      status,
      inviteTokenHash: status === "PENDING" ? hashInviteToken(token) : null,
      inviteExpiresAt: overrides.inviteExpiresAt ?? new Date(invitedAt.getTime() + INVITE_TTL_MS),
      invitedAt,
      acceptedAt: status === "ACCEPTED" ? invitedAt : null,
      endedAt: status === "ENDED" || status === "CANCELLED" ? new Date() : null,
      shareReflections: share.reflections,
      shareStakeholders: share.stakeholders,
      shareNotes: share.notes,
      shareStory: share.story,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** A new user who mentors `mentee` (accepted), sharing what is given. */
export async function createMentor(mentee: TestUser, share: Partial<Share> = {}, mentor?: TestUser): Promise<TestUser & { mentorshipId: string }> {
  const user = mentor ?? (await createUser({ name: "Morgan Mentor" }));
  const { id } = await createInvitation(mentee, { inviteEmail: user.email, status: "ACCEPTED", mentorId: user.id, share });
  return { ...user, mentorshipId: id };
}

/** The row as stored, for "nothing changed" assertions. */
export async function mentorshipRow(id: string) {
  return db.mentorship.findUniqueOrThrow({ where: { id } });
}

export type QueuedEmail = { to: string; subject: string; text: string; html: string };

/** Emails waiting in the queue (pg-boss's job table), oldest first. */
export async function queuedEmails(to?: string): Promise<QueuedEmail[]> {
  const rows = await db.$queryRaw<Array<{ data: QueuedEmail }>>`
    SELECT data FROM pgboss.job WHERE name = 'email.send' ORDER BY created_on, id`;
  return rows.map((row) => row.data).filter((email) => !to || email.to === to);
}

/** Emails sent (to the local outbox, as EMAIL_SERVER is unset in tests) to this address, oldest first. */
export async function sentEmails(to: string): Promise<QueuedEmail[]> {
  return (await listOutbox(Number.MAX_SAFE_INTEGER)).filter((email) => email.to === to).reverse();
}

/** Comment-digest jobs waiting, with when they may start. */
export async function queuedDigests(): Promise<Array<{ recipientId: string; authorId: string; startAfter: Date; state: string }>> {
  const rows = await db.$queryRaw<Array<{ data: { recipientId: string; authorId: string }; start_after: Date; state: string }>>`
    SELECT data, start_after, state::text AS state FROM pgboss.job WHERE name = 'comments.digest' ORDER BY created_on, id`;
  return rows.map((row) => ({ ...row.data, startAfter: row.start_after, state: row.state }));
}

/** Jobs are not in the app's tables, which the harness truncates; tests that read the queue empty it first. */
export async function emptyQueue(): Promise<void> {
  await db.$executeRawUnsafe(`DO $$ BEGIN IF to_regclass('pgboss.job') IS NOT NULL THEN DELETE FROM pgboss.job; END IF; END $$`);
}

/** The invitation link's token from a queued invitation email. */
export function tokenFromEmail(email: QueuedEmail): string {
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(email.text);
  if (!match?.[1]) throw new Error(`No invitation link in: ${email.text}`);
  return match[1];
}
