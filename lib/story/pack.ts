// The quarterly story: one quarter's review pack, read for its owner (and, through
// lib/mentoring/mentor-access.ts, for a mentor it is shared with). Its figures
// are the dashboard's own (lib/dashboard/dashboard.ts getQuarterDashboard: the
// same aggregations, model and findings), beside the rows they come from, so
// every figure and gathered line can link to its week, touchpoint or note.
import "server-only";
import { z } from "zod";
import { db, queryPrepared } from "@/lib/server/db";
import { jsonBytes, keptPerProcess } from "@/lib/server/kept-until-changed";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Department, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { dataStamp, getQuarterDashboard } from "@/lib/dashboard/dashboard";
import { CHARTS_KEPT_PER_MODEL } from "@/lib/dashboard/kept-weight";
import { DEPARTMENT_KEYS, totalOf, type DashboardModel } from "@/lib/dashboard/figures";
import { formatDateOnly, fromDateOnly, toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { HABITS, type HabitKey } from "@/lib/shared/reflection-questions";
import {
  currentQuarter,
  previousQuarter,
  quarterMonths,
  quarterName,
  FIRST_QUARTER,
  quarterWeeks,
  quarterKeySchema,
  quartersBack,
  spanningWeeks,
  type QuarterKey,
} from "@/lib/shared/quarters";
import { DEPARTMENTS } from "@/lib/shared/vocabulary";
import { calendarSettingsOf, getProfile, type CalendarSettings, type Profile } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import { headlineFinding, type Reader } from "@/lib/story/headline";
import { NARRATIVE_SECTIONS, type HabitRating, type NarrativeSection } from "@/lib/story/story.validation";

/** A touchpoint as the pack lists it. */
export type StoryTouchpoint = {
  id: string;
  occurredOn: DateOnly;
  topic: string;
  department: Department;
  stakeholder: string | null;
  /** What came of it, in business terms. */
  outcome: string | null;
  /** The leader marked its outcome as one to tell. */
  notable: boolean;
};

/** A vision note as the pack lists it, with the day it was written, revisited or changed status. */
export type StoryNote = { id: string; title: string; status: VisionNoteStatus; on: DateOnly };

/** A line of the leader's own words, gathered from a week for the narrative's draft. */
export type GatheredLine = { section: NarrativeSection; text: string; weekStartsOn: DateOnly };

/** Each habit's rating by one person, for one quarter. */
export type HabitRatings = Record<HabitKey, HabitRating | null>;

export type StoryPack = {
  quarter: QuarterKey;
  /** Who it is read by: its owner is spoken to, anyone else reads of the leader. */
  reader: Reader;
  /** "Q4 2026". */
  name: string;
  /** "October to December 2026". */
  months: string;
  /** The quarter still running: its figures are so far. */
  inProgress: boolean;
  calendar: CalendarSettings;
  /** The weeks the quarter counts (those that start in it) and the last day they cover. */
  weeks: { first: DateOnly; last: DateOnly; lastDay: DateOnly };
  /** Weeks at the edges that span two quarters: counted where their first day falls (decision record 016). */
  spanning: { before: DateOnly | null; after: DateOnly | null };
  /** Earlier quarters to open, newest first. */
  earlier: QuarterKey[];
  headline: {
    /** Strategy share of the quarter's logged hours, of the previous quarter's, and the goal (0–1). */
    share: number | null;
    previousShare: number | null;
    goal: number | null;
    loggedWeeks: number;
    totalWeeks: number;
    /** One sentence that states the finding, to the reader (the owner is spoken to). */
    finding: string;
    /** The same sentence of the leader, not to them: what leaves the app (the printout, the Markdown file) is read by others. */
    findingForOthers: string;
  };
  /** The dashboard's model of the quarter, week by week: the charts and their figures. */
  dashboard: DashboardModel;
  /** Null when not shared (a mentor without stakeholders shared). */
  relationships: {
    covered: Array<{ department: Department; label: string; count: number; touchpoints: StoryTouchpoint[] }>;
    notCovered: Array<{ department: Department; label: string }>;
    notable: StoryTouchpoint[];
  } | null;
  /** Null when not shared. */
  vision: { written: StoryNote[]; revisited: StoryNote[]; statusChanged: StoryNote[] } | null;
  /** Null when not shared (ratings and reflections travel together). */
  gathered: GatheredLine[] | null;
  narrative: {
    body: string;
    /** 0 when never saved: the body is then the draft gathered from the weeks (the owner's view only). */
    version: number;
    savedAt: string | null;
  } | null;
  assessment: {
    self: HabitRatings;
    previousSelf: HabitRatings;
    /** Mentors' ratings beside the leader's: every mentor's for the owner, the viewer's own for a mentor. */
    mentors: Array<{ mentorshipId: string; name: string; ratings: HabitRatings }>;
  };
};

/** How many earlier quarters the pack offers to open. */
const EARLIER_QUARTERS = 8;

/** What of the pack a reader may see: everything for the owner; a mentor's share decides the rest. */
export type StoryVisibility = {
  reflections: boolean;
  stakeholders: boolean;
  notes: boolean;
  /** The draft gathered from the weeks stands in for a narrative never saved: the owner's only. */
  draft: boolean;
  /** Whose mentor ratings to show: all of them (the owner), or one mentorship's (that mentor). */
  mentorRatings: "all" | { mentorshipId: string };
  /** Who reads it: the owner is spoken to ("your logged hours"); anyone else reads of the leader's hours. */
  reader: Reader;
};

export const OWNER_VISIBILITY: StoryVisibility = { reflections: true, stakeholders: true, notes: true, draft: true, mentorRatings: "all", reader: "owner" };

/** The quarter's pack for its owner. Null for a quarter that has not begun. */
export async function getStoryPack(viewer: Viewer, quarter: QuarterKey, now: Date = new Date()): Promise<StoryPack | null> {
  return readStoryPack(viewer, quarter, OWNER_VISIBILITY, now);
}

/** The quarter the pack opens at `/story`: the running one, as the dashboard's "This quarter". */
export async function getCurrentQuarter(viewer: Viewer, now: Date = new Date()): Promise<QuarterKey> {
  return currentQuarter(calendarSettingsOf(await getProfile(viewer.userId)), now);
}

/**
 * What the pack draws from the owner's weeks, touchpoints and notes: all of
 * it, whoever reads, and kept (below) until any of it changes. Readers get it
 * only through readStoryPack, which leaves out what they may not see.
 */
type SourcedPack = {
  dashboard: DashboardModel;
  previousShare: number | null;
  gathered: GatheredLine[];
  relationships: NonNullable<StoryPack["relationships"]>;
  vision: NonNullable<StoryPack["vision"]>;
};

// A quarter's figures and sources are read far more often than they change: each
// kept per owner and quarter, stamped like the dashboard with the owner's data
// version (bumped by triggers in the transaction of every write to the weeks,
// touchpoints, stakeholders, notes and revisits: decision records 012 and 027),
// the day and the profile. One entry holds a quarter's dashboard model (shared
// with the dashboard's own cache, but held here too once that one lets it go,
// with what its charts keep) and up to a few hundred touchpoint and note
// lines: ~20–60 kB and the charts', so at most 300 entries and 30 MB.
const keptPacks = keptPerProcess<SourcedPack>("storyPacks", {
  max: 300,
  maxBytes: 30 * 1024 * 1024,
  weigh: (pack) => jsonBytes(pack) + CHARTS_KEPT_PER_MODEL,
});

function sourcedPack(owner: Viewer, quarter: QuarterKey, profile: Profile, now: Date): Promise<SourcedPack> {
  const calendar = calendarSettingsOf(profile);
  const weeks = quarterWeeks(quarter, calendar.weekStartsOn);
  return keptPacks.get(`${owner.userId} ${quarter}`, dataStamp(profile, todayIn(calendar.timeZone, now)), async () => {
    const [dashboard, previous, weekRows, touchpoints, vision] = await Promise.all([
      getQuarterDashboard(owner, quarter, now),
      getQuarterDashboard(owner, previousQuarter(quarter), now),
      readWeeks(owner, weeks),
      readTouchpoints(owner, weeks.first, weeks.lastDay),
      readVision(owner, calendar.timeZone, weeks.first, weeks.lastDay),
    ]);
    return {
      dashboard,
      previousShare: totalOf(previous.time.points).share,
      gathered: gatherLines(weekRows),
      relationships: relationshipsOf(dashboard, touchpoints),
      vision,
    };
  });
}

/**
 * The pack as `visibility` allows. Only this module, the mentor-access
 * module and shared links (lib/story/share-links.ts) call it; the owner's
 * reads take `owner` as the one whose rows are read. The figures and sources
 * come kept while unchanged; what the leader tells (the narrative, the
 * ratings) is read afresh, in one statement.
 */
export async function readStoryPack(owner: Viewer, quarter: QuarterKey, visibility: StoryVisibility, now: Date = new Date()): Promise<StoryPack | null> {
  // The version is read before the data (decision record 012): a kept pack is never older than its stamp.
  const profile = await getProfile(owner.userId);
  const calendar = calendarSettingsOf(profile);
  const running = currentQuarter(calendar, now);
  if (quarter > running) return null;

  const [sourced, told] = await Promise.all([sourcedPack(owner, quarter, profile, now), readTold(owner, quarter)]);
  const { dashboard, gathered } = sourced;
  const total = totalOf(dashboard.time.points);
  const goal = dashboard.goals.strategyShare?.target ?? null;
  const ratings = ratingsOf(told.ratings, visibility.mentorRatings);

  return {
    quarter,
    reader: visibility.reader,
    name: quarterName(quarter),
    months: quarterMonths(quarter),
    inProgress: quarter === running,
    calendar,
    weeks: quarterWeeks(quarter, calendar.weekStartsOn),
    spanning: spanningWeeks(quarter, calendar.weekStartsOn),
    earlier: quartersBack(previousQuarter(quarter), FIRST_QUARTER, EARLIER_QUARTERS),
    headline: {
      share: total.share,
      previousShare: sourced.previousShare,
      goal,
      loggedWeeks: dashboard.time.points.filter((p) => p.logged).length,
      totalWeeks: dashboard.time.points.length,
      finding: headlineFinding(total.share, sourced.previousShare, goal, quarter === running, visibility.reader),
      findingForOthers: headlineFinding(total.share, sourced.previousShare, goal, quarter === running, "other"),
    },
    dashboard,
    relationships: visibility.stakeholders ? sourced.relationships : null,
    vision: visibility.notes ? sourced.vision : null,
    gathered: visibility.reflections ? gathered : null,
    narrative: told.narrative
      ? told.narrative
      : visibility.draft
        ? { body: draftOf(gathered), version: 0, savedAt: null }
        : null,
    assessment: {
      self: ratings.self.get(quarter) ?? noRatings(),
      previousSelf: ratings.self.get(previousQuarter(quarter)) ?? noRatings(),
      mentors: ratings.mentors.get(quarter) ?? [],
    },
  };
}

// ── Weeks and the narrative's draft ──────────────────────────────────────

type WeekRow = {
  startsOn: Date;
  highlights: string | null;
  reflectionStrategy: string | null;
  reflectionStory: string | null;
  reflectionRelationships: string | null;
  reflectionVision: string | null;
};

/** The weeks the quarter counts: by the calendar week each stands in for, as the dashboard counts them (decision 009). */
async function readWeeks(owner: Viewer, weeks: { first: DateOnly; lastDay: DateOnly }): Promise<WeekRow[]> {
  return db.week.findMany({
    where: { userId: owner.userId, startsOn: { gte: fromDateOnly(weeks.first), lte: fromDateOnly(weeks.lastDay) } },
    select: { startsOn: true, highlights: true, reflectionStrategy: true, reflectionStory: true, reflectionRelationships: true, reflectionVision: true },
    orderBy: { startsOn: "asc" },
  });
}

/** Where each of a week's answers goes in the draft. */
const SECTION_OF: Record<keyof Omit<WeekRow, "startsOn">, NarrativeSection> = {
  highlights: "Wins",
  reflectionStory: "Wins",
  reflectionStrategy: "What changed",
  reflectionRelationships: "What changed",
  reflectionVision: "What's next",
};

/** The leader's own words from the quarter's weeks, line by line (list markers dropped), in section order. */
function gatherLines(rows: WeekRow[]): GatheredLine[] {
  const lines: GatheredLine[] = [];
  for (const section of NARRATIVE_SECTIONS) {
    for (const row of rows) {
      for (const [field, target] of Object.entries(SECTION_OF) as Array<[keyof typeof SECTION_OF, NarrativeSection]>) {
        if (target !== section) continue;
        for (const line of (row[field] ?? "").split("\n")) {
          const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
          if (text !== "") lines.push({ section, text, weekStartsOn: toDateOnly(row.startsOn) });
        }
      }
    }
  }
  return lines;
}

/** The narrative's first draft: each section's gathered lines, saying which week each came from. No words of ours but the headings. */
function draftOf(lines: GatheredLine[]): string {
  return NARRATIVE_SECTIONS.map((section) => {
    const items = lines
      .filter((line) => line.section === section)
      .map((line) => `- ${line.text} (week of ${formatDateOnly(line.weekStartsOn, { day: "numeric", month: "short" })})`);
    return [`## ${section}`, "", ...(items.length > 0 ? items : ["- "])].join("\n");
  }).join("\n\n");
}

// ── Relationships ────────────────────────────────────────────────────────

async function readTouchpoints(owner: Viewer, from: DateOnly, to: DateOnly): Promise<StoryTouchpoint[]> {
  const rows = await db.touchpoint.findMany({
    where: { userId: owner.userId, deletedAt: null, occurredOn: { gte: fromDateOnly(from), lte: fromDateOnly(to) } },
    select: { id: true, occurredOn: true, topic: true, department: true, outcome: true, notable: true, stakeholder: { select: { name: true } } },
    orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    occurredOn: toDateOnly(row.occurredOn),
    topic: row.topic,
    department: row.department,
    stakeholder: row.stakeholder?.name ?? null,
    outcome: row.outcome,
    notable: row.notable,
  }));
}

