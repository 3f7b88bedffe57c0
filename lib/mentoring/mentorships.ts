import "server-only";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { invitationEmail } from "@/lib/server/emails/invitation";
import { enqueueEmail } from "@/lib/server/jobs";
import {
  INVITE_TTL_MS,
  createInviteToken,
  hashInviteToken,
  invitationState,
  inviteExpiry,
  isWellFormedInviteToken,
  SHARE_SELECT,
  shareColumns,
  shareOf,
  sharingSummary,
  type InvitationState,
  type Share,
} from "@/lib/mentoring/mentorship-model";
import type { InviteInput, SharingInput } from "@/lib/mentoring/mentorships.validation";
import { consumeRateLimit, retryAfterInWords } from "@/lib/server/rate-limit";
import type { Viewer } from "@/lib/server/viewer";

// Invitations and mentorships from the leader's side (/mentors), and the
// invitation link from the mentor's side (/invitations/[token]). One row is
// the invitation and, once accepted, the mentorship. Tokens are only ever
// stored as a sha256 hash; see lib/mentoring/mentorship-model.ts.

const NOT_FOUND = "That invitation";
const DAYS_VALID = INVITE_TTL_MS / 86_400_000;

export type Mentorship = {
  id: string;
  inviteEmail: string;
  message: string | null;
  state: InvitationState;
  invitedAt: Date;
  inviteExpiresAt: Date | null;
  acceptedAt: Date | null;
  endedAt: Date | null;
  share: Share;
  /** Set once accepted. */
  mentor: { name: string; email: string } | null;
};

/** The leader's invitations and mentorships, live ones first. */
export async function listMentorships(viewer: Viewer, now: Date = new Date()): Promise<Mentorship[]> {
  const rows = await db.mentorship.findMany({
    where: { menteeId: viewer.userId },
    select: {
      id: true,
      inviteEmail: true,
      message: true,
      status: true,
      invitedAt: true,
      inviteExpiresAt: true,
      acceptedAt: true,
      endedAt: true,
      ...SHARE_SELECT,
      mentor: { select: { name: true, email: true } },
    },
    orderBy: [{ invitedAt: "desc" }, { id: "asc" }],
  });
  const order: Record<InvitationState, number> = { accepted: 0, pending: 1, expired: 2, ended: 3, cancelled: 4 };
  return rows
    .map((row) => ({
      id: row.id,
      inviteEmail: row.inviteEmail,
      message: row.message,
      state: invitationState(row, now),
      invitedAt: row.invitedAt,
      inviteExpiresAt: row.inviteExpiresAt,
      acceptedAt: row.acceptedAt,
      endedAt: row.endedAt,
      share: shareOf(row),
      mentor: row.mentor ? { name: row.mentor.name ?? row.mentor.email, email: row.mentor.email } : null,
    }))
    .sort((a, b) => order[a.state] - order[b.state]);
}

async function leaderOf(viewer: Viewer): Promise<{ email: string; name: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true, name: true } });
  return { email: user.email, name: user.name ?? user.email };
}

/** 20 invitations a day per leader, 3 a day per address, counted across every app instance. */
async function checkInvitationLimits(viewer: Viewer, email: string): Promise<void> {
  const perUser = await consumeRateLimit("invitationsPerUser", viewer.userId);
  if (!perUser.allowed) {
    throw new ExpectedError(`You have sent the most invitations allowed for one day. Please try again in ${retryAfterInWords(perUser.retryAfterSeconds)}.`);
  }
  const perAddress = await consumeRateLimit("invitationsPerAddress", email);
  if (!perAddress.allowed) {
    throw new ExpectedError(
      `${email} has had 3 invitations today, the most we send to one address. Please try again in ${retryAfterInWords(perAddress.retryAfterSeconds)}.`,
      "email",
    );
  }
}

async function sendInvitation(
  viewer: Viewer,
  row: { inviteEmail: string; message: string | null; share: Share },
  token: string,
  baseUrl: string,
): Promise<void> {
  const leader = await leaderOf(viewer);
  await enqueueEmail(
    invitationEmail({
      to: row.inviteEmail,
      from: leader.name,
      message: row.message,
      url: new URL(`/invitations/${token}`, baseUrl).toString(),
      sharing: sharingSummary(row.share).toLowerCase(),
      daysValid: DAYS_VALID,
    }),
  );
}

