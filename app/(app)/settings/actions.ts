"use server";

import { revalidatePath } from "next/cache";
import { formAction, isSameOriginRequest } from "@/lib/server/actions";
import { recordAudit } from "@/lib/server/audit";
import { signOut } from "@/lib/server/auth";
import { updateEmailPreferences } from "@/lib/reminders/preferences";
import { emailPreferencesSchema } from "@/lib/reminders/preferences.validation";
import { signOutEverywhere, updateSettings } from "@/lib/users";
import { settingsSchema } from "@/lib/users.validation";
import { requireViewer } from "@/lib/server/viewer";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

export const saveSettings = formAction(settingsSchema, async (viewer, input) => {
  await updateSettings(viewer, input);
  revalidatePath("/", "layout");
  rebuildDashboardAfterResponse(viewer);
  return "Settings saved.";
});

export const saveEmailPreferences = formAction(emailPreferencesSchema, async (viewer, input) => {
  await updateEmailPreferences(viewer, input);
  revalidatePath("/settings");
  return "Email settings saved.";
});

export async function signOutAllDevices(): Promise<void> {
  // A plain form post that answers nothing: a cross-origin one is refused by doing nothing.
  if (!(await isSameOriginRequest())) return;
  const viewer = await requireViewer();
  await signOutEverywhere(viewer);
  await recordAudit({ userId: viewer.userId, action: "sign_out_everywhere" });
  await signOut({ redirectTo: "/signin" });
}
