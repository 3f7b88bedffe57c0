import "server-only";
import { db } from "@/lib/server/db";
import type { GoalsInput } from "@/lib/dashboard/goals.validation";
import type { Viewer } from "@/lib/server/viewer";

export type Goals = GoalsInput;

export async function getGoals(viewer: Viewer): Promise<Goals> {
  return db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { goalStrategySharePercent: true, goalTouchpointsPerWeek: true, goalDepartments: true },
  });
}

export async function updateGoals(viewer: Viewer, input: GoalsInput): Promise<void> {
  await db.user.update({
    where: { id: viewer.userId },
    data: {
      goalStrategySharePercent: input.goalStrategySharePercent,
      goalTouchpointsPerWeek: input.goalTouchpointsPerWeek,
      goalDepartments: input.goalDepartments,
    },
  });
}
