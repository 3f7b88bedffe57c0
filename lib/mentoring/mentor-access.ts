import "server-only";
import { cache } from "react";
import { NotFoundError } from "@/lib/server/errors";
import { getDashboard, getQuarterDashboard } from "@/lib/dashboard/dashboard";
import type { RangeKey } from "@/lib/dashboard/view";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { formatDateOnly, fromDateOnly, toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  MENTOR_RULES,
  SHARE_NONE,
  SHARE_SELECT,
  mentorMayRead,
  redactDashboard,
  shareColumnFor,
  shareOf,
  type MentorRowResource,
  type Share,
  type ShareColumns,
} from "@/lib/mentoring/mentorship-model";
import { NO_REFLECTIONS } from "@/lib/shared/reflection-questions";
import { getStakeholder, listStakeholders, type Stakeholder, type StakeholderList } from "@/lib/stakeholders";
import { getTouchpoint, listTouchpointsBetween, listTouchpointsWithStakeholder, type Touchpoint } from "@/lib/touchpoints";
import { getCalendarSettings, type CalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import { getVisionNote, listVisionNotes, type VisionNote, type VisionNoteList } from "@/lib/vision-notes";
import { nextWeekStart } from "@/lib/shared/week-dates";
import { getWeek, placeWeek, savedWeekId, type SavedWeek, type WeekPlace } from "@/lib/weeks";
import { getCurrentQuarter, readStoryPack, type StoryPack } from "@/lib/story/pack";
import { saveRatings } from "@/lib/story/story";
import type { MentorAssessmentInput } from "@/lib/story/story.validation";
import { currentQuarter, type QuarterKey } from "@/lib/shared/quarters";

// The one place that decides what a mentor may read. Every read of another
// user's data goes through getMenteeAccess (one query for an ACCEPTED
// mentorship with the viewer as mentor) or, where many rows are read at once,
// through grantingWhere / grantingSql, built from the same rules
// (MENTOR_RULES in mentorship-model.ts). Ended, cancelled or pending rows
// grant nothing, so revoking takes effect on the very next request. Anything
// not shared answers exactly like a missing row (null / NotFoundError).

/** A mentorship that grants anything at all. */
const ACTIVE = { status: "ACCEPTED" } as const satisfies Prisma.MentorshipWhereInput;

/** Mentorships through which their mentor may read this kind of row: the filter for reads of many rows at once. */
export function grantingWhere(resource: MentorRowResource): Prisma.MentorshipWhereInput {
  if (MENTOR_RULES[resource] === "never") return { id: { in: [] } };
  const column = shareColumnFor(resource);
  return column ? { ...ACTIVE, [column]: true } : ACTIVE;
}

/** The same as a SQL condition on the "Mentorship" row aliased `alias`, for raw queries. */
export function grantingSql(resource: MentorRowResource, alias: string): Prisma.Sql {
  if (!/^[a-z]+$/.test(alias)) throw new Error(`Not an alias: ${alias}`);
  if (MENTOR_RULES[resource] === "never") return Prisma.sql`FALSE`;
  const column = shareColumnFor(resource);
  const active = Prisma.sql`${Prisma.raw(`${alias}.status`)} = ${Prisma.raw(`'${ACTIVE.status}'`)}`;
  return column ? Prisma.sql`${active} AND ${Prisma.raw(`${alias}."${column}"`)}` : active;
}

export type MenteeAccess = {
  menteeId: string;
  mentorshipId: string;
  share: Share;
  mentee: { name: string | null; email: string };
};

/** The mentee's name as a mentor sees it. */
export function menteeName(access: Pick<MenteeAccess, "mentee">): string {
  return access.mentee.name ?? access.mentee.email;
}

// Read once per render (React's `cache`; the viewer is one object for the
// render): a mentee's layout decides the page's answer with it, and then each
// read of the page asks again. Outside a render (an action), read each time.
export const getMenteeAccess = cache(async (viewer: Viewer | null, menteeId: string): Promise<MenteeAccess | null> => {
  // No viewer (signed out) or a blank id must never become a filter Prisma ignores.
  if (!viewer?.userId || !menteeId || viewer.userId === menteeId) return null;
  const row = await db.mentorship.findFirst({
    where: { menteeId, mentorId: viewer.userId, ...ACTIVE },
    select: { id: true, ...SHARE_SELECT, mentee: { select: { name: true, email: true } } },
    orderBy: { acceptedAt: "desc" },
  });
  if (!row) return null;
  return { menteeId, mentorshipId: row.id, share: shareOf(row), mentee: row.mentee };
});

/** A mentorship that ended, as its mentor is told: who and when, nothing else of the leader's. */
export type EndedAccess = { menteeId: string; name: string; endedOn: DateOnly; byMentor: boolean };

/** "Ada ended your access on 4 Dec 2026", or, when the mentor stepped down, "You stopped mentoring Ada on 4 Dec 2026". */
export function endedAccessMessage(ended: EndedAccess): string {
  const on = formatDateOnly(ended.endedOn, { day: "numeric", month: "short", year: "numeric" });
  return ended.byMentor ? `You stopped mentoring ${ended.name} on ${on}.` : `${ended.name} ended your access on ${on}.`;
}

type EndedRow = { menteeId: string; endedAt: Date; endedByMentor: boolean; name: string | null; email: string; timeZone: string | null };

/**
 * The viewer's mentorships that ended, newest first, one per leader, with no
 * active one beside them (a leader who invited the mentor again is simply a
 * mentee). Only the name and the day are read: nothing else of the leader's.
 */
async function endedMentorships(viewer: Viewer, menteeId?: string): Promise<EndedAccess[]> {
  const rows = await db.$queryRaw<EndedRow[]>`
    SELECT DISTINCT ON (m."menteeId") m."menteeId", m."endedAt", m."endedByMentor", u.name, u.email, me."timeZone"
    FROM "Mentorship" m JOIN "User" u ON u.id = m."menteeId" JOIN "User" me ON me.id = m."mentorId"
    WHERE m."mentorId" = ${viewer.userId} AND m.status = 'ENDED' AND m."endedAt" IS NOT NULL
      ${menteeId ? Prisma.sql`AND m."menteeId" = ${menteeId}` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM "Mentorship" a WHERE a."menteeId" = m."menteeId" AND a."mentorId" = m."mentorId" AND ${grantingSql("week", "a")})
    ORDER BY m."menteeId", m."endedAt" DESC`;
  return rows
    .map((row) => ({
      menteeId: row.menteeId,
      name: menteeName({ mentee: row }),
      // The day as the mentor's own calendar has it.
      endedOn: todayIn(row.timeZone ?? "UTC", row.endedAt),
      byMentor: row.endedByMentor,
    }))
    .sort((a, b) => b.endedOn.localeCompare(a.endedOn) || a.name.localeCompare(b.name));
}

/** Why the viewer cannot read this leader's rows any more, when it is because their mentorship ended; else null. */
export async function getEndedAccess(viewer: Viewer | null, menteeId: string): Promise<EndedAccess | null> {
  if (!viewer?.userId || !menteeId || viewer.userId === menteeId) return null;
  const [ended] = await endedMentorships(viewer, menteeId);
  return ended ?? null;
}

/** Leaders whose mentorship with the viewer ended, for the mentees list. */
export async function listEndedMentees(viewer: Viewer | null): Promise<EndedAccess[]> {
  return viewer?.userId ? endedMentorships(viewer) : [];
}

/** A write refused because the mentorship ended: "not found" to every caller, but saying why. */
export class AccessEndedError extends NotFoundError {
  constructor(ended: EndedAccess) {
    super();
    this.message = endedAccessMessage(ended);
    this.name = "AccessEndedError";
  }
}

/** The error for a refused write on a leader's row: the ended access said plainly, else "not found". */
async function refusal(viewer: Viewer | null, menteeId: string, what: string): Promise<NotFoundError> {
  const ended = await getEndedAccess(viewer, menteeId);
  return ended ? new AccessEndedError(ended) : new NotFoundError(what);
}

/** The access, only when it lets the viewer read this kind of row. */
export async function getMenteeAccessFor(viewer: Viewer | null, menteeId: string, resource: MentorRowResource): Promise<MenteeAccess | null> {
  const access = await getMenteeAccess(viewer, menteeId);
  return access && mentorMayRead(access.share, resource) ? access : null;
}

/**
 * Reads on the mentee's behalf reuse the owner's own read functions with the
 * mentee as owner. Only this module mints such a viewer, and only from an
 * access that getMenteeAccess has just granted.
 */
function asMentee(access: MenteeAccess): Viewer {
  // The mentee switch: the one place outside lib/server/viewer.ts that makes a Viewer (eslint.config.mjs).
  return Object.freeze({ userId: access.menteeId }) as Viewer;
}

// ── Mentees page ──────────────────────────────────────────────────────────

/** How far back "unreviewed weeks" looks: a mentor is not asked to review years of history. */
export const UNREVIEWED_WINDOW_DAYS = 12 * 7;

export type MenteeSummary = {
  menteeId: string;
  mentorshipId: string;
  name: string;
  email: string;
  acceptedAt: Date | null;
  share: Share;
  latestWeek: DateOnly | null;
  unreviewedWeeks: number;
};

type MenteeRow = {
  mentorshipId: string;
  menteeId: string;
  name: string | null;
  email: string;
  acceptedAt: Date | null;
  latestWeek: Date | null;
  unreviewedWeeks: number;
} & ShareColumns;

/** Everyone who shares with the viewer, with their latest logged week and the recent weeks not yet reviewed. One query. */
export async function listMentees(viewer: Viewer | null, now: Date = new Date()): Promise<MenteeSummary[]> {
  if (!viewer?.userId) return [];
  const since = new Date(now.getTime() - UNREVIEWED_WINDOW_DAYS * 86_400_000);
  const rows = await db.$queryRaw<MenteeRow[]>`
    SELECT m.id AS "mentorshipId", m."menteeId", u.name, u.email, m."acceptedAt",
           m."shareReflections", m."shareStakeholders", m."shareNotes", m."shareStory",
           (SELECT max(w."startsOn") FROM "Week" w WHERE w."userId" = m."menteeId") AS "latestWeek",
           (SELECT count(*) FROM "Week" w
             WHERE w."userId" = m."menteeId" AND w."startsOn" >= ${since}::date
               AND NOT EXISTS (SELECT 1 FROM "WeekReview" r WHERE r."mentorshipId" = m.id AND r."weekId" = w.id))::int AS "unreviewedWeeks"
    FROM "Mentorship" m JOIN "User" u ON u.id = m."menteeId"
    WHERE m."mentorId" = ${viewer.userId} AND ${grantingSql("week", "m")}
    ORDER BY lower(coalesce(u.name, u.email)), m.id`;
  return rows.map((row) => ({
    menteeId: row.menteeId,
    mentorshipId: row.mentorshipId,
    name: row.name ?? row.email,
    email: row.email,
    acceptedAt: row.acceptedAt,
    share: shareOf(row),
    latestWeek: row.latestWeek ? toDateOnly(row.latestWeek) : null,
    unreviewedWeeks: Number(row.unreviewedWeeks),
  }));
}

// ── Dashboard and weeks ───────────────────────────────────────────────────

export async function getMenteeDashboard(
  viewer: Viewer | null,
  menteeId: string,
  range: RangeKey,
  now: Date = new Date(),
): Promise<{ access: MenteeAccess; model: DashboardModel } | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "dashboard");
  if (!access) return null;
  const model = await getDashboard(asMentee(access), range, now);
  return { access, model: redactDashboard(model, access.share) };
}

