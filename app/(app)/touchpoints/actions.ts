"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/actions";
import { itemAction } from "@/lib/server/button-actions";
import type { Viewer } from "@/lib/server/viewer";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";
import { createTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint } from "@/lib/touchpoints";
import { touchpointIdSchema, touchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints.validation";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

/** A touchpoint shows on its week, its stakeholder, the list's "last met" and the dashboard. */
function revalidateTouchpointPages(viewer: Viewer) {
  revalidatePath("/", "layout");
  rebuildDashboardAfterResponse(viewer);
}

export const addTouchpointAction = formAction(touchpointSchema, async (viewer, input) => {
  await createTouchpoint(viewer, input);
  revalidateTouchpointPages(viewer);
  return "Touchpoint logged.";
});

export const updateTouchpointAction = formAction(updateTouchpointSchema, async (viewer, { id, returnTo, ...input }) => {
  await updateTouchpoint(viewer, id, input);
  revalidateTouchpointPages(viewer);
  // Back where the edit started; otherwise the week the touchpoint now falls in.
  redirect(returnTo ? safeCallbackPath(returnTo) : `/weeks/${input.occurredOn}`);
});

// Bound to an id on the page; itemAction parses it and lib checks it against the owner.
export const deleteTouchpointAction = itemAction(touchpointIdSchema, async (viewer, id) => {
  await deleteTouchpoint(viewer, id);
  revalidateTouchpointPages(viewer);
}, "Touchpoint deleted.");

export const restoreTouchpointAction = itemAction(touchpointIdSchema, async (viewer, id) => {
  await restoreTouchpoint(viewer, id);
  revalidateTouchpointPages(viewer);
}, "Touchpoint restored.");
