import type { ReactNode } from "react";
import { AppShell } from "@/components/app/app-shell";
import { TimeZoneDetector } from "@/components/app/time-zone-detector";
import { countUnreadNotifications } from "@/lib/mentoring/notifications";
import { getProfile } from "@/lib/users";
import { requireViewer } from "@/lib/server/viewer";
import { adoptBrowserTimeZone, signOutAction } from "./actions";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [settings, unreadNotifications] = await Promise.all([getProfile(viewer.userId), countUnreadNotifications(viewer)]);
  return (
    <AppShell who={settings.name ?? settings.email} unreadNotifications={unreadNotifications} signOutAction={signOutAction}>
      {settings.timeZone === null ? <TimeZoneDetector action={adoptBrowserTimeZone} /> : null}
      {children}
    </AppShell>
  );
}
