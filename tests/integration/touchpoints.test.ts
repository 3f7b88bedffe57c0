import { describe, expect, it } from "vitest";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { fromDateOnly } from "@/lib/shared/dates";
import { deleteStakeholder, getStakeholder } from "@/lib/stakeholders";
import { RESTORE_WINDOW_MS } from "@/lib/shared/soft-delete";
import {
  StakeholderNotFoundError,
  createTouchpoint as logTouchpoint,
  deleteTouchpoint,
  getTouchpoint,
  listTouchpointsBetween,
  listStakeholderHistory,
  listTouchpointsWithStakeholder,
  HISTORY_PER_PAGE,
  restoreTouchpoint,
  updateTouchpoint,
} from "@/lib/touchpoints";
import type { TouchpointInput } from "@/lib/touchpoints.validation";
import { createStakeholder, createTouchpoint, touchpointRow } from "../support/factories/stakeholders";
import { createUser } from "../support/factories/users";

const now = new Date("2026-11-24T10:00:00Z");

function withStakeholder(stakeholderId: string, overrides: Partial<TouchpointInput> = {}): TouchpointInput {
  return { occurredOn: "2026-11-24", channel: "ONE_ON_ONE", topic: "Pricing", outcome: "Shared usage data.", notable: false, with: { kind: "stakeholder", stakeholderId }, ...overrides };
}

function groupMeeting(department: "SALES" | "MARKETING" | "LEGAL", overrides: Partial<TouchpointInput> = {}): TouchpointInput {
  return { occurredOn: "2026-11-24", channel: "MEETING", topic: "Pipeline review", outcome: null, notable: false, with: { kind: "department", department }, ...overrides };
}

