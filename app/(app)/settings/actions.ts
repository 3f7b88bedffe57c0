"use server";

import { revalidatePath } from "next/cache";
import { assertSameOrigin, formAction } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
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
  await assertSameOrigin();
  const viewer = await requireViewer();
  await signOutEverywhere(viewer);
  await recordAudit({ userId: viewer.userId, action: "sign_out_everywhere" });
  await signOut({ redirectTo: "/signin" });
}
