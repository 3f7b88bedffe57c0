// A quarter's story keeps its figures and sources per owner and quarter until
// the owner's data version changes (lib/story/pack.ts, decision records 012 and
// 027); what the leader tells (narrative, ratings) is read on every render.
// These check that a kept pack costs two statements, that every change to
// anything on the pack shows on the very next read, that nobody gets another
// user's pack, and that a shared link that stopped working still refuses.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("../support/next-request").then((module) => module.nextHeaders));
vi.mock("next/cache", () => import("../support/next-request").then((module) => module.nextCache));
vi.mock("next/server", (original) => import("../support/next-request").then((module) => module.nextServer(original)));

import { deleteAccount } from "@/lib/account/deletion";
import { getMenteeStoryPack, saveMentorStoryRatings } from "@/lib/mentoring/mentor-access";
import { db } from "@/lib/server/db";
import { noRatings, getStoryPack, type HabitRatings, type StoryPack } from "@/lib/story/pack";
import { createShareLink, getSharedStoryPack, restoreShareLink, revokeShareLink } from "@/lib/story/share-links";
import { saveNarrative, saveSelfAssessment } from "@/lib/story/story";
import { updateSettings } from "@/lib/users";
import { markVisionNoteRevisited } from "@/lib/vision-notes";
import { createStakeholders, createTouchpoints, createVisionNotes, createWeeks, setGoals } from "../support/factories/dashboard";
import { createMentor } from "../support/factories/mentors";
import { createUser, type TestUser } from "../support/factories/users";
import { afterResponse, withRequest } from "../support/next-request";
import { listed, recordStatements } from "../support/statements";

// Tuesday 24 November 2026, 10:00 UTC: the week of Monday 23 November in Berlin, in Q4 2026.
const NOW = new Date("2026-11-24T10:00:00Z");
const Q4 = "2026-Q4";
const DAY_MS = 24 * 60 * 60 * 1000;

const read = async (user: TestUser) => (await getStoryPack(user.viewer, Q4, NOW))!;

/** A link's pack as a reader without an account opens it, the opening recorded as the response ends. */
async function open(token: string, now = NOW) {
  const answer = await withRequest(new Headers({ "x-forwarded-for": "203.0.113.50" }), () => getSharedStoryPack(token, { as: "page" }, now));
  await afterResponse();
  return answer;
}

/** A leader with one week, one stakeholder's touchpoint and one note in Q4 2026. */
async function leader(name: string) {
  const user = await createUser({ name, timeZone: "Europe/Berlin", weekStartsOn: 1 });
  await createWeeks(user.id, [{ startsOn: "2026-10-05", firefightingMinutes: 600, strategyMinutes: 300, otherMinutes: 300 }]);
  await db.week.updateMany({ where: { userId: user.id }, data: { highlights: `${name}'s win` } });
  const [stakeholder] = await createStakeholders(user.id, [{ department: "SALES", name: `${name}'s buyer` }]);
  await createTouchpoints(user.id, [{ occurredOn: "2026-10-06", department: "SALES", stakeholderId: stakeholder }]);
  await createVisionNotes(user.id, [{ horizon: "ONE_YEAR", createdAt: new Date("2026-10-10T12:00:00Z") }]);
  return { user, stakeholder: stakeholder! };
}

const ids = (pack: StoryPack) =>
  [...(pack.relationships?.covered.flatMap((d) => d.touchpoints.map((t) => t.id)) ?? []), ...(pack.vision?.written.map((n) => n.id) ?? [])].sort();

function rated(habit: keyof HabitRatings, rating: number, evidence: string | null): HabitRatings {
  return { ...noRatings(), [habit]: { rating, evidence } };
}

