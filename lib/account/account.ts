import "server-only";
import { randomUUID } from "node:crypto";
import { ExpectedError } from "@/lib/server/errors";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type AccountExport,
  type CsvFile,
} from "@/lib/account/account.validation";
import { toCsv, type CsvColumn } from "@/lib/account/csv";
import { db } from "@/lib/server/db";
import { fromDateOnly, toDateOnly } from "@/lib/shared/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HABITS, reflectionsOf } from "@/lib/shared/reflection-questions";
import { DEPARTMENTS, HORIZONS, TOUCHPOINT_CHANNELS, VISION_NOTE_STATUSES } from "@/lib/shared/vocabulary";
import type { Viewer } from "@/lib/server/viewer";

// Your data in your hands: a complete JSON export that imports back into an
// empty account, CSV files for spreadsheets, and account deletion. What is in
// the file and why: docs/decisions/007-trust-rate-limits-audit-export.md.

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

/** Everything the viewer owns, as one JSON-ready object (trash, i.e. soft-deleted rows, left out). */
export async function exportAccount(viewer: Viewer, now = new Date()): Promise<AccountExport> {
  const userId = viewer.userId;
  const [user, weeks, stakeholders, touchpoints, visionNotes, mentorships, comments] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, timeZone: true, weekStartsOn: true, goalStrategySharePercent: true, goalTouchpointsPerWeek: true, goalDepartments: true, createdAt: true },
    }),
    db.week.findMany({ where: { userId }, orderBy: { startsOn: "asc" } }),
    db.stakeholder.findMany({ where: { userId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.touchpoint.findMany({ where: { userId, deletedAt: null }, orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    db.visionNote.findMany({
      where: { userId, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { revisits: { where: { userId }, orderBy: { revisitedAt: "asc" }, select: { revisitedAt: true } } },
    }),
    db.mentorship.findMany({
      where: { OR: [{ menteeId: userId }, { mentorId: userId }] },
      orderBy: [{ invitedAt: "asc" }, { id: "asc" }],
      // Never the invitation token hash.
      select: {
        menteeId: true,
        inviteEmail: true,
        message: true,
        status: true,
        shareReflections: true,
        shareStakeholders: true,
        shareNotes: true,
        invitedAt: true,
        acceptedAt: true,
        endedAt: true,
        mentee: { select: { email: true } },
        mentor: { select: { email: true } },
      },
    }),
    db.reviewComment.findMany({
      where: { OR: [{ menteeId: userId }, { authorId: userId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        menteeId: true,
        authorId: true,
        body: true,
        createdAt: true,
        editedAt: true,
        mentee: { select: { email: true } },
        author: { select: { email: true } },
        week: { select: { startsOn: true } },
        note: { select: { title: true } },
      },
    }),
  ]);

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    account: {
      email: user.email,
      name: user.name,
      timeZone: user.timeZone,
      weekStartsOn: user.weekStartsOn,
      goals: { strategySharePercent: user.goalStrategySharePercent, touchpointsPerWeek: user.goalTouchpointsPerWeek, departments: user.goalDepartments },
      createdAt: iso(user.createdAt),
    },
    weeks: weeks.map((week) => ({
      startsOn: toDateOnly(week.startsOn),
      firefightingMinutes: week.firefightingMinutes,
      strategyMinutes: week.strategyMinutes,
      otherMinutes: week.otherMinutes,
      ...reflectionsOf(week),
      highlights: week.highlights,
      createdAt: iso(week.createdAt),
      updatedAt: iso(week.updatedAt),
    })),
    stakeholders: stakeholders.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      department: row.department,
      cadenceDays: row.cadenceDays,
      notes: row.notes,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    touchpoints: touchpoints.map((row) => ({
      id: row.id,
      stakeholderId: row.stakeholderId,
      department: row.department,
      occurredOn: toDateOnly(row.occurredOn),
      channel: row.channel,
      topic: row.topic,
      outcome: row.outcome,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    visionNotes: visionNotes.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      horizon: row.horizon,
      tags: row.tags,
      status: row.status,
      revisitOn: row.revisitOn ? toDateOnly(row.revisitOn) : null,
      revisits: row.revisits.map((revisit) => iso(revisit.revisitedAt)),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    mentorships: mentorships.map((row) => {
      const asMentee = row.menteeId === userId;
      return {
        role: asMentee ? ("mentee" as const) : ("mentor" as const),
        otherPerson: asMentee ? (row.mentor?.email ?? row.inviteEmail) : row.mentee.email,
        status: row.status,
        message: row.message,
        shareReflections: row.shareReflections,
        shareStakeholders: row.shareStakeholders,
        shareNotes: row.shareNotes,
        invitedAt: iso(row.invitedAt),
        acceptedAt: isoOrNull(row.acceptedAt),
        endedAt: isoOrNull(row.endedAt),
      };
    }),
    comments: comments.map((row) => ({
      thread: row.menteeId === userId ? ("yours" as const) : ("mentee" as const),
      menteeEmail: row.menteeId === userId ? null : row.mentee.email,
      author: row.authorId === userId ? "you" : row.author.email,
      weekStartsOn: row.week ? toDateOnly(row.week.startsOn) : null,
      noteTitle: row.note?.title ?? null,
      body: row.body,
      createdAt: iso(row.createdAt),
      editedAt: isoOrNull(row.editedAt),
    })),
  };
}

type Column<Row> = CsvColumn<Row>;
const hours = (minutes: number) => minutes / 60;

type ExportedWeek = AccountExport["weeks"][number];

const weekColumns: Column<ExportedWeek>[] = [
  { header: "Week starting", value: (week) => week.startsOn },
  { header: "Firefighting hours", value: (week) => hours(week.firefightingMinutes) },
  { header: "Strategy hours", value: (week) => hours(week.strategyMinutes) },
  { header: "Other hours", value: (week) => hours(week.otherMinutes) },
  ...HABITS.map((habit) => ({ header: `${habit.csvName} rating`, value: (week: ExportedWeek) => week[habit.ratingField] })),
  ...HABITS.map((habit) => ({ header: `${habit.csvName} reflection`, value: (week: ExportedWeek) => week[habit.reflectionField] })),
  { header: "Highlights", value: (week) => week.highlights },
];

const stakeholderColumns: Column<AccountExport["stakeholders"][number]>[] = [
  { header: "Name", value: (row) => row.name },
  { header: "Role", value: (row) => row.role },
  { header: "Department", value: (row) => DEPARTMENTS[row.department] },
  { header: "Cadence (days)", value: (row) => row.cadenceDays },
  { header: "Notes", value: (row) => row.notes },
  { header: "Added", instant: (row) => row.createdAt },
];

const noteColumns: Column<AccountExport["visionNotes"][number]>[] = [
  { header: "Title", value: (row) => row.title },
  { header: "Horizon", value: (row) => HORIZONS[row.horizon] },
  { header: "Status", value: (row) => VISION_NOTE_STATUSES[row.status] },
  { header: "Tags", value: (row) => row.tags.join(", ") },
  { header: "Revisit on", value: (row) => row.revisitOn },
  { header: "Times revisited", value: (row) => row.revisits.length },
  { header: "Note", value: (row) => row.body },
  { header: "Written", instant: (row) => row.createdAt },
];

/** One spreadsheet-safe CSV file of the viewer's data. */
export async function exportCsv(viewer: Viewer, file: CsvFile): Promise<string> {
  const data = await exportAccount(viewer);
  // Times in the user's own zone, as the app shows them.
  const zone = { timeZone: data.account.timeZone ?? "UTC" };
  switch (file) {
    case "weeks.csv":
      return toCsv(weekColumns, data.weeks, zone);
    case "stakeholders.csv":
      return toCsv(stakeholderColumns, data.stakeholders, zone);
    case "notes.csv":
      return toCsv(noteColumns, data.visionNotes, zone);
    case "touchpoints.csv": {
      const names = new Map(data.stakeholders.map((row) => [row.id, row.name]));
      const touchpointColumns: Column<AccountExport["touchpoints"][number]>[] = [
        { header: "Date", value: (row) => row.occurredOn },
        { header: "Stakeholder", value: (row) => (row.stakeholderId ? (names.get(row.stakeholderId) ?? "") : "Group meeting") },
        { header: "Department", value: (row) => DEPARTMENTS[row.department] },
        { header: "Channel", value: (row) => TOUCHPOINT_CHANNELS[row.channel] },
        { header: "Topic", value: (row) => row.topic },
        { header: "Outcome", value: (row) => row.outcome },
      ];
      return toCsv(touchpointColumns, data.touchpoints, zone);
    }
  }
}

/** Whether an import may go into this account: no weeks, stakeholders, touchpoints or notes, trash included. */
export async function isAccountEmpty(viewer: Viewer, tx: Pick<typeof db, "week" | "stakeholder" | "touchpoint" | "visionNote"> = db): Promise<boolean> {
  const where = { userId: viewer.userId };
  const counts = await Promise.all([tx.week.count({ where }), tx.stakeholder.count({ where }), tx.touchpoint.count({ where }), tx.visionNote.count({ where })]);
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
  return db.$transaction(
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
            revisitOn: note.revisitOn === null ? null : fromDateOnly(note.revisitOn),
            createdAt: new Date(note.createdAt),
            updatedAt: new Date(note.updatedAt),
          })),
        }),
      );
      const revisits: Prisma.VisionNoteRevisitCreateManyInput[] = notes.flatMap((note) =>
        note.revisits.map((revisitedAt) => ({ userId, noteId: note.newId, revisitedAt: new Date(revisitedAt) })),
      );
      await createInChunks(revisits, (chunk) => tx.visionNoteRevisit.createMany({ data: chunk }));

      return { weeks: data.weeks.length, stakeholders: data.stakeholders.length, touchpoints: data.touchpoints.length, visionNotes: data.visionNotes.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Deletes the viewer's account after they typed its email address. Their
 * weeks, stakeholders, touchpoints, notes, comments, notifications, sessions
 * and the mentorships where they are the mentee (with their invitations) go
 * with the user row (cascades). Where they mentor someone, that leader keeps
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