export type MenteeWeekSummary = {
  startsOn: DateOnly;
  firefightingMinutes: number;
  strategyMinutes: number;
  otherMinutes: number;
  reviewedAt: Date | null;
  comments: number;
};

/** The mentee's logged weeks, newest first: hours, whether this mentor reviewed each, how many comments. */
export async function listMenteeWeeks(
  viewer: Viewer | null,
  menteeId: string,
  { take = 52 }: { take?: number } = {},
): Promise<{ access: MenteeAccess; calendar: CalendarSettings; weeks: MenteeWeekSummary[] } | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "week");
  if (!access) return null;
  const [rows, calendar] = await Promise.all([
    db.week.findMany({
      where: { userId: access.menteeId },
      select: {
        startsOn: true,
        firefightingMinutes: true,
        strategyMinutes: true,
        otherMinutes: true,
        reviews: { where: { mentorshipId: access.mentorshipId }, select: { reviewedAt: true } },
        _count: { select: { comments: true } },
      },
      orderBy: { startsOn: "desc" },
      take,
    }),
    getCalendarSettings(asMentee(access)),
  ]);
  return {
    access,
    calendar,
    weeks: rows.map(({ startsOn, reviews, _count, ...minutes }) => ({
      ...minutes,
      startsOn: toDateOnly(startsOn),
      reviewedAt: reviews[0]?.reviewedAt ?? null,
      comments: _count.comments,
    })),
  };
}

