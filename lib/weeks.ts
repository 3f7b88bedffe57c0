import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { ExpectedError, VersionConflictError } from "@/lib/server/errors";
import { addDaysTo, formatDateOnly, fromDateOnly, todayIn, toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { NO_REFLECTIONS, type RatingField } from "@/lib/shared/reflection-questions";
import { calendarSettingsOf, getCalendarSettings, getProfile, type CalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import {
  canLogWeek,
  currentWeekStart,
  formatWeekRange,
  isWeekStart,
  neighbouringWeeks,
  previousWeekStart,
  unloggedLastWeek,
  weekEndOf,
  weekStartOf,
  weekStrip,
  weekTimeline,
  weekToOpen,
  type StripWeek,
} from "@/lib/shared/week-dates";
import type { WeekInput } from "@/lib/weeks.validation";
import { pageSlice } from "@/lib/shared/pagination";

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

/** A saved week's row with its id, which the review thread on the week hangs from. */
const weekRowSelect = { id: true, ...weekSelect } satisfies Prisma.WeekSelect;

type WeekRow = Prisma.WeekGetPayload<{ select: typeof weekRowSelect }>;

/** The week as the form gets it: its row's id stays on the server. */
function toSavedWeek(row: Omit<WeekRow, "id"> & { id?: string }): SavedWeek {
  const { startsOn, updatedAt, ...rest } = row;
  delete rest.id;
  return { ...rest, startsOn: toDateOnly(startsOn), savedAt: updatedAt.toISOString() };
}

// The week a render opens, as `placeWeek` read it (null: not saved), kept for
// the rest of the render (React's `cache`), so the page's week and the id its
// review thread hangs from cost no statement of their own. Outside a render
// (an action, a job) nothing is kept and each read goes to the database.
const keptWeekRows = cache(() => new Map<string, WeekRow | null>());
const keptKey = (ownerId: string, startsOn: DateOnly) => `${ownerId}/${startsOn}`;

async function readWeekRow(ownerId: string, startsOn: DateOnly): Promise<WeekRow | null> {
  const kept = keptWeekRows().get(keptKey(ownerId, startsOn));
  if (kept !== undefined) return kept;
  return db.week.findUnique({ where: { userId_startsOn: { userId: ownerId, startsOn: fromDateOnly(startsOn) } }, select: weekRowSelect });
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
  const row = await readWeekRow(viewer.userId, startsOn);
  return row ? toSavedWeek(row) : null;
}

/** The id of the owner's week starting on `startsOn`, or null when it is not saved. The caller decides who may ask. */
export async function savedWeekId(ownerId: string, startsOn: DateOnly): Promise<string | null> {
  return (await readWeekRow(ownerId, startsOn))?.id ?? null;
}

/** Where a week sits among the owner's weeks, in their calendar settings. */
export type WeekPlace = {
  settings: CalendarSettings;
  /** The week to show: a redirect is due when it is not the day asked for. */
  startsOn: DateOnly;
  previous: DateOnly;
  next: DateOnly;
  /** This week: the calendar week holding today, or the saved week standing in for it. */
  currentStart: DateOnly;
  /** Weeks up to next week can be logged; an older week counts as the calendar week it stands in for. */
  loggable: boolean;
};

/** The owner's saved weeks starting within `days` of any of `around`, oldest first. */
async function savedWeeksNear(owner: Viewer, around: DateOnly[], days: number): Promise<WeekRow[]> {
  return db.week.findMany({
    where: {
      userId: owner.userId,
      OR: around.map((day) => ({ startsOn: { gte: fromDateOnly(addDaysTo(day, -days)), lte: fromDateOnly(addDaysTo(day, days)) } })),
    },
    select: weekRowSelect,
    orderBy: { startsOn: "asc" },
  });
}

/** Whether a week may be saved: the calendar week it is (or stands in for) is at most next week. */
function isLoggable(startsOn: DateOnly, settings: CalendarSettings, now: Date): boolean {
  return canLogWeek(weekStartOf(startsOn, settings.weekStartsOn), currentWeekStart(settings, now));
}

/**
 * The week that `day` (today when not given) opens for its owner, with its
 * neighbours and this week, counting weeks saved under an earlier week-start
 * setting (see lib/shared/week-dates.ts). Read once per render (React's
 * `cache`): the week's layout decides its address with it, then the page.
 * The same statement reads the weeks' rows (a handful), and the opened one is
 * kept for `getWeek` in the same render.
 */
// The opened week starts within 6 days of the day asked for; its neighbours need 21 days around it.
const NEAR_DAYS = 28;

// The owner's latest week saved before this calendar week, when placeWeek
// read it among the weeks around today, for lastWeekToLog in the same render.
const keptLatestBefore = cache(() => new Map<string, DateOnly>());

export const placeWeek = cache(async (owner: Viewer, day?: DateOnly, now: Date = new Date()): Promise<WeekPlace> => {
  const settings = await getCalendarSettings(owner);
  const today = todayIn(settings.timeZone, now);
  const requested = day ?? today;
  const rows = await savedWeeksNear(owner, [requested, today], NEAR_DAYS);
  const saved = rows.map((row) => toDateOnly(row.startsOn));
  const startsOn = weekToOpen(requested, settings.weekStartsOn, saved);
  // The opened week starts within 6 days of the day asked for, so the rows hold it when it is saved.
  keptWeekRows().set(keptKey(owner.userId, startsOn), rows.find((row) => toDateOnly(row.startsOn) === startsOn) ?? null);
  // The rows hold every week saved in the weeks before today's: the latest before this week, when there is one there.
  const current = currentWeekStart(settings, now);
  const latest = saved.findLast((start) => start >= addDaysTo(today, -NEAR_DAYS) && start < current);
  if (latest) keptLatestBefore().set(keptKey(owner.userId, current), latest);
  return {
    settings,
    startsOn,
    ...neighbouringWeeks(startsOn, settings.weekStartsOn, saved),
    currentStart: weekToOpen(today, settings.weekStartsOn, saved),
    loggable: isLoggable(startsOn, settings, now),
  };
});

/** The save was based on an older version: someone saved this week since the form was loaded. */
export class WeekConflictError extends VersionConflictError<SavedWeek> {
  constructor(saved: SavedWeek) {
    super(
      "This week was saved somewhere else (another tab or device) since you opened it, so we did not overwrite it. Nothing is lost: compare below and choose what to keep.",
      saved,
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
  const { startsOn, version, ...values } = input;
  // A week saved under an earlier week-start setting can still be edited (version > 0), but no new one starts off the calendar.
  if (version === 0 && !isWeekStart(startsOn, settings.weekStartsOn)) {
    throw new ExpectedError("That date is not the first day of one of your weeks. Open the week from the week page and save again.", "startsOn");
  }
  if (!isLoggable(startsOn, settings, now)) {
    // It opens once it is next week, seven days before it starts.
    throw new ExpectedError(`This week is still ahead of you. You can log it from ${formatDateOnly(previousWeekStart(startsOn))}.`);
  }

  const key = { userId: viewer.userId, startsOn: fromDateOnly(startsOn) };

  if (version === 0) {
    const standIn = await savedWeekStandingInFor(viewer, startsOn);
    if (standIn) {
      throw new ExpectedError(
        `You logged this week already (${formatWeekRange(standIn)}), before you changed the first day of your week. Open that week to edit it.`,
        "startsOn",
      );
    }
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

/** A week saved under an earlier setting that starts inside the calendar week starting on `calendarStart`. */
async function savedWeekStandingInFor(owner: Viewer, calendarStart: DateOnly): Promise<DateOnly | null> {
  const row = await db.week.findFirst({
    where: { userId: owner.userId, startsOn: { gt: fromDateOnly(calendarStart), lte: fromDateOnly(weekEndOf(calendarStart)) } },
    select: { startsOn: true },
  });
  return row ? toDateOnly(row.startsOn) : null;
}

async function conflictFor(viewer: Viewer, startsOn: DateOnly): Promise<WeekConflictError> {
  // A version that never existed (a crafted request) compares against the empty week.
  return new WeekConflictError((await getWeek(viewer, startsOn)) ?? emptyWeek(startsOn));
}

// ── All your weeks ───────────────────────────────────────────────────────

/** Weeks per page of /weeks, gaps included. */
export const WEEKS_PER_PAGE = 20;

/** What the list shows of a logged week. */
export type WeekSummary = Pick<SavedWeek, "firefightingMinutes" | "strategyMinutes" | "otherMinutes" | RatingField> & {
  /** A mentor marked it reviewed (any mentor, also one whose access has ended since). */
  reviewed: boolean;
  comments: number;
};

/** A line of the list: a logged week, or a calendar week not logged (summary null). */
export type ListedWeek = { startsOn: DateOnly; summary: WeekSummary | null };

export type WeekList = {
  settings: CalendarSettings;
  /** The week today opens: the calendar week, or the saved week standing in for it. */
  thisWeek: DateOnly;
  /** 1-based, within 1…pages. */
  page: number;
  pages: number;
  weeks: ListedWeek[];
  /** The last 52 calendar weeks, oldest first. */
  strip: StripWeek[];
};

/**
 * The owner's weeks, newest first, `WEEKS_PER_PAGE` to a page (a page past
 * the last shows the last), with the gaps since the first logged week and the
 * strip of the last 52 weeks. Two statements beside the profile the shell
 * reads anyway: every saved week start, then the page's weeks with their
 * comment and review counts.
 */
export async function listWeeks(owner: Viewer, page: number, now: Date = new Date()): Promise<WeekList> {
  const settings = calendarSettingsOf(await getProfile(owner.userId));
  const rows = await db.week.findMany({ where: { userId: owner.userId }, select: { startsOn: true }, orderBy: { startsOn: "asc" } });
  // Oldest first.
  const saved = rows.map((row) => toDateOnly(row.startsOn));
  const current = currentWeekStart(settings, now);
  const timeline = weekTimeline(saved, settings.weekStartsOn, current);
  const shown = pageSlice(timeline.length, WEEKS_PER_PAGE, page);
  const lines = timeline.slice(shown.start, shown.end);
  const logged = lines.filter((line) => line.logged).map((line) => fromDateOnly(line.startsOn));
  const details =
    logged.length === 0
      ? []
      : await db.week.findMany({
          where: { userId: owner.userId, startsOn: { in: logged } },
          select: {
            startsOn: true,
            firefightingMinutes: true,
            strategyMinutes: true,
            otherMinutes: true,
            ratingStrategy: true,
            ratingStory: true,
            ratingRelationships: true,
            ratingVision: true,
            _count: { select: { comments: true, reviews: true } },
          },
        });
  const summaries = new Map<DateOnly, WeekSummary>(
    details.map(({ startsOn, _count, ...values }) => [toDateOnly(startsOn), { ...values, reviewed: _count.reviews > 0, comments: _count.comments }]),
  );
  return {
    settings,
    thisWeek: weekToOpen(todayIn(settings.timeZone, now), settings.weekStartsOn, saved),
    page: shown.page,
    pages: shown.pages,
    // A week deleted between the two reads shows as not logged.
    weeks: lines.map((line) => ({ startsOn: line.startsOn, summary: summaries.get(line.startsOn) ?? null })),
    strip: weekStrip(saved, settings.weekStartsOn, current, saved[0] ? weekStartOf(saved[0], settings.weekStartsOn) : null),
  };
}

/**
 * Last week, when the owner has not logged it although they logged an
 * earlier week (lib/shared/week-dates.ts `unloggedLastWeek`); else null.
 */
export async function lastWeekToLog(owner: Viewer, settings: CalendarSettings, now: Date = new Date()): Promise<DateOnly | null> {
  const current = currentWeekStart(settings, now);
  // This week's page placed its week first: a week saved in the last few weeks answers without a statement.
  const kept = keptLatestBefore().get(keptKey(owner.userId, current));
  if (kept) return unloggedLastWeek(current, weekStartOf(kept, settings.weekStartsOn));
  // The latest week before this calendar week: logged weeks count for the calendar week their first day falls in.
  const latest = await db.week.findFirst({
    where: { userId: owner.userId, startsOn: { lt: fromDateOnly(current) } },
    orderBy: { startsOn: "desc" },
    select: { startsOn: true },
  });
  return unloggedLastWeek(current, latest ? weekStartOf(toDateOnly(latest.startsOn), settings.weekStartsOn) : null);
}
