"use server";

import { isSameOriginRequest } from "@/lib/server/actions";
import { signOut } from "@/lib/server/auth";
import { adoptTimeZoneIfUnset } from "@/lib/users";
import { timeZoneSchema } from "@/lib/users.validation";
import { requireViewer } from "@/lib/server/viewer";
import { rebuildDashboardAfterResponse } from "@/app/(app)/dashboard/rebuild";

// Neither answers anything: a cross-origin post is refused by doing nothing.
export async function signOutAction(): Promise<void> {
  if (!(await isSameOriginRequest())) return;
  await signOut({ redirectTo: "/" });
}

/** Called once by the browser when the user has no time zone yet. */
export async function adoptBrowserTimeZone(timeZone: unknown): Promise<void> {
  if (!(await isSameOriginRequest())) return;
  const viewer = await requireViewer();
  const parsed = timeZoneSchema.safeParse(timeZone);
  if (!parsed.success) return;
  await adoptTimeZoneIfUnset(viewer, parsed.data);
  rebuildDashboardAfterResponse(viewer);
}
