import { describe, expect, it } from "vitest";
import { fieldChange, takenFromNewerSave, weekFormValues } from "@/components/weeks/week-values";
import { NO_REFLECTIONS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";

function week(overrides: Partial<SavedWeek>): SavedWeek {
  return { startsOn: "2026-11-30", version: 1, savedAt: null, firefightingMinutes: 0, strategyMinutes: 0, otherMinutes: 0, ...NO_REFLECTIONS, ...overrides };
}

describe("“Keep mine”: a field-level merge", () => {
  const base = weekFormValues(week({ version: 1, strategyMinutes: 600, highlights: "Start." }));
  const saved = weekFormValues(week({ version: 2, strategyMinutes: 720, highlights: "Theirs.", reflectionVision: "Their vision.", ratingStory: 4 }));
  // This tab changed strategy hours and other hours; it left highlights, the vision answer and the rating alone.
  const mine = { ...base, strategyHours: "5", otherHours: "3.0" };

  it("takes from the newer save only the fields this tab left as they were", () => {
    expect(takenFromNewerSave(base, saved, mine)).toEqual({ highlights: "Theirs.", reflectionVision: "Their vision.", ratingStory: "4" });
  });

  it("tells who changed each field, counting equal hours as equal", () => {
    expect(fieldChange("strategyHours", base, saved, mine)).toBe("both");
    expect(fieldChange("otherHours", base, saved, mine)).toBe("mine");
    expect(fieldChange("highlights", base, saved, mine)).toBe("theirs");
    expect(fieldChange("firefightingHours", base, saved, { ...mine, firefightingHours: "0.0" })).toBe("unchanged");
  });

  it("shows a week never saved with empty hours, and a saved zero as 0", () => {
    expect(weekFormValues(week({ version: 0 })).strategyHours).toBe("");
    expect(weekFormValues(week({ version: 1 })).strategyHours).toBe("0");
    // An empty field and a saved 0 mean the same, so a new week's untouched field takes the newer save.
    expect(fieldChange("strategyHours", weekFormValues(week({ version: 0 })), weekFormValues(week({ version: 1 })), { strategyHours: "" })).toBe("unchanged");
  });
});
