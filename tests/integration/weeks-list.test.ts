import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { db } from "@/lib/server/db";
import { addDaysTo, fromDateOnly } from "@/lib/shared/dates";
import { lastWeekToLog, listWeeks, saveWeek, WEEKS_PER_PAGE } from "@/lib/weeks";
import { createWeeks } from "../support/factories/dashboard";
import { createMentor } from "../support/factories/mentors";
import { createUser, type TestUser } from "../support/factories/users";
import { weekInput } from "../support/factories/weeks";
import { listed, recordStatements } from "../support/statements";

// Tuesday 24 November 2026 in Berlin: this (Monday) week began on 23 November, last week on 16 November.
const NOW = new Date("2026-11-24T10:00:00Z");
const THIS_WEEK = "2026-11-23";
const LAST_WEEK = "2026-11-16";
const weeksBack = (count: number) => addDaysTo(THIS_WEEK, -7 * count);

const startsOf = (list: Awaited<ReturnType<typeof listWeeks>>) => list.weeks.map((week) => `${week.startsOn}${week.summary ? "" : " gap"}`);

async function weekId(user: TestUser, startsOn: string): Promise<string> {
  return (await db.week.findUniqueOrThrow({ where: { userId_startsOn: { userId: user.id, startsOn: fromDateOnly(startsOn) } }, select: { id: true } })).id;
}

