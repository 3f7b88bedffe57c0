import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { RESTORE_WINDOW_MS } from "@/lib/shared/soft-delete";
import {
  createVisionNote,
  deleteVisionNote,
  getVisionNote,
  listVisionNotes,
  listVisionNoteTags,
  markVisionNoteRevisited,
  restoreVisionNote,
  updateVisionNote,
  VISION_NOTES_PER_PAGE,
} from "@/lib/vision-notes";
import { TAGS_MAX, type VisionNoteInput } from "@/lib/vision-notes.validation";
import { createVisionNote as createNoteRow } from "../support/factories/vision-notes";
import { createUser } from "../support/factories/users";

const input: VisionNoteInput = {
  title: "Self-serve analytics",
  body: "Finance asks engineering for **every** report. A warehouse would free two people.",
  horizon: "THREE_YEARS",
  status: "OPEN",
  tags: ["data", "finance"],
  revisitOn: "2027-03-01",
};

// 10:00 UTC on 24 Nov 2026: already the 25th in Kiritimati (UTC+14), still the 23rd nowhere.
const NOW = new Date("2026-11-24T10:00:00Z");

async function titles(list: Promise<{ due: Array<{ title: string }>; rest: Array<{ title: string }> }>) {
  const { due, rest } = await list;
  return [...due, ...rest].map((note) => note.title);
}

