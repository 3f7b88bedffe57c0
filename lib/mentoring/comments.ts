import "server-only";
import { NotFoundError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { enqueueCommentDigest } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { activeMentorsOf, getMenteeAccessFor, resolveThread, threadRefusal, threadResource, type ResolvedThread, type ThreadRef } from "@/lib/mentoring/mentor-access";
import type { Viewer } from "@/lib/server/viewer";

// Review threads: comments on a leader's week or vision note, written by the
// leader and by their active mentors. Who may read or write a thread is
// decided by lib/mentoring/mentor-access.ts; authors alone edit or delete their own.

export type ReviewComment = {
  id: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string; isMentee: boolean };
  /** Written by the viewer: they may edit or delete it. */
  mine: boolean;
};

export type Thread = {
  thread: ResolvedThread;
  comments: ReviewComment[];
  /**
   * Someone else would read a new comment: always for a mentor; for the leader, an active mentor who sees
   * this thread. Asked only of a thread with no comments yet (null otherwise): one with comments is answered.
   */
  othersCanRead: boolean | null;
};

const NOT_FOUND = "That comment";

/** The comments of a thread: a week's or a note's. */
const commentsIn = (thread: ResolvedThread) => ({ menteeId: thread.menteeId, ...(thread.weekId ? { weekId: thread.weekId } : { noteId: thread.noteId }) });

/** Who reads a thread's comment when no one else has written in it: the leader, for a mentor; every active mentor who sees it, for the leader. */
const firstReadersOf = (thread: ResolvedThread): Promise<string[]> =>
  thread.viewerIsMentee ? activeMentorsOf(thread.menteeId, thread) : Promise.resolve([thread.menteeId]);

/** The thread on a week or note, oldest comment first; null when the viewer may not read it. */
export async function getThread(viewer: Viewer | null, ref: ThreadRef): Promise<Thread | null> {
  const thread = await resolveThread(viewer, ref);
  if (!thread || !viewer) return null;
  const rows = await db.reviewComment.findMany({
    where: commentsIn(thread),
    select: { id: true, body: true, createdAt: true, editedAt: true, author: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    thread,
    // With no comments there are no authors to ask first.
    othersCanRead: rows.length > 0 ? null : (await firstReadersOf(thread)).length > 0,
    comments: rows.map(({ author, ...row }) => ({
      ...row,
      author: { id: author.id, name: author.name ?? author.email, isMentee: author.id === thread.menteeId },
      mine: author.id === viewer.userId,
    })),
  };
}

/**
 * Who hears about a new comment: the leader when a mentor writes; when the
 * leader writes, the active mentors already in the thread (or, in a thread
 * no mentor has joined yet, every active mentor who can read it).
 */
async function recipientsOf(viewer: Viewer, thread: ResolvedThread): Promise<string[]> {
  if (!thread.viewerIsMentee) return firstReadersOf(thread);
  const authors = await db.reviewComment.findMany({
    where: { ...commentsIn(thread), authorId: { not: viewer.userId } },
    select: { authorId: true },
    distinct: ["authorId"],
  });
  const participants = await activeMentorsOf(thread.menteeId, thread, authors.map((a) => a.authorId));
  return participants.length > 0 ? participants : firstReadersOf(thread);
}

/**
 * Adds a comment, a notification for each recipient in the same transaction,
 * then asks for their email digests. A queue hiccup is logged, never shown:
 * the notification is saved and the hourly sweep sends its email.
 */
export async function addComment(viewer: Viewer, ref: ThreadRef, body: string, { baseUrl }: { baseUrl: string }): Promise<{ id: string }> {
  const thread = await resolveThread(viewer, ref);
  if (!thread) throw await threadRefusal(viewer, ref);
  const recipients = await recipientsOf(viewer, thread);
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.reviewComment.create({
      data: { menteeId: thread.menteeId, authorId: viewer.userId, weekId: thread.weekId, noteId: thread.noteId, body },
      select: { id: true },
    });
    if (recipients.length > 0) {
      await tx.notification.createMany({ data: recipients.map((userId) => ({ userId, commentId: created.id })) });
    }
    return created;
  });
  for (const recipientId of recipients) {
    await enqueueCommentDigest({ recipientId, authorId: viewer.userId, baseUrl }).catch((error: unknown) =>
      logger.error({ err: error, commentId: comment.id }, "Queueing a comment digest failed; the hourly sweep will send it"),
    );
  }
  return comment;
}

/** The viewer's own comment, if they can still take part in its thread (a mentor whose access ended cannot). */
async function ownCommentInReach(viewer: Viewer, id: string): Promise<boolean> {
  const row = await db.reviewComment.findFirst({ where: { id, authorId: viewer.userId }, select: { menteeId: true, noteId: true } });
  if (!row) return false;
  if (row.menteeId === viewer.userId) return true;
  return (await getMenteeAccessFor(viewer, row.menteeId, threadResource(row))) !== null;
}

export async function editComment(viewer: Viewer, id: string, body: string, now: Date = new Date()): Promise<void> {
  if (!(await ownCommentInReach(viewer, id))) throw new NotFoundError(NOT_FOUND);
  const { count } = await db.reviewComment.updateMany({ where: { id, authorId: viewer.userId }, data: { body, editedAt: now } });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}

export async function deleteComment(viewer: Viewer, id: string): Promise<void> {
  if (!(await ownCommentInReach(viewer, id))) throw new NotFoundError(NOT_FOUND);
  // Its notifications go with it (cascade), so nobody is told about a comment that is gone.
  const { count } = await db.reviewComment.deleteMany({ where: { id, authorId: viewer.userId } });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}
