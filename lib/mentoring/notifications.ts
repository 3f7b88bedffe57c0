import "server-only";
import { cache } from "react";
import { formatDateOnly, toDateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { commentDigestEmail } from "@/lib/server/emails/comment-digest";
import { sendEmail } from "@/lib/server/email";
import { DIGEST_GATHER_SECONDS, enqueueCommentDigest, type CommentDigestJob } from "@/lib/server/jobs";
import { visibleCommentsWhere, visibleNotificationsWhere } from "@/lib/mentoring/mentor-access";
import type { Viewer } from "@/lib/server/viewer";
import { unsubscribeLink } from "@/lib/reminders/unsubscribe-token";

// A notification tells a user about one new comment, or a leader that a
// mentor marked one of their weeks reviewed. They are listed in the app at
// once; comments are also emailed in digests: at most one email an hour for
// each (recipient, author) pair, carrying every comment since the last one.

/** At most one digest email per recipient and author in this time. */
export const DIGEST_INTERVAL_MS = 60 * 60 * 1000;

export type NotificationItem = {
  id: string;
  /** A new comment, or a mentor marking one of the recipient's weeks reviewed. */
  kind: "comment" | "review";
  createdAt: Date;
  readAt: Date | null;
  author: string;
  body: string;
  /** "Week of 16 Nov 2026" or the vision note's title. */
  on: string;
  /** The thread, on the leader's own pages or, for a mentor, under /mentees. */
  href: string;
};

const commentSelect = {
  id: true,
  body: true,
  menteeId: true,
  noteId: true,
  author: { select: { name: true, email: true } },
  week: { select: { startsOn: true } },
  note: { select: { title: true } },
} as const;

type CommentRow = {
  id: string;
  body: string;
  menteeId: string;
  noteId: string | null;
  author: { name: string | null; email: string };
  week: { startsOn: Date } | null;
  note: { title: string } | null;
};

const weekOf = (startsOn: Date) => `Week of ${formatDateOnly(toDateOnly(startsOn), { day: "numeric", month: "short", year: "numeric" })}`;

function whereOf(comment: CommentRow): string {
  if (comment.note) return `Vision note “${comment.note.title}”`;
  return comment.week ? weekOf(comment.week.startsOn) : "A review";
}

const reviewSelect = { week: { select: { startsOn: true } }, mentorship: { select: { mentor: { select: { name: true, email: true } } } } } as const;

type ReviewRow = { week: { startsOn: Date }; mentorship: { mentor: { name: string | null; email: string } | null } };

type NotificationRow = { id: string; createdAt: Date; readAt: Date | null; comment: CommentRow | null; review: ReviewRow | null };

function itemOf({ comment, review, ...row }: NotificationRow, recipientId: string): NotificationItem {
  if (comment) {
    return {
      ...row,
      kind: "comment",
      author: comment.author.name ?? comment.author.email,
      body: comment.body,
      on: whereOf(comment),
      href: hrefOf(comment, recipientId),
    };
  }
  // A review of the recipient's own week (visibleNotificationsWhere).
  const mentor = review?.mentorship.mentor;
  return {
    ...row,
    kind: "review",
    author: mentor ? (mentor.name ?? mentor.email) : "A former mentor",
    body: "",
    on: review ? weekOf(review.week.startsOn) : "A review",
    href: review ? `/weeks/${toDateOnly(review.week.startsOn)}` : "/notifications",
  };
}

function hrefOf(comment: CommentRow, recipientId: string): string {
  const base = comment.menteeId === recipientId ? "" : `/mentees/${encodeURIComponent(comment.menteeId)}`;
  if (comment.noteId) return `${base}/notes/${encodeURIComponent(comment.noteId)}#comments`;
  return comment.week ? `${base}/weeks/${toDateOnly(comment.week.startsOn)}#comments` : "/notifications";
}

export async function listNotifications(viewer: Viewer, { take = 50 }: { take?: number } = {}): Promise<{ unread: number; items: NotificationItem[] }> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: visibleNotificationsWhere(viewer.userId),
      select: { id: true, createdAt: true, readAt: true, comment: { select: commentSelect }, review: { select: reviewSelect } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
    }),
    countUnreadNotifications(viewer),
  ]);
  return {
    unread,
    items: rows.map((row) => itemOf(row, viewer.userId)),
  };
}

/** Read once per render (React's `cache`; the viewer is one object for the render): the shell shows it, a thread and the notifications page ask again. */
export const countUnreadNotifications = cache(async (viewer: Viewer): Promise<number> => {
  return db.notification.count({ where: { ...visibleNotificationsWhere(viewer.userId), readAt: null } });
});

