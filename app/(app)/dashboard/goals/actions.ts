"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { updateGoals } from "@/lib/dashboard/goals";
import { goalsSchema } from "@/lib/dashboard/goals.validation";

export const saveGoals = formAction(goalsSchema, async (viewer, input) => {
  await updateGoals(viewer, input);
  revalidatePath("/dashboard");
  return "Goals saved.";
});
