"use server";

import { revalidatePath } from "next/cache";
import { buttonAction, type ButtonResult } from "@/lib/server/button-actions";
import { markAllNotificationsRead } from "@/lib/mentoring/notifications";

export async function markAllReadAction(): Promise<ButtonResult> {
  const result = await buttonAction((viewer) => markAllNotificationsRead(viewer), "All notifications marked as read.");
  revalidatePath("/", "layout");
  return result;
}
