"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { saveNarrative, saveSelfAssessment } from "@/lib/story/story";
import { assessmentSchema, narrativeSchema } from "@/lib/story/story.validation";

export const saveNarrativeAction = formAction(narrativeSchema, async (viewer, input) => {
  const narrative = await saveNarrative(viewer, input);
  revalidatePath(`/story/${input.quarter}`);
  // The saved narrative, which the form's next changes are measured against (a "Keep mine" merge).
  return { message: "Narrative saved.", data: { narrative } };
});

export const saveSelfAssessmentAction = formAction(assessmentSchema, async (viewer, input) => {
  await saveSelfAssessment(viewer, input);
  revalidatePath(`/story/${input.quarter}`);
  return "Ratings saved.";
});