/** A week with what was not shared taken out: reflections, ratings and highlights travel together. */
function redactWeek(week: SavedWeek, share: Share): SavedWeek {
  if (mentorMayRead(share, "reflection")) return week;
  return { ...week, ...NO_REFLECTIONS };
}

export type MenteeWeek = {
  access: MenteeAccess;
  /** The week `startsOn` opens in the mentee's calendar, with its neighbours: a redirect is due when it is another day. */
  place: WeekPlace;
  /** Null when the mentee has not logged this week. */
  week: SavedWeek | null;
  /** Null when stakeholders are not shared. */
  touchpoints: Touchpoint[] | null;
  reviewedAt: Date | null;
};

/** A mentee's week as their mentor may see it; read once per render, for the layout and the page (as `getMenteeAccess`). */
export const getMenteeWeek = cache(async (viewer: Viewer | null, menteeId: string, startsOn: DateOnly): Promise<MenteeWeek | null> => {
  const access = await getMenteeAccessFor(viewer, menteeId, "week");
  if (!access) return null;
  const mentee = asMentee(access);
  const [[place, week], touchpoints, review] = await Promise.all([
    // The week is read with its place (lib/weeks.ts keeps it for the render).
    placeWeek(mentee, startsOn).then(async (place) => [place, await getWeek(mentee, startsOn)] as const),
    mentorMayRead(access.share, "touchpoint") ? listTouchpointsBetween(mentee, startsOn, nextWeekStart(startsOn)) : Promise.resolve(null),
    db.weekReview.findFirst({
      where: { mentorshipId: access.mentorshipId, week: { userId: access.menteeId, startsOn: fromDateOnly(startsOn) } },
      select: { reviewedAt: true },
    }),
  ]);
  return { access, place, week: week ? redactWeek(week, access.share) : null, touchpoints, reviewedAt: review?.reviewedAt ?? null };
});