describe("touchpoints", () => {
  it("logs a touchpoint with a stakeholder, copying their department", async () => {
    const ada = await createUser();
    const priya = await createStakeholder(ada.id, { name: "Priya", department: "FINANCE" });

    const { id } = await logTouchpoint(ada.viewer, withStakeholder(priya.id, { notable: true }));

    expect(await getTouchpoint(ada.viewer, id)).toEqual({
      id,
      occurredOn: "2026-11-24",
      channel: "ONE_ON_ONE",
      topic: "Pricing",
      outcome: "Shared usage data.",
      notable: true,
      department: "FINANCE",
      stakeholder: { id: priya.id, name: "Priya" },
    });
  });

  it("logs a group meeting with just a department", async () => {
    const ada = await createUser();
    const { id } = await logTouchpoint(ada.viewer, groupMeeting("MARKETING"));
    expect(await getTouchpoint(ada.viewer, id)).toMatchObject({ department: "MARKETING", stakeholder: null, channel: "MEETING" });
  });

  it("edits a touchpoint, switching it from a group meeting to a stakeholder", async () => {
    const ada = await createUser();
    const sam = await createStakeholder(ada.id, { name: "Sam", department: "SALES" });
    const { id } = await logTouchpoint(ada.viewer, groupMeeting("LEGAL"));

    await updateTouchpoint(ada.viewer, id, withStakeholder(sam.id, { occurredOn: "2026-11-20", topic: "Renewals", outcome: null }));

    expect(await getTouchpoint(ada.viewer, id)).toMatchObject({ occurredOn: "2026-11-20", topic: "Renewals", outcome: null, department: "SALES", stakeholder: { id: sam.id } });
  });

  it("lists a date range, newest first, without deleted or other users' touchpoints", async () => {
    const ada = await createUser();
    const grace = await createUser();
    const priya = await createStakeholder(ada.id, { name: "Priya", department: "FINANCE" });
    const monday = await createTouchpoint(ada.id, { occurredOn: "2026-11-23", stakeholderId: priya.id, topic: "Monday" });
    const sunday = await createTouchpoint(ada.id, { occurredOn: "2026-11-29", department: "SALES", topic: "Sunday" });
    const wednesday = await createTouchpoint(ada.id, { occurredOn: "2026-11-25", department: "LEGAL", topic: "Wednesday" });
    await createTouchpoint(ada.id, { occurredOn: "2026-11-22", topic: "Week before" });
    await createTouchpoint(ada.id, { occurredOn: "2026-11-30", topic: "Week after" });
    await createTouchpoint(ada.id, { occurredOn: "2026-11-24", topic: "Deleted", deletedAt: new Date() });
    await createTouchpoint(grace.id, { occurredOn: "2026-11-24", topic: "Grace's" });

    const week = await listTouchpointsBetween(ada.viewer, "2026-11-23", "2026-11-30");

    expect(week.map((t) => t.id)).toEqual([sunday.id, wednesday.id, monday.id]);
    expect(week[2]).toMatchObject({ topic: "Monday", department: "FINANCE", stakeholder: { id: priya.id, name: "Priya" } });
    expect(week[0]).toMatchObject({ department: "SALES", stakeholder: null });
  });

  it("lists a stakeholder's history, newest first", async () => {
    const ada = await createUser();
    const priya = await createStakeholder(ada.id);
    const other = await createStakeholder(ada.id, { name: "Other" });
    const older = await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-10-01" });
    const newer = await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-01" });
    await createTouchpoint(ada.id, { stakeholderId: other.id, occurredOn: "2026-11-02" });
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-03", deletedAt: new Date() });

    expect((await listTouchpointsWithStakeholder(ada.viewer, priya.id)).map((t) => t.id)).toEqual([newer.id, older.id]);
  });

  it("pages through a stakeholder's history, twenty to a page, never counting another's or a deleted touchpoint", async () => {
    const ada = await createUser();
    const grace = await createUser();
    const priya = await createStakeholder(ada.id);
    const other = await createStakeholder(ada.id, { name: "Other" });
    // 23 touchpoints, one a day in November; day 23 is the newest.
    const ids: string[] = [];
    for (let day = 1; day <= 23; day++) ids.push((await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: `2026-11-${String(day).padStart(2, "0")}` })).id);
    await createTouchpoint(ada.id, { stakeholderId: other.id, occurredOn: "2026-11-24" });
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-24", deletedAt: new Date() });
    const newestFirst = ids.toReversed();

    expect(HISTORY_PER_PAGE).toBe(20);
    const first = await listStakeholderHistory(ada.viewer, priya.id, 1);
    expect(first).toMatchObject({ total: 23, page: 1, pages: 2 });
    expect(first.touchpoints.map((t) => t.id)).toEqual(newestFirst.slice(0, 20));
    const second = await listStakeholderHistory(ada.viewer, priya.id, 2);
    expect(second).toMatchObject({ total: 23, page: 2, pages: 2 });
    expect(second.touchpoints.map((t) => t.id)).toEqual(newestFirst.slice(20));
    // A page past the last shows the last.
    expect(await listStakeholderHistory(ada.viewer, priya.id, 7)).toEqual(second);
    // Someone else's stakeholder has no history for them.
    expect(await listStakeholderHistory(grace.viewer, priya.id, 1)).toEqual({ touchpoints: [], total: 0, page: 1, pages: 1 });
  });

  it("refuses the viewer's own deleted stakeholder", async () => {
    const ada = await createUser();
    const gone = await createStakeholder(ada.id, { deletedAt: new Date() });
    await expect(logTouchpoint(ada.viewer, withStakeholder(gone.id))).rejects.toThrow(StakeholderNotFoundError);
    expect(await db.touchpoint.count()).toBe(0);
  });

  describe("soft delete and restore", () => {
    it("hides a deleted touchpoint from lists and last met, and restores it within the window", async () => {
      const ada = await createUser();
      const priya = await createStakeholder(ada.id, { cadenceDays: 7 });
      await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-01" });
      const latest = await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-23" });

      await deleteTouchpoint(ada.viewer, latest.id, { now });

      expect(await getTouchpoint(ada.viewer, latest.id)).toBeNull();
      expect(await listTouchpointsBetween(ada.viewer, "2026-11-23", "2026-11-30")).toEqual([]);
      expect(await getStakeholder(ada.viewer, priya.id, { now })).toMatchObject({ lastMetOn: "2026-11-01", overdue: true });
      await expect(updateTouchpoint(ada.viewer, latest.id, withStakeholder(priya.id))).rejects.toThrow(NotFoundError);
      await expect(deleteTouchpoint(ada.viewer, latest.id, { now })).rejects.toThrow(NotFoundError);

      await restoreTouchpoint(ada.viewer, latest.id, { now: new Date(now.getTime() + 5 * 60_000) });

      expect(await getTouchpoint(ada.viewer, latest.id)).toMatchObject({ occurredOn: "2026-11-23" });
      expect(await getStakeholder(ada.viewer, priya.id, { now })).toMatchObject({ lastMetOn: "2026-11-23", overdue: false });
    });

    it("refuses to restore once the window has passed, and leaves it deleted", async () => {
      const ada = await createUser();
      const touchpoint = await createTouchpoint(ada.id);
      await deleteTouchpoint(ada.viewer, touchpoint.id, { now });

      await expect(restoreTouchpoint(ada.viewer, touchpoint.id, { now: new Date(now.getTime() + RESTORE_WINDOW_MS + 1_000) })).rejects.toThrow(ExpectedError);

      expect((await touchpointRow(touchpoint.id)).deletedAt).toEqual(now);
    });

    it("keeps a touchpoint hidden while its stakeholder is deleted", async () => {
      const ada = await createUser();
      const priya = await createStakeholder(ada.id);
      const touchpoint = await createTouchpoint(ada.id, { stakeholderId: priya.id });
      await deleteTouchpoint(ada.viewer, touchpoint.id, { now });
      await deleteStakeholder(ada.viewer, priya.id, { now: new Date(now.getTime() + 1_000) });

      await expect(restoreTouchpoint(ada.viewer, touchpoint.id, { now })).rejects.toThrow(ExpectedError);

      expect((await touchpointRow(touchpoint.id)).deletedAt).toEqual(now);
    });
  });

  describe("another user's", () => {
    async function twoLeaders() {
      const ada = await createUser({ name: "Ada" });
      const grace = await createUser({ name: "Grace" });
      const adasOwn = await createStakeholder(ada.id, { name: "Ada's contact", department: "SALES" });
      const theirs = await createStakeholder(grace.id, { name: "Grace's CFO", department: "FINANCE" });
      const theirTouchpoint = await createTouchpoint(grace.id, { stakeholderId: theirs.id, occurredOn: "2026-11-20", topic: "Grace's secret" });
      return { ada, grace, adasOwn, theirs, theirTouchpoint, before: await touchpointRow(theirTouchpoint.id) };
    }

    it("stakeholder cannot be used for a new touchpoint", async () => {
      const { ada, theirs } = await twoLeaders();

      const attempt = logTouchpoint(ada.viewer, withStakeholder(theirs.id));

      await expect(attempt).rejects.toThrow(NotFoundError);
      await expect(attempt).rejects.toMatchObject({ message: "Choose one of your stakeholders.", field: "stakeholderId" });
      expect(await db.touchpoint.count({ where: { userId: ada.id } })).toBe(0);
      expect(await db.touchpoint.count({ where: { stakeholderId: theirs.id } })).toBe(1);
    });

    it("stakeholder cannot be attached to one of the viewer's touchpoints by an edit", async () => {
      const { ada, adasOwn, theirs } = await twoLeaders();
      const { id } = await logTouchpoint(ada.viewer, withStakeholder(adasOwn.id));
      const before = await touchpointRow(id);

      await expect(updateTouchpoint(ada.viewer, id, withStakeholder(theirs.id))).rejects.toThrow(StakeholderNotFoundError);

      expect(await touchpointRow(id)).toEqual(before);
    });

    it("stakeholder cannot be referenced even bypassing the code: the database refuses it", async () => {
      const { ada, theirs } = await twoLeaders();
      await expect(
        db.touchpoint.create({ data: { userId: ada.id, stakeholderId: theirs.id, department: "FINANCE", occurredOn: fromDateOnly("2026-11-24"), channel: "CALL", topic: "x" } }),
      ).rejects.toThrow();
    });

    it("touchpoint cannot be read or listed", async () => {
      const { ada, theirTouchpoint } = await twoLeaders();
      expect(await getTouchpoint(ada.viewer, theirTouchpoint.id)).toBeNull();
      expect(await listTouchpointsBetween(ada.viewer, "2026-11-01", "2026-12-01")).toEqual([]);
    });

    it("touchpoint cannot be updated", async () => {
      const { ada, adasOwn, theirTouchpoint, before } = await twoLeaders();
      await expect(updateTouchpoint(ada.viewer, theirTouchpoint.id, withStakeholder(adasOwn.id))).rejects.toThrow(NotFoundError);
      await expect(updateTouchpoint(ada.viewer, theirTouchpoint.id, groupMeeting("LEGAL"))).rejects.toThrow(NotFoundError);
      expect(await touchpointRow(theirTouchpoint.id)).toEqual(before);
    });

    it("touchpoint cannot be deleted", async () => {
      const { ada, theirTouchpoint, before } = await twoLeaders();
      await expect(deleteTouchpoint(ada.viewer, theirTouchpoint.id, { now })).rejects.toThrow(NotFoundError);
      expect(await touchpointRow(theirTouchpoint.id)).toEqual(before);
    });

    it("touchpoint cannot be restored after its owner deleted it", async () => {
      const { ada, grace, theirTouchpoint } = await twoLeaders();
      await deleteTouchpoint(grace.viewer, theirTouchpoint.id, { now });

      const attempt = restoreTouchpoint(ada.viewer, theirTouchpoint.id, { now });
      await expect(attempt).rejects.toThrow(NotFoundError);
      // Answered exactly like a missing touchpoint, not "too late".
      await expect(attempt).rejects.toThrow(new NotFoundError("That touchpoint").message);

      expect((await touchpointRow(theirTouchpoint.id)).deletedAt).toEqual(now);
    });
  });
});
