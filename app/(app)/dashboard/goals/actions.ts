"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { updateGoals } from "@/lib/dashboard/goals";
import { goalsSchema } from "@/lib/dashboard/goals.validation";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

export const saveGoals = formAction(goalsSchema, async (viewer, input) => {
  await updateGoals(viewer, input);
  revalidatePath("/dashboard");
  rebuildDashboardAfterResponse(viewer);
  return "Goals saved.";
});
