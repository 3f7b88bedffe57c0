"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { signOutEverywhere, updateSettings } from "@/lib/users";
import { settingsSchema } from "@/lib/users.validation";
import { requireViewer } from "@/lib/viewer";

export const saveSettings = formAction(settingsSchema, async (viewer, input) => {
  await updateSettings(viewer, input);
  revalidatePath("/", "layout");
  return "Settings saved.";
});

export async function signOutAllDevices(): Promise<void> {
  const viewer = await requireViewer();
  await signOutEverywhere(viewer);
  await signOut({ redirectTo: "/signin" });
}