/** Invites a mentor by email; the request only queues the email. */
export async function inviteMentor(viewer: Viewer, input: InviteInput, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }): Promise<{ id: string }> {
  const leader = await leaderOf(viewer);
  if (leader.email.toLowerCase() === input.email) throw new ExpectedError("That is your own address. Invite someone else to mentor you.", "email");
  const existing = await db.mentorship.findFirst({
    where: {
      menteeId: viewer.userId,
      inviteEmail: { equals: input.email, mode: "insensitive" },
      OR: [{ status: "ACCEPTED" }, { status: "PENDING", inviteExpiresAt: { gt: now } }],
    },
    select: { status: true },
  });
  if (existing?.status === "ACCEPTED") throw new ExpectedError(`${input.email} is already your mentor. Change what they see in the list below.`, "email");
  if (existing) throw new ExpectedError(`You already invited ${input.email}. Resend the invitation from the list below instead.`, "email");
  await checkInvitationLimits(viewer, input.email);

  const token = createInviteToken();
  const row = await db.mentorship.create({
    data: {
      menteeId: viewer.userId,
      inviteEmail: input.email,
      message: input.message,
      inviteTokenHash: hashInviteToken(token),
      inviteExpiresAt: inviteExpiry(now),
      invitedAt: now,
      ...shareColumns(shareOf(input)),
    },
    select: { id: true },
  });
  try {
    await sendInvitation(viewer, { inviteEmail: input.email, message: input.message, share: shareOf(input) }, token, baseUrl);
  } catch (error) {
    // No email queued, no invitation: never a link that was not sent.
    await db.mentorship.deleteMany({ where: { id: row.id, menteeId: viewer.userId } });
    throw error;
  }
  await recordAudit({ userId: viewer.userId, action: "invitation_sent", detail: { mentorshipId: row.id } });
  return row;
}

/** A new link for a pending (or expired) invitation; the old link stops working at once. */
export async function resendInvitation(viewer: Viewer, id: string, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }): Promise<void> {
  const row = await db.mentorship.findFirst({
    where: { id, menteeId: viewer.userId, status: "PENDING" },
    select: { inviteEmail: true, message: true, ...SHARE_SELECT },
  });
  if (!row) throw new NotFoundError(NOT_FOUND);
  await checkInvitationLimits(viewer, row.inviteEmail.toLowerCase());
  const token = createInviteToken();
  const { count } = await db.mentorship.updateMany({
    where: { id, menteeId: viewer.userId, status: "PENDING" },
    data: { inviteTokenHash: hashInviteToken(token), inviteExpiresAt: inviteExpiry(now), invitedAt: now },
  });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
  await sendInvitation(viewer, { inviteEmail: row.inviteEmail, message: row.message, share: shareOf(row) }, token, baseUrl);
  await recordAudit({ userId: viewer.userId, action: "invitation_sent", detail: { mentorshipId: id, resent: true } });
}

export async function cancelInvitation(viewer: Viewer, id: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.mentorship.updateMany({
    where: { id, menteeId: viewer.userId, status: "PENDING" },
    data: { status: "CANCELLED", inviteTokenHash: null, endedAt: now },
  });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
  await recordAudit({ userId: viewer.userId, action: "invitation_cancelled", detail: { mentorshipId: id } });
}

/** What a mentor sees changes with the next request they make. */
export async function updateSharing(viewer: Viewer, id: string, input: SharingInput): Promise<void> {
  const { count } = await db.mentorship.updateMany({
    where: { id, menteeId: viewer.userId, status: { in: ["PENDING", "ACCEPTED"] } },
    data: shareColumns(shareOf(input)),
  });
  if (count === 0) throw new NotFoundError("That mentor");
  await recordAudit({ userId: viewer.userId, action: "sharing_changed", detail: { mentorshipId: id, share: shareOf(input) } });
}

