import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/shared/forms";
import { formatHours, hoursProblemAsTyped, parseHours, strategyShare } from "@/lib/shared/week-hours";
import { weekListQuerySchema, weekSchema } from "@/lib/weeks.validation";

/** A week as the form posts it. */
function posted(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    startsOn: "2025-03-03",
    version: "0",
    firefightingHours: "12",
    strategyHours: "7.5",
    otherHours: "20.25",
    reflectionStrategy: "",
    reflectionStory: "",
    reflectionRelationships: "",
    reflectionVision: "",
    ratingStrategy: "",
    ratingStory: "",
    ratingRelationships: "",
    ratingVision: "",
    highlights: "",
    ...overrides,
  };
}

function errorsFor(values: Record<string, string | undefined>) {
  const result = weekSchema.safeParse(values);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error!);
}

describe("weekSchema", () => {
  it("turns hours into minutes and blanks into nothing", () => {
    expect(weekSchema.parse(posted({ reflectionStory: "  Explained the migration to finance.  ", ratingVision: "4", version: "3" }))).toEqual({
      startsOn: "2025-03-03",
      version: 3,
      firefightingMinutes: 720,
      strategyMinutes: 450,
      otherMinutes: 1215,
      reflectionStrategy: null,
      reflectionStory: "Explained the migration to finance.",
      reflectionRelationships: null,
      reflectionVision: null,
      ratingStrategy: null,
      ratingStory: null,
      ratingRelationships: null,
      ratingVision: 4,
      highlights: null,
    });
  });

  it("reads empty or missing hours as none, and a decimal comma as a point", () => {
    const week = weekSchema.parse(posted({ firefightingHours: "", strategyHours: "7,75", otherHours: undefined }));
    expect(week).toMatchObject({ firefightingMinutes: 0, strategyMinutes: 465, otherMinutes: 0 });
  });

  it("accepts exactly 168 hours and no rating at all", () => {
    const week = weekSchema.parse(posted({ firefightingHours: "100", strategyHours: "60", otherHours: "8", ratingStory: undefined }));
    expect(week.firefightingMinutes + week.strategyMinutes + week.otherMinutes).toBe(168 * 60);
    expect(week.ratingStory).toBeNull();
  });

  it("refuses negative, non-numeric, too large and non-quarter hours at their field", () => {
    const errors = errorsFor(posted({ firefightingHours: "-1", strategyHours: "lots", otherHours: "7.3" }));
    expect(errors.firefightingHours?.[0]).toMatch(/can't be negative/);
    expect(errors.strategyHours?.[0]).toMatch(/as a number/);
    expect(errors.otherHours?.[0]).toMatch(/quarter hours/);
    expect(errorsFor(posted({ strategyHours: "169" })).strategyHours?.[0]).toMatch(/168 or less/);
    expect(errorsFor(posted({ strategyHours: "1e2" })).strategyHours?.[0]).toMatch(/as a number/);
  });

  it("refuses a 169-hour week at every field that adds to it", () => {
    const errors = errorsFor(posted({ firefightingHours: "100", strategyHours: "69", otherHours: "0" }));
    expect(Object.keys(errors).sort()).toEqual(["firefightingHours", "strategyHours"]);
    // One sentence naming the fields, the same at each, so a summary can list it once.
    expect(errors.strategyHours).toEqual(["Firefighting and strategy hours add up to 169, but a week has 168. Lower one of them."]);
    expect(errors.firefightingHours).toEqual(errors.strategyHours);
    const all = errorsFor(posted({ firefightingHours: "100", strategyHours: "60", otherHours: "9" }));
    expect(all.otherHours).toEqual(["Firefighting, strategy and other hours add up to 169, but a week has 168. Lower one of them."]);
  });

  it("flags a minus sign as typed, with the message the save gives", () => {
    expect(hoursProblemAsTyped("-", "strategy")).toBe("Hours can't be negative: enter 0 or more strategy hours.");
    expect(hoursProblemAsTyped(" -2", "other")).toBe(errorsFor(posted({ otherHours: "-2" })).otherHours?.[0]);
    for (const onTheWay of ["", "7", "7.", "7,5", "1e"]) expect(hoursProblemAsTyped(onTheWay, "strategy")).toBeNull();
  });

  it("refuses a date that is not a date", () => {
    expect(errorsFor(posted({ startsOn: "2025-02-30" })).startsOn?.[0]).toMatch(/real date/);
    expect(errorsFor(posted({ startsOn: "next monday" })).startsOn).toBeDefined();
  });

  it("refuses text over 5,000 characters, counting a line break as one", () => {
    expect(errorsFor(posted({ reflectionVision: "x".repeat(5_001) })).reflectionVision?.[0]).toMatch(/under 5,000 characters/);
    expect(errorsFor(posted({ highlights: "x".repeat(5_001) })).highlights?.[0]).toMatch(/highlights under 5,000/);
    // 2,500 lines as a browser posts them (CRLF) are 4,999 characters once stored.
    const lines = Array.from({ length: 2_500 }, () => "x").join("\r\n");
    expect(weekSchema.parse(posted({ highlights: lines })).highlights).toHaveLength(4_999);
  });

  it("refuses a rating outside 1–5", () => {
    expect(errorsFor(posted({ ratingStrategy: "6" })).ratingStrategy?.[0]).toMatch(/from 1 to 5/);
    expect(errorsFor(posted({ ratingStory: "0" })).ratingStory).toBeDefined();
    expect(errorsFor(posted({ ratingVision: "2.5" })).ratingVision).toBeDefined();
  });

  it("refuses a missing or negative version", () => {
    expect(errorsFor(posted({ version: "-1" })).version).toBeDefined();
    expect(errorsFor(posted({ version: undefined })).version).toBeDefined();
  });
});

describe("hours helpers", () => {
  it("parse what people type", () => {
    expect(parseHours("")).toBe(0);
    expect(parseHours(" 7.5 ")).toBe(7.5);
    expect(parseHours("7,25")).toBe(7.25);
    expect(parseHours("seven")).toBeNull();
  });

  it("show minutes as hours and strategy as a share of logged hours", () => {
    expect(formatHours(450)).toBe("7.5");
    expect(formatHours(0)).toBe("0");
    expect(strategyShare({ firefighting: 600, strategy: 300, other: 300 })).toBe(25);
    expect(strategyShare({ firefighting: 0, strategy: 0, other: 0 })).toBeNull();
  });
});

describe("the list of weeks' address", () => {
  it("reads a page number", () => {
    expect(weekListQuerySchema.parse({ page: "3" })).toEqual({ page: 3 });
    expect(weekListQuerySchema.parse({})).toEqual({ page: 1 });
  });

  it("answers the first page for anything that is not a page number, never an error", () => {
    for (const page of ["0", "-2", "2.5", "abc", "", "1e400", "99999999999", ["2", "3"], "<script>"]) {
      expect(weekListQuerySchema.parse({ page })).toEqual({ page: 1 });
    }
  });
});
