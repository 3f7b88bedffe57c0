import { describe, expect, it } from "vitest";
import { ExpectedError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { getMenteeWeek } from "@/lib/mentoring/mentor-access";
import { emptyWeek, getWeek, placeWeek, saveWeek, WeekConflictError } from "@/lib/weeks";
import { createMentor } from "../support/factories/mentors";
import { createUser, type TestUser } from "../support/factories/users";
import { createWeek, weekInput } from "../support/factories/weeks";

// Wednesday 5 March 2025: the current week (Monday start, Europe/Berlin) began on Monday 3 March.
const NOW = new Date("2025-03-05T12:00:00Z");
const THIS_WEEK = "2025-03-03";

async function rowsOf(userId: string) {
  return db.week.findMany({ where: { userId }, orderBy: { startsOn: "asc" } });
}

describe("saving a week", () => {
  it("creates a week the first time and reads it back", async () => {
    const ada = await createUser();
    expect(await getWeek(ada.viewer, THIS_WEEK)).toBeNull();

    const saved = await saveWeek(
      ada.viewer,
      weekInput({ startsOn: THIS_WEEK, strategyMinutes: 450, reflectionVision: "Platform bets for 2030.", ratingVision: 4 }),
      NOW,
    );

    expect(saved).toMatchObject({ startsOn: THIS_WEEK, version: 1, strategyMinutes: 450, ratingVision: 4 });
    expect(await getWeek(ada.viewer, THIS_WEEK)).toEqual(saved);
  });

  it("updates a week from the version it was loaded with and moves the version on", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: THIS_WEEK });

    const saved = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, firefightingMinutes: 0, highlights: "Quiet week." }), NOW);

    expect(saved).toMatchObject({ version: 2, firefightingMinutes: 0, highlights: "Quiet week." });
    expect(await rowsOf(ada.id)).toHaveLength(1);
  });

  it("edits past weeks and plans next week, but not weeks further ahead", async () => {
    const ada = await createUser();
    await saveWeek(ada.viewer, weekInput({ startsOn: "2024-12-30" }), NOW);
    await saveWeek(ada.viewer, weekInput({ startsOn: "2025-03-10" }), NOW);

    await expect(saveWeek(ada.viewer, weekInput({ startsOn: "2025-03-17" }), NOW)).rejects.toThrow(/still ahead of you/);
    expect((await rowsOf(ada.id)).map((row) => row.startsOn.toISOString().slice(0, 10))).toEqual(["2024-12-30", "2025-03-10"]);
  });

  it("refuses a date that is not the first day of one of the user's weeks", async () => {
    const sundayStarter = await createUser({ weekStartsOn: 0 });
    const error = await saveWeek(sundayStarter.viewer, weekInput({ startsOn: THIS_WEEK }), NOW).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).field).toBe("startsOn");
    expect(await rowsOf(sundayStarter.id)).toHaveLength(0);
    // The same user's week starts on Sunday 2 March.
    await expect(saveWeek(sundayStarter.viewer, weekInput({ startsOn: "2025-03-02" }), NOW)).resolves.toMatchObject({ version: 1 });
  });
});

describe("no lost edits", () => {
  it("refuses a save based on an older version and shows the newer one, changing nothing", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: THIS_WEEK });
    const otherTab = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, strategyMinutes: 600, highlights: "From the laptop." }), NOW);

    const error = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, strategyMinutes: 60, highlights: "From the phone." }), NOW).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(WeekConflictError);
    expect((error as WeekConflictError).saved).toEqual(otherTab);
    expect((error as WeekConflictError).data).toEqual({ conflict: otherTab });
    expect(await getWeek(ada.viewer, THIS_WEEK)).toEqual(otherTab);
  });

  it("lets the user keep their values by saving again against the newer version", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: THIS_WEEK, version: 4 });
    const mine = weekInput({ startsOn: THIS_WEEK, version: 3, highlights: "Mine." });
    const conflict = (await saveWeek(ada.viewer, mine, NOW).catch((caught: unknown) => caught)) as WeekConflictError;

    const kept = await saveWeek(ada.viewer, { ...mine, version: conflict.saved.version }, NOW);

    expect(kept).toMatchObject({ version: 5, highlights: "Mine." });
  });

  it("treats a second first save of the same week as a conflict, not an error", async () => {
    const ada = await createUser();
    const first = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, highlights: "First." }), NOW);

    await expect(saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, highlights: "Second." }), NOW)).rejects.toThrow(WeekConflictError);
    expect(await getWeek(ada.viewer, THIS_WEEK)).toEqual(first);
  });

  it("answers a version that never existed with a conflict against the empty week", async () => {
    const ada = await createUser();
    const error = (await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 7 }), NOW).catch((caught: unknown) => caught)) as WeekConflictError;

    expect(error).toBeInstanceOf(WeekConflictError);
    expect(error.saved).toEqual(emptyWeek(THIS_WEEK));
    expect(await rowsOf(ada.id)).toHaveLength(0);
  });

  it("lets exactly one of two concurrent saves from the same version win", async () => {
    const ada = await createUser();
    await createWeek(ada.viewer, { startsOn: THIS_WEEK });

    const results = await Promise.allSettled([
      saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, highlights: "Tab A" }), NOW),
      saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, highlights: "Tab B" }), NOW),
    ]);

    const winners = results.filter((result) => result.status === "fulfilled");
    const losers = results.filter((result) => result.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]?.reason).toBeInstanceOf(WeekConflictError);
    const [row] = await rowsOf(ada.id);
    expect(row?.version).toBe(2);
    expect(row?.highlights).toBe(winners[0]?.value.highlights);
  });

  it("lets exactly one of many concurrent saves win, for first saves and updates alike, round after round", async () => {
    const ada = await createUser();
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, tab) => saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: round, highlights: `Round ${round}, tab ${tab}` }), NOW)),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(WeekConflictError);
    }
    const [row] = await rowsOf(ada.id);
    expect(row?.version).toBe(5);
  });
});

