import "server-only";
import { queryPrepared } from "@/lib/server/db";
import { addDaysTo, type DateOnly } from "@/lib/shared/dates";
import { keptPerProcess } from "@/lib/server/kept-until-changed";
import { keptDashboardBytes } from "@/lib/dashboard/kept-weight";
import { DEFAULT_RANGE, RANGES, type RangeKey } from "@/lib/dashboard/view";
import { dashboardWindow, quarterWindow, type DashboardWindow } from "@/lib/dashboard/windows";
import type { QuarterKey } from "@/lib/shared/quarters";
import type { DashboardModel } from "@/lib/dashboard/figures";
import { buildDashboard, touchpointStatsRowSchema, visionStatsRowSchema, weekStatsRowSchema } from "@/lib/dashboard/build";
import { Prisma } from "@/lib/generated/prisma/client";
import { calendarSettingsOf, getProfile, readProfile, type Profile } from "@/lib/users";
import { reportToBench } from "@/lib/server/bench-report";
import type { Viewer } from "@/lib/server/viewer";

// The dashboard reads everything in a fixed number of statements, whatever
// the range: the user's profile (calendar, goals, data version), then three
// grouped queries in parallel (weeks, touchpoints with stakeholders, vision
// notes). Each returns one row holding its groups as JSON, so years of data
// leave PostgreSQL as a few dozen numbers. Every statement carries the owner
// in its WHERE. They run as prepared statements (lib/server/db.ts `queryPrepared`):
// planning them cost as much as running them.
//
// A dashboard is read far more often than its data changes, so the built model
// is kept, per user and range, until something it shows changes: the data
// version that triggers stamp on the user in the same transaction as every
// write (docs/decisions/012-dashboard-cache.md), the calendar, the goals, or
// the day. Unchanged, a dashboard costs no statement of its own: the profile
// came with the session (lib/server/auth.ts, lib/users.ts `getProfile`). And
// after a write through the app it is rebuilt in the background
// (`rebuildDashboards`), so that even the next visit finds it kept.

/** The first day of the calendar week a `date` expression falls in, in the user's week-start. */
function weekOfSql(day: Prisma.Sql, window: DashboardWindow): Prisma.Sql {
  return Prisma.sql`(${day} - ((extract(dow from ${day})::int - ${window.weekStartsOn}::int + 7) % 7))`;
}

/** The bucket (week start or month) of a `date` expression, in the user's week-start. */
function bucketSql(day: Prisma.Sql, window: DashboardWindow): Prisma.Sql {
  return window.granularity === "week" ? weekOfSql(day, window) : Prisma.sql`date_trunc('month', ${day})::date`;
}

/** A stored instant (UTC `timestamp`) as a calendar day in the user's zone. */
function localDaySql(instant: Prisma.Sql, window: DashboardWindow): Prisma.Sql {
  return Prisma.sql`((${instant} AT TIME ZONE 'UTC') AT TIME ZONE ${window.timeZone})::date`;
}

/** `AND <instant> >= the start of the range's first day in the user's zone`, or nothing for all time. */
function sinceInstantSql(instant: Prisma.Sql, window: DashboardWindow): Prisma.Sql {
  return window.from === null
    ? Prisma.empty
    : Prisma.sql`AND ${instant} >= ((${window.from}::date::timestamp AT TIME ZONE ${window.timeZone}) AT TIME ZONE 'UTC')`;
}

function sinceDaySql(day: Prisma.Sql, window: DashboardWindow): Prisma.Sql {
  return window.from === null ? Prisma.empty : Prisma.sql`AND ${day} >= ${window.from}::date`;
}

type StatsRow = { stats: unknown };