/** Marks one of the mentee's logged weeks as reviewed by this mentor (again: the time moves on), and tells the mentee. */
export async function markWeekReviewed(viewer: Viewer | null, menteeId: string, startsOn: DateOnly, now: Date = new Date()): Promise<void> {
  const access = await getMenteeAccessFor(viewer, menteeId, "week");
  if (!access) throw await refusal(viewer, menteeId, "That week");
  const week = await db.week.findFirst({ where: { userId: access.menteeId, startsOn: fromDateOnly(startsOn) }, select: { id: true } });
  if (!week) throw new NotFoundError("That week");
  const review = { mentorshipId: access.mentorshipId, weekId: week.id };
  await db.$transaction(async (tx) => {
    await tx.weekReview.upsert({ where: { mentorshipId_weekId: review }, create: { ...review, reviewedAt: now }, update: { reviewedAt: now } });
    // The leader is told; reviewing again brings the one notification back up, unread.
    await tx.notification.upsert({
      where: { reviewMentorshipId_reviewWeekId: { reviewMentorshipId: review.mentorshipId, reviewWeekId: review.weekId } },
      create: { userId: access.menteeId, reviewMentorshipId: review.mentorshipId, reviewWeekId: review.weekId, createdAt: now },
      update: { readAt: null, createdAt: now },
    });
  });
}

