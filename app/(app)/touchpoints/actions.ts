"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/server/actions";
import { itemAction } from "@/lib/server/button-actions";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";
import { createTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint } from "@/lib/touchpoints";
import { touchpointIdSchema, touchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints.validation";

/** A touchpoint shows on its week, its stakeholder, the list's "last met" and the dashboard. */
function revalidateTouchpointPages() {
  revalidatePath("/", "layout");
}

export const addTouchpointAction = formAction(touchpointSchema, async (viewer, input) => {
  await createTouchpoint(viewer, input);
  revalidateTouchpointPages();
  return "Touchpoint logged.";
});

export const updateTouchpointAction = formAction(updateTouchpointSchema, async (viewer, { id, returnTo, ...input }) => {
  await updateTouchpoint(viewer, id, input);
  revalidateTouchpointPages();
  // Back where the edit started; otherwise the week the touchpoint now falls in.
  redirect(returnTo ? safeCallbackPath(returnTo) : `/weeks/${input.occurredOn}`);
});

// Bound to an id on the page; itemAction parses it and lib checks it against the owner.
export const deleteTouchpointAction = itemAction(touchpointIdSchema, async (viewer, id) => {
  await deleteTouchpoint(viewer, id);
  revalidateTouchpointPages();
}, "Touchpoint deleted.");

export const restoreTouchpointAction = itemAction(touchpointIdSchema, async (viewer, id) => {
  await restoreTouchpoint(viewer, id);
  revalidateTouchpointPages();
}, "Touchpoint restored.");
