import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getMenteeWeek } from "@/lib/mentoring/mentor-access";
import { isDateOnly } from "@/lib/shared/dates";
import { accessEndedOrNotFoundUnless } from "../../../access-ended";

type Props = { children: ReactNode; params: Promise<{ menteeId: string; startsOn: string }> };

/**
 * One of a mentee's weeks: a day that is no date answers 404, and any day of a
 * week redirects to the week's first day, as the page does, before the
 * skeleton streams.
 */
export default async function MenteeWeekLayout({ children, params }: Props) {
  const { menteeId, startsOn } = await params;
  if (!isDateOnly(startsOn)) notFound();
  return accessEndedOrNotFoundUnless(
    menteeId,
    async (viewer) => {
      const data = await getMenteeWeek(viewer, menteeId, startsOn);
      if (data && data.place.startsOn !== startsOn) redirect(`/mentees/${encodeURIComponent(menteeId)}/weeks/${data.place.startsOn}`);
      return data;
    },
    children,
  );
}
