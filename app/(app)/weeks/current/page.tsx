import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/server/viewer";
import { placeWeek } from "@/lib/weeks";

/** "This week" in the nav: whichever week it is now for this user. */
export default async function CurrentWeekPage() {
  const viewer = await requireViewer();
  redirect(`/weeks/${(await placeWeek(viewer)).startsOn}`);
}
