import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { totalOf } from "@/lib/dashboard/figures";
import { getMenteeStoryPack, saveMentorStoryRatings } from "@/lib/mentoring/mentor-access";
import { updateSharing } from "@/lib/mentoring/mentorships";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { HABITS, type HabitKey } from "@/lib/shared/reflection-questions";
import { getStoryPack, noRatings, type HabitRatings } from "@/lib/story/pack";
import { NarrativeConflictError, saveNarrative, saveSelfAssessment } from "@/lib/story/story";
import { updateVisionNote } from "@/lib/vision-notes";
import { createStakeholders, createTouchpoints, createVisionNotes, createWeeks, setGoals } from "../support/factories/dashboard";
import { SHARE_EVERYTHING, SHARE_NOTHING, createMentor } from "../support/factories/mentors";
import { createUser } from "../support/factories/users";
import { createWeek } from "../support/factories/weeks";

// Tuesday 24 November 2026, 10:00 UTC: the week of Monday 23 November in Berlin, in Q4 2026.
const NOW = new Date("2026-11-24T10:00:00Z");

function ratings(values: Partial<Record<HabitKey, [number, string | null]>>): HabitRatings {
  const all = noRatings();
  for (const [habit, [rating, evidence]] of Object.entries(values) as Array<[HabitKey, [number, string | null]]>) all[habit] = { rating, evidence };
  return all;
}

/** A leader with a quarter of weeks, touchpoints and notes, and a little of the quarter before. */
async function leaderWithAQuarter() {
  const ada = await createUser({ timeZone: "Europe/Berlin", weekStartsOn: 1 });
  await setGoals(ada.id, { goalStrategySharePercent: 40, goalTouchpointsPerWeek: null, goalDepartments: [] });
  await createWeeks(ada.id, [
    // Q3: the week of 28 September ends in October but counts in Q3, where it starts.
    { startsOn: "2026-09-21", firefightingMinutes: 600, strategyMinutes: 0, otherMinutes: 0 },
    { startsOn: "2026-09-28", firefightingMinutes: 0, strategyMinutes: 600, otherMinutes: 0, ratingStrategy: 5 },
    // Q4.
    { startsOn: "2026-10-05", firefightingMinutes: 600, strategyMinutes: 300, otherMinutes: 300, ratingStrategy: 2, ratingStory: 3 },
    { startsOn: "2026-10-12", firefightingMinutes: 300, strategyMinutes: 600, otherMinutes: 0, ratingStrategy: 4 },
    // 19 October … 16 November not logged.
    { startsOn: "2026-11-23", firefightingMinutes: 600, strategyMinutes: 600, otherMinutes: 0, ratingVision: 3 },
  ]);
  await db.week.updateMany({
    where: { userId: ada.id, startsOn: new Date("2026-10-05") },
    data: { highlights: "- Shipped the billing migration\n- Hired a staff engineer", reflectionStrategy: "Blocked two afternoons for the platform plan." },
  });
  const [sales] = await createStakeholders(ada.id, [{ department: "SALES", name: "Sam" }]);
  await createTouchpoints(ada.id, [
    // 2 October is in the week of 28 September: Q3's.
    { occurredOn: "2026-10-02", department: "LEGAL" },
    { occurredOn: "2026-10-06", department: "SALES", stakeholderId: sales },
    { occurredOn: "2026-10-20", department: "SALES", stakeholderId: sales },
    { occurredOn: "2026-11-02", department: "FINANCE" },
    { occurredOn: "2026-11-03", department: "FINANCE", deletedAt: new Date() },
  ]);
  await db.touchpoint.updateMany({ where: { userId: ada.id, occurredOn: new Date("2026-10-20") }, data: { notable: true, outcome: "Cut onboarding from 3 weeks to 4 days: 2 more deals this quarter." } });
  await createVisionNotes(ada.id, [
    { horizon: "THREE_YEARS", createdAt: new Date("2026-10-10T12:00:00Z"), revisitedAt: [new Date("2026-11-20T08:00:00Z")] },
    { horizon: "ONE_YEAR", createdAt: new Date("2026-08-01T12:00:00Z"), revisitedAt: [new Date("2026-08-20T08:00:00Z")] },
  ]);
  return ada;
}

