import { describe, expect, it } from "vitest";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import {
  createStakeholder as addStakeholder,
  deleteStakeholder,
  getStakeholder,
  listStakeholderOptions,
  listStakeholders,
  restoreStakeholder,
  updateStakeholder,
} from "@/lib/stakeholders";
import { RESTORE_WINDOW_MS } from "@/lib/shared/soft-delete";
import { createTouchpoint as logTouchpoint, listTouchpointsBetween, listTouchpointsWithStakeholder } from "@/lib/touchpoints";
import { createStakeholder, createTouchpoint, stakeholderRow, touchpointRow } from "../support/factories/stakeholders";
import { createUser } from "../support/factories/users";

// 11:00 in Berlin on Tuesday 24 November 2026.
const now = new Date("2026-11-24T10:00:00Z");
const input = { name: "Priya Patel", role: "CFO", department: "FINANCE", cadenceDays: 14, notes: "Cares about cloud spend." } as const;
const everyone = { sort: "name", overdue: false } as const;

describe("stakeholders", () => {
  it("creates, reads and updates the viewer's own stakeholder", async () => {
    const ada = await createUser();
    const { id } = await addStakeholder(ada.viewer, input, { now });

    // Just added: due a whole cadence from today, not overdue yet.
    expect(await getStakeholder(ada.viewer, id, { now })).toMatchObject({ ...input, id, lastMetOn: null, dueOn: "2026-12-08", overdue: false });

    await updateStakeholder(ada.viewer, id, { ...input, name: "Priya P.", cadenceDays: null, notes: null });
    expect(await getStakeholder(ada.viewer, id, { now })).toMatchObject({ name: "Priya P.", cadenceDays: null, notes: null, overdue: false });
  });

  it("shows when each was last met, from the latest non-deleted touchpoint, in one list", async () => {
    const ada = await createUser();
    const priya = await createStakeholder(ada.id, { name: "Priya", department: "FINANCE", cadenceDays: 14 });
    const sam = await createStakeholder(ada.id, { name: "Sam", department: "SALES", cadenceDays: 30 });
    await createStakeholder(ada.id, { name: "Nia", department: "LEGAL", cadenceDays: null });
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-01" });
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-05" });
    // A deleted touchpoint does not count as meeting them.
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-20", deletedAt: new Date() });
    await createTouchpoint(ada.id, { stakeholderId: sam.id, occurredOn: "2026-11-10" });
    // A group meeting with Legal is not a meeting with Nia.
    await createTouchpoint(ada.id, { department: "LEGAL", occurredOn: "2026-11-23" });

    const list = await listStakeholders(ada.viewer, everyone, { now });

    expect(list).toMatchObject({ today: "2026-11-24", timeZone: "Europe/Berlin", total: 3, overdueTotal: 1 });
    expect(list.stakeholders.map(({ name, lastMetOn, daysSinceLastMet, overdue }) => ({ name, lastMetOn, daysSinceLastMet, overdue }))).toEqual([
      { name: "Nia", lastMetOn: null, daysSinceLastMet: null, overdue: false },
      { name: "Priya", lastMetOn: "2026-11-05", daysSinceLastMet: 19, overdue: true },
      { name: "Sam", lastMetOn: "2026-11-10", daysSinceLastMet: 14, overdue: false },
    ]);
  });

  it("logging a touchpoint resets the clock and clears the overdue mark", async () => {
    const ada = await createUser();
    const priya = await createStakeholder(ada.id, { name: "Priya", cadenceDays: 7 });
    await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-01" });
    expect(await getStakeholder(ada.viewer, priya.id, { now })).toMatchObject({ overdue: true, daysSinceLastMet: 23 });

    await logTouchpoint(ada.viewer, { occurredOn: "2026-11-24", channel: "CALL", topic: "Budget", outcome: null, notable: false, with: { kind: "stakeholder", stakeholderId: priya.id } });

    expect(await getStakeholder(ada.viewer, priya.id, { now })).toMatchObject({ overdue: false, lastMetOn: "2026-11-24", daysSinceLastMet: 0, dueOn: "2026-12-01" });
    const list = await listStakeholders(ada.viewer, { ...everyone, overdue: true }, { now });
    expect(list.stakeholders).toEqual([]);
  });

  it("counts the cadence from the day a stakeholder was added, in the viewer's zone, until a later touchpoint", async () => {
    const ada = await createUser();
    // 23:30 UTC on 9 November is already the 10th in Berlin: 14 days later is today, not yet overdue.
    const { id } = await addStakeholder(ada.viewer, input, { now: new Date("2026-11-09T23:30:00Z") });
    expect(await getStakeholder(ada.viewer, id, { now })).toMatchObject({ dueOn: "2026-11-24", daysPastDue: 0, overdue: false });
    expect(await listStakeholders(ada.viewer, everyone, { now })).toMatchObject({ overdueTotal: 0 });
    const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(await getStakeholder(ada.viewer, id, { now: tomorrow })).toMatchObject({ daysPastDue: 1, overdue: true });
    expect(await listStakeholders(ada.viewer, everyone, { now: tomorrow })).toMatchObject({ overdueTotal: 1 });

    // A touchpoint from before they were added does not make them overdue sooner; a later one moves the due day.
    await createTouchpoint(ada.id, { stakeholderId: id, occurredOn: "2026-10-01" });
    expect(await getStakeholder(ada.viewer, id, { now })).toMatchObject({ lastMetOn: "2026-10-01", dueOn: "2026-11-24", overdue: false });
    await createTouchpoint(ada.id, { stakeholderId: id, occurredOn: "2026-11-20" });
    expect(await getStakeholder(ada.viewer, id, { now: tomorrow })).toMatchObject({ dueOn: "2026-12-04", overdue: false });
  });

  it("measures overdue against today in the viewer's own time zone", async () => {
    // 10:00 UTC on the 24th is already the 24th, 23:00, in Auckland; an hour later it is the 25th.
    const kiri = await createUser({ timeZone: "Pacific/Auckland" });
    const priya = await createStakeholder(kiri.id, { cadenceDays: 7 });
    await createTouchpoint(kiri.id, { stakeholderId: priya.id, occurredOn: "2026-11-17" });

    expect(await getStakeholder(kiri.viewer, priya.id, { now })).toMatchObject({ daysSinceLastMet: 7, overdue: false });
    const anHourLater = new Date(now.getTime() + 60 * 60 * 1000);
    expect(await getStakeholder(kiri.viewer, priya.id, { now: anHourLater })).toMatchObject({ daysSinceLastMet: 8, overdue: true });
  });

  it("filters by department and overdue, and sorts by last met or most overdue", async () => {
    const ada = await createUser();
    const a = await createStakeholder(ada.id, { name: "Ana", department: "SALES", cadenceDays: 30 });
    const b = await createStakeholder(ada.id, { name: "Ben", department: "SALES", cadenceDays: 7 });
    const c = await createStakeholder(ada.id, { name: "Cy", department: "PRODUCT", cadenceDays: 7 });
    await createTouchpoint(ada.id, { stakeholderId: a.id, occurredOn: "2026-11-20" });
    await createTouchpoint(ada.id, { stakeholderId: b.id, occurredOn: "2026-11-01" });
    await createTouchpoint(ada.id, { stakeholderId: c.id, occurredOn: "2026-11-10" });

    const names = async (filters: Parameters<typeof listStakeholders>[1]) => (await listStakeholders(ada.viewer, filters, { now })).stakeholders.map((s) => s.name);

    expect(await names({ sort: "name", overdue: false, department: "SALES" })).toEqual(["Ana", "Ben"]);
    expect(await names({ sort: "name", overdue: true })).toEqual(["Ben", "Cy"]);
    expect(await names({ sort: "name", overdue: true, department: "PRODUCT" })).toEqual(["Cy"]);
    expect(await names({ sort: "last-met", overdue: false })).toEqual(["Ben", "Cy", "Ana"]);
    expect(await names({ sort: "overdue", overdue: false })).toEqual(["Ben", "Cy", "Ana"]);
    // The total still counts everyone, so the page can tell "none match" from "none yet".
    expect(await listStakeholders(ada.viewer, { sort: "name", overdue: false, department: "LEGAL" }, { now })).toMatchObject({ total: 3, stakeholders: [] });
  });

  it("offers only the viewer's live stakeholders for pickers, by name", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createStakeholder(ada.id, { name: "Zoe", department: "BOARD" });
    await createStakeholder(ada.id, { name: "Ben", department: "SALES" });
    await createStakeholder(ada.id, { name: "Gone", deletedAt: new Date() });
    await createStakeholder(grace.id, { name: "Grace's contact" });

    const options = await listStakeholderOptions(ada.viewer);
    expect(options.map(({ name, department }) => ({ name, department }))).toEqual([
      { name: "Ben", department: "SALES" },
      { name: "Zoe", department: "BOARD" },
    ]);
    expect(Object.keys(options[0]!).sort()).toEqual(["department", "id", "name"]);
  });

  describe("soft delete and restore", () => {
    it("hides a deleted stakeholder and their touchpoints everywhere, and brings them back on undo", async () => {
      const ada = await createUser();
      const priya = await createStakeholder(ada.id, { name: "Priya", cadenceDays: 7 });
      const kept = await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-20" });
      // Deleted on its own before: stays deleted when the stakeholder comes back.
      const deletedBefore = await createTouchpoint(ada.id, { stakeholderId: priya.id, occurredOn: "2026-11-21", deletedAt: new Date(now.getTime() - 60_000) });

      await deleteStakeholder(ada.viewer, priya.id, { now });

      expect(await getStakeholder(ada.viewer, priya.id, { now })).toBeNull();
      expect(await listStakeholders(ada.viewer, everyone, { now })).toMatchObject({ total: 0, overdueTotal: 0, stakeholders: [] });
      expect(await listStakeholderOptions(ada.viewer)).toEqual([]);
      expect(await listTouchpointsBetween(ada.viewer, "2026-11-01", "2026-12-01")).toEqual([]);
      expect(await listTouchpointsWithStakeholder(ada.viewer, priya.id)).toEqual([]);
      await expect(updateStakeholder(ada.viewer, priya.id, input)).rejects.toThrow(NotFoundError);
      await expect(deleteStakeholder(ada.viewer, priya.id, { now })).rejects.toThrow(NotFoundError);

      await restoreStakeholder(ada.viewer, priya.id, { now: new Date(now.getTime() + 60_000) });

      expect(await getStakeholder(ada.viewer, priya.id, { now })).toMatchObject({ name: "Priya", lastMetOn: "2026-11-20" });
      expect((await listTouchpointsBetween(ada.viewer, "2026-11-01", "2026-12-01")).map((t) => t.id)).toEqual([kept.id]);
      expect((await touchpointRow(deletedBefore.id)).deletedAt).not.toBeNull();
    });

    it("refuses to restore once the window has passed, and leaves it deleted", async () => {
      const ada = await createUser();
      const priya = await createStakeholder(ada.id);
      const touchpoint = await createTouchpoint(ada.id, { stakeholderId: priya.id });
      await deleteStakeholder(ada.viewer, priya.id, { now });

      const tooLate = new Date(now.getTime() + RESTORE_WINDOW_MS + 1_000);
      await expect(restoreStakeholder(ada.viewer, priya.id, { now: tooLate })).rejects.toThrow(ExpectedError);

      expect((await stakeholderRow(priya.id)).deletedAt).toEqual(now);
      expect((await touchpointRow(touchpoint.id)).deletedAt).toEqual(now);
    });

    it("has nothing to restore for a stakeholder that is not deleted", async () => {
      const ada = await createUser();
      const priya = await createStakeholder(ada.id);
      await expect(restoreStakeholder(ada.viewer, priya.id, { now })).rejects.toThrow(NotFoundError);
    });
  });

  describe("another user's stakeholder", () => {
    async function twoLeaders() {
      const ada = await createUser({ name: "Ada" });
      const grace = await createUser({ name: "Grace" });
      const theirs = await createStakeholder(grace.id, { name: "Grace's CFO", department: "FINANCE", cadenceDays: 10, notes: "private" });
      const theirTouchpoint = await createTouchpoint(grace.id, { stakeholderId: theirs.id, occurredOn: "2026-11-20" });
      return { ada, grace, theirs, theirTouchpoint, before: await stakeholderRow(theirs.id) };
    }

    it("cannot be read, listed or have its history read", async () => {
      const { ada, theirs } = await twoLeaders();
      expect(await getStakeholder(ada.viewer, theirs.id, { now })).toBeNull();
      expect(await listStakeholders(ada.viewer, everyone, { now })).toMatchObject({ total: 0, stakeholders: [] });
      expect(await listStakeholderOptions(ada.viewer)).toEqual([]);
      expect(await listTouchpointsWithStakeholder(ada.viewer, theirs.id)).toEqual([]);
    });

    it("cannot be updated", async () => {
      const { ada, theirs, before } = await twoLeaders();
      await expect(updateStakeholder(ada.viewer, theirs.id, input)).rejects.toThrow(NotFoundError);
      expect(await stakeholderRow(theirs.id)).toEqual(before);
    });

    it("cannot be deleted, and its touchpoints stay", async () => {
      const { ada, theirs, theirTouchpoint, before } = await twoLeaders();
      await expect(deleteStakeholder(ada.viewer, theirs.id, { now })).rejects.toThrow(NotFoundError);
      expect(await stakeholderRow(theirs.id)).toEqual(before);
      expect((await touchpointRow(theirTouchpoint.id)).deletedAt).toBeNull();
    });

    it("cannot be restored after its owner deleted it", async () => {
      const { ada, grace, theirs, theirTouchpoint } = await twoLeaders();
      await deleteStakeholder(grace.viewer, theirs.id, { now });

      await expect(restoreStakeholder(ada.viewer, theirs.id, { now })).rejects.toThrow(NotFoundError);

      expect((await stakeholderRow(theirs.id)).deletedAt).toEqual(now);
      expect((await touchpointRow(theirTouchpoint.id)).deletedAt).toEqual(now);
      // The owner still can.
      await restoreStakeholder(grace.viewer, theirs.id, { now });
      expect((await stakeholderRow(theirs.id)).deletedAt).toBeNull();
    });
  });
});
