// The quarterly story's writes: the leader's narrative (saved with the same
// version check as weeks) and the habit ratings of a quarter, the leader's own
// and, through lib/mentoring/mentor-access.ts, a mentor's.
import "server-only";
import { db } from "@/lib/server/db";
import { NotFoundError, VersionConflictError } from "@/lib/server/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { HABITS, type HabitKey } from "@/lib/shared/reflection-questions";
import { currentQuarter, type QuarterKey } from "@/lib/shared/quarters";
import { getCalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import { SELF_RATER } from "@/lib/story/pack";
import type { AssessmentInput, HabitRating, NarrativeInput } from "@/lib/story/story.validation";

/** A narrative as saved, in plain values for the browser. Version 0: never saved. */
export type SavedNarrative = { quarter: QuarterKey; body: string; version: number; savedAt: string | null };

/** The narrative was saved elsewhere since the form was loaded. */
export class NarrativeConflictError extends VersionConflictError<SavedNarrative> {
  constructor(saved: SavedNarrative) {
    super(
      "Your narrative was saved somewhere else (another tab or device) since you opened it, so we did not overwrite it. Nothing is lost: compare below and choose what to keep.",
      saved,
    );
    this.name = "NarrativeConflictError";
  }
}

const narrativeSelect = { quarter: true, body: true, version: true, updatedAt: true } satisfies Prisma.StoryNarrativeSelect;

function toSaved(row: Prisma.StoryNarrativeGetPayload<{ select: typeof narrativeSelect }>): SavedNarrative {
  return { quarter: row.quarter as QuarterKey, body: row.body, version: row.version, savedAt: row.updatedAt.toISOString() };
}

/** A quarter that has begun in the owner's calendar: a later one has no story yet. */
async function assertBegun(owner: Viewer, quarter: QuarterKey, now: Date): Promise<void> {
  if (quarter > currentQuarter(await getCalendarSettings(owner), now)) throw new NotFoundError("That quarter");
}

/**
 * Saves the narrative if it is still at the version the form was loaded with:
 * one statement does the check and the write (UPDATE … WHERE version = n, or an
 * INSERT guarded by the unique key), so two racing saves cannot both win.
 */
export async function saveNarrative(viewer: Viewer, input: NarrativeInput, now: Date = new Date()): Promise<SavedNarrative> {
  await assertBegun(viewer, input.quarter, now);
  const key = { userId: viewer.userId, quarter: input.quarter };
  if (input.version === 0) {
    try {
      return toSaved(await db.storyNarrative.create({ data: { ...key, body: input.body }, select: narrativeSelect }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw await conflictFor(viewer, input.quarter);
      throw error;
    }
  }
  const [row] = await db.storyNarrative.updateManyAndReturn({
    where: { ...key, version: input.version },
    data: { body: input.body, version: { increment: 1 } },
    select: narrativeSelect,
  });
  if (!row) throw await conflictFor(viewer, input.quarter);
  return toSaved(row);
}

async function conflictFor(viewer: Viewer, quarter: QuarterKey): Promise<NarrativeConflictError> {
  const row = await db.storyNarrative.findUnique({ where: { userId_quarter: { userId: viewer.userId, quarter } }, select: narrativeSelect });
  // A version that never existed (a crafted request) compares against an empty narrative.
  return new NarrativeConflictError(row ? toSaved(row) : { quarter, body: "", version: 0, savedAt: null });
}

/** The leader's own ratings of the quarter's habits. A habit left unrated loses its earlier rating. */
export async function saveSelfAssessment(viewer: Viewer, input: AssessmentInput, now: Date = new Date()): Promise<void> {
  await assertBegun(viewer, input.quarter, now);
  await saveRatings(viewer, input.quarter, { rater: SELF_RATER, mentorshipId: null }, input.ratings);
}

/**
 * One rater's ratings of an owner's quarter, habit by habit, in one
 * transaction. The owner is in every key; a mentor's rater is the mentorship
 * mentor-access has just granted.
 */
export async function saveRatings(
  owner: Viewer,
  quarter: QuarterKey,
  rater: { rater: string; mentorshipId: string | null },
  ratings: Record<HabitKey, HabitRating | null>,
): Promise<void> {
  await db.$transaction(
    HABITS.map((habit) => {
      const key = { userId: owner.userId, quarter, habit: habit.key, rater: rater.rater };
      const value = ratings[habit.key];
      return value === null
        ? db.storyRating.deleteMany({ where: key })
        : db.storyRating.upsert({
            where: { userId_quarter_habit_rater: key },
            create: { ...key, mentorshipId: rater.mentorshipId, rating: value.rating, evidence: value.evidence },
            update: { rating: value.rating, evidence: value.evidence },
          });
    }),
  );
}
