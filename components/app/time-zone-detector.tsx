"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Tells the server the browser's time zone the first time we see a user. */
export function TimeZoneDetector({ action }: { action: (timeZone: string) => Promise<void> }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) void action(zone).then(() => router.refresh());
  }, [action, router]);
  return null;
}