/** The leader ends a mentorship: from the next request on the mentor sees nothing. */
export async function endMentorship(viewer: Viewer, id: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.mentorship.updateMany({
    where: { id, menteeId: viewer.userId, status: "ACCEPTED" },
    data: { status: "ENDED", endedAt: now },
  });
  if (count === 0) throw new NotFoundError("That mentor");
  await recordAudit({ userId: viewer.userId, action: "mentorship_revoked", detail: { mentorshipId: id } });
}

/** The mentor steps down. */
export async function leaveMentorship(viewer: Viewer, id: string, now: Date = new Date()): Promise<void> {
  const { count } = await db.mentorship.updateMany({
    where: { id, mentorId: viewer.userId, status: "ACCEPTED" },
    data: { status: "ENDED", endedAt: now, endedByMentor: true },
  });
  if (count === 0) throw new NotFoundError("That mentee");
  await recordAudit({ userId: viewer.userId, action: "mentorship_left", detail: { mentorshipId: id } });
}

// ── The invitation link ───────────────────────────────────────────────────

/**
 * What the link page may say. Every unusable link (used, expired, cancelled,
 * forged) answers the same "invalid", whoever asks.
 */
export type InvitationLink =
  | { kind: "invalid" }
  | {
      kind: "valid";
      inviteEmail: string;
      leaderName: string;
      message: string | null;
      share: Share;
      /** Null when signed out; else whether the signed-in account is the invited address. */
      viewerIsInvitee: boolean | null;
    };

async function usableInvitation(token: string, now: Date) {
  if (!isWellFormedInviteToken(token)) return null;
  return db.mentorship.findFirst({
    where: { inviteTokenHash: hashInviteToken(token), status: "PENDING", inviteExpiresAt: { gt: now } },
    select: {
      id: true,
      menteeId: true,
      inviteEmail: true,
      message: true,
      ...SHARE_SELECT,
      mentee: { select: { name: true, email: true } },
    },
  });
}

async function isInvitee(viewer: Viewer, inviteEmail: string): Promise<boolean> {
  const me = await db.user.findUnique({ where: { id: viewer.userId }, select: { email: true } });
  return me !== null && me.email.toLowerCase() === inviteEmail.toLowerCase();
}

export async function describeInvitation(token: string, viewer: Viewer | null, now: Date = new Date()): Promise<InvitationLink> {
  const row = await usableInvitation(token, now);
  if (!row || row.menteeId === viewer?.userId) return { kind: "invalid" };
  return {
    kind: "valid",
    inviteEmail: row.inviteEmail,
    leaderName: row.mentee.name ?? row.mentee.email,
    message: row.message,
    share: shareOf(row),
    viewerIsInvitee: viewer ? await isInvitee(viewer, row.inviteEmail) : null,
  };
}

export type AcceptResult = { kind: "accepted"; menteeId: string } | { kind: "wrong-account"; inviteEmail: string } | { kind: "invalid" };

/**
 * Accepts with the signed-in account, which must be the invited address.
 * The token is cleared in the same statement that accepts, so it works once
 * even when two tabs race. A newer acceptance replaces an older mentorship
 * between the same two people (the newer sharing choices win).
 */
export async function acceptInvitation(viewer: Viewer, token: string, now: Date = new Date()): Promise<AcceptResult> {
  const row = await usableInvitation(token, now);
  if (!row || row.menteeId === viewer.userId) return { kind: "invalid" };
  if (!(await isInvitee(viewer, row.inviteEmail))) return { kind: "wrong-account", inviteEmail: row.inviteEmail };
  const accepted = await db.$transaction(async (tx) => {
    const { count } = await tx.mentorship.updateMany({
      where: { id: row.id, inviteTokenHash: hashInviteToken(token), status: "PENDING", inviteExpiresAt: { gt: now } },
      data: { status: "ACCEPTED", mentorId: viewer.userId, acceptedAt: now, inviteTokenHash: null },
    });
    if (count === 0) return false;
    await tx.mentorship.updateMany({
      where: { menteeId: row.menteeId, mentorId: viewer.userId, status: "ACCEPTED", id: { not: row.id } },
      data: { status: "ENDED", endedAt: now },
    });
    return true;
  });
  if (!accepted) return { kind: "invalid" };
  await recordAudit({ userId: viewer.userId, action: "invitation_accepted", detail: { mentorshipId: row.id } });
  return { kind: "accepted", menteeId: row.menteeId };
}