// ── Stakeholders, touchpoints and vision notes: only when shared ─────────

type Shared<T> = { access: MenteeAccess } & T;

export async function listMenteeStakeholders(viewer: Viewer | null, menteeId: string, now: Date = new Date()): Promise<Shared<{ list: StakeholderList }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "stakeholder");
  if (!access) return null;
  return { access, list: await listStakeholders(asMentee(access), { sort: "name", overdue: false }, { now }) };
}

export async function getMenteeStakeholder(
  viewer: Viewer | null,
  menteeId: string,
  stakeholderId: string,
  now: Date = new Date(),
): Promise<Shared<{ stakeholder: Stakeholder; touchpoints: Touchpoint[] }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "stakeholder");
  if (!access) return null;
  const [stakeholder, touchpoints] = await Promise.all([
    getStakeholder(asMentee(access), stakeholderId, { now }),
    listTouchpointsWithStakeholder(asMentee(access), stakeholderId),
  ]);
  return stakeholder ? { access, stakeholder, touchpoints } : null;
}

export async function getMenteeTouchpoint(viewer: Viewer | null, menteeId: string, touchpointId: string): Promise<Shared<{ touchpoint: Touchpoint }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "touchpoint");
  if (!access) return null;
  const touchpoint = await getTouchpoint(asMentee(access), touchpointId);
  return touchpoint ? { access, touchpoint } : null;
}

export async function listMenteeNotes(viewer: Viewer | null, menteeId: string, now: Date = new Date()): Promise<Shared<{ list: VisionNoteList }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "visionNote");
  if (!access) return null;
  return { access, list: await listVisionNotes(asMentee(access), {}, { now }) };
}

export async function getMenteeNote(viewer: Viewer | null, menteeId: string, noteId: string, now: Date = new Date()): Promise<Shared<{ note: VisionNote }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "visionNote");
  if (!access) return null;
  const note = await getVisionNote(asMentee(access), noteId, { now });
  return note ? { access, note } : null;
}

// ── The quarterly story: only when shared, and each part by its own rule ──

/** The mentee's quarterly story as their mentor may read it: null unless the story is shared, and redacted part by part like everything else. */
export async function getMenteeStoryPack(
  viewer: Viewer | null,
  menteeId: string,
  quarter: QuarterKey,
  now: Date = new Date(),
): Promise<Shared<{ pack: StoryPack }> | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "story");
  if (!access) return null;
  const pack = await readStoryPack(
    asMentee(access),
    quarter,
    {
      reflections: mentorMayRead(access.share, "reflection"),
      stakeholders: mentorMayRead(access.share, "touchpoint"),
      notes: mentorMayRead(access.share, "visionNote"),
      draft: false,
      mentorRatings: { mentorshipId: access.mentorshipId },
      reader: "other",
    },
    now,
  );
  return pack ? { access, pack: { ...pack, dashboard: redactDashboard(pack.dashboard, access.share) } } : null;
}

/** The figures of the mentee's story of a quarter (its charts), redacted as in the pack: only when the story is shared. */
export async function getMenteeQuarterDashboard(viewer: Viewer | null, menteeId: string, quarter: QuarterKey, now: Date = new Date()): Promise<DashboardModel | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "story");
  if (!access) return null;
  return redactDashboard(await getQuarterDashboard(asMentee(access), quarter, now), access.share);
}