describe("all your weeks", () => {
  it("is empty for a leader who has logged nothing", async () => {
    const newcomer = await createUser();
    const list = await listWeeks(newcomer.viewer, 1, NOW);
    expect(list).toMatchObject({ page: 1, pages: 1, weeks: [], thisWeek: THIS_WEEK });
    expect(list.strip).toHaveLength(52);
    expect(list.strip.every((week) => week.state === "before" || week.state === "open")).toBe(true);
  });

  it("lists the weeks newest first, with the gaps since the first one and this week still to log", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(ada.id, [weeksBack(5), weeksBack(4), weeksBack(2), weeksBack(1)].map((startsOn) => ({ startsOn, strategyMinutes: 600, firefightingMinutes: 300, otherMinutes: 300, ratingVision: 4 })));

    const list = await listWeeks(ada.viewer, 1, NOW);

    expect(startsOf(list)).toEqual([`${THIS_WEEK} gap`, LAST_WEEK, weeksBack(2), `${weeksBack(3)} gap`, weeksBack(4), weeksBack(5)]);
    expect(list.weeks[1]!.summary).toMatchObject({ strategyMinutes: 600, firefightingMinutes: 300, otherMinutes: 300, ratingVision: 4, ratingStory: null, reviewed: false, comments: 0 });
    expect(list.strip.slice(-6).map((week) => week.state)).toEqual(["logged", "logged", "missing", "logged", "logged", "open"]);
    expect(list.strip.filter((week) => week.state === "before")).toHaveLength(46);
  });

  it("pages through the weeks, twenty to a page, gaps included, and shows the last page for a page past it", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    // This week and 44 before it: 45 weeks, one of them (10 weeks back) a gap.
    await createWeeks(ada.id, Array.from({ length: 45 }, (_, back) => ({ startsOn: weeksBack(back) })).filter((week) => week.startsOn !== weeksBack(10)));

    const first = await listWeeks(ada.viewer, 1, NOW);
    const second = await listWeeks(ada.viewer, 2, NOW);
    const third = await listWeeks(ada.viewer, 3, NOW);

    expect(WEEKS_PER_PAGE).toBe(20);
    expect([first.pages, second.pages, third.pages]).toEqual([3, 3, 3]);
    expect(first.weeks.map((week) => week.startsOn)).toEqual(Array.from({ length: 20 }, (_, back) => weeksBack(back)));
    expect(first.weeks[10]).toEqual({ startsOn: weeksBack(10), summary: null });
    expect(second.weeks.map((week) => week.startsOn)).toEqual(Array.from({ length: 20 }, (_, i) => weeksBack(20 + i)));
    expect(third.weeks.map((week) => week.startsOn)).toEqual(Array.from({ length: 5 }, (_, i) => weeksBack(40 + i)));
    expect(await listWeeks(ada.viewer, 99, NOW)).toEqual(third);
    expect(await listWeeks(ada.viewer, 0, NOW)).toEqual(first);
  });

  it("has exactly one page for twenty weeks and two for twenty-one", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(ada.id, Array.from({ length: 20 }, (_, back) => ({ startsOn: weeksBack(back) })));
    expect((await listWeeks(ada.viewer, 1, NOW)).pages).toBe(1);
    await createWeeks(ada.id, [{ startsOn: weeksBack(20) }]);
    const list = await listWeeks(ada.viewer, 2, NOW);
    expect(list).toMatchObject({ page: 2, pages: 2 });
    expect(list.weeks.map((week) => week.startsOn)).toEqual([weeksBack(20)]);
  });

  it("shows weeks logged before a change of the first day with their own dates, and no gap for the weeks they stand in for", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    await createWeeks(ada.id, [{ startsOn: weeksBack(3) }, { startsOn: weeksBack(1) }]);
    await db.user.update({ where: { id: ada.id }, data: { weekStartsOn: 0 } });

    const list = await listWeeks(ada.viewer, 1, NOW);

    // Sunday weeks now: this week began on Sunday 22 November.
    expect(startsOf(list)).toEqual(["2026-11-22 gap", LAST_WEEK, "2026-11-08 gap", weeksBack(3)]);
    expect(list.thisWeek).toBe("2026-11-22");
    expect(list.strip.slice(-4)).toEqual([
      { startsOn: weeksBack(3), state: "logged" },
      { startsOn: "2026-11-08", state: "missing" },
      { startsOn: LAST_WEEK, state: "logged" },
      { startsOn: "2026-11-22", state: "open" },
    ]);
  });

  it("never lists another leader's weeks, nor counts their comments and reviews", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    const grace = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(ada.id, [{ startsOn: LAST_WEEK }]);
    await createWeeks(grace.id, [{ startsOn: LAST_WEEK }, { startsOn: weeksBack(3) }, { startsOn: weeksBack(30) }]);
    const mentor = await createMentor(grace);
    const graces = await weekId(grace, LAST_WEEK);
    await db.weekReview.create({ data: { mentorshipId: mentor.mentorshipId, weekId: graces } });
    await db.reviewComment.create({ data: { menteeId: grace.id, authorId: mentor.id, weekId: graces, body: "Nice." } });

    const list = await listWeeks(ada.viewer, 1, NOW);

    expect(startsOf(list)).toEqual([`${THIS_WEEK} gap`, LAST_WEEK]);
    expect(list.weeks[1]!.summary).toMatchObject({ reviewed: false, comments: 0 });
    expect(list.strip.filter((week) => week.state === "logged")).toEqual([{ startsOn: LAST_WEEK, state: "logged" }]);
  });

  it("counts each week's comments and says whether a mentor reviewed it, in two statements beside the profile", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(ada.id, Array.from({ length: 30 }, (_, back) => ({ startsOn: weeksBack(back) })));
    const mentor = await createMentor(ada);
    const secondMentor = await createMentor(ada);
    const reviewed = await weekId(ada, LAST_WEEK);
    const discussed = await weekId(ada, weeksBack(2));
    await db.weekReview.create({ data: { mentorshipId: mentor.mentorshipId, weekId: reviewed } });
    await db.weekReview.create({ data: { mentorshipId: secondMentor.mentorshipId, weekId: reviewed } });
    for (const authorId of [mentor.id, ada.id, secondMentor.id]) {
      await db.reviewComment.create({ data: { menteeId: ada.id, authorId, weekId: discussed, body: "On this week." } });
    }
    await db.reviewComment.create({ data: { menteeId: ada.id, authorId: mentor.id, weekId: reviewed, body: "Reviewed." } });

    let list: Awaited<ReturnType<typeof listWeeks>> | undefined;
    const statements = await recordStatements(async () => (list = await listWeeks(ada.viewer, 1, NOW)));

    expect(list!.weeks[1]).toMatchObject({ startsOn: LAST_WEEK, summary: { reviewed: true, comments: 1 } });
    expect(list!.weeks[2]).toMatchObject({ startsOn: weeksBack(2), summary: { reviewed: false, comments: 3 } });
    expect(list!.weeks[3]).toMatchObject({ startsOn: weeksBack(3), summary: { reviewed: false, comments: 0 } });
    // The profile (shared with the signed-in shell in a page), every week start, the page's weeks with their counts.
    expect(statements, listed(statements)).toHaveLength(3);
    expect(statements.map((statement) => statement.text).filter((sql) => /"Week"/.test(sql)).every((sql) => sql.includes(`"userId" = $1`))).toBe(true);
  });
});

