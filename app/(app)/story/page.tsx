import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/server/viewer";
import { getCurrentQuarter } from "@/lib/story/pack";

/** "Story" in the nav: the quarter running now in the leader's calendar. */
export default async function CurrentStoryPage() {
  const viewer = await requireViewer();
  redirect(`/story/${await getCurrentQuarter(viewer)}`);
}