describe("ownership", () => {
  it("never shows another user's week", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createWeek(grace.viewer, { startsOn: THIS_WEEK, highlights: "Grace's week." });

    expect(await getWeek(ada.viewer, THIS_WEEK)).toBeNull();
    expect(await getWeek(grace.viewer, THIS_WEEK)).toMatchObject({ highlights: "Grace's week." });
  });

  it("never changes another user's week, even with a crafted save against their start date and version", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createWeek(grace.viewer, { startsOn: THIS_WEEK, highlights: "Grace's week." });
    const before = await rowsOf(grace.id);

    // Grace's version: Ada has no such week, so this is a conflict against Ada's own (empty) week.
    const crafted = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, version: 1, highlights: "Overwritten?" }), NOW).catch((caught: unknown) => caught);
    expect(crafted).toBeInstanceOf(WeekConflictError);
    expect((crafted as WeekConflictError).saved).toEqual(emptyWeek(THIS_WEEK));

    // A first save creates Ada's own week beside Grace's.
    const created = await saveWeek(ada.viewer, weekInput({ startsOn: THIS_WEEK, highlights: "Ada's week." }), NOW);
    expect(created).toMatchObject({ version: 1, highlights: "Ada's week." });

    expect(await rowsOf(grace.id)).toEqual(before);
    expect(await rowsOf(ada.id)).toHaveLength(1);
  });
});

describe("after the first day of the week changes", () => {
  /** Ada logged two Monday weeks (24 February and 3 March), then switched to Sunday weeks. */
  async function switchedToSunday(): Promise<TestUser> {
    const ada = await createUser({ weekStartsOn: 1 });
    await createWeek(ada.viewer, { startsOn: "2025-02-24", highlights: "Board prep." });
    await createWeek(ada.viewer, { startsOn: THIS_WEEK });
    await db.user.update({ where: { id: ada.id }, data: { weekStartsOn: 0 } });
    return ada;
  }

  it("opens the weeks logged before as they were logged, and steps from them into the new weeks", async () => {
    const ada = await switchedToSunday();

    expect(await placeWeek(ada.viewer, "2025-02-24", NOW)).toMatchObject({
      startsOn: "2025-02-24",
      previous: "2025-02-16",
      next: THIS_WEEK,
      currentStart: THIS_WEEK,
      loggable: true,
    });
    // Sunday 2 March begins the calendar week that Monday 3 March, logged, already covers: this week is that one.
    expect((await placeWeek(ada.viewer, "2025-03-02", NOW)).startsOn).toBe(THIS_WEEK);
    expect((await placeWeek(ada.viewer, undefined, NOW)).startsOn).toBe(THIS_WEEK);
    expect(await placeWeek(ada.viewer, "2025-03-11", NOW)).toMatchObject({ startsOn: "2025-03-09", previous: THIS_WEEK, next: "2025-03-16", loggable: true });
  });

  it("keeps those weeks editable, starts no new week off the calendar, and logs no week twice", async () => {
    const ada = await switchedToSunday();

    await expect(saveWeek(ada.viewer, weekInput({ startsOn: "2025-02-24", version: 1, highlights: "Board prep, done." }), NOW)).resolves.toMatchObject({
      version: 2,
      highlights: "Board prep, done.",
    });
    const offCalendar = await saveWeek(ada.viewer, weekInput({ startsOn: "2025-02-17" }), NOW).catch((caught: unknown) => caught);
    expect(offCalendar).toBeInstanceOf(ExpectedError);
    expect((offCalendar as ExpectedError).field).toBe("startsOn");
    await expect(saveWeek(ada.viewer, weekInput({ startsOn: "2025-03-02" }), NOW)).rejects.toThrow("You logged this week already (Mon 3 – Sun 9 March 2025)");
    await expect(saveWeek(ada.viewer, weekInput({ startsOn: "2025-03-09" }), NOW)).resolves.toMatchObject({ version: 1 });

    expect((await rowsOf(ada.id)).map((row) => row.startsOn.toISOString().slice(0, 10))).toEqual(["2025-02-24", THIS_WEEK, "2025-03-09"]);
  });

  it("shows a mentor those weeks as they were logged too", async () => {
    const ada = await switchedToSunday();
    const grace = await createMentor(ada, { reflections: true });

    const seen = await getMenteeWeek(grace.viewer, ada.id, "2025-02-24");
    expect(seen?.place.startsOn).toBe("2025-02-24");
    expect(seen?.week).toMatchObject({ startsOn: "2025-02-24", highlights: "Board prep." });
    expect((await getMenteeWeek(grace.viewer, ada.id, "2025-03-02"))?.place.startsOn).toBe(THIS_WEEK);
  });
});
