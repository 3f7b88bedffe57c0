"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { itemAction } from "@/lib/server/button-actions";
import { createVisionNote, deleteVisionNote, markVisionNoteRevisited, restoreVisionNote, updateVisionNote } from "@/lib/vision-notes";
import { revisitSchema, updateVisionNoteSchema, visionNoteIdSchema, visionNoteSchema } from "@/lib/vision-notes.validation";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

export const createVisionNoteAction = formAction(visionNoteSchema, async (viewer, input) => {
  const { id } = await createVisionNote(viewer, input);
  revalidatePath("/notes");
  rebuildDashboardAfterResponse(viewer);
  return { message: "Vision note saved.", data: { id } };
});

export const updateVisionNoteAction = formAction(updateVisionNoteSchema, async (viewer, { id, ...input }) => {
  await updateVisionNote(viewer, id, input);
  revalidatePath("/notes", "layout");
  rebuildDashboardAfterResponse(viewer);
  return { message: "Vision note saved.", data: { id } };
});

export const markRevisitedAction = formAction(revisitSchema, async (viewer, { id, pushBy }) => {
  await markVisionNoteRevisited(viewer, id, pushBy);
  revalidatePath("/notes", "layout");
  rebuildDashboardAfterResponse(viewer);
  return "Marked as revisited.";
});

// Bound to a note's id on its page; ids are still checked here and against the owner in lib.
export const deleteVisionNoteAction = itemAction(visionNoteIdSchema, async (viewer, id) => {
  await deleteVisionNote(viewer, id);
  revalidatePath("/notes", "layout");
  rebuildDashboardAfterResponse(viewer);
}, "Vision note deleted.");

export const restoreVisionNoteAction = itemAction(visionNoteIdSchema, async (viewer, id) => {
  await restoreVisionNote(viewer, id);
  revalidatePath("/notes", "layout");
  rebuildDashboardAfterResponse(viewer);
}, "Vision note restored.");