export async function markAllNotificationsRead(viewer: Viewer, now: Date = new Date()): Promise<void> {
  await db.notification.updateMany({ where: { userId: viewer.userId, readAt: null }, data: { readAt: now } });
}

/** Opening a thread reads its notifications. */
export async function markThreadNotificationsRead(viewer: Viewer, thread: { weekId: string | null; noteId: string | null }, now: Date = new Date()): Promise<void> {
  // The shell counted the unread ones in this render: with none, there is nothing to mark read.
  if ((await countUnreadNotifications(viewer)) === 0) return;
  await db.notification.updateMany({
    where: {
      userId: viewer.userId,
      readAt: null,
      OR: thread.weekId ? [{ comment: { weekId: thread.weekId } }, { reviewWeekId: thread.weekId }] : [{ comment: { noteId: thread.noteId } }],
    },
    data: { readAt: now },
  });
}

/**
 * The comment-digest job: emails the recipient every unread, not yet emailed
 * comment from one author, unless that pair had an email within the hour, in
 * which case it comes back when the hour is up. Claiming the notifications
 * (setting emailedAt) is atomic, so two runs never email the same comment.
 * The email is written and sent here, not left in the email queue: a
 * leader's words (or a note's title) then reach a mentor only if mentor
 * access allows it at the moment of sending, and each retry asks again.
 * A recipient who turned comment emails off gets none (they stay in the app).
 */
export async function sendCommentDigest(job: CommentDigestJob, now: Date = new Date()): Promise<{ emailed: number; retryInSeconds?: number }> {
  const rows = await db.notification.findMany({
    where: {
      userId: job.recipientId,
      emailedAt: null,
      readAt: null,
      user: { emailCommentDigest: true },
      comment: { authorId: job.authorId, ...visibleCommentsWhere(job.recipientId) },
    },
    select: { id: true, comment: { select: commentSelect }, user: { select: { email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const pending = rows.flatMap(({ comment, ...row }) => (comment ? [{ ...row, comment }] : []));
  if (pending.length === 0) return { emailed: 0 };

  const pair = { userId: job.recipientId, comment: { authorId: job.authorId } };
  const last = await db.notification.findFirst({ where: { ...pair, emailedAt: { not: null } }, orderBy: { emailedAt: "desc" }, select: { emailedAt: true } });
  const nextAllowed = last?.emailedAt ? last.emailedAt.getTime() + DIGEST_INTERVAL_MS : 0;
  if (nextAllowed > now.getTime()) {
    const retryInSeconds = Math.ceil((nextAllowed - now.getTime()) / 1000);
    await enqueueCommentDigest(job, retryInSeconds);
    return { emailed: 0, retryInSeconds };
  }

  const claimed = await db.notification.updateManyAndReturn({
    where: { id: { in: pending.map((n) => n.id) }, emailedAt: null },
    data: { emailedAt: now },
    select: { id: true },
  });
  const ids = new Set(claimed.map((n) => n.id));
  const mine = pending.filter((n) => ids.has(n.id));
  const first = mine[0];
  if (!first) return { emailed: 0 };

  const email = commentDigestEmail({
    to: first.user.email,
    author: first.comment.author.name ?? first.comment.author.email,
    comments: mine.map((n) => ({ on: whereOf(n.comment), body: n.comment.body })),
    url: new URL("/notifications", job.baseUrl).toString(),
    unsubscribe: unsubscribeLink(job.baseUrl, job.recipientId, "comment-digest", now),
  });
  try {
    await sendEmail(email);
  } catch (error) {
    // Not sent: give the comments back so the retry of this job (or the hourly sweep) sends what is still visible then.
    await db.notification.updateMany({ where: { id: { in: [...ids] }, emailedAt: now }, data: { emailedAt: null } });
    throw error;
  }
  return { emailed: mine.length };
}

/** Hourly: a digest for every pair with comments waiting, in case a digest job was never queued. */
export async function sweepCommentDigests(baseUrl: string, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - DIGEST_GATHER_SECONDS * 2 * 1000);
  const pairs = await db.$queryRaw<Array<{ recipientId: string; authorId: string }>>`
    SELECT DISTINCT n."userId" AS "recipientId", c."authorId"
    FROM "Notification" n JOIN "ReviewComment" c ON c.id = n."commentId" JOIN "User" u ON u.id = n."userId"
    WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" < ${before} AND u."emailCommentDigest"`;
  for (const pair of pairs) await enqueueCommentDigest({ ...pair, baseUrl }, 0);
  return pairs.length;
}
