// Search everywhere (lib/search.ts) on the real database: what it finds, whose
// rows it may show (only the viewer's, never deleted ones), how it marks the
// matches, and that no text typed in the box can make it fail.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SEARCH_LIMITS, searchEverything, type SearchHit, type SearchResults } from "@/lib/search";
import { searchParamsSchema } from "@/lib/search.validation";
import { createStakeholder, createTouchpoint } from "../support/factories/stakeholders";
import { createUser, type TestUser } from "../support/factories/users";
import { createVisionNote } from "../support/factories/vision-notes";
import { createWeek } from "../support/factories/weeks";

const search = (user: TestUser, q: string, kind?: "week" | "touchpoint" | "stakeholder" | "note") => searchEverything(user.viewer, { q, kind });

const text = (segments: Array<{ text: string }>) => segments.map((segment) => segment.text).join("");
const marked = (segments: Array<{ text: string; marked: boolean }>) => segments.filter((segment) => segment.marked).map((segment) => segment.text);

/** Every hit, as kind and name ("week 2026-11-02" for a week). */
function found(results: SearchResults): string[] {
  return results.groups.flatMap((group) => group.hits.map((hit) => `${hit.kind} ${hit.kind === "week" ? hit.startsOn : text(hit.title)}`));
}

function hitOf(results: SearchResults, kind: SearchHit["kind"]): SearchHit {
  const hit = results.groups.find((group) => group.kind === kind)?.hits[0];
  if (!hit) throw new Error(`no ${kind} found`);
  return hit;
}

/** One of each kind for `user`, all about "roadmap". */
async function seedRoadmap(user: TestUser) {
  const week = await createWeek(user.viewer, {
    startsOn: "2026-11-02",
    highlights: "Shipped the **roadmap** review with Sales.",
    reflectionStrategy: "Two days went to incidents.",
  });
  const stakeholder = await createStakeholder(user.id, { name: "Rita Roadmap", role: "Head of Product", department: "PRODUCT", notes: "Owns the pricing page." });
  const touchpoint = await createTouchpoint(user.id, { stakeholderId: stakeholder.id, topic: "Roadmap trade-offs", outcome: "Agreed to drop the mobile app." });
  const meeting = await createTouchpoint(user.id, { department: "SALES", topic: "Quarterly planning", outcome: "Sales wants the roadmap earlier." });
  const note = await createVisionNote(user, { title: "A public roadmap", body: "Customers ask where we are going.", tags: ["product"] });
  return { week, stakeholder, touchpoint, meeting, note };
}

