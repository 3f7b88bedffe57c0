import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/server/viewer";
import { placeWeek } from "@/lib/weeks";

type Props = { searchParams: Promise<{ add?: string | string[] }> };

/**
 * "This week" in the nav: whichever week it is now for this user. With
 * `?add=touchpoint` (the command menu's "Add a touchpoint"), straight to the
 * week's quick-add form, which takes the focus (touchpoint-quick-add.tsx): a
 * hash on this address would not survive the redirect.
 */
export default async function CurrentWeekPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { add } = await searchParams;
  redirect(`/weeks/${(await placeWeek(viewer)).startsOn}${add === "touchpoint" ? "#log-touchpoint" : ""}`);
}