/** The mentee's current quarter, in their calendar, for a mentor the story is shared with. */
export async function getMenteeCurrentQuarter(viewer: Viewer | null, menteeId: string, now: Date = new Date()): Promise<QuarterKey | null> {
  const access = await getMenteeAccessFor(viewer, menteeId, "story");
  return access ? getCurrentQuarter(asMentee(access), now) : null;
}

/** A mentor's own ratings of the mentee's quarter, beside the leader's: only while the story is shared with them. */
export async function saveMentorStoryRatings(viewer: Viewer | null, input: MentorAssessmentInput, now: Date = new Date()): Promise<void> {
  const access = await getMenteeAccessFor(viewer, input.menteeId, "storyRating");
  if (!access) throw await refusal(viewer, input.menteeId, "That story");
  if (input.quarter > currentQuarter(await getCalendarSettings(asMentee(access)), now)) throw new NotFoundError("That quarter");
  await saveRatings(asMentee(access), input.quarter, { rater: access.mentorshipId, mentorshipId: access.mentorshipId }, input.ratings);
}

// ── Review threads ────────────────────────────────────────────────────────

export type ThreadRef = { menteeId: string; weekStartsOn: DateOnly } | { menteeId: string; noteId: string };

export type ResolvedThread = {
  menteeId: string;
  weekId: string | null;
  noteId: string | null;
  /** The viewer is the leader the thread belongs to (else an active mentor). */
  viewerIsMentee: boolean;
};

/** The kind of a thread (or of a comment in it), for its mentor rule. */
export function threadResource(thread: ThreadRef | { noteId: string | null }): "weekComment" | "noteComment" {
  return "noteId" in thread && thread.noteId ? "noteComment" : "weekComment";
}

/**
 * Who may read and write in a thread: the leader it belongs to, and their
 * active mentors (for a vision note, only those the notes are shared with).
 * Null for anyone else, and for a week or note that does not exist.
 */
/** Why a thread cannot be written in: the ended access said plainly, else "not found". */
export function threadRefusal(viewer: Viewer | null, ref: ThreadRef): Promise<NotFoundError> {
  return refusal(viewer, ref.menteeId, "noteId" in ref ? "That vision note" : "That week");
}

export async function resolveThread(viewer: Viewer | null, ref: ThreadRef): Promise<ResolvedThread | null> {
  if (!viewer?.userId || !ref.menteeId) return null;
  const viewerIsMentee = viewer.userId === ref.menteeId;
  if (!viewerIsMentee && !(await getMenteeAccessFor(viewer, ref.menteeId, threadResource(ref)))) return null;
  if ("noteId" in ref) {
    const note = await db.visionNote.findFirst({ where: { id: ref.noteId, userId: ref.menteeId, deletedAt: null }, select: { id: true, title: true } });
    return note ? { menteeId: ref.menteeId, weekId: null, noteId: note.id, viewerIsMentee } : null;
  }
  // In a week's render, the week its page read: no statement of its own.
  const weekId = await savedWeekId(ref.menteeId, ref.weekStartsOn);
  return weekId ? { menteeId: ref.menteeId, weekId, noteId: null, viewerIsMentee } : null;
}

/** Leaders whose rows of this kind `userId` may read as their mentor now. */
function readableAsMentor(userId: string, resource: MentorRowResource): Prisma.UserWhereInput {
  return { mentorshipsAsMentee: { some: { mentorId: userId, ...grantingWhere(resource) } } };
}

/**
 * Comments a user may see outside a thread (notifications, digests, their
 * export): in their own threads, or in threads they may read as a mentor now.
 */
export function visibleCommentsWhere(userId: string): Prisma.ReviewCommentWhereInput {
  return {
    OR: [
      { menteeId: userId },
      { weekId: { not: null }, mentee: readableAsMentor(userId, "weekComment") },
      { noteId: { not: null }, mentee: readableAsMentor(userId, "noteComment") },
    ],
  };
}

/**
 * Notifications a user may see: about comments they may see (above), and
 * about a mentor's review of one of their own weeks.
 */