describe("vision notes: writing and reading", () => {
  it("creates, reads and updates the viewer's note", async () => {
    const ada = await createUser();
    const { id } = await createVisionNote(ada.viewer, input);

    expect(await getVisionNote(ada.viewer, id, { now: NOW })).toMatchObject({
      ...input,
      id,
      dueForRevisit: false,
      revisitCount: 0,
      lastRevisitedAt: null,
    });

    await updateVisionNote(ada.viewer, id, { ...input, title: "Analytics platform", status: "IN_PROGRESS", tags: [], revisitOn: null });
    expect(await getVisionNote(ada.viewer, id)).toMatchObject({ title: "Analytics platform", status: "IN_PROGRESS", tags: [], revisitOn: null });
  });

  it("answers null for an id that does not exist", async () => {
    const ada = await createUser();
    expect(await getVisionNote(ada.viewer, "no-such-note")).toBeNull();
    await expect(updateVisionNote(ada.viewer, "no-such-note", input)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the viewer's notes, most recently changed first, with their tags for the filter", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createNoteRow(ada, { title: "Older", tags: ["hiring"], updatedAt: new Date("2026-01-01T00:00:00Z") });
    await createNoteRow(ada, { title: "Newer", tags: ["platform", "hiring"], updatedAt: new Date("2026-06-01T00:00:00Z") });
    await createNoteRow(ada, { title: "Gone", tags: ["deleted-tag"], deletedAt: new Date() });
    await createNoteRow(grace, { title: "Grace's", tags: ["secret"] });

    expect(await titles(listVisionNotes(ada.viewer, {}, { now: NOW }))).toEqual(["Newer", "Older"]);
    expect(await listVisionNoteTags(ada.viewer)).toEqual(["hiring", "platform"]);
  });
});

describe("vision notes: full-text search", () => {
  it("finds a note by a word in its body, stemmed, and ignores other users' notes", async () => {
    const ada = await createUser();
    const grace = await createUser();
    await createNoteRow(ada, { title: "Warehouse", body: "We should be hiring a data engineer before the board asks." });
    await createNoteRow(ada, { title: "Pricing", body: "Usage-based pricing needs metering." });
    await createNoteRow(grace, { title: "Grace on hiring", body: "Hiring is slow." });

    expect(await titles(listVisionNotes(ada.viewer, { q: "hire" }))).toEqual(["Warehouse"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "metering" }))).toEqual(["Pricing"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "nothing-like-this" }))).toEqual([]);
  });

  it("ranks a match in the title above a match in the body", async () => {
    const ada = await createUser();
    // The body match is the most recent, so only the rank can put the title match first.
    await createNoteRow(ada, { title: "Platform team", body: "One team owns deploys.", updatedAt: new Date("2026-01-01T00:00:00Z") });
    await createNoteRow(ada, { title: "Deploy speed", body: "A platform would help.", updatedAt: new Date("2026-06-01T00:00:00Z") });

    expect(await titles(listVisionNotes(ada.viewer, { q: "platform" }))).toEqual(["Platform team", "Deploy speed"]);
  });

  it("understands web search syntax and treats SQL in the query as words", async () => {
    const ada = await createUser();
    await createNoteRow(ada, { title: "Cloud costs", body: "Reserved instances and a FinOps review." });
    await createNoteRow(ada, { title: "Cloud regions", body: "An EU region for enterprise deals." });

    expect(await titles(listVisionNotes(ada.viewer, { q: "cloud -region" }))).toEqual(["Cloud costs"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: '"enterprise deals"' }))).toEqual(["Cloud regions"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: `'); DELETE FROM "VisionNote"; --` }))).toEqual([]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "the and of" }))).toEqual([]);
    expect(await db.visionNote.count()).toBe(2);
  });

  it("matches a note's tags, stemmed like words, and a tag's own words", async () => {
    const ada = await createUser();
    await createNoteRow(ada, { title: "Team shape", body: "Two squads, one backlog.", tags: ["hiring", "platform team"] });
    await createNoteRow(ada, { title: "Unrelated", body: "Nothing about people." });

    expect(await titles(listVisionNotes(ada.viewer, { q: "hire" }))).toEqual(["Team shape"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "platform" }))).toEqual(["Team shape"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: '"platform team"' }))).toEqual(["Team shape"]);
    // Every tag a note may carry is in its search document, the last one too.
    const tags = Array.from({ length: TAGS_MAX }, (_, index) => `tag${index + 1}`);
    tags[TAGS_MAX - 1] = "lasttag";
    await createNoteRow(ada, { title: "Many tags", body: "", tags });
    expect(await titles(listVisionNotes(ada.viewer, { q: "lasttag" }))).toEqual(["Many tags"]);
  });

  it("keeps a note's tags searchable after they change", async () => {
    const ada = await createUser();
    const { id } = await createVisionNote(ada.viewer, { ...input, tags: ["finance"] });
    await updateVisionNote(ada.viewer, id, { ...input, tags: ["procurement"] });
    expect(await titles(listVisionNotes(ada.viewer, { q: "procurement" }))).toEqual([input.title]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "finance -warehouse" }))).toEqual([]);
  });

  it("never finds a deleted note", async () => {
    const ada = await createUser();
    await createNoteRow(ada, { title: "Quantum", body: "Quantum-safe crypto.", deletedAt: new Date() });
    expect(await titles(listVisionNotes(ada.viewer, { q: "quantum" }))).toEqual([]);
  });
});

describe("vision notes: excerpts", () => {
  it("gives each listed note the start of its body as text, Markdown stripped", async () => {
    const ada = await createUser();
    await createNoteRow(ada, { title: "Marked up", body: "# Why\n\n- **Hire** a [platform lead](https://example.com/x) _soon_\n- `deploy` faster" });
    await createNoteRow(ada, { title: "Empty", body: "", updatedAt: new Date("2026-01-01T00:00:00Z") });
    await createNoteRow(ada, { title: "Long", body: `${"word ".repeat(600)}end`, updatedAt: new Date("2025-01-01T00:00:00Z") });

    const { rest } = await listVisionNotes(ada.viewer, {}, { now: NOW });
    const excerpts = Object.fromEntries(rest.map((note) => [note.title, note.excerpt]));
    expect(excerpts["Marked up"]).toBe("Why Hire a platform lead soon deploy faster");
    expect(excerpts["Empty"]).toBe("");
    expect(excerpts["Long"]!.length).toBeLessThanOrEqual(241);
    expect(excerpts["Long"]).toMatch(/^word word .*word…$/);
  });
});