async function weekStats(viewer: Viewer, window: DashboardWindow) {
  const startsOn = Prisma.sql`"startsOn"`;
  const wk = Prisma.sql`wk`;
  const rows = await queryPrepared<StatsRow>(Prisma.sql`
    -- wk: the calendar week (in the current week-start setting) a logged week counts for. A week saved
    -- before the first day of the week changed keeps its own dates and counts for the week its first
    -- day falls in (docs/decisions/009-week-start-changes.md).
    WITH w AS NOT MATERIALIZED (
      SELECT "startsOn", ${weekOfSql(startsOn, window)} AS wk,
             "firefightingMinutes" AS ff, "strategyMinutes" AS st, "otherMinutes" AS ot,
             "firefightingMinutes" + "strategyMinutes" + "otherMinutes" AS total,
             "ratingStrategy", "ratingStory", "ratingRelationships", "ratingVision"
      FROM "Week"
      WHERE "userId" = ${viewer.userId} AND "startsOn" < ${addDaysTo(window.currentWeekStart, 7)}::date
    ),
    -- A week's bucket and range follow the calendar week it counts for: its month is that week's first day's.
    series AS (
      SELECT ${window.granularity === "week" ? wk : bucketSql(wk, window)} AS bucket, count(*) AS weeks,
             sum(ff) AS firefighting, sum(st) AS strategy, sum(ot) AS other,
             avg("ratingStrategy") AS "ratingStrategy", avg("ratingStory") AS "ratingStory",
             avg("ratingRelationships") AS "ratingRelationships", avg("ratingVision") AS "ratingVision",
             count("ratingStrategy") AS "ratedStrategy", count("ratingStory") AS "ratedStory",
             count("ratingRelationships") AS "ratedRelationships", count("ratingVision") AS "ratedVision"
      FROM w WHERE true ${sinceDaySql(wk, window)}
      GROUP BY 1
    ),
    -- Gaps and islands: consecutive calendar weeks share the same start minus 7 × their rank.
    islands AS (
      SELECT wk, wk - 7 * (dense_rank() OVER (ORDER BY wk))::int AS island FROM w
    ),
    latest_run AS (
      SELECT min(wk) AS "runStart", max(wk) AS "runEnd" FROM islands GROUP BY island ORDER BY 2 DESC LIMIT 1
    ),
    u AS (
      SELECT "goalStrategySharePercent" AS goal, "goalTouchpointsPerWeek", "goalDepartments" FROM "User" WHERE id = ${viewer.userId}
    )
    SELECT json_build_object(
      'series', (SELECT coalesce(json_agg(series ORDER BY bucket), '[]') FROM series),
      'recent', (
        SELECT coalesce(json_agg(json_build_object('week', wk, 'firefighting', ff, 'strategy', st, 'other', ot) ORDER BY wk), '[]')
        FROM w WHERE wk >= ${addDaysTo(window.currentWeekStart, -77)}::date
      ),
      'runStart', (SELECT "runStart" FROM latest_run),
      'runEnd', (SELECT "runEnd" FROM latest_run),
      'latestBeforeThisWeek', (SELECT max(wk) FROM w WHERE wk < ${window.currentWeekStart}::date),
      -- Logged weeks with hours since the latest one that met the goal.
      'underTargetRun', CASE WHEN u.goal IS NULL THEN 0 ELSE (
        SELECT count(*) FROM w WHERE total > 0 AND "startsOn" > coalesce(
          (SELECT max("startsOn") FROM w WHERE total > 0 AND st * 100 >= u.goal * total), '-infinity'::date)
      ) END,
      'anyEver', EXISTS (SELECT 1 FROM "Week" WHERE "userId" = ${viewer.userId}),
      'goalStrategySharePercent', u.goal,
      'goalTouchpointsPerWeek', u."goalTouchpointsPerWeek",
      'goalDepartments', u."goalDepartments"
    ) AS stats
    FROM u`);
  return weekStatsRowSchema.parse(rows[0]?.stats);
}

