import "server-only";
import { db } from "@/lib/db";
import { ExpectedError } from "@/lib/actions";
import { formatDateOnly, fromDateOnly, toDateOnly, type DateOnly } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { NO_REFLECTIONS } from "@/lib/reflection-questions";
import { getCalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/viewer";
import { canLogWeek, currentWeekStart, isWeekStart, previousWeekStart } from "@/lib/week-dates";
import type { WeekInput } from "@/lib/weeks.validation";

/** A week as saved, in plain values that can travel to the browser. Version 0 means never saved. */
export type SavedWeek = Omit<WeekInput, "startsOn" | "version"> & {
  startsOn: DateOnly;
  version: number;
  /** ISO time of the last save, null when never saved. */
  savedAt: string | null;
};

const weekSelect = {
  startsOn: true,
  version: true,
  firefightingMinutes: true,
  strategyMinutes: true,
  otherMinutes: true,
  reflectionStrategy: true,
  reflectionStory: true,
  reflectionRelationships: true,
  reflectionVision: true,
  ratingStrategy: true,
  ratingStory: true,
  ratingRelationships: true,
  ratingVision: true,
  highlights: true,
  updatedAt: true,
} satisfies Prisma.WeekSelect;

type WeekRow = Prisma.WeekGetPayload<{ select: typeof weekSelect }>;

function toSavedWeek({ startsOn, updatedAt, ...rest }: WeekRow): SavedWeek {
  return { ...rest, startsOn: toDateOnly(startsOn), savedAt: updatedAt.toISOString() };
}

/** What the form shows for a week nobody has saved yet. */
export function emptyWeek(startsOn: DateOnly): SavedWeek {
  return {
    startsOn,
    version: 0,
    savedAt: null,
    firefightingMinutes: 0,
    strategyMinutes: 0,
    otherMinutes: 0,
    ...NO_REFLECTIONS,
  };
}

/** The viewer's week starting on `startsOn`, or null when they have not saved it. */
export async function getWeek(viewer: Viewer, startsOn: DateOnly): Promise<SavedWeek | null> {
  const row = await db.week.findUnique({
    where: { userId_startsOn: { userId: viewer.userId, startsOn: fromDateOnly(startsOn) } },
    select: weekSelect,
  });
  return row ? toSavedWeek(row) : null;
}

/** The save was based on an older version: someone saved this week since the form was loaded. */
export class WeekConflictError extends ExpectedError {
  constructor(readonly saved: SavedWeek) {
    super(
      "This week was saved somewhere else (another tab or device) since you opened it, so we did not overwrite it. Nothing is lost: compare below and choose what to keep.",
      undefined,
      { conflict: saved },
    );
    this.name = "WeekConflictError";
  }
}

/**
 * Saves a week if it is still at the version the form was loaded with. The
 * check and the write are one statement (UPDATE … WHERE version = n, or an
 * INSERT guarded by the unique key), so two racing saves cannot both win.
 */
export async function saveWeek(viewer: Viewer, input: WeekInput, now: Date = new Date()): Promise<SavedWeek> {
  const settings = await getCalendarSettings(viewer);
  if (!isWeekStart(input.startsOn, settings.weekStartsOn)) {
    throw new ExpectedError("That date is not the first day of one of your weeks. Open the week from the week page and save again.", "startsOn");
  }
  const current = currentWeekStart(settings, now);
  if (!canLogWeek(input.startsOn, current)) {
    // It opens once it is next week, seven days before it starts.
    throw new ExpectedError(`This week is still ahead of you. You can log it from ${formatDateOnly(previousWeekStart(input.startsOn))}.`);
  }

  const { startsOn, version, ...values } = input;
  const key = { userId: viewer.userId, startsOn: fromDateOnly(startsOn) };

  if (version === 0) {
    try {
      return toSavedWeek(await db.week.create({ data: { ...key, ...values }, select: weekSelect }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw await conflictFor(viewer, startsOn);
      throw error;
    }
  }

  const [row] = await db.week.updateManyAndReturn({
    where: { ...key, version },
    data: { ...values, version: { increment: 1 } },
    select: weekSelect,
  });
  if (!row) throw await conflictFor(viewer, startsOn);
  return toSavedWeek(row);
}

async function conflictFor(viewer: Viewer, startsOn: DateOnly): Promise<WeekConflictError> {
  // A version that never existed (a crafted request) compares against the empty week.
  return new WeekConflictError((await getWeek(viewer, startsOn)) ?? emptyWeek(startsOn));
}