describe("vision notes: filters", () => {
  it("filters by horizon, status and tag, alone and with a search", async () => {
    const ada = await createUser();
    await createNoteRow(ada, { title: "Hiring plan", horizon: "QUARTER", status: "OPEN", tags: ["hiring"] });
    await createNoteRow(ada, { title: "Hiring brand", horizon: "FIVE_YEARS", status: "IN_PROGRESS", tags: ["hiring", "brand"] });
    await createNoteRow(ada, { title: "Brand site", horizon: "FIVE_YEARS", status: "DROPPED", tags: ["brand"] });

    const byTitle = (names: string[]) => [...names].sort();
    expect(byTitle(await titles(listVisionNotes(ada.viewer, { horizon: "FIVE_YEARS" })))).toEqual(["Brand site", "Hiring brand"]);
    expect(await titles(listVisionNotes(ada.viewer, { status: "DROPPED" }))).toEqual(["Brand site"]);
    expect(byTitle(await titles(listVisionNotes(ada.viewer, { tag: "hiring" })))).toEqual(["Hiring brand", "Hiring plan"]);
    expect(await titles(listVisionNotes(ada.viewer, { tag: "hiring", horizon: "QUARTER" }))).toEqual(["Hiring plan"]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "hiring", status: "IN_PROGRESS" }))).toEqual(["Hiring brand"]);
    expect(await titles(listVisionNotes(ada.viewer, { tag: "nobody-uses-this" }))).toEqual([]);
  });
});

describe("vision notes: due for a revisit", () => {
  it("is due when the revisit date is today or earlier in the viewer's own zone", async () => {
    const east = await createUser({ timeZone: "Pacific/Kiritimati" });
    const west = await createUser({ timeZone: "Pacific/Pago_Pago" });
    for (const user of [east, west]) await createNoteRow(user, { title: "Due on the 25th", revisitOn: "2026-11-25" });

    const eastList = await listVisionNotes(east.viewer, {}, { now: NOW });
    expect(eastList.today).toBe("2026-11-25");
    expect(eastList.due.map((note) => note.title)).toEqual(["Due on the 25th"]);

    const westList = await listVisionNotes(west.viewer, {}, { now: NOW });
    expect(westList.today).toBe("2026-11-23");
    expect(westList.due).toEqual([]);
    expect(westList.rest.map((note) => note.title)).toEqual(["Due on the 25th"]);
  });

  it("groups due notes first, most overdue first, and never counts realised or dropped notes", async () => {
    const ada = await createUser({ timeZone: "Europe/Berlin" });
    await createNoteRow(ada, { title: "Not yet", revisitOn: "2026-12-01", updatedAt: new Date("2026-11-20T00:00:00Z") });
    await createNoteRow(ada, { title: "Due today", revisitOn: "2026-11-24", status: "IN_PROGRESS" });
    await createNoteRow(ada, { title: "Long overdue", revisitOn: "2026-09-01" });
    await createNoteRow(ada, { title: "Realised", revisitOn: "2026-09-01", status: "REALISED" });
    await createNoteRow(ada, { title: "Dropped", revisitOn: "2026-09-01", status: "DROPPED" });
    await createNoteRow(ada, { title: "No date", updatedAt: new Date("2026-11-21T00:00:00Z") });

    const list = await listVisionNotes(ada.viewer, {}, { now: NOW });
    expect(list.due.map((note) => note.title)).toEqual(["Long overdue", "Due today"]);
    expect(list.due.every((note) => note.dueForRevisit)).toBe(true);
    expect(list.rest.map((note) => note.title).sort()).toEqual(["Dropped", "No date", "Not yet", "Realised"]);
    expect(list.rest.some((note) => note.dueForRevisit)).toBe(false);
  });

  it("records a revisit and pushes the next one on, counted from today in the viewer's zone", async () => {
    const ada = await createUser({ timeZone: "Pacific/Kiritimati" });
    const note = await createNoteRow(ada, { revisitOn: "2026-11-01" });

    expect(await markVisionNoteRevisited(ada.viewer, note.id, 3, { now: NOW })).toEqual({ revisitOn: "2027-02-25" });
    const after = await getVisionNote(ada.viewer, note.id, { now: NOW });
    expect(after).toMatchObject({ revisitOn: "2027-02-25", dueForRevisit: false, revisitCount: 1, lastRevisitedAt: NOW });

    await markVisionNoteRevisited(ada.viewer, note.id, null, { now: new Date(NOW.getTime() + 60_000) });
    expect(await getVisionNote(ada.viewer, note.id)).toMatchObject({ revisitOn: null, revisitCount: 2 });
    expect(await db.visionNoteRevisit.count({ where: { userId: ada.id, noteId: note.id } })).toBe(2);
  });

  it("keeps the month's last day when pushing from the 31st", async () => {
    const ada = await createUser({ timeZone: "UTC" });
    const note = await createNoteRow(ada);
    expect(await markVisionNoteRevisited(ada.viewer, note.id, 1, { now: new Date("2027-01-31T12:00:00Z") })).toEqual({ revisitOn: "2027-02-28" });
  });
});

