import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { isDateOnly } from "@/lib/shared/dates";
import { requireViewer } from "@/lib/server/viewer";
import { placeWeek } from "@/lib/weeks";

/**
 * Decides the address before the page's skeleton (loading.tsx) starts the
 * response, whose status is sent with its first byte: a day that is no date
 * answers 404, and any day of a week redirects to the week's first day, as
 * the page itself does.
 */
export default async function WeekLayout({ children, params }: { children: ReactNode; params: Promise<{ startsOn: string }> }) {
  const { startsOn } = await params;
  if (!isDateOnly(startsOn)) notFound();
  const place = await placeWeek(await requireViewer(), startsOn);
  if (place.startsOn !== startsOn) redirect(`/weeks/${place.startsOn}`);
  return children;
}