export function visibleNotificationsWhere(userId: string): Prisma.NotificationWhereInput {
  return { userId, OR: [{ comment: visibleCommentsWhere(userId) }, { review: { week: { userId } } }] };
}

/** The leader's active mentors who can read this thread: all of them, or those among the given users. */
export async function activeMentorsOf(menteeId: string, thread: { noteId: string | null }, among?: string[]): Promise<string[]> {
  if (among?.length === 0) return [];
  const rows = await db.mentorship.findMany({
    where: { menteeId, ...(among ? { mentorId: { in: among } } : {}), ...grantingWhere(threadResource(thread)) },
    select: { mentorId: true },
  });
  return [...new Set(rows.map((row) => row.mentorId).filter((id): id is string => id !== null))];
}

// ── The mentor's own export ───────────────────────────────────────────────

export type OwnCommentOnMentee = {
  /** Null when the thread is no longer shared with the viewer (or the mentorship ended). */
  menteeEmail: string | null;
  weekStartsOn: DateOnly | null;
  noteTitle: string | null;
  /** The viewer's words stay theirs; of the item they were on, nothing is left when it is no longer shared. */
  onItemNoLongerShared: boolean;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
};

/**
 * The comments the viewer wrote in other leaders' threads, for their export:
 * the words are theirs, but what they were on (the week, the note's title,
 * the leader) only where the viewer may read that thread now.
 */