describe("the kept story pack", () => {
  it("is read in two statements while nothing on it changed: the owner's profile and what they tell", async () => {
    const { user } = await leader("Ada");
    const first = await read(user);
    let second: StoryPack | undefined;
    const sent = await recordStatements(async () => (second = await read(user)));
    expect(sent, listed(sent)).toHaveLength(2);
    expect(second).toEqual(first);
  });

  it("shows every change to anything on the pack on the next read", async () => {
    const { user: ada, stakeholder } = await leader("Ada");
    const mentor = await createMentor(ada, { reflections: true, stakeholders: true, notes: true, story: true });
    let pack = await read(ada);
    const again = async () => (pack = await read(ada));

    // Weeks: a new one, and a week's own words (the gathered lines and the draft).
    await createWeeks(ada.id, [{ startsOn: "2026-10-12", firefightingMinutes: 0, strategyMinutes: 600, otherMinutes: 0 }]);
    await again();
    expect(pack.headline.loggedWeeks).toBe(2);
    await db.week.updateMany({ where: { userId: ada.id, startsOn: new Date("2026-10-12") }, data: { highlights: "Closed the platform deal" } });
    await again();
    expect(pack.gathered!.map((line) => line.text)).toContain("Closed the platform deal");
    expect(pack.narrative!.body).toContain("Closed the platform deal");

    // Touchpoints: a new one, marked notable with its value, its stakeholder renamed, then deleted.
    await createTouchpoints(ada.id, [{ occurredOn: "2026-10-13", department: "FINANCE" }]);
    await again();
    expect(pack.relationships!.covered.map((d) => d.department).sort()).toEqual(["FINANCE", "SALES"]);
    await db.touchpoint.updateMany({ where: { userId: ada.id, department: "SALES" }, data: { notable: true, outcome: "Two more deals" } });
    await again();
    expect(pack.relationships!.notable).toEqual([expect.objectContaining({ outcome: "Two more deals" })]);
    await db.stakeholder.update({ where: { id: stakeholder }, data: { name: "Sam, VP Sales" } });
    await again();
    expect(pack.relationships!.notable[0]!.stakeholder).toBe("Sam, VP Sales");
    await db.touchpoint.updateMany({ where: { userId: ada.id, department: "FINANCE" }, data: { deletedAt: NOW } });
    await again();
    expect(pack.relationships!.covered.map((d) => d.department)).toEqual(["SALES"]);

    // Vision: a note written, revisited, its status changed.
    const note = await db.visionNote.findFirstOrThrow({ where: { userId: ada.id }, select: { id: true } });
    await markVisionNoteRevisited(ada.viewer, note.id, null, { now: new Date("2026-11-20T10:00:00Z") });
    await again();
    expect(pack.vision!.revisited.map((n) => n.id)).toEqual([note.id]);
    await db.visionNote.update({ where: { id: note.id }, data: { status: "REALISED", statusChangedAt: new Date("2026-11-21T10:00:00Z"), title: "Platform bet" } });
    await again();
    expect(pack.vision!.statusChanged).toEqual([expect.objectContaining({ id: note.id, title: "Platform bet", status: "REALISED" })]);

    // What the leader tells: the narrative and their ratings, and a mentor's beside them.
    await saveNarrative(ada.viewer, { quarter: Q4, version: 0, body: "## Wins\n\n- Saved words" }, NOW);
    await again();
    expect(pack.narrative).toMatchObject({ body: "## Wins\n\n- Saved words", version: 1 });
    await saveNarrative(ada.viewer, { quarter: Q4, version: 1, body: "Second words" }, NOW);
    await again();
    expect(pack.narrative).toMatchObject({ body: "Second words", version: 2 });
    await saveSelfAssessment(ada.viewer, { quarter: Q4, ratings: rated("story", 4, "Told it well") }, NOW);
    await again();
    expect(pack.assessment.self.story).toEqual({ rating: 4, evidence: "Told it well" });
    await saveMentorStoryRatings(mentor.viewer, { menteeId: ada.id, quarter: Q4, ratings: rated("vision", 2, "Say where it leads") }, NOW);
    await again();
    expect(pack.assessment.mentors).toEqual([expect.objectContaining({ name: "Morgan Mentor", ratings: rated("vision", 2, "Say where it leads") })]);
    await db.user.update({ where: { id: mentor.id }, data: { name: "Morgan M." } });
    await again();
    expect(pack.assessment.mentors[0]!.name).toBe("Morgan M.");

    // Settings: the goal, the time zone and the first day of the week.
    await setGoals(ada.id, { goalStrategySharePercent: 90, goalTouchpointsPerWeek: null, goalDepartments: [] });
    await again();
    expect(pack.headline.goal).toBe(0.9);
    await updateSettings(ada.viewer, { name: "Ada", timeZone: "America/Los_Angeles", weekStartsOn: 0 });
    await again();
    expect(pack.calendar).toEqual({ timeZone: "America/Los_Angeles", weekStartsOn: 0 });
    expect(pack.weeks.first).toBe("2026-10-04");

    // A write made outside the app, in another connection.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`UPDATE "Touchpoint" SET topic = 'Renamed in psql' WHERE "userId" = $1 AND department = 'SALES'`, [ada.id]);
    } finally {
      await client.end();
    }
    await again();
    expect(pack.relationships!.notable[0]!.topic).toBe("Renamed in psql");

    // And a mentor's and a link's view of it are as fresh.
    expect((await getMenteeStoryPack(mentor.viewer, ada.id, Q4, NOW))!.pack.relationships!.notable[0]!.topic).toBe("Renamed in psql");
    const { token } = await createShareLink(ada.viewer, { quarter: Q4, expiresInDays: 7, label: null }, NOW);
    const shared = await open(token);
    expect(shared.kind === "ok" && shared.pack.narrative?.body).toBe("Second words");
  });

  it("never hands one user's pack, or what only its owner sees, to anyone else", async () => {
    const { user: ada } = await leader("Ada");
    const { user: grace } = await leader("Grace");
    const adaPack = await read(ada);
    const gracePack = await read(grace);
    expect(gracePack).not.toBe(adaPack);
    expect(ids(gracePack)).toEqual(
      (
        await Promise.all([
          db.touchpoint.findMany({ where: { userId: grace.id }, select: { id: true } }),
          db.visionNote.findMany({ where: { userId: grace.id }, select: { id: true } }),
        ])
      )
        .flat()
        .map((row) => row.id)
        .sort(),
    );
    expect(ids(gracePack).some((id) => ids(adaPack).includes(id))).toBe(false);
    expect(gracePack.gathered!.map((line) => line.text)).toEqual(["Grace's win"]);

    // Ada's pack is kept, with her gathered lines and draft: a link and a mentor get only what they may see.
    const { token } = await createShareLink(ada.viewer, { quarter: Q4, expiresInDays: 7, label: null }, NOW);
    const shared = await open(token);
    if (shared.kind !== "ok") throw new Error(`The link answered ${shared.kind}`);
    expect(ids(shared.pack)).toEqual(ids(adaPack));
    expect(shared.pack).toMatchObject({ gathered: null, narrative: null, reader: "other" });
    expect(JSON.stringify(shared.pack)).not.toContain("Ada's win");

    const mentor = await createMentor(ada, { reflections: false, stakeholders: false, notes: false, story: true });
    const mentorPack = (await getMenteeStoryPack(mentor.viewer, ada.id, Q4, NOW))!.pack;
    expect(mentorPack).toMatchObject({ gathered: null, narrative: null, relationships: null, vision: null, reader: "other" });
    expect(JSON.stringify(mentorPack)).not.toContain("Ada's win");
    // …and the owner still gets all of it.
    expect((await read(ada)).gathered!.map((line) => line.text)).toEqual(["Ada's win"]);
  });

  it("still refuses a link revoked, expired or of a deleted account while its pack is kept", async () => {
    const { user: ada } = await leader("Ada");
    const { token, link } = await createShareLink(ada.viewer, { quarter: Q4, expiresInDays: 7, label: null }, NOW);
    expect((await open(token)).kind).toBe("ok");

    await revokeShareLink(ada.viewer, link.id);
    expect((await open(token)).kind).toBe("invalid");
    await restoreShareLink(ada.viewer, link.id);
    expect((await open(token)).kind).toBe("ok");

    expect((await open(token, new Date(NOW.getTime() + 7 * DAY_MS))).kind).toBe("invalid");
    expect((await open(token, new Date(NOW.getTime() + 7 * DAY_MS - 60_000))).kind).toBe("ok");

    await deleteAccount(ada.viewer, ada.email);
    expect((await open(token)).kind).toBe("invalid");
  });
});
