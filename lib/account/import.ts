import "server-only";
import { randomUUID } from "node:crypto";
import { ExpectedError } from "@/lib/server/errors";
import type { AccountExport } from "@/lib/account/account.validation";
import { db } from "@/lib/server/db";
import { fromDateOnly } from "@/lib/shared/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/server/viewer";
import { rescheduleWeeklyEmails } from "@/lib/reminders/preferences";
import { SELF_RATER } from "@/lib/story/pack";

// An export (lib/account/export.ts) restored into an empty account.

/** Whether an import may go into this account: no weeks, stakeholders, touchpoints or notes, trash included. */
export async function isAccountEmpty(
  viewer: Viewer,
  tx: Pick<typeof db, "week" | "stakeholder" | "touchpoint" | "visionNote" | "storyNarrative" | "storyRating"> = db,
): Promise<boolean> {
  const where = { userId: viewer.userId };
  const counts = await Promise.all([
    tx.week.count({ where }),
    tx.stakeholder.count({ where }),
    tx.touchpoint.count({ where }),
    tx.visionNote.count({ where }),
    tx.storyNarrative.count({ where }),
    tx.storyRating.count({ where: { ...where, rater: SELF_RATER } }),
  ]);
  return counts.every((count) => count === 0);
}

export type ImportSummary = { weeks: number; stakeholders: number; touchpoints: number; visionNotes: number };

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 500;

async function createInChunks<T>(rows: T[], create: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await create(rows.slice(start, start + CHUNK));
}

/**
 * Restores an export into the viewer's account, which must hold no weeks,
 * stakeholders, touchpoints or vision notes (trash included): an import never
 * merges. Every row gets a new id (the file's ids only tie rows together), in
 * one transaction, so a failed import leaves nothing behind. Timestamps are
 * kept. Mentorships and comments involve other people and are not imported.
 */
export async function importAccount(viewer: Viewer, data: AccountExport): Promise<ImportSummary> {
  const userId = viewer.userId;
  const summary = await db.$transaction(
    async (tx) => {
      // Two imports at once would both see an empty account: take turns per user.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
      if (!(await isAccountEmpty(viewer, tx))) {
        throw new ExpectedError("This account already has data. Import only works into an empty account: delete this account or sign in with a new one first.");
      }

      await tx.user.update({
        where: { id: userId },
        data: {
          name: data.account.name,
          timeZone: data.account.timeZone,
          weekStartsOn: data.account.weekStartsOn,
          goalStrategySharePercent: data.account.goals.strategySharePercent,
          goalTouchpointsPerWeek: data.account.goals.touchpointsPerWeek,
          goalDepartments: data.account.goals.departments,
          ...(data.account.emails && {
            emailWeekReminder: data.account.emails.weekReminder,
            emailMentorDigest: data.account.emails.mentorDigest,
            emailCommentDigest: data.account.emails.commentDigest,
            weeklyEmailDay: data.account.emails.weeklyEmailDay,
            weeklyEmailMinute: data.account.emails.weeklyEmailMinute,
          }),
        },
      });

      await createInChunks(data.weeks, (chunk) =>
        tx.week.createMany({
          data: chunk.map(({ startsOn, createdAt, updatedAt, ...week }) => ({
            ...week,
            userId,
            startsOn: fromDateOnly(startsOn),
            createdAt: new Date(createdAt),
            updatedAt: new Date(updatedAt),
          })),
        }),
      );

      const stakeholderIds = new Map(data.stakeholders.map((row) => [row.id, randomUUID()]));
      await createInChunks(data.stakeholders, (chunk) =>
        tx.stakeholder.createMany({
          data: chunk.map(({ id, createdAt, updatedAt, ...row }) => ({
            ...row,
            id: stakeholderIds.get(id)!,
            userId,
            createdAt: new Date(createdAt),
            updatedAt: new Date(updatedAt),
          })),
        }),
      );

      await createInChunks(data.touchpoints, (chunk) =>
        tx.touchpoint.createMany({
          data: chunk.map((row) => ({
            id: randomUUID(),
            userId,
            // The schema checked every stakeholderId is in the file.
            stakeholderId: row.stakeholderId === null ? null : stakeholderIds.get(row.stakeholderId)!,
            department: row.department,
            occurredOn: fromDateOnly(row.occurredOn),
            channel: row.channel,
            topic: row.topic,
            outcome: row.outcome,
            notable: row.notable,
            createdAt: new Date(row.createdAt),
            updatedAt: new Date(row.updatedAt),
          })),
        }),
      );

      const notes = data.visionNotes.map((note) => ({ ...note, newId: randomUUID() }));
      await createInChunks(notes, (chunk) =>
        tx.visionNote.createMany({
          data: chunk.map((note) => ({
            id: note.newId,
            userId,
            title: note.title,
            body: note.body,
            horizon: note.horizon,
            tags: note.tags,
            status: note.status,
            statusChangedAt: note.statusChangedAt === null ? null : new Date(note.statusChangedAt),
            revisitOn: note.revisitOn === null ? null : fromDateOnly(note.revisitOn),
            createdAt: new Date(note.createdAt),
            updatedAt: new Date(note.updatedAt),
          })),
        }),
      );
      if (data.calendarRules) {
        const rules = { rules: data.calendarRules.rules, defaultCategory: data.calendarRules.defaultCategory };
        await tx.calendarRules.upsert({ where: { userId }, create: { userId, ...rules }, update: rules });
      }

      const revisits: Prisma.VisionNoteRevisitCreateManyInput[] = notes.flatMap((note) =>
        note.revisits.map((revisitedAt) => ({ userId, noteId: note.newId, revisitedAt: new Date(revisitedAt) })),
      );
      await createInChunks(revisits, (chunk) => tx.visionNoteRevisit.createMany({ data: chunk }));

      await createInChunks(data.storyNarratives, (chunk) =>
        tx.storyNarrative.createMany({
          data: chunk.map((row) => ({ userId, quarter: row.quarter, body: row.body, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) })),
        }),
      );
      // Only your own ratings: a mentor's involve someone else.
      const ownRatings = data.storyRatings.filter((row) => row.by === "you");
      await createInChunks(ownRatings, (chunk) =>
        tx.storyRating.createMany({
          data: chunk.map((row) => ({
            userId,
            quarter: row.quarter,
            habit: row.habit,
            rater: SELF_RATER,
            rating: row.rating,
            evidence: row.evidence,
            createdAt: new Date(row.createdAt),
            updatedAt: new Date(row.updatedAt),
          })),
        }),
      );

      return { weeks: data.weeks.length, stakeholders: data.stakeholders.length, touchpoints: data.touchpoints.length, visionNotes: data.visionNotes.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // The weekly emails follow the imported zone and email settings.
  await rescheduleWeeklyEmails(userId);
  return summary;
}

