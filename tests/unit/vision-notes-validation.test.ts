import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/shared/forms";
import {
  isDueForRevisit,
  normaliseTag,
  normaliseTags,
  revisitSchema,
  updateVisionNoteSchema,
  visionNoteFiltersSchema,
  visionNoteSchema,
} from "@/lib/vision-notes.validation";

const valid = { title: "  Data platform in 3 years  ", body: "We will **need** it.", horizon: "THREE_YEARS", status: "OPEN", tags: "Data, platform", revisitOn: "2027-02-24" };

function errorsOf(values: Record<string, unknown>) {
  const parsed = visionNoteSchema.safeParse(values);
  expect(parsed.success).toBe(false);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("normaliseTags", () => {
  it("lower-cases, trims, collapses spaces and drops empties and repeats, keeping order", () => {
    expect(normaliseTags(" Hiring,  #Platform   Team , ,hiring,PLATFORM team,")).toEqual(["hiring", "platform team"]);
  });

  it("makes an empty list from nothing", () => {
    expect(normaliseTags("")).toEqual([]);
    expect(normaliseTags(" , ,, ")).toEqual([]);
  });

  it("normalises a single filter tag the same way", () => {
    expect(normaliseTag("  Data   Platform ")).toBe("data platform");
    expect(normaliseTag("a,b")).toBe("a b");
  });
});

describe("visionNoteSchema", () => {
  it("parses a note from form values", () => {
    expect(visionNoteSchema.parse(valid)).toEqual({
      title: "Data platform in 3 years",
      body: "We will **need** it.",
      horizon: "THREE_YEARS",
      status: "OPEN",
      tags: ["data", "platform"],
      revisitOn: "2027-02-24",
    });
  });

  it("treats an empty revisit date as none and an empty body as empty", () => {
    expect(visionNoteSchema.parse({ ...valid, body: "", tags: "", revisitOn: "" })).toMatchObject({ body: "", tags: [], revisitOn: null });
  });

  it("requires a title of at most 200 characters", () => {
    expect(errorsOf({ ...valid, title: "   " }).title).toEqual(["Give the note a title."]);
    expect(errorsOf({ ...valid, title: "x".repeat(201) }).title?.[0]).toMatch(/200 characters/);
    expect(visionNoteSchema.safeParse({ ...valid, title: "x".repeat(200) }).success).toBe(true);
  });

  it("allows a body of up to 20,000 characters", () => {
    expect(visionNoteSchema.safeParse({ ...valid, body: "x".repeat(20_000) }).success).toBe(true);
    expect(errorsOf({ ...valid, body: "x".repeat(20_001) }).body?.[0]).toMatch(/20,000 characters/);
  });

  it("refuses an unknown horizon or status at its field", () => {
    const errors = errorsOf({ ...valid, horizon: "TEN_YEARS", status: "DONE" });
    expect(errors.horizon).toEqual(["Choose a horizon from the list."]);
    expect(errors.status).toEqual(["Choose a status from the list."]);
  });

  it("refuses a revisit date that is not a real date", () => {
    for (const revisitOn of ["2027-02-30", "tomorrow", "24/02/2027", "2027-2-4"]) {
      expect(errorsOf({ ...valid, revisitOn }).revisitOn, revisitOn).toEqual(["Enter a real date (YYYY-MM-DD), or leave it empty."]);
    }
  });

  it("refuses more than 10 tags or a tag over 40 characters, at the tags field", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `tag${i}`).join(",");
    expect(errorsOf({ ...valid, tags: eleven }).tags).toEqual(["Use at most 10 tags (you have 11)."]);
    // Repeats count once, so ten distinct tags typed twice are fine.
    const tenTwice = Array.from({ length: 20 }, (_, i) => `tag${i % 10}`).join(",");
    expect(visionNoteSchema.parse({ ...valid, tags: tenTwice }).tags).toHaveLength(10);
    expect(errorsOf({ ...valid, tags: `ok, ${"x".repeat(41)}` }).tags?.[0]).toMatch(/under 40 characters/);
    expect(visionNoteSchema.parse({ ...valid, tags: "x".repeat(40) }).tags).toEqual(["x".repeat(40)]);
  });

  it("refuses values of the wrong type from a crafted post", () => {
    const errors = errorsOf({ ...valid, title: ["a", "b"], tags: 5 });
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["title", "tags"]));
  });

  it("needs the note's id to update", () => {
    expect(updateVisionNoteSchema.safeParse(valid).success).toBe(false);
    expect(updateVisionNoteSchema.parse({ ...valid, id: "note-1" }).id).toBe("note-1");
  });
});

describe("revisitSchema", () => {
  it("reads months to push the next revisit, or none", () => {
    expect(revisitSchema.parse({ id: "n1", pushBy: "3" })).toEqual({ id: "n1", pushBy: 3 });
    expect(revisitSchema.parse({ id: "n1", pushBy: "none" })).toEqual({ id: "n1", pushBy: null });
    expect(revisitSchema.safeParse({ id: "n1", pushBy: "2" }).success).toBe(false);
    expect(revisitSchema.safeParse({ id: "", pushBy: "3" }).success).toBe(false);
  });
});

describe("visionNoteFiltersSchema", () => {
  it("reads search and filters from the URL", () => {
    expect(visionNoteFiltersSchema.parse({ q: " hiring plan ", horizon: "ONE_YEAR", status: "OPEN", tag: " Platform " })).toEqual({
      q: "hiring plan",
      horizon: "ONE_YEAR",
      status: "OPEN",
      tag: "platform",
    });
  });

  it("drops empty and unknown values instead of failing the page", () => {
    expect(visionNoteFiltersSchema.parse({ q: "", horizon: "NEVER", status: ["OPEN", "DROPPED"], tag: "" })).toEqual({
      q: undefined,
      horizon: undefined,
      status: undefined,
      tag: undefined,
    });
    expect(visionNoteFiltersSchema.parse({})).toEqual({});
  });

  it("caps a long search", () => {
    expect(visionNoteFiltersSchema.parse({ q: "word ".repeat(100) }).q?.length).toBeLessThanOrEqual(200);
  });
});

describe("isDueForRevisit", () => {
  const today = "2026-11-24";
  it("is due on and after the revisit date while open or in progress", () => {
    expect(isDueForRevisit({ revisitOn: "2026-11-24", status: "OPEN" }, today)).toBe(true);
    expect(isDueForRevisit({ revisitOn: "2026-01-01", status: "IN_PROGRESS" }, today)).toBe(true);
  });

  it("is not due before the date, without a date, or once realised or dropped", () => {
    expect(isDueForRevisit({ revisitOn: "2026-11-25", status: "OPEN" }, today)).toBe(false);
    expect(isDueForRevisit({ revisitOn: null, status: "OPEN" }, today)).toBe(false);
    expect(isDueForRevisit({ revisitOn: "2026-11-01", status: "REALISED" }, today)).toBe(false);
    expect(isDueForRevisit({ revisitOn: "2026-11-01", status: "DROPPED" }, today)).toBe(false);
  });
});