async function touchpointStats(viewer: Viewer, window: DashboardWindow) {
  const occurredOn = Prisma.sql`"occurredOn"`;
  const rows = await queryPrepared<StatsRow>(Prisma.sql`
    WITH t AS NOT MATERIALIZED (
      SELECT "occurredOn", department FROM "Touchpoint"
      WHERE "userId" = ${viewer.userId} AND "deletedAt" IS NULL AND "occurredOn" <= ${window.today}::date
    )
    SELECT json_build_object(
      'series', (
        SELECT coalesce(json_agg(s), '[]') FROM (
          SELECT ${bucketSql(occurredOn, window)} AS bucket, department, count(*) AS touchpoints
          FROM t WHERE true ${sinceDaySql(occurredOn, window)} GROUP BY 1, 2
        ) s
      ),
      'thisWeek', (SELECT count(*) FROM t WHERE "occurredOn" >= ${window.currentWeekStart}::date),
      'last4Weeks', (SELECT count(*) FROM t WHERE "occurredOn" >= ${addDaysTo(window.currentWeekStart, -21)}::date),
      'thisMonth', (SELECT count(*) FROM t WHERE "occurredOn" >= ${window.monthStart}::date),
      'monthDepartments', (SELECT coalesce(json_agg(DISTINCT department), '[]') FROM t WHERE "occurredOn" >= ${window.monthStart}::date),
      'anyEver', EXISTS (SELECT 1 FROM "Touchpoint" WHERE "userId" = ${viewer.userId} AND "deletedAt" IS NULL),
      -- Overdue: a cadence is set and it has passed since the later of the latest touchpoint and the
      -- day the stakeholder was added (cadenceStatus in lib/stakeholders.validation.ts, the same rule).
      -- The latest one per stakeholder is a backwards step on its (stakeholderId, occurredOn) index;
      -- the composite foreign key makes a stakeholder's touchpoints the same owner's, and adding
      -- tp."userId" here would lead the prepared (generic) plan to scan all of the owner's touchpoints.
      'overdueStakeholders', (
        SELECT count(*) FROM "Stakeholder" s
        WHERE s."userId" = ${viewer.userId} AND s."deletedAt" IS NULL AND s."cadenceDays" IS NOT NULL
          AND greatest((
            SELECT max(tp."occurredOn") FROM "Touchpoint" tp WHERE tp."stakeholderId" = s.id AND tp."deletedAt" IS NULL
          ), ${localDaySql(Prisma.sql`s."createdAt"`, window)}) < ${window.today}::date - s."cadenceDays"
      )
    ) AS stats`);
  return touchpointStatsRowSchema.parse(rows[0]?.stats);
}

async function visionStats(viewer: Viewer, window: DashboardWindow) {
  const createdAt = Prisma.sql`n."createdAt"`;
  const revisitedAt = Prisma.sql`r."revisitedAt"`;
  const rows = await queryPrepared<StatsRow>(Prisma.sql`
    WITH n AS NOT MATERIALIZED (
      SELECT id, horizon, status, "revisitOn", "createdAt" FROM "VisionNote"
      WHERE "userId" = ${viewer.userId} AND "deletedAt" IS NULL
    ),
    written AS (
      SELECT ${bucketSql(localDaySql(createdAt, window), window)} AS bucket, n.horizon, count(*) AS written
      FROM n WHERE true ${sinceInstantSql(createdAt, window)} GROUP BY 1, 2
    ),
    revisited AS (
      SELECT ${bucketSql(localDaySql(revisitedAt, window), window)} AS bucket, n.horizon, count(*) AS revisited
      FROM "VisionNoteRevisit" r JOIN n ON n.id = r."noteId"
      WHERE r."userId" = ${viewer.userId} ${sinceInstantSql(revisitedAt, window)} GROUP BY 1, 2
    )
    SELECT json_build_object(
      'series', (
        SELECT coalesce(json_agg(json_build_object('bucket', bucket, 'horizon', horizon,
          'written', coalesce(written, 0), 'revisited', coalesce(revisited, 0))), '[]')
        FROM written FULL JOIN revisited USING (bucket, horizon)
      ),
      'dueForRevisit', (SELECT count(*) FROM n WHERE "revisitOn" <= ${window.today}::date AND status IN ('OPEN', 'IN_PROGRESS')),
      'anyEver', EXISTS (SELECT 1 FROM n)
    ) AS stats`);
  return visionStatsRowSchema.parse(rows[0]?.stats);
}

// A kept dashboard is stamped with the day and with every field of the profile
// but these: a setting added to the profile is in the stamp unless it is named
// here (a needless rebuild at worst, never a stale dashboard).
// tests/integration/dashboard-cache.test.ts changes every column of the user.
const NOT_SHOWN: ReadonlySet<string> = new Set(["email", "name"] satisfies Array<keyof Profile>);

