import "server-only";
import { NotFoundError } from "@/lib/server/errors";
import { getDashboard } from "@/lib/dashboard/dashboard";
import type { RangeKey } from "@/lib/dashboard/view";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { fromDateOnly, toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mentorMayRead, redactDashboard, type MentorResource, type Share } from "@/lib/mentoring/mentorship-model";
import { NO_REFLECTIONS } from "@/lib/shared/reflection-questions";
import { getStakeholder, listStakeholders, type Stakeholder, type StakeholderList } from "@/lib/stakeholders";
import { getTouchpoint, listTouchpointsBetween, listTouchpointsWithStakeholder, type Touchpoint } from "@/lib/touchpoints";
import { getCalendarSettings, type CalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import { getVisionNote, listVisionNotes, type VisionNote, type VisionNoteList } from "@/lib/vision-notes";
import { nextWeekStart } from "@/lib/shared/week-dates";
import { getWeek, placeWeek, type SavedWeek, type WeekPlace } from "@/lib/weeks";

// The one place that decides what a mentor may read. Every read of another
// user's data goes through getMenteeAccess: one query for an ACCEPTED
// mentorship with the viewer as mentor. Ended, cancelled or pending rows
// grant nothing, so revoking takes effect on the very next request. Anything
// not shared answers exactly like a missing row (null / NotFoundError).

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

export async function getMenteeAccess(viewer: Viewer | null, menteeId: string): Promise<MenteeAccess | null> {
  // No viewer (signed out) or a blank id must never become a filter Prisma ignores.
  if (!viewer?.userId || !menteeId || viewer.userId === menteeId) return null;
  const row = await db.mentorship.findFirst({
    where: { menteeId, mentorId: viewer.userId, status: "ACCEPTED" },
    select: { id: true, shareReflections: true, shareStakeholders: true, shareNotes: true, mentee: { select: { name: true, email: true } } },
    orderBy: { acceptedAt: "desc" },
  });
  if (!row) return null;
  return {
    menteeId,
    mentorshipId: row.id,
    share: { reflections: row.shareReflections, stakeholders: row.shareStakeholders, notes: row.shareNotes },
    mentee: row.mentee,
  };
}

/**
 * Reads on the mentee's behalf reuse the owner's own read functions with the
 * mentee as owner. Only this module mints such a viewer, and only from an
 * access that getMenteeAccess has just granted.
 */
function asMentee(access: MenteeAccess): Viewer {
  return { userId: access.menteeId };
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
  shareReflections: boolean;
  shareStakeholders: boolean;
  shareNotes: boolean;
  latestWeek: Date | null;
  unreviewedWeeks: number;
};

/** Everyone who shares with the viewer, with their latest logged week and the recent weeks not yet reviewed. One query. */
export async function listMentees(viewer: Viewer | null, now: Date = new Date()): Promise<MenteeSummary[]> {
  if (!viewer?.userId) return [];
  const since = new Date(now.getTime() - UNREVIEWED_WINDOW_DAYS * 86_400_000);
  const rows = await db.$queryRaw<MenteeRow[]>`
    SELECT m.id AS "mentorshipId", m."menteeId", u.name, u.email, m."acceptedAt",
           m."shareReflections", m."shareStakeholders", m."shareNotes",
           (SELECT max(w."startsOn") FROM "Week" w WHERE w."userId" = m."menteeId") AS "latestWeek",
           (SELECT count(*) FROM "Week" w
             WHERE w."userId" = m."menteeId" AND w."startsOn" >= ${since}::date
               AND NOT EXISTS (SELECT 1 FROM "WeekReview" r WHERE r."mentorshipId" = m.id AND r."weekId" = w.id))::int AS "unreviewedWeeks"
    FROM "Mentorship" m JOIN "User" u ON u.id = m."menteeId"
    WHERE m."mentorId" = ${viewer.userId} AND m.status = 'ACCEPTED'
    ORDER BY lower(coalesce(u.name, u.email)), m.id`;
  return rows.map((row) => ({
    menteeId: row.menteeId,
    mentorshipId: row.mentorshipId,
    name: row.name ?? row.email,
    email: row.email,
    acceptedAt: row.acceptedAt,
    share: { reflections: row.shareReflections, stakeholders: row.shareStakeholders, notes: row.shareNotes },
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
  const access = await getMenteeAccess(viewer, menteeId);
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
  const access = await getMenteeAccess(viewer, menteeId);
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

export async function getMenteeWeek(viewer: Viewer | null, menteeId: string, startsOn: DateOnly): Promise<MenteeWeek | null> {
  const access = await getMenteeAccess(viewer, menteeId);
  if (!access) return null;
  const mentee = asMentee(access);
  const [week, touchpoints, place, review] = await Promise.all([
    getWeek(mentee, startsOn),
    mentorMayRead(access.share, "touchpoint") ? listTouchpointsBetween(mentee, startsOn, nextWeekStart(startsOn)) : Promise.resolve(null),
    placeWeek(mentee, startsOn),
    db.weekReview.findFirst({
      where: { mentorshipId: access.mentorshipId, week: { userId: access.menteeId, startsOn: fromDateOnly(startsOn) } },
      select: { reviewedAt: true },
    }),
  ]);
  return { access, place, week: week ? redactWeek(week, access.share) : null, touchpoints, reviewedAt: review?.reviewedAt ?? null };
}

/** Marks one of the mentee's logged weeks as reviewed by this mentor (again: the time moves on). */
export async function markWeekReviewed(viewer: Viewer | null, menteeId: string, startsOn: DateOnly, now: Date = new Date()): Promise<void> {
  const access = await getMenteeAccess(viewer, menteeId);
  if (!access) throw new NotFoundError("That week");
  const week = await db.week.findFirst({ where: { userId: access.menteeId, startsOn: fromDateOnly(startsOn) }, select: { id: true } });
  if (!week) throw new NotFoundError("That week");
  await db.weekReview.upsert({
    where: { mentorshipId_weekId: { mentorshipId: access.mentorshipId, weekId: week.id } },
    create: { mentorshipId: access.mentorshipId, weekId: week.id, reviewedAt: now },
    update: { reviewedAt: now },
  });
}

// ── Stakeholders, touchpoints and vision notes: only when shared ─────────

type Shared<T> = { access: MenteeAccess } & T;

async function accessSharing(viewer: Viewer | null, menteeId: string, resource: MentorResource): Promise<MenteeAccess | null> {
  const access = await getMenteeAccess(viewer, menteeId);
  return access && mentorMayRead(access.share, resource) ? access : null;
}

export async function listMenteeStakeholders(viewer: Viewer | null, menteeId: string, now: Date = new Date()): Promise<Shared<{ list: StakeholderList }> | null> {
  const access = await accessSharing(viewer, menteeId, "stakeholder");
  if (!access) return null;
  return { access, list: await listStakeholders(asMentee(access), { sort: "name", overdue: false }, { now }) };
}

export async function getMenteeStakeholder(
  viewer: Viewer | null,
  menteeId: string,
  stakeholderId: string,
  now: Date = new Date(),
): Promise<Shared<{ stakeholder: Stakeholder; touchpoints: Touchpoint[] }> | null> {
  const access = await accessSharing(viewer, menteeId, "stakeholder");
  if (!access) return null;
  const [stakeholder, touchpoints] = await Promise.all([
    getStakeholder(asMentee(access), stakeholderId, { now }),
    listTouchpointsWithStakeholder(asMentee(access), stakeholderId),
  ]);
  return stakeholder ? { access, stakeholder, touchpoints } : null;
}

export async function getMenteeTouchpoint(viewer: Viewer | null, menteeId: string, touchpointId: string): Promise<Shared<{ touchpoint: Touchpoint }> | null> {
  const access = await accessSharing(viewer, menteeId, "touchpoint");
  if (!access) return null;
  const touchpoint = await getTouchpoint(asMentee(access), touchpointId);
  return touchpoint ? { access, touchpoint } : null;
}

export async function listMenteeNotes(viewer: Viewer | null, menteeId: string, now: Date = new Date()): Promise<Shared<{ list: VisionNoteList }> | null> {
  const access = await accessSharing(viewer, menteeId, "visionNote");
  if (!access) return null;
  return { access, list: await listVisionNotes(asMentee(access), {}, { now }) };
}

export async function getMenteeNote(viewer: Viewer | null, menteeId: string, noteId: string, now: Date = new Date()): Promise<Shared<{ note: VisionNote }> | null> {
  const access = await accessSharing(viewer, menteeId, "visionNote");
  if (!access) return null;
  const note = await getVisionNote(asMentee(access), noteId, { now });
  return note ? { access, note } : null;
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

/**
 * Who may read and write in a thread: the leader it belongs to, and their
 * active mentors (for a vision note, only those the notes are shared with).
 * Null for anyone else, and for a week or note that does not exist.
 */
export async function resolveThread(viewer: Viewer | null, ref: ThreadRef): Promise<ResolvedThread | null> {
  if (!viewer?.userId || !ref.menteeId) return null;
  const viewerIsMentee = viewer.userId === ref.menteeId;
  if (!viewerIsMentee) {
    const access = await getMenteeAccess(viewer, ref.menteeId);
    if (!access || ("noteId" in ref && !mentorMayRead(access.share, "visionNote"))) return null;
  }
  if ("noteId" in ref) {
    const note = await db.visionNote.findFirst({ where: { id: ref.noteId, userId: ref.menteeId, deletedAt: null }, select: { id: true, title: true } });
    return note ? { menteeId: ref.menteeId, weekId: null, noteId: note.id, viewerIsMentee } : null;
  }
  const week = await db.week.findFirst({ where: { userId: ref.menteeId, startsOn: fromDateOnly(ref.weekStartsOn) }, select: { id: true } });
  return week ? { menteeId: ref.menteeId, weekId: week.id, noteId: null, viewerIsMentee } : null;
}

/**
 * Comments a user may see outside a thread (notifications, digests): in their
 * own threads, or in threads of a leader who currently shares with them
 * (vision-note threads only while notes are shared).
 */
export function visibleCommentsWhere(userId: string): Prisma.ReviewCommentWhereInput {
  return {
    OR: [
      { menteeId: userId },
      { weekId: { not: null }, mentee: { mentorshipsAsMentee: { some: { mentorId: userId, status: "ACCEPTED" } } } },
      { noteId: { not: null }, mentee: { mentorshipsAsMentee: { some: { mentorId: userId, status: "ACCEPTED", shareNotes: true } } } },
    ],
  };
}

/** Active mentors of the leader who can read this thread, among the given users. */
export async function activeMentorsOf(menteeId: string, among: string[], thread: { noteId: string | null }): Promise<string[]> {
  if (among.length === 0) return [];
  const rows = await db.mentorship.findMany({
    where: { menteeId, mentorId: { in: among }, status: "ACCEPTED", ...(thread.noteId ? { shareNotes: true } : {}) },
    select: { mentorId: true },
  });
  return [...new Set(rows.map((row) => row.mentorId).filter((id): id is string => id !== null))];
}
