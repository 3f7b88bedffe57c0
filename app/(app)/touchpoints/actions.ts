"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { createTouchpoint, deleteTouchpoint, restoreTouchpoint, updateTouchpoint } from "@/lib/touchpoints";
import { touchpointIdSchema, touchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints.validation";
import { requireViewer } from "@/lib/viewer";

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

// Bound to an id on the page, but a public endpoint all the same: the id is parsed here and checked against the owner in lib.
export async function deleteTouchpointAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await deleteTouchpoint(viewer, touchpointIdSchema.parse(id));
  revalidateTouchpointPages();
}

export async function restoreTouchpointAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await restoreTouchpoint(viewer, touchpointIdSchema.parse(id));
  revalidateTouchpointPages();
}
