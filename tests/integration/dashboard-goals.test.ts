import { describe, expect, it } from "vitest";
import { getGoals, updateGoals } from "@/lib/dashboard/goals";
import { createUser } from "../support/factories/users";

describe("goals", () => {
  it("saves the viewer's goals and no one else's", async () => {
    const ada = await createUser();
    const grace = await createUser();
    expect(await getGoals(ada.viewer)).toEqual({ goalStrategySharePercent: null, goalTouchpointsPerWeek: null, goalDepartments: [] });

    await updateGoals(ada.viewer, { goalStrategySharePercent: 40, goalTouchpointsPerWeek: 5, goalDepartments: ["SALES", "BOARD"] });

    expect(await getGoals(ada.viewer)).toEqual({ goalStrategySharePercent: 40, goalTouchpointsPerWeek: 5, goalDepartments: ["SALES", "BOARD"] });
    expect(await getGoals(grace.viewer)).toEqual({ goalStrategySharePercent: null, goalTouchpointsPerWeek: null, goalDepartments: [] });

    await updateGoals(ada.viewer, { goalStrategySharePercent: null, goalTouchpointsPerWeek: null, goalDepartments: [] });
    expect(await getGoals(ada.viewer)).toEqual({ goalStrategySharePercent: null, goalTouchpointsPerWeek: null, goalDepartments: [] });
  });
});
