import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/server/viewer";
import { getTouchpoint } from "@/lib/touchpoints";

/**
 * Checks the id before the page's skeleton (loading.tsx) starts the response:
 * once a response streams its status is sent, and a stranger's id must still
 * answer 404. The page reads the touchpoint again for what it shows.
 */
export default async function TouchpointLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const [viewer, { id }] = await Promise.all([requireViewer(), params]);
  if (!(await getTouchpoint(viewer, id))) notFound();
  return children;
}
