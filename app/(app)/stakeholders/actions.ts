"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/server/actions";
import { itemAction } from "@/lib/server/button-actions";
import type { Viewer } from "@/lib/server/viewer";
import { createStakeholder, deleteStakeholder, restoreStakeholder, updateStakeholder } from "@/lib/stakeholders";
import { stakeholderIdSchema, stakeholderSchema, updateStakeholderSchema } from "@/lib/stakeholders.validation";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

/** Stakeholders show on their own pages, in pickers on week pages and on the dashboard. */
function revalidateStakeholderPages(viewer: Viewer) {
  revalidatePath("/", "layout");
  rebuildDashboardAfterResponse(viewer);
}

// They answer the id rather than redirect, so the form can show the toast and then open the stakeholder.
export const createStakeholderAction = formAction(stakeholderSchema, async (viewer, input) => {
  const { id } = await createStakeholder(viewer, input);
  revalidateStakeholderPages(viewer);
  return { message: `${input.name} added.`, data: { id } };
});

export const updateStakeholderAction = formAction(updateStakeholderSchema, async (viewer, { id, ...input }) => {
  await updateStakeholder(viewer, id, input);
  revalidateStakeholderPages(viewer);
  return { message: `${input.name} saved.`, data: { id } };
});

// Bound to an id on the page; itemAction parses it and lib checks it against the owner.
export const deleteStakeholderAction = itemAction(stakeholderIdSchema, async (viewer, id) => {
  await deleteStakeholder(viewer, id);
  revalidateStakeholderPages(viewer);
}, "Stakeholder deleted.");

export const restoreStakeholderAction = itemAction(stakeholderIdSchema, async (viewer, id) => {
  await restoreStakeholder(viewer, id);
  revalidateStakeholderPages(viewer);
}, "Stakeholder restored.");
