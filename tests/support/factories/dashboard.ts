// Rows for dashboard tests and the benchmark, written in bulk. Dates are
// calendar days ("YYYY-MM-DD"); instants are Dates.
import { fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import type { Department, Horizon, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { addedLongAgo } from "./stakeholders";

export type WeekSeed = {
  startsOn: DateOnly;
  firefightingMinutes?: number;
  strategyMinutes?: number;
  otherMinutes?: number;
  ratingStrategy?: number | null;
  ratingStory?: number | null;
  ratingRelationships?: number | null;
  ratingVision?: number | null;
};

export async function createWeeks(userId: string, weeks: WeekSeed[]): Promise<void> {
  await db.week.createMany({ data: weeks.map(({ startsOn, ...rest }) => ({ userId, startsOn: fromDateOnly(startsOn), ...rest })) });
}

export type StakeholderSeed = { id?: string; name?: string; department: Department; cadenceDays?: number | null; deletedAt?: Date | null; createdAt?: Date };

export async function createStakeholders(userId: string, stakeholders: StakeholderSeed[]): Promise<string[]> {
  const created = await db.stakeholder.createManyAndReturn({
    // Added long before any test's clock unless given: the cadence counts from the day they were added.
    data: stakeholders.map((s, index) => ({ name: `Stakeholder ${index + 1}`, createdAt: addedLongAgo(), ...s, userId })),
    select: { id: true },
  });
  return created.map((row) => row.id);
}

export type TouchpointSeed = { occurredOn: DateOnly; department: Department; stakeholderId?: string | null; deletedAt?: Date | null };

export async function createTouchpoints(userId: string, touchpoints: TouchpointSeed[]): Promise<void> {
  await db.touchpoint.createMany({
    data: touchpoints.map(({ occurredOn, ...rest }) => ({ userId, occurredOn: fromDateOnly(occurredOn), channel: "ONE_ON_ONE", topic: "Roadmap", ...rest })),
  });
}

export type VisionNoteSeed = {
  horizon: Horizon;
  createdAt: Date;
  status?: VisionNoteStatus;
  revisitOn?: DateOnly | null;
  deletedAt?: Date | null;
  revisitedAt?: Date[];
};

export async function createVisionNotes(userId: string, notes: VisionNoteSeed[]): Promise<void> {
  const created = await db.visionNote.createManyAndReturn({
    data: notes.map((note, index) => ({
      userId,
      title: `Bet ${index + 1}`,
      horizon: note.horizon,
      createdAt: note.createdAt,
      status: note.status,
      deletedAt: note.deletedAt,
      revisitOn: note.revisitOn ? fromDateOnly(note.revisitOn) : null,
    })),
    select: { id: true },
  });
  const revisits = notes.flatMap((note, index) => (note.revisitedAt ?? []).map((revisitedAt) => ({ userId, noteId: created[index]!.id, revisitedAt })));
  if (revisits.length > 0) await db.visionNoteRevisit.createMany({ data: revisits });
}

export async function setGoals(
  userId: string,
  goals: { goalStrategySharePercent?: number | null; goalTouchpointsPerWeek?: number | null; goalDepartments?: Department[] },
): Promise<void> {
  await db.user.update({ where: { id: userId }, data: goals });
}
