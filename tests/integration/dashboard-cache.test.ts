// The dashboard is built once and reused until something it shows changes
// (lib/dashboard/dashboard.ts, docs/decisions/012-dashboard-cache.md). These check that
// every kind of write, by any path, shows on the very next render.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { updateGoals } from "@/lib/dashboard/goals";
import { getMenteeDashboard } from "@/lib/mentoring/mentor-access";
import { deleteStakeholder, restoreStakeholder } from "@/lib/stakeholders";
import { deleteTouchpoint, restoreTouchpoint } from "@/lib/touchpoints";
import { updateSettings } from "@/lib/users";
import { markVisionNoteRevisited } from "@/lib/vision-notes";
import { saveWeek } from "@/lib/weeks";
import { createStakeholders, createVisionNotes } from "../support/factories/dashboard";
import { createTouchpoint } from "../support/factories/stakeholders";
import { createMentorship } from "../support/factories/trust";
import { createUser } from "../support/factories/users";
import { weekInput } from "../support/factories/weeks";

// Tuesday 24 November 2026, 10:00 UTC.
const NOW = new Date("2026-11-24T10:00:00Z");
const TABLES = ["Week", "Touchpoint", "Stakeholder", "VisionNote", "VisionNoteRevisit"];

// The user's columns a dashboard does not depend on. Every other one is changed
// below and must change the kept dashboard: a column added to User fails the
// test until it is named here or given a change.
const NOT_ON_THE_DASHBOARD = [
  "id",
  "name",
  "email",
  "emailVerified",
  "image",
  "createdAt",
  "updatedAt",
  // Which weekly emails the user gets, and when (lib/reminders/).
  "emailWeekReminder",
  "emailMentorDigest",
  "emailCommentDigest",
  "weeklyEmailDay",
  "weeklyEmailMinute",
  "weeklyEmailDueAt",
];
type UserChange = (user: { id: string }) => Promise<unknown>;
const setUser = (data: Prisma.UserUpdateInput): UserChange => (user) => db.user.update({ where: { id: user.id }, data });
const USER_CHANGES: Record<string, UserChange> = {
  timeZone: setUser({ timeZone: "America/Los_Angeles" }),
  weekStartsOn: setUser({ weekStartsOn: 0 }),
  goalStrategySharePercent: setUser({ goalStrategySharePercent: 40 }),
  goalTouchpointsPerWeek: setUser({ goalTouchpointsPerWeek: 3 }),
  goalDepartments: setUser({ goalDepartments: ["SALES"] }),
  // Stamped by the triggers, as every write the dashboard reads does.
  dataVersion: (user) => db.week.create({ data: { userId: user.id, startsOn: new Date("2026-11-23T00:00:00Z"), strategyMinutes: 60 } }),
};

/** Sharing choices for what is not on the dashboard: the quarterly story (lib/story/) has a page of its own. */
const SHARES_NOT_ON_THE_DASHBOARD: string[] = ["shareStory"];