export async function listOwnCommentsOnMentees(viewer: Viewer): Promise<OwnCommentOnMentee[]> {
  const mine = { authorId: viewer.userId, menteeId: { not: viewer.userId } };
  const [comments, readable] = await Promise.all([
    db.reviewComment.findMany({
      where: mine,
      select: { id: true, body: true, createdAt: true, editedAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.reviewComment.findMany({
      where: { ...mine, ...visibleCommentsWhere(viewer.userId) },
      select: { id: true, mentee: { select: { email: true } }, week: { select: { startsOn: true } }, note: { select: { title: true } } },
    }),
  ]);
  const items = new Map(readable.map((row) => [row.id, row]));
  return comments.map(({ id, ...comment }) => {
    const item = items.get(id);
    return {
      menteeEmail: item?.mentee.email ?? null,
      weekStartsOn: item?.week ? toDateOnly(item.week.startsOn) : null,
      noteTitle: item?.note?.title ?? null,
      onItemNoLongerShared: !item,
      ...comment,
    };
  });
}

/**
 * The ratings the viewer gave other leaders' quarters, for their export: the
 * words are theirs; whose quarter it was, only while the story is shared with them.
 */
export async function listOwnStoryRatingsOnMentees(viewer: Viewer) {
  const rows = await db.storyRating.findMany({
    where: { mentorship: { mentorId: viewer.userId } },
    orderBy: [{ quarter: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      quarter: true,
      habit: true,
      rating: true,
      evidence: true,
      createdAt: true,
      updatedAt: true,
      mentorship: { select: { ...SHARE_SELECT, status: true, mentee: { select: { email: true } } } },
    },
  });
  return rows.map(({ mentorship, quarter, ...row }) => ({
    otherPerson: mentorship && mentorship.status === ACTIVE.status && mentorMayRead(shareOf(mentorship), "story") ? mentorship.mentee.email : null,
    quarter: quarter as QuarterKey,
    ...row,
  }));
}

export type MentorshipAsMentor = {
  menteeId: string;
  /** The leader's email while the mentorship is active, else only their name. */
  mentee: string;
  status: "ACCEPTED" | "ENDED";
  /** The leader's invitation message, while active. */
  message: string | null;
  /** What is shared now: nothing once ended. */
  share: Share;
  invitedAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
};

/** The mentorships where the viewer is the mentor, as they may see them now: an ended one says who and when, nothing more. */
export async function listMentorshipsAsMentor(viewer: Viewer): Promise<MentorshipAsMentor[]> {
  const rows = await db.mentorship.findMany({
    where: { mentorId: viewer.userId, status: { in: ["ACCEPTED", "ENDED"] } },
    select: { menteeId: true, status: true, message: true, ...SHARE_SELECT, invitedAt: true, acceptedAt: true, endedAt: true, mentee: { select: { name: true, email: true } } },
    orderBy: [{ invitedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const active = row.status === ACTIVE.status;
    return {
      menteeId: row.menteeId,
      mentee: active ? row.mentee.email : menteeName({ mentee: row.mentee }),
      status: active ? "ACCEPTED" : "ENDED",
      message: active ? row.message : null,
      share: active ? shareOf(row) : SHARE_NONE,
      invitedAt: row.invitedAt,
      acceptedAt: row.acceptedAt,
      endedAt: row.endedAt,
    };
  });
}

// ── The mentor's weekly digest ────────────────────────────────────────────

export type MentorDigestEntry = {
  menteeId: string;
  name: string;
  /** Weeks logged or changed since the last digest. */
  weeks: DateOnly[];
  /** Vision notes written or changed since, when notes are shared. */
  notes: Array<{ id: string; title: string }>;
  /** Threads the leader wrote in since and that wait for the mentor's reply. */
  waiting: Array<{ weekStartsOn: DateOnly } | { noteId: string; title: string }>;
};

/**
 * What each leader shared with the viewer since `since`, read as the viewer
 * may read it now: only through accepted mentorships (grantingWhere), notes
 * and their threads only where notes are shared. A revoked or unshared
 * mentorship adds nothing. Leaders with nothing new are left out.
 */
export async function listMentorDigest(viewer: Viewer, since: Date): Promise<MentorDigestEntry[]> {
  const mentorships = await db.mentorship.findMany({
    where: { mentorId: viewer.userId, ...grantingWhere("week") },
    select: { menteeId: true, ...SHARE_SELECT, mentee: { select: { name: true, email: true } } },
    orderBy: { acceptedAt: "asc" },
  });
  const entries: MentorDigestEntry[] = [];
  const seen = new Set<string>();
  for (const mentorship of mentorships) {
    if (seen.has(mentorship.menteeId)) continue;
    seen.add(mentorship.menteeId);
    const share = shareOf(mentorship);
    const menteeId = mentorship.menteeId;
    const notesShared = mentorMayRead(share, "visionNote") && mentorMayRead(share, "noteComment");
    const [weeks, notes, comments] = await Promise.all([
      db.week.findMany({ where: { userId: menteeId, updatedAt: { gt: since } }, select: { startsOn: true }, orderBy: { startsOn: "asc" } }),
      notesShared
        ? db.visionNote.findMany({ where: { userId: menteeId, deletedAt: null, updatedAt: { gt: since } }, select: { id: true, title: true }, orderBy: { updatedAt: "asc" } })
        : Promise.resolve([]),
      db.reviewComment.findMany({
        where: {
          menteeId,
          createdAt: { gt: since },
          OR: [{ weekId: { not: null } }, ...(notesShared ? [{ noteId: { not: null }, note: { deletedAt: null } }] : [])],
        },
        select: { authorId: true, weekId: true, noteId: true, week: { select: { startsOn: true } }, note: { select: { title: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
    ]);
    // The last word in each thread since: the leader's means the thread waits for the mentor.
    const lastInThread = new Map<string, (typeof comments)[number]>();
    for (const comment of comments) lastInThread.set(comment.weekId ?? `note:${comment.noteId}`, comment);
    const waiting = [...lastInThread.values()]
      .filter((comment) => comment.authorId === menteeId)
      .flatMap((comment): MentorDigestEntry["waiting"] => {
        if (comment.noteId && comment.note) return [{ noteId: comment.noteId, title: comment.note.title }];
        return comment.week ? [{ weekStartsOn: toDateOnly(comment.week.startsOn) }] : [];
      });
    if (weeks.length + notes.length + waiting.length === 0) continue;
    entries.push({ menteeId, name: menteeName(mentorship), weeks: weeks.map((week) => toDateOnly(week.startsOn)), notes, waiting });
  }
  return entries;
}