describe("the story pack", () => {
  it("shows the dashboard's own figures for the running quarter, with the rows they come from", async () => {
    const ada = await leaderWithAQuarter();
    const pack = (await getStoryPack(ada.viewer, "2026-Q4", NOW))!;
    const dashboard = await getDashboard(ada.viewer, "quarter", NOW);

    // The same model, point for point: the story computes nothing of its own.
    expect(pack.dashboard.time).toEqual(dashboard.time);
    expect(pack.dashboard.ratings).toEqual(dashboard.ratings);
    expect(pack.dashboard.coverage).toEqual(dashboard.coverage);
    expect(pack.dashboard.vision).toEqual(dashboard.vision);
    expect(pack.headline.share).toBe(totalOf(dashboard.time.points).share);

    // 5 + 10 + 10 hours of strategy of 20 + 15 + 20: 1,500 of 3,300 minutes.
    expect(pack.headline).toMatchObject({ share: 1500 / 3300, previousShare: 0.5, goal: 0.4, loggedWeeks: 3, totalWeeks: 8 });
    expect(pack.headline.finding).toBe("Strategy took 45% of your logged hours this quarter so far, down from 50% the quarter before, meeting your 40% goal.");
    expect(pack.headline.findingForOthers).toBe(
      "Strategy took 45% of the leader's logged hours this quarter so far, down from 50% the quarter before, meeting the 40% goal.",
    );
    expect(pack).toMatchObject({ quarter: "2026-Q4", name: "Q4 2026", inProgress: true, weeks: { first: "2026-10-05", last: "2026-12-28" } });
    expect(pack.spanning).toEqual({ before: "2026-09-28", after: "2026-12-28" });

    // Relationships: the dashboard's counts, each with its touchpoints; the notable one with its business value.
    expect(pack.relationships!.covered.map((d) => [d.department, d.count, d.touchpoints.length])).toEqual([
      ["SALES", 2, 2],
      ["FINANCE", 1, 1],
    ]);
    expect(pack.relationships!.notCovered.map((d) => d.department)).toContain("LEGAL");
    expect(pack.relationships!.notable).toEqual([expect.objectContaining({ occurredOn: "2026-10-20", stakeholder: "Sam", outcome: expect.stringContaining("4 days"), notable: true })]);

    // Vision: the note written in October and its November revisit; August's are Q3's.
    expect(pack.vision!.written).toHaveLength(1);
    expect(pack.vision!.revisited).toEqual([expect.objectContaining({ on: "2026-11-20" })]);

    // The narrative starts as a draft of the leader's own words, each line saying its week; the gathered lines link to it.
    expect(pack.narrative).toMatchObject({ version: 0, savedAt: null });
    expect(pack.narrative!.body).toContain("## Wins\n\n- Shipped the billing migration (week of 5 Oct)\n- Hired a staff engineer (week of 5 Oct)");
    expect(pack.narrative!.body).toContain("## What changed\n\n- Blocked two afternoons for the platform plan. (week of 5 Oct)");
    expect(pack.narrative!.body).toContain("## Where I need help");
    expect(pack.gathered).toContainEqual({ section: "Wins", text: "Shipped the billing migration", weekStartsOn: "2026-10-05" });
  });

  it("counts an earlier quarter's weeks, touchpoints and notes where their week starts, as the dashboard did on that quarter's last day", async () => {
    const ada = await leaderWithAQuarter();
    const pack = (await getStoryPack(ada.viewer, "2026-Q3", NOW))!;
    // Sunday 4 October, the last day of Q3's last week.
    const then = await getDashboard(ada.viewer, "quarter", new Date("2026-10-04T12:00:00Z"));
    expect(pack.dashboard.time).toEqual(then.time);
    expect(pack.dashboard.coverage).toEqual(then.coverage);
    expect(pack.inProgress).toBe(false);
    expect(pack.headline.share).toBe(0.5);
    // The touchpoint of 2 October counts in Q3, with the week it falls in.
    expect(pack.relationships!.covered.map((d) => d.department)).toEqual(["LEGAL"]);
    expect(pack.dashboard.time.points.at(-1)).toMatchObject({ bucket: { key: "2026-09-28" }, logged: true });
  });

  it("has no pack for a quarter that has not begun", async () => {
    const ada = await createUser();
    expect(await getStoryPack(ada.viewer, "2027-Q1", NOW)).toBeNull();
  });

  it("reads only the viewer's own rows", async () => {
    const ada = await leaderWithAQuarter();
    const grace = await createUser({ timeZone: "Europe/Berlin" });
    await saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 0, body: "Ada's private story" });
    const pack = (await getStoryPack(grace.viewer, "2026-Q4", NOW))!;
    expect(pack.headline.loggedWeeks).toBe(0);
    expect(pack.relationships!.covered).toEqual([]);
    expect(pack.narrative!.body).not.toContain("Ada");
    expect(pack.narrative!.version).toBe(0);
  });

  it("lists the notes that changed status in the quarter", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createVisionNotes(ada.id, [{ horizon: "ONE_YEAR", createdAt: new Date("2026-06-01T12:00:00Z") }]);
    const note = await db.visionNote.findFirstOrThrow({ where: { userId: ada.id } });
    const input = { title: note.title, body: note.body, horizon: note.horizon, tags: [], revisitOn: null };
    await updateVisionNote(ada.viewer, note.id, { ...input, status: "OPEN" }, { now: new Date("2026-10-20T10:00:00Z") });
    expect((await getStoryPack(ada.viewer, "2026-Q4", NOW))!.vision!.statusChanged).toEqual([]);
    await updateVisionNote(ada.viewer, note.id, { ...input, status: "REALISED" }, { now: new Date("2026-10-21T10:00:00Z") });
    expect((await getStoryPack(ada.viewer, "2026-Q4", NOW))!.vision!.statusChanged).toEqual([expect.objectContaining({ id: note.id, status: "REALISED", on: "2026-10-21" })]);
  });
});