describe("dashboard cache", () => {
  it("stamps the owner on every insert, update and delete of a row the dashboard reads", async () => {
    const rows = await db.$queryRaw<Array<{ table: string; events: string }>>`
      SELECT c.relname AS table, string_agg(t.tgname, ',' ORDER BY t.tgname) AS events
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname = 'stamp_dashboard_data_version' AND NOT t.tgisinternal GROUP BY 1 ORDER BY 1`;
    expect(rows).toEqual(
      [...TABLES].sort().map((table) => ({ table, events: ["delete", "insert", "update"].map((event) => `${table}_stamp_${event}`).join(",") })),
    );
  });

  it("shows every kind of write on the next render, and nothing changes for another user", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    const grace = await createUser();
    const graceBefore = await getDashboard(grace.viewer, "12w", NOW);
    let model = await getDashboard(ada.viewer, "12w", NOW);
    const render = async () => (model = await getDashboard(ada.viewer, "12w", NOW));

    await saveWeek(ada.viewer, weekInput({ startsOn: "2026-11-23", strategyMinutes: 600, firefightingMinutes: 600, otherMinutes: 0 }), NOW);
    await render();
    expect(model.headline.thisWeek).toMatchObject({ logged: true, share: 0.5 });

    await saveWeek(ada.viewer, weekInput({ startsOn: "2026-11-23", version: 1, strategyMinutes: 300, firefightingMinutes: 900, otherMinutes: 0 }), NOW);
    await render();
    expect(model.headline.thisWeek.share).toBe(0.25);

    const [sales] = await createStakeholders(ada.id, [{ department: "SALES", cadenceDays: 7 }]);
    await render();
    expect(model.headline.overdueStakeholders).toBe(1);

    const touchpoint = await createTouchpoint(ada.id, { occurredOn: "2026-11-24", department: "SALES", stakeholderId: sales });
    await render();
    expect(model.headline).toMatchObject({ touchpointsThisMonth: 1, overdueStakeholders: 0 });

    await deleteTouchpoint(ada.viewer, touchpoint.id, { now: NOW });
    await render();
    expect(model.headline).toMatchObject({ touchpointsThisMonth: 0, overdueStakeholders: 1 });

    await restoreTouchpoint(ada.viewer, touchpoint.id, { now: NOW });
    await render();
    expect(model.headline.touchpointsThisMonth).toBe(1);

    // Deleting a stakeholder takes their touchpoints with them; restoring brings both back.
    await deleteStakeholder(ada.viewer, sales!, { now: NOW });
    await render();
    expect(model.headline).toMatchObject({ touchpointsThisMonth: 0, overdueStakeholders: 0 });
    await restoreStakeholder(ada.viewer, sales!, { now: NOW });
    await render();
    expect(model.headline).toMatchObject({ touchpointsThisMonth: 1, overdueStakeholders: 0 });
    await db.stakeholder.update({ where: { id: sales }, data: { cadenceDays: null } });
    await db.touchpoint.deleteMany({ where: { id: touchpoint.id } });
    await render();
    expect(model.headline).toMatchObject({ touchpointsThisMonth: 0, overdueStakeholders: 0 });

    await createVisionNotes(ada.id, [{ horizon: "ONE_YEAR", createdAt: NOW, revisitOn: "2026-11-20" }]);
    await render();
    expect(model.headline.notesDueForRevisit).toBe(1);
    const note = await db.visionNote.findFirstOrThrow({ where: { userId: ada.id }, select: { id: true } });
    await markVisionNoteRevisited(ada.viewer, note.id, null, { now: NOW });
    await render();
    expect(model.vision.points.reduce((sum, point) => sum + point.revisited.ONE_YEAR, 0)).toBe(1);

    await updateGoals(ada.viewer, { goalStrategySharePercent: 40, goalTouchpointsPerWeek: null, goalDepartments: [] });
    await render();
    expect(model.goals.strategyShare?.target).toBe(0.4);

    await updateSettings(ada.viewer, { name: null, timeZone: "America/Los_Angeles", weekStartsOn: 0 });
    await render();
    expect(model.window).toMatchObject({ timeZone: "America/Los_Angeles", weekStartsOn: 0, currentWeekStart: "2026-11-22" });

    // A new day: the same data, seen from Wednesday.
    model = await getDashboard(ada.viewer, "12w", new Date("2026-11-25T20:00:00Z"));
    expect(model.window.today).toBe("2026-11-25");

    expect(await getDashboard(grace.viewer, "12w", NOW)).toBe(graceBefore);
  });

  it("builds the dashboard anew when any setting it depends on changes, and the mentor's view when any sharing choice does", async () => {
    const columns = Object.values(Prisma.UserScalarFieldEnum).filter((column) => !NOT_ON_THE_DASHBOARD.includes(column));
    expect(Object.keys(USER_CHANGES).sort()).toEqual(columns.sort());
    for (const column of columns) {
      const ada = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
      const before = await getDashboard(ada.viewer, "12w", NOW);
      expect(await getDashboard(ada.viewer, "12w", NOW), column).toBe(before);
      const profileBefore = await db.user.findUniqueOrThrow({ where: { id: ada.id } });
      await USER_CHANGES[column]!(ada);
      const profileAfter = await db.user.findUniqueOrThrow({ where: { id: ada.id } });
      // The change touches that column alone.
      const changed = Object.keys(profileAfter).filter((key) => key !== "updatedAt" && JSON.stringify(profileAfter[key as never]) !== JSON.stringify(profileBefore[key as never]));
      expect(changed, column).toEqual([column]);
      const after = await getDashboard(ada.viewer, "12w", NOW);
      expect(after, column).not.toBe(before);
      expect(after, column).not.toEqual(before);
    }

    // The day in the user's zone is part of the stamp too.
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    const monday = await getDashboard(ada.viewer, "12w", new Date("2026-11-23T10:00:00Z"));
    expect(await getDashboard(ada.viewer, "12w", NOW)).not.toEqual(monday);

    // A mentor sees the leader's kept dashboard through what the leader shares.
    const shares = Object.values(Prisma.MentorshipScalarFieldEnum).filter((column) => column.startsWith("share"));
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares.filter((column) => !SHARES_NOT_ON_THE_DASHBOARD.includes(column))) {
      const leader = await createUser();
      const mentor = await createUser();
      const { id } = await createMentorship(leader, mentor);
      await db.mentorship.update({ where: { id }, data: Object.fromEntries(shares.map((column) => [column, true])) });
      const before = (await getMenteeDashboard(mentor.viewer, leader.id, "12w", NOW))!.model;
      expect((await getMenteeDashboard(mentor.viewer, leader.id, "12w", NOW))!.model, share).toBe(before);
      await db.mentorship.update({ where: { id }, data: { [share]: false } });
      expect((await getMenteeDashboard(mentor.viewer, leader.id, "12w", NOW))!.model, share).not.toEqual(before);
    }
    // A choice the dashboard does not read keeps the mentor's kept view.
    for (const share of SHARES_NOT_ON_THE_DASHBOARD) {
      const leader = await createUser();
      const mentor = await createUser();
      const { id } = await createMentorship(leader, mentor);
      const before = (await getMenteeDashboard(mentor.viewer, leader.id, "12w", NOW))!.model;
      await db.mentorship.update({ where: { id }, data: { [share]: true } });
      expect((await getMenteeDashboard(mentor.viewer, leader.id, "12w", NOW))!.model, share).toBe(before);
    }
  });

  it("shows a write made outside the app, in another connection, on the next render", async () => {
    const ada = await createUser();
    await getDashboard(ada.viewer, "all", NOW);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Week" (id, "userId", "startsOn", "firefightingMinutes", "strategyMinutes", "otherMinutes", "updatedAt")
         VALUES ($1, $2, '2026-11-23', 0, 120, 0, now())`,
        [`week-${ada.id}`, ada.id],
      );
    } finally {
      await client.end();
    }
    expect((await getDashboard(ada.viewer, "all", NOW)).headline.thisWeek).toMatchObject({ logged: true, share: 1 });
  });

  it("shows the leader's writes to their mentor at once", async () => {
    const ada = await createUser();
    const mentor = await createUser();
    await createMentorship(ada, mentor);
    expect((await getMenteeDashboard(mentor.viewer, ada.id, "12w", NOW))?.model.headline.thisWeek.logged).toBe(false);
    await saveWeek(ada.viewer, weekInput({ startsOn: "2026-11-23" }), NOW);
    expect((await getMenteeDashboard(mentor.viewer, ada.id, "12w", NOW))?.model.headline.thisWeek.logged).toBe(true);
  });

  it("keeps one cache per process, however many copies of the module the server loads", async () => {
    // Next compiles the module into each server bundle layer that imports it; a fresh import stands in for another layer's copy.
    const ada = await createUser();
    const kept = await getDashboard(ada.viewer, "12w", NOW);
    vi.resetModules();
    const anotherCopy = await import("@/lib/dashboard/dashboard");
    expect(anotherCopy.getDashboard).not.toBe(getDashboard);
    expect(await anotherCopy.getDashboard(ada.viewer, "12w", NOW)).toBe(kept);
  });
});
