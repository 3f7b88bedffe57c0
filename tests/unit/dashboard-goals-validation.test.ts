import { describe, expect, it } from "vitest";
import { goalsSchema } from "@/lib/dashboard/goals.validation";

describe("goals form", () => {
  it("reads numbers and departments from the form", () => {
    expect(goalsSchema.parse({ goalStrategySharePercent: "40", goalTouchpointsPerWeek: " 3 ", goalDepartments: ["SALES", "FINANCE", "SALES"] })).toEqual({
      goalStrategySharePercent: 40,
      goalTouchpointsPerWeek: 3,
      goalDepartments: ["SALES", "FINANCE"],
    });
  });

  it("treats empty fields and no ticked boxes as no goal", () => {
    expect(goalsSchema.parse({ goalStrategySharePercent: "", goalTouchpointsPerWeek: "  " })).toEqual({
      goalStrategySharePercent: null,
      goalTouchpointsPerWeek: null,
      goalDepartments: [],
    });
    expect(goalsSchema.parse({ goalStrategySharePercent: "", goalTouchpointsPerWeek: "", goalDepartments: "LEGAL" }).goalDepartments).toEqual(["LEGAL"]);
  });

  it("refuses out-of-range or fractional numbers and unknown departments, at the right field", () => {
    const result = goalsSchema.safeParse({ goalStrategySharePercent: "140", goalTouchpointsPerWeek: "2.5", goalDepartments: ["SALES", "ENGINEERING"] });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["goalStrategySharePercent", "goalTouchpointsPerWeek", "goalDepartments"]));
    expect(goalsSchema.safeParse({ goalStrategySharePercent: "0", goalTouchpointsPerWeek: "" }).error?.issues[0]?.message).toBe(
      "Enter a whole percentage from 1 to 100, or leave it empty for no goal.",
    );
    expect(goalsSchema.safeParse({ goalStrategySharePercent: "lots", goalTouchpointsPerWeek: "" }).success).toBe(false);
  });
});