describe("the nudge about last week", () => {
  it("names last week when it is not logged but an earlier week is", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    const settings = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
    await createWeeks(ada.id, [{ startsOn: weeksBack(40) }, { startsOn: THIS_WEEK }]);
    expect(await lastWeekToLog(ada.viewer, settings, NOW)).toBe(LAST_WEEK);
    expect((await getDashboard(ada.viewer, "12w", NOW)).lastWeekToLog).toBe(LAST_WEEK);

    // Right after last week is saved, both say nothing: the kept dashboard is rebuilt for the new data version.
    await saveWeek(ada.viewer, weekInput({ startsOn: LAST_WEEK }), NOW);
    expect(await lastWeekToLog(ada.viewer, settings, NOW)).toBeNull();
    expect((await getDashboard(ada.viewer, "12w", NOW)).lastWeekToLog).toBeNull();
  });

  it("says nothing to a leader who started this week, or has not started", async () => {
    const newcomer = await createUser({ timeZone: "Europe/Berlin" });
    const settings = { timeZone: "Europe/Berlin", weekStartsOn: 1 };
    expect(await lastWeekToLog(newcomer.viewer, settings, NOW)).toBeNull();
    expect((await getDashboard(newcomer.viewer, "all", NOW)).lastWeekToLog).toBeNull();
    await createWeeks(newcomer.id, [{ startsOn: THIS_WEEK }]);
    expect(await lastWeekToLog(newcomer.viewer, settings, NOW)).toBeNull();
    expect((await getDashboard(newcomer.viewer, "all", NOW)).lastWeekToLog).toBeNull();
  });

  it("counts a week logged before a change of the first day for the calendar week it stands in for", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    await createWeeks(ada.id, [{ startsOn: weeksBack(3) }, { startsOn: LAST_WEEK }]);
    await db.user.update({ where: { id: ada.id }, data: { weekStartsOn: 0 } });
    const sundays = { timeZone: "Europe/Berlin", weekStartsOn: 0 };
    // Last (Sunday) week began on 15 November; Monday the 16th stands in for it.
    expect(await lastWeekToLog(ada.viewer, sundays, NOW)).toBeNull();
    expect((await getDashboard(ada.viewer, "all", NOW)).lastWeekToLog).toBeNull();

    const grace = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
    await createWeeks(grace.id, [{ startsOn: weeksBack(3) }]);
    await db.user.update({ where: { id: grace.id }, data: { weekStartsOn: 0 } });
    expect(await lastWeekToLog(grace.viewer, sundays, NOW)).toBe("2026-11-15");
    expect((await getDashboard(grace.viewer, "all", NOW)).lastWeekToLog).toBe("2026-11-15");
  });

  it("reads nothing more for a kept dashboard", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createWeeks(ada.id, [{ startsOn: weeksBack(2) }]);
    const first = await getDashboard(ada.viewer, "12w", NOW);
    expect(first.lastWeekToLog).toBe(LAST_WEEK);
    const statements = await recordStatements(() => getDashboard(ada.viewer, "12w", NOW));
    expect(statements, listed(statements)).toHaveLength(1);
  });
});
