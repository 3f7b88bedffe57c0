import { describe, expect, it } from "vitest";
import { dashboardWindow } from "@/lib/dashboard/windows";
import { buildDashboard } from "@/lib/dashboard/build";
import { redactDashboard } from "@/lib/mentoring/mentorship-model";
import { addCommentSchema, editCommentSchema } from "@/lib/mentoring/comments.validation";
import { inviteSchema, updateSharingSchema } from "@/lib/mentoring/mentorships.validation";

const NOW = new Date("2026-11-24T10:00:00Z");

/** A dashboard with something in every section. */
function fullDashboard() {
  const window = dashboardWindow("12w", { timeZone: "UTC", weekStartsOn: 1 }, NOW);
  return buildDashboard(
    window,
    {
      series: [{ bucket: "2026-11-16", weeks: 1, firefighting: 600, strategy: 600, other: 0, ratingStrategy: 4, ratingStory: 3, ratingRelationships: 2, ratingVision: 5, ratedStrategy: 1, ratedStory: 1, ratedRelationships: 1, ratedVision: 1 }],
      recent: [{ week: "2026-11-16", firefighting: 600, strategy: 600, other: 0 }],
      runStart: "2026-11-16",
      runEnd: "2026-11-16",
      underTargetRun: 0,
      anyEver: true,
      goalStrategySharePercent: 40,
      goalTouchpointsPerWeek: 3,
      goalDepartments: ["SALES"],
    },
    { series: [{ bucket: "2026-11-16", department: "SALES", touchpoints: 2 }], thisWeek: 1, last4Weeks: 2, thisMonth: 2, monthDepartments: ["SALES"], overdueStakeholders: 1, anyEver: true },
    { series: [{ bucket: "2026-11-16", horizon: "ONE_YEAR", written: 1, revisited: 0 }], dueForRevisit: 1, anyEver: true },
  );
}

describe("the dashboard a mentor sees", () => {
  it("keeps everything when everything is shared", () => {
    const model = fullDashboard();
    expect(redactDashboard(model, { reflections: true, stakeholders: true, notes: true, story: false })).toEqual(model);
  });

  it("always keeps the time split and the strategy goal, and empties every section not shared", () => {
    const model = fullDashboard();
    const seen = redactDashboard(model, { reflections: false, stakeholders: false, notes: false, story: false });
    expect(seen.time).toEqual(model.time);
    expect(seen.headline.last12).toEqual(model.headline.last12);
    expect(seen.goals.strategyShare).toEqual(model.goals.strategyShare);
    expect(seen.ratings.points).toEqual([]);
    expect(seen.coverage.columns).toEqual([]);
    expect(seen.vision.points).toEqual([]);
    expect(seen.goals.touchpoints).toBeNull();
    expect(seen.goals.departments).toBeNull();
    expect(seen.headline).toMatchObject({ touchpointsThisMonth: 0, overdueStakeholders: 0, notesDueForRevisit: 0 });
    // No unshared words survive in the findings either.
    expect(JSON.stringify(seen)).not.toMatch(/Sales|self-rating|rated|vision note written/i);
  });

  it("gives the same view of the same model and sharing choice, so its charts are built once", () => {
    const model = fullDashboard();
    const none = { reflections: false, stakeholders: false, notes: false, story: false };
    const first = redactDashboard(model, none);
    expect(redactDashboard(model, { ...none })).toBe(first);
    expect(redactDashboard(model, { ...none, notes: true, story: false })).not.toBe(first);
    expect(redactDashboard(fullDashboard(), none)).not.toBe(first);
  });

  it("shares each part on its own", () => {
    const model = fullDashboard();
    expect(redactDashboard(model, { reflections: true, stakeholders: false, notes: false, story: false }).ratings).toEqual(model.ratings);
    const stakeholders = redactDashboard(model, { reflections: false, stakeholders: true, notes: false, story: false });
    expect(stakeholders.coverage).toEqual(model.coverage);
    expect(stakeholders.headline.overdueStakeholders).toBe(1);
    expect(stakeholders.ratings.points).toEqual([]);
    const notes = redactDashboard(model, { reflections: false, stakeholders: false, notes: true, story: false });
    expect(notes.vision).toEqual(model.vision);
    expect(notes.headline.notesDueForRevisit).toBe(1);
    expect(notes.coverage.columns).toEqual([]);
  });
});

describe("mentor forms", () => {
  it("reads the invitation form: address normalised, empty message dropped, ticked boxes only", () => {
    expect(inviteSchema.parse({ email: "  Grace@Example.COM ", message: "  ", shareNotes: "on" })).toEqual({
      email: "grace@example.com",
      message: null,
      shareReflections: false,
      shareStakeholders: false,
      shareNotes: true, shareStory: false,
    });
  });

  it("says how to fix a bad address or an overlong message", () => {
    const bad = inviteSchema.safeParse({ email: "grace", message: "x".repeat(2_001) });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages).toEqual([
      ["email", "Enter your mentor's email address, such as mentor@company.com."],
      ["message", "Keep the message under 2,000 characters."],
    ]);
    expect(updateSharingSchema.safeParse({ shareNotes: "on" }).success).toBe(false);
  });

  it("needs words in a comment, and not too many", () => {
    expect(addCommentSchema.safeParse({ menteeId: "u1", weekStartsOn: "2026-11-16", body: "   " }).error?.issues[0]?.message).toBe("Write a comment first.");
    expect(addCommentSchema.safeParse({ menteeId: "u1", weekStartsOn: "2026-02-30", body: "Hi" }).success).toBe(false);
    expect(editCommentSchema.safeParse({ id: "c1", commentBody: "x".repeat(5_001) }).error?.issues[0]?.message).toBe("Keep a comment under 5,000 characters.");
    expect(editCommentSchema.parse({ id: "c1", commentBody: "  Fine  " })).toEqual({ id: "c1", commentBody: "Fine" });
  });
});
