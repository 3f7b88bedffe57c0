"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { saveWeek } from "@/lib/weeks";
import { weekSchema } from "@/lib/weeks.validation";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

export const saveWeekAction = formAction(weekSchema, async (viewer, input) => {
  const week = await saveWeek(viewer, input);
  revalidatePath(`/weeks/${week.startsOn}`);
  rebuildDashboardAfterResponse(viewer);
  // The saved week, which the form's next changes are measured against (a "Keep mine" merge).
  return { message: "Week saved.", data: { week } };
});