describe("the narrative", () => {
  it("saves with the version it was loaded with, and refuses an older one without losing the newer save", async () => {
    const ada = await createUser();
    const first = await saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 0, body: "## Wins\n\n- First" }, NOW);
    expect(first).toMatchObject({ version: 1, body: "## Wins\n\n- First" });
    const second = await saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 1, body: "Second" }, NOW);
    expect(second.version).toBe(2);

    // A tab still on version 1 is refused, and told what is saved now.
    const stale = saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 1, body: "From an old tab" }, NOW);
    await expect(stale).rejects.toBeInstanceOf(NarrativeConflictError);
    await expect(stale).rejects.toMatchObject({ saved: { body: "Second", version: 2 }, data: { conflict: { body: "Second" } } });
    // A second first save (another tab on the draft) too.
    await expect(saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 0, body: "Another draft" }, NOW)).rejects.toBeInstanceOf(NarrativeConflictError);
    expect((await getStoryPack(ada.viewer, "2026-Q4", NOW))!.narrative).toMatchObject({ body: "Second", version: 2 });
  });

  it("lets only one of two racing saves of the same version win", async () => {
    const ada = await createUser();
    await saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 0, body: "Start" }, NOW);
    const results = await Promise.allSettled([
      saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 1, body: "Tab A" }, NOW),
      saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 1, body: "Tab B" }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof NarrativeConflictError)).toHaveLength(1);
  });

  it("is refused for a quarter that has not begun", async () => {
    const ada = await createUser();
    await expect(saveNarrative(ada.viewer, { quarter: "2027-Q1", version: 0, body: "Too soon" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the quarterly self-assessment", () => {
  it("keeps each habit's rating and evidence, shows the change since last quarter, and forgets a habit left unrated", async () => {
    const ada = await createUser();
    await saveSelfAssessment(ada.viewer, { quarter: "2026-Q3", ratings: ratings({ strategy: [2, "Mostly firefighting"], vision: [3, null] }) }, NOW);
    await saveSelfAssessment(ada.viewer, { quarter: "2026-Q4", ratings: ratings({ strategy: [4, "Two afternoons a week kept"], story: [3, null] }) }, NOW);
    let pack = (await getStoryPack(ada.viewer, "2026-Q4", NOW))!;
    expect(pack.assessment.self).toEqual(ratings({ strategy: [4, "Two afternoons a week kept"], story: [3, null] }));
    expect(pack.assessment.previousSelf).toEqual(ratings({ strategy: [2, "Mostly firefighting"], vision: [3, null] }));

    await saveSelfAssessment(ada.viewer, { quarter: "2026-Q4", ratings: ratings({ strategy: [5, null] }) }, NOW);
    pack = (await getStoryPack(ada.viewer, "2026-Q4", NOW))!;
    expect(pack.assessment.self).toEqual(ratings({ strategy: [5, null] }));
    expect(await db.storyRating.count({ where: { userId: ada.id, quarter: "2026-Q4" } })).toBe(1);
  });

  it("is refused for a quarter that has not begun", async () => {
    const ada = await createUser();
    await expect(saveSelfAssessment(ada.viewer, { quarter: "2027-Q1", ratings: ratings({ strategy: [3, null] }) }, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a mentor and the story", () => {
  it("answers not-found to a mentor the story is not shared with, a stranger, and an ended mentorship", async () => {
    const ada = await leaderWithAQuarter();
    const unshared = await createMentor(ada, { ...SHARE_EVERYTHING, story: false });
    const stranger = await createUser();
    expect(await getMenteeStoryPack(unshared.viewer, ada.id, "2026-Q4", NOW)).toBeNull();
    expect(await getMenteeStoryPack(stranger.viewer, ada.id, "2026-Q4", NOW)).toBeNull();
    expect(await getMenteeStoryPack(null, ada.id, "2026-Q4", NOW)).toBeNull();
    expect(await getMenteeStoryPack(ada.viewer, ada.id, "2026-Q4", NOW)).toBeNull();
    await expect(saveMentorStoryRatings(unshared.viewer, { menteeId: ada.id, quarter: "2026-Q4", ratings: ratings({ story: [4, null] }) }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveMentorStoryRatings(stranger.viewer, { menteeId: ada.id, quarter: "2026-Q4", ratings: ratings({ story: [4, null] }) }, NOW)).rejects.toBeInstanceOf(NotFoundError);

    const ended = await createMentor(ada, SHARE_EVERYTHING);
    await db.mentorship.update({ where: { id: ended.mentorshipId }, data: { status: "ENDED", endedAt: new Date() } });
    expect(await getMenteeStoryPack(ended.viewer, ada.id, "2026-Q4", NOW)).toBeNull();
    expect(await db.storyRating.count()).toBe(0);
  });

  it("shows a mentor with the story shared only the parts shared with them", async () => {
    const ada = await leaderWithAQuarter();
    await saveNarrative(ada.viewer, { quarter: "2026-Q4", version: 0, body: "## Wins\n\nThe billing migration." }, NOW);
    const grace = await createMentor(ada, { ...SHARE_NOTHING, story: true });
    const seen = (await getMenteeStoryPack(grace.viewer, ada.id, "2026-Q4", NOW))!;
    expect(seen.pack.narrative).toMatchObject({ body: "## Wins\n\nThe billing migration." });
    expect(seen.pack.headline.share).toBeCloseTo(1500 / 3300);
    expect(seen.pack.relationships).toBeNull();
    expect(seen.pack.vision).toBeNull();
    expect(seen.pack.gathered).toBeNull();
    expect(seen.pack.dashboard.ratings.points).toEqual([]);
    expect(seen.pack.dashboard.coverage.columns).toEqual([]);

    await updateSharing(ada.viewer, grace.mentorshipId, { shareReflections: true, shareStakeholders: true, shareNotes: true, shareStory: true });
    const all = (await getMenteeStoryPack(grace.viewer, ada.id, "2026-Q4", NOW))!;
    expect(all.pack.relationships!.notable).toHaveLength(1);
    expect(all.pack.vision!.written).toHaveLength(1);
    expect(all.pack.gathered!.length).toBeGreaterThan(0);
  });

  it("never shows a mentor the draft gathered from weeks the leader has not saved as a narrative", async () => {
    const ada = await leaderWithAQuarter();
    const grace = await createMentor(ada, { ...SHARE_NOTHING, story: true });
    expect((await getMenteeStoryPack(grace.viewer, ada.id, "2026-Q4", NOW))!.pack.narrative).toBeNull();
  });

  it("lets a mentor rate the quarter beside the leader, each seeing what is theirs to see", async () => {
    const ada = await leaderWithAQuarter();
    const grace = await createMentor(ada, { ...SHARE_NOTHING, story: true });
    const alan = await createMentor(ada, { ...SHARE_NOTHING, story: true });
    await saveSelfAssessment(ada.viewer, { quarter: "2026-Q4", ratings: ratings({ story: [2, "Quiet quarter"] }) }, NOW);
    await saveMentorStoryRatings(grace.viewer, { menteeId: ada.id, quarter: "2026-Q4", ratings: ratings({ story: [4, "You told the billing story well"] }) }, NOW);
    await saveMentorStoryRatings(alan.viewer, { menteeId: ada.id, quarter: "2026-Q4", ratings: ratings({ vision: [3, null] }) }, NOW);

    const own = (await getStoryPack(ada.viewer, "2026-Q4", NOW))!;
    expect(own.assessment.self.story).toEqual({ rating: 2, evidence: "Quiet quarter" });
    expect(own.assessment.mentors.map((m) => [m.mentorshipId, m.ratings.story?.rating ?? null, m.ratings.vision?.rating ?? null])).toEqual([
      [grace.mentorshipId, 4, null],
      [alan.mentorshipId, null, 3],
    ]);

    const graceSees = (await getMenteeStoryPack(grace.viewer, ada.id, "2026-Q4", NOW))!.pack.assessment;
    expect(graceSees.self.story).toEqual({ rating: 2, evidence: "Quiet quarter" });
    expect(graceSees.mentors).toEqual([expect.objectContaining({ mentorshipId: grace.mentorshipId })]);

    // Their ratings are their own: nothing else of Ada's is written, and a quarter not begun is refused.
    await expect(saveMentorStoryRatings(grace.viewer, { menteeId: ada.id, quarter: "2027-Q1", ratings: ratings({ story: [4, null] }) }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.storyRating.count({ where: { userId: ada.id, rater: "self" } })).toBe(1);
    for (const habit of HABITS) expect(own.assessment.mentors[0]!.ratings[habit.key] === null || habit.key === "story").toBe(true);
  });
});

// A week saved through the app, not only seeded, shows in the pack at once.
describe("freshness", () => {
  it("shows a week saved after the pack was read", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    expect((await getStoryPack(ada.viewer, "2026-Q4", NOW))!.headline.loggedWeeks).toBe(0);
    await createWeek(ada.viewer, { startsOn: "2026-11-16", strategyMinutes: 600 });
    expect((await getStoryPack(ada.viewer, "2026-Q4", NOW))!.headline.loggedWeeks).toBe(1);
  });
});