// At most 500 models and 50 MB with their charts (~100–150 kB each).
//
// One per process (lib/server/kept-until-changed.ts): Next compiles this
// module into each server bundle layer that imports it.
const builtDashboards = keptPerProcess<DashboardModel>("dashboards", { max: 500, maxBytes: 50 * 1024 * 1024, weigh: keptDashboardBytes }, (kept) =>
  // How full the cache is, for the bench's soak: entries and weighed bytes beside their bounds.
  reportToBench("dashboardCache", () => ({ entries: kept.size, max: kept.max, bytes: kept.bytes, maxBytes: kept.maxBytes })),
);

/**
 * What a user's kept figures depend on besides the rows they count: the day in
 * their zone and every field of their profile but those not shown, its data
 * version among them. The quarterly story's kept pack (lib/story/pack.ts) is
 * stamped the same way.
 */
export function dataStamp(settings: Profile, today: DateOnly): string {
  return JSON.stringify([today, ...Object.entries(settings).filter(([field]) => !NOT_SHOWN.has(field))]);
}

function dashboardOf(viewer: Viewer, range: RangeKey, settings: Profile, now: Date): Promise<DashboardModel> {
  return builtFor(viewer, range, settings, dashboardWindow(range, calendarSettingsOf(settings), now));
}

/**
 * The dashboard of one quarter, week by week (the quarterly story's figures):
 * the same aggregations and model as every range, kept the same way. The
 * running quarter is the "This quarter" range itself.
 */
export async function getQuarterDashboard(viewer: Viewer, quarter: QuarterKey, now: Date = new Date()): Promise<DashboardModel> {
  const settings = await getProfile(viewer.userId);
  return builtFor(viewer, quarter, settings, quarterWindow(quarter, calendarSettingsOf(settings), now));
}

/** The model kept for `key` (a range or a quarter) while its stamp matches, else built once however many renders ask. */
function builtFor(viewer: Viewer, key: string, settings: Profile, window: DashboardWindow): Promise<DashboardModel> {
  return builtDashboards.get(`${viewer.userId} ${key}`, dataStamp(settings, window.today), () =>
    Promise.all([weekStats(viewer, window), touchpointStats(viewer, window), visionStats(viewer, window)]).then(([weeks, touchpoints, vision]) =>
      buildDashboard(window, weeks, touchpoints, vision),
    ),
  );
}

/** Everything the dashboard shows for one range: the profile read when unchanged since it was last built, and three aggregations otherwise. */
export async function getDashboard(viewer: Viewer, range: RangeKey, now: Date = new Date()): Promise<DashboardModel> {
  // The version is read before the data: a write that commits in between is
  // seen by the aggregations, and its newer version by the next render.
  return dashboardOf(viewer, range, await getProfile(viewer.userId), now);
}

/**
 * Rebuilds the viewer's dashboard after they wrote something it may show, so
 * that their next visit finds it kept: every range this process keeps for
 * them (the ones they looked at, the latest first), and the default. `prepare`
 * builds what the page builds from a model (its chart figures and images,
 * in components/), once per model. Nothing to do when the write changed
 * nothing the dashboard shows: the stamp still matches.
 * Call it after the response (`after()`, app/(app)/dashboard/rebuild.ts).
 */
export async function rebuildDashboards(viewer: Viewer, prepare: (model: DashboardModel) => void, now: Date = new Date()): Promise<void> {
  // Read now, after the write committed: not the profile the request began with.
  const settings = await readProfile(viewer.userId);
  // The ones they looked at, the latest first (the cache lists its keys most recently used first), then the default.
  const slot = `${viewer.userId} `;
  const looked = builtDashboards.slots().filter((key) => key.startsWith(slot)).map((key) => key.slice(slot.length));
  const ranges = [...new Set([...looked, DEFAULT_RANGE])].filter((range): range is RangeKey => range in RANGES);
  // One at a time: a background task should not take both cores from the pages being served.
  for (const range of ranges) prepare(await dashboardOf(viewer, range, settings, now));
}
