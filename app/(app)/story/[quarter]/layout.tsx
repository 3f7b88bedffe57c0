import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/server/viewer";
import { quarterKeySchema } from "@/lib/shared/quarters";
import { getCurrentQuarter } from "@/lib/story/pack";

/**
 * Decides the address before the page's skeleton (loading.tsx) starts the
 * response, whose status is sent with its first byte: no quarter, or one that
 * has not begun, answers 404, as the page itself does.
 */
export default async function StoryQuarterLayout({ children, params }: { children: ReactNode; params: Promise<{ quarter: string }> }) {
  const quarter = quarterKeySchema.safeParse((await params).quarter);
  if (!quarter.success || quarter.data > (await getCurrentQuarter(await requireViewer()))) notFound();
  return children;
}