/** Departments covered with their touchpoints (counted by the dashboard), and those not met. */
function relationshipsOf(dashboard: DashboardModel, touchpoints: StoryTouchpoint[]): NonNullable<StoryPack["relationships"]> {
  // The counts are the dashboard's; the touchpoints are the rows behind them, for their links:
  // the days of the quarter's weeks up to today (the dashboard window's).
  const lastDay = dashboard.window.today;
  const counted = touchpoints.filter((t) => t.occurredOn <= lastDay);
  const totals = Object.fromEntries(DEPARTMENT_KEYS.map((d) => [d, 0])) as Record<Department, number>;
  for (const column of dashboard.coverage.columns) for (const d of DEPARTMENT_KEYS) totals[d] += column.byDepartment[d];
  return {
    covered: DEPARTMENT_KEYS.filter((d) => totals[d] > 0)
      .sort((a, b) => totals[b] - totals[a])
      .map((d) => ({ department: d, label: DEPARTMENTS[d], count: totals[d], touchpoints: counted.filter((t) => t.department === d) })),
    notCovered: DEPARTMENT_KEYS.filter((d) => d !== "OTHER" && totals[d] === 0).map((d) => ({ department: d, label: DEPARTMENTS[d] })),
    notable: counted.filter((t) => t.notable),
  };
}

