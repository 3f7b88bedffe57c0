import { redirect } from "next/navigation";
import { getCalendarSettings } from "@/lib/users";
import { requireViewer } from "@/lib/viewer";
import { currentWeekStart } from "@/lib/week-dates";

/** "This week" in the nav: whichever week it is now for this user. */
export default async function CurrentWeekPage() {
  const viewer = await requireViewer();
  redirect(`/weeks/${currentWeekStart(await getCalendarSettings(viewer))}`);
}