describe("search everywhere: what it finds", () => {
  it("finds weeks, touchpoints, stakeholders and notes, grouped by kind, each linking to its item", async () => {
    const ada = await createUser();
    const rows = await seedRoadmap(ada);

    const results = await search(ada, "roadmaps");
    expect(results.groups.map((group) => [group.kind, group.total])).toEqual([
      ["week", 1],
      ["touchpoint", 2],
      ["stakeholder", 1],
      ["note", 1],
    ]);
    expect(results.total).toBe(5);

    const touchpoints = results.groups[1]!.hits;
    // A match in the topic outranks one in the outcome.
    expect(touchpoints.map((hit) => text(hit.title))).toEqual(["Roadmap trade-offs", "Quarterly planning"]);
    expect(touchpoints.map((hit) => hit.href)).toEqual([`/stakeholders/${rows.stakeholder.id}`, `/touchpoints/${rows.meeting.id}/edit`]);
    expect(touchpoints[0]).toMatchObject({ kind: "touchpoint", stakeholderName: "Rita Roadmap", department: "PRODUCT", occurredOn: "2026-11-02" });
    expect(touchpoints[1]).toMatchObject({ stakeholderName: null, department: "SALES" });

    expect(hitOf(results, "week")).toMatchObject({ href: "/weeks/2026-11-02", startsOn: "2026-11-02", title: [] });
    expect(hitOf(results, "stakeholder")).toMatchObject({ href: `/stakeholders/${rows.stakeholder.id}`, department: "PRODUCT" });
    expect(hitOf(results, "note")).toMatchObject({ href: `/notes/${rows.note.id}`, horizon: "ONE_YEAR", tags: ["product"] });
  });

  it("searches a week's reflections, a stakeholder's role and notes, a touchpoint's outcome and a note's tags", async () => {
    const ada = await createUser();
    await seedRoadmap(ada);

    expect(found(await search(ada, "incidents"))).toEqual(["week 2026-11-02"]);
    expect(found(await search(ada, "pricing"))).toEqual(["stakeholder Rita Roadmap"]);
    expect(found(await search(ada, '"head of product"'))).toEqual(["stakeholder Rita Roadmap"]);
    expect(found(await search(ada, "mobile"))).toEqual(["touchpoint Roadmap trade-offs"]);
    expect(found(await search(ada, "product -rita"))).toEqual(["note A public roadmap"]);
  });

  it("marks the matching words, as text, with Markdown stripped from the snippet", async () => {
    const ada = await createUser();
    await seedRoadmap(ada);
    const results = await search(ada, "roadmap");

    const week = hitOf(results, "week");
    expect(text(week.snippet)).toContain("Shipped the roadmap review with Sales.");
    expect(marked(week.snippet)).toEqual(["roadmap"]);
    expect(marked(hitOf(results, "stakeholder").title)).toEqual(["Roadmap"]);
    const note = hitOf(results, "note");
    expect(marked(note.title)).toEqual(["roadmap"]);
    // The match is in the title only: the snippet is the start of the body, unmarked.
    expect(note.snippet).toEqual([{ text: "Customers ask where we are going.", marked: false }]);
  });

  it("shows user text that looks like markup, or like its marks, as the characters typed", async () => {
    const ada = await createUser();
    await createVisionNote(ada, { title: "<b>Bold</b> plan \u0002x\u0003", body: '<img src=x onerror="alert(1)"> the plan for <script>hiring</script>' });

    const note = hitOf(await search(ada, "bold plan"), "note");
    expect(text(note.title)).toBe("<b>Bold</b> plan x");
    expect(marked(note.title)).toEqual(["Bold", "plan"]);
    expect(text(note.snippet)).toBe('<img src=x onerror="alert(1)"> the plan for <script>hiring</script>');
    expect(marked(note.snippet)).toEqual(["plan"]);
  });

  it("keeps the best hits per kind and counts them all; one kind alone shows more", async () => {
    const ada = await createUser();
    for (let index = 0; index < SEARCH_LIMITS.overview + 2; index += 1) {
      await createStakeholder(ada.id, { name: `Budget owner ${index}` });
    }
    const all = await search(ada, "budget");
    expect(all.groups.find((group) => group.kind === "stakeholder")).toMatchObject({ total: SEARCH_LIMITS.overview + 2 });
    expect(all.groups.find((group) => group.kind === "stakeholder")!.hits).toHaveLength(SEARCH_LIMITS.overview);

    const one = await search(ada, "budget", "stakeholder");
    expect(one.groups.map((group) => group.kind)).toEqual(["stakeholder"]);
    expect(one.groups[0]!.hits).toHaveLength(SEARCH_LIMITS.overview + 2);
  });

  it("sees a change as soon as it is saved", async () => {
    const ada = await createUser();
    const { id } = await createStakeholder(ada.id, { name: "Omar Ops" });
    await db.stakeholder.update({ where: { id }, data: { notes: "Runs the warehouse." } });
    expect(found(await search(ada, "warehouse"))).toEqual(["stakeholder Omar Ops"]);
  });
});

describe("search everywhere: whose rows", () => {
  it("never shows another user's rows, even for a search that matches them", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await seedRoadmap(grace);

    expect((await search(ada, "roadmap")).total).toBe(0);
    expect((await search(grace, "roadmap")).total).toBe(5);
  });

  it("never shows a deleted touchpoint, stakeholder or note", async () => {
    const ada = await createUser();
    const rows = await seedRoadmap(ada);
    const now = new Date();
    await db.visionNote.update({ where: { id: rows.note.id }, data: { deletedAt: now } });
    await db.touchpoint.update({ where: { id: rows.meeting.id }, data: { deletedAt: now } });
    // Deleting a stakeholder deletes their touchpoints with them.
    await db.stakeholder.update({ where: { id: rows.stakeholder.id }, data: { deletedAt: now } });
    await db.touchpoint.update({ where: { id: rows.touchpoint.id }, data: { deletedAt: now } });

    expect(found(await search(ada, "roadmap"))).toEqual(["week 2026-11-02"]);
  });
});

describe("search everywhere: any text is a search", () => {
  it("answers hostile or empty-of-words queries with results or none, never an error", async () => {
    const ada = await createUser();
    await seedRoadmap(ada);
    for (const q of [`'&|!():*`, "roadmap:*", "!roadmap", "(roadmap", '"', "-", "or", "the and of", `'); DELETE FROM "Week"; --`, "<script>alert(1)</script>", "\\", "%_"]) {
      await expect(search(ada, q), q).resolves.toBeDefined();
    }
    expect(found(await search(ada, "roadmap:*"))).toHaveLength(5);
    expect(await db.week.count()).toBe(1);
  });

  it("takes any string the box can send, once validated", async () => {
    const ada = await createUser();
    await seedRoadmap(ada);
    const hostile = fc.constantFrom("'", '"', "&", "|", "!", "(", ")", ":", "*", "-", "\\", "\u0000", "\u0002", "\u0003", "\ud800", "or", "<", ">", "%");
    const query = fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.array(fc.oneof(hostile, fc.constantFrom("roadmap", "sales", " ")), { maxLength: 20 }).map((parts) => parts.join("")));
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const parsed = searchParamsSchema.parse({ q: raw });
        const results = await search(ada, parsed.q);
        expect(results.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150, seed: 20_261_204 },
    );
  });
});
