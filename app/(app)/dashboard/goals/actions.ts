"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { updateGoals } from "@/lib/goals";
import { goalsSchema } from "@/lib/goals.validation";

export const saveGoals = formAction(goalsSchema, async (viewer, input) => {
  await updateGoals(viewer, input);
  revalidatePath("/dashboard");
  return "Goals saved.";
});
