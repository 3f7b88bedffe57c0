"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions";
import { createStakeholder, deleteStakeholder, restoreStakeholder, updateStakeholder } from "@/lib/stakeholders";
import { stakeholderIdSchema, stakeholderSchema, updateStakeholderSchema } from "@/lib/stakeholders.validation";
import { requireViewer } from "@/lib/viewer";

/** Stakeholders show on their own pages, in pickers on week pages and on the dashboard. */
function revalidateStakeholderPages() {
  revalidatePath("/", "layout");
}

export const createStakeholderAction = formAction(stakeholderSchema, async (viewer, input) => {
  const { id } = await createStakeholder(viewer, input);
  revalidateStakeholderPages();
  redirect(`/stakeholders/${id}`);
});

export const updateStakeholderAction = formAction(updateStakeholderSchema, async (viewer, { id, ...input }) => {
  await updateStakeholder(viewer, id, input);
  revalidateStakeholderPages();
  redirect(`/stakeholders/${id}`);
});

// Bound to an id on the page, but a public endpoint all the same: the id is parsed here and checked against the owner in lib.
export async function deleteStakeholderAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await deleteStakeholder(viewer, stakeholderIdSchema.parse(id));
  revalidateStakeholderPages();
}

export async function restoreStakeholderAction(id: unknown): Promise<void> {
  const viewer = await requireViewer();
  await restoreStakeholder(viewer, stakeholderIdSchema.parse(id));
  revalidateStakeholderPages();
}