describe("vision notes: soft delete and undo", () => {
  it("hides a deleted note everywhere and brings it back on restore", async () => {
    const ada = await createUser();
    const note = await createNoteRow(ada, { title: "Edge compute", body: "Latency for retail stores.", tags: ["edge"] });

    await deleteVisionNote(ada.viewer, note.id);
    expect(await getVisionNote(ada.viewer, note.id)).toBeNull();
    expect(await titles(listVisionNotes(ada.viewer))).toEqual([]);
    expect(await titles(listVisionNotes(ada.viewer, { q: "latency" }))).toEqual([]);
    expect(await listVisionNoteTags(ada.viewer)).toEqual([]);
    // Kept in the database for the undo.
    expect(await db.visionNote.count({ where: { id: note.id } })).toBe(1);

    // Deleted notes cannot be edited, deleted again or revisited.
    await expect(updateVisionNote(ada.viewer, note.id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteVisionNote(ada.viewer, note.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markVisionNoteRevisited(ada.viewer, note.id, 3)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.visionNoteRevisit.count()).toBe(0);

    await restoreVisionNote(ada.viewer, note.id);
    expect(await getVisionNote(ada.viewer, note.id)).toMatchObject({ title: "Edge compute" });
    expect(await titles(listVisionNotes(ada.viewer, { q: "latency" }))).toEqual(["Edge compute"]);
  });

  it("can no longer be restored once the undo window has passed", async () => {
    const ada = await createUser();
    const note = await createNoteRow(ada, { title: "Edge compute" });
    await deleteVisionNote(ada.viewer, note.id);

    const tooLate = new Date(Date.now() + RESTORE_WINDOW_MS + 1_000);
    await expect(restoreVisionNote(ada.viewer, note.id, { now: tooLate })).rejects.toThrow(/too long ago/);
    expect(await getVisionNote(ada.viewer, note.id)).toBeNull();
  });
});

describe("vision notes: another user's note", () => {
  it("cannot be read, changed, deleted, restored or revisited, and stays unchanged", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const note = await createNoteRow(owner, { title: "Owner's bet", body: "Private thinking.", revisitOn: "2026-01-01", tags: ["private"] });
    const deleted = await createNoteRow(owner, { title: "Owner's deleted", deletedAt: new Date("2026-11-01T00:00:00Z") });
    const before = await db.visionNote.findMany({ orderBy: { id: "asc" } });

    expect(await getVisionNote(intruder.viewer, note.id)).toBeNull();
    expect(await titles(listVisionNotes(intruder.viewer))).toEqual([]);
    expect(await titles(listVisionNotes(intruder.viewer, { q: "private thinking" }))).toEqual([]);
    expect(await listVisionNoteTags(intruder.viewer)).toEqual([]);

    await expect(updateVisionNote(intruder.viewer, note.id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteVisionNote(intruder.viewer, note.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreVisionNote(intruder.viewer, deleted.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markVisionNoteRevisited(intruder.viewer, note.id, 3)).rejects.toBeInstanceOf(NotFoundError);

    expect(await db.visionNote.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.visionNoteRevisit.count()).toBe(0);
  });
});

describe("vision notes: a page at a time", () => {
  /** `count` notes "<prefix> 01"… whose later numbers changed longer ago, so the list shows them in number order. */
  async function createNumbered(user: { id: string }, prefix: string, count: number, extra: { revisitOn?: string } = {}) {
    await db.visionNote.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        userId: user.id,
        title: `${prefix} ${String(index + 1).padStart(2, "0")}`,
        body: `Body of ${prefix.toLowerCase()} ${index + 1}`,
        horizon: "ONE_YEAR" as const,
        updatedAt: new Date(Date.UTC(2026, 9, 30 - index)),
        revisitOn: extra.revisitOn ? new Date(`${extra.revisitOn}T00:00:00Z`) : null,
      })),
    });
  }

  it("shows VISION_NOTES_PER_PAGE notes a page, due ones first, with each group's total across pages", async () => {
    const ada = await createUser();
    await createNumbered(ada, "Bet", 30);
    await createNumbered(ada, "Due", 2, { revisitOn: "2026-11-01" });

    const first = await listVisionNotes(ada.viewer, {}, { now: NOW, page: 1 });
    expect(VISION_NOTES_PER_PAGE).toBe(25);
    expect(first).toMatchObject({ page: 1, pages: 2, dueTotal: 2, restTotal: 30 });
    expect(first.due.map((note) => note.title)).toEqual(["Due 01", "Due 02"]);
    expect(first.rest.map((note) => note.title)).toEqual(Array.from({ length: 23 }, (_, index) => `Bet ${String(index + 1).padStart(2, "0")}`));

    const second = await listVisionNotes(ada.viewer, {}, { now: NOW, page: 2 });
    expect(second).toMatchObject({ page: 2, pages: 2, dueTotal: 2, restTotal: 30, due: [] });
    expect(second.rest.map((note) => note.title)).toEqual(["Bet 24", "Bet 25", "Bet 26", "Bet 27", "Bet 28", "Bet 29", "Bet 30"]);
    // Each note shown has its excerpt, read for that page's notes only.
    expect(second.rest.map((note) => note.excerpt)).toEqual(["Body of bet 24", "Body of bet 25", "Body of bet 26", "Body of bet 27", "Body of bet 28", "Body of bet 29", "Body of bet 30"]);

    // A page past the last shows the last; without a page, every note.
    expect(await titles(listVisionNotes(ada.viewer, {}, { now: NOW, page: 9 }))).toEqual(await titles(Promise.resolve(second)));
    const whole = await listVisionNotes(ada.viewer, {}, { now: NOW });
    expect(whole).toMatchObject({ page: 1, pages: 1 });
    expect(whole.due.length + whole.rest.length).toBe(32);
  });

  it("searches every note and pages through the matches", async () => {
    const ada = await createUser();
    await createNumbered(ada, "Platform", 27);
    await createNumbered(ada, "Pricing", 30);

    const first = await listVisionNotes(ada.viewer, { q: "platform" }, { now: NOW, page: 1 });
    expect(first).toMatchObject({ page: 1, pages: 2, dueTotal: 0, restTotal: 27 });
    const second = await listVisionNotes(ada.viewer, { q: "platform" }, { now: NOW, page: 2 });
    expect(second.rest.map((note) => note.title)).toEqual(["Platform 26", "Platform 27"]);
    expect(new Set([...first.rest, ...second.rest].map((note) => note.title)).size).toBe(27);
  });
});
