import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getMenteeCurrentQuarter } from "@/lib/mentoring/mentor-access";
import { requireViewer } from "@/lib/server/viewer";
import { quarterKeySchema } from "@/lib/shared/quarters";

type Props = { children: ReactNode; params: Promise<{ menteeId: string; quarter: string }> };

/** No quarter, or one that has not begun in the mentee's calendar, answers 404 before the skeleton streams (the story layout above checked access). */
export default async function MenteeStoryQuarterLayout({ children, params }: Props) {
  const { menteeId, quarter: requested } = await params;
  const quarter = quarterKeySchema.safeParse(requested);
  const current = quarter.success ? await getMenteeCurrentQuarter(await requireViewer(), menteeId) : null;
  if (!quarter.success || !current || quarter.data > current) notFound();
  return children;
}