// ── Vision ───────────────────────────────────────────────────────────────

type NoteRow = { id: string; title: string; status: VisionNoteStatus; on: Date; kind: "written" | "revisited" | "status" };

/** Notes written, revisited and changed status on the quarter's days, in the owner's zone. */
async function readVision(owner: Viewer, timeZone: string, from: DateOnly, to: DateOnly): Promise<NonNullable<StoryPack["vision"]>> {
  const day = (instant: Prisma.Sql) => Prisma.sql`((${instant} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
  const inRange = (instant: Prisma.Sql) => Prisma.sql`${day(instant)} BETWEEN ${from}::date AND ${to}::date`;
  const rows = await db.$queryRaw<NoteRow[]>`
    SELECT n.id, n.title, n.status::text AS status, ${day(Prisma.sql`n."createdAt"`)} AS "on", 'written' AS kind
    FROM "VisionNote" n WHERE n."userId" = ${owner.userId} AND n."deletedAt" IS NULL AND ${inRange(Prisma.sql`n."createdAt"`)}
    UNION ALL
    SELECT n.id, n.title, n.status::text, ${day(Prisma.sql`max(r."revisitedAt")`)}, 'revisited'
    FROM "VisionNoteRevisit" r JOIN "VisionNote" n ON n.id = r."noteId" AND n."userId" = r."userId"
    WHERE r."userId" = ${owner.userId} AND n."deletedAt" IS NULL AND ${inRange(Prisma.sql`r."revisitedAt"`)}
    GROUP BY n.id
    UNION ALL
    SELECT n.id, n.title, n.status::text, ${day(Prisma.sql`n."statusChangedAt"`)}, 'status'
    FROM "VisionNote" n WHERE n."userId" = ${owner.userId} AND n."deletedAt" IS NULL AND n."statusChangedAt" IS NOT NULL AND ${inRange(Prisma.sql`n."statusChangedAt"`)}
    ORDER BY "on", title, id`;
  const of = (kind: NoteRow["kind"]) => rows.filter((row) => row.kind === kind).map((row) => ({ id: row.id, title: row.title, status: row.status, on: toDateOnly(row.on) }));
  return { written: of("written"), revisited: of("revisited"), statusChanged: of("status") };
}

// ── Self-assessment ──────────────────────────────────────────────────────

export function noRatings(): HabitRatings {
  return Object.fromEntries(HABITS.map((habit) => [habit.key, null])) as HabitRatings;
}

/** The rater key of the leader's own ratings (a mentor's is their mentorship's id). */
export const SELF_RATER = "self";

// ── What the leader tells: the narrative and the ratings ─────────────────

const toldRatingSchema = z.object({
  quarter: quarterKeySchema,
  habit: z.string(),
  rater: z.string(),
  rating: z.number().int(),
  evidence: z.string().nullable(),
  mentorshipId: z.string().nullable(),
  mentorName: z.string().nullable(),
});

type ToldRating = z.output<typeof toldRatingSchema>;

const toldSchema = z.object({
  narrative: z.object({ body: z.string(), version: z.number().int(), savedAt: z.string() }).nullable(),
  ratings: z.array(toldRatingSchema),
});

/**
 * The quarter's saved narrative and every rating of it and of the quarter
 * before (the leader's own and their mentors', with the mentor's name), in
 * one statement. Read on every render: no trigger stamps them, and a saved
 * narrative or rating shows at once.
 */
async function readTold(owner: Viewer, quarter: QuarterKey): Promise<z.output<typeof toldSchema>> {
  const rows = await queryPrepared<{ told: unknown }>(Prisma.sql`
    SELECT json_build_object(
      'narrative', (
        SELECT json_build_object('body', n.body, 'version', n.version, 'savedAt', to_char(n."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        FROM "StoryNarrative" n WHERE n."userId" = ${owner.userId} AND n.quarter = ${quarter}
      ),
      'ratings', (
        SELECT coalesce(json_agg(json_build_object(
          'quarter', r.quarter, 'habit', r.habit, 'rater', r.rater, 'rating', r.rating, 'evidence', r.evidence,
          'mentorshipId', m.id, 'mentorName', coalesce(u.name, u.email, m."inviteEmail")
        ) ORDER BY r."createdAt", r.id), '[]')
        FROM "StoryRating" r
        LEFT JOIN "Mentorship" m ON m.id = r."mentorshipId"
        LEFT JOIN "User" u ON u.id = m."mentorId"
        WHERE r."userId" = ${owner.userId} AND r.quarter IN (${quarter}, ${previousQuarter(quarter)})
      )
    ) AS told`);
  return toldSchema.parse(rows[0]?.told);
}

/** The leader's own ratings and the mentors' that `mentors` lets the reader see, by quarter. */
function ratingsOf(rows: ToldRating[], mentors: StoryVisibility["mentorRatings"]) {
  const self = new Map<QuarterKey, HabitRatings>();
  const byMentor = new Map<QuarterKey, Map<string, { mentorshipId: string; name: string; ratings: HabitRatings }>>();
  for (const row of rows) {
    if (!HABITS.some((habit) => habit.key === row.habit)) continue;
    const quarter = row.quarter;
    const value = { rating: row.rating, evidence: row.evidence };
    if (row.rater === SELF_RATER) {
      const ratings = self.get(quarter) ?? noRatings();
      ratings[row.habit as HabitKey] = value;
      self.set(quarter, ratings);
    } else if (row.mentorshipId !== null && (mentors === "all" || row.mentorshipId === mentors.mentorshipId)) {
      const mentorsOf = byMentor.get(quarter) ?? new Map();
      byMentor.set(quarter, mentorsOf);
      const mentor = mentorsOf.get(row.mentorshipId) ?? { mentorshipId: row.mentorshipId, name: row.mentorName ?? "", ratings: noRatings() };
      mentor.ratings[row.habit as HabitKey] = value;
      mentorsOf.set(row.mentorshipId, mentor);
    }
  }
  return { self, mentors: new Map([...byMentor].map(([quarter, list]) => [quarter, [...list.values()]])) };
}
