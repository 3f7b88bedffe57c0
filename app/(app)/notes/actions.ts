"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { requireViewer } from "@/lib/viewer";
import { createVisionNote, deleteVisionNote, markVisionNoteRevisited, restoreVisionNote, updateVisionNote } from "@/lib/vision-notes";
import { revisitSchema, updateVisionNoteSchema, visionNoteIdSchema, visionNoteSchema } from "@/lib/vision-notes.validation";

export const createVisionNoteAction = formAction(visionNoteSchema, async (viewer, input) => {
  const { id } = await createVisionNote(viewer, input);
  revalidatePath("/notes");
  return { message: "Vision note saved.", data: { id } };
});

export const updateVisionNoteAction = formAction(updateVisionNoteSchema, async (viewer, { id, ...input }) => {
  await updateVisionNote(viewer, id, input);
  revalidatePath("/notes", "layout");
  return { message: "Vision note saved.", data: { id } };
});

export const markRevisitedAction = formAction(revisitSchema, async (viewer, { id, pushBy }) => {
  await markVisionNoteRevisited(viewer, id, pushBy);
  revalidatePath("/notes", "layout");
  return "Marked as revisited.";
});

// Bound to a note's id on its page; ids are still checked here and against the owner in lib.
export async function deleteVisionNoteAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await deleteVisionNote(viewer, visionNoteIdSchema.parse(id));
  revalidatePath("/notes", "layout");
}

export async function restoreVisionNoteAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await restoreVisionNote(viewer, visionNoteIdSchema.parse(id));
  revalidatePath("/notes", "layout");
}
