import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/server/viewer";
import { getStakeholder } from "@/lib/stakeholders";

/**
 * Checks the id before the pages' skeletons (loading.tsx) start the response:
 * once a response streams its status is sent, and a stranger's id must still
 * answer 404. The pages read the stakeholder again for what they show.
 */
export default async function StakeholderLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const [viewer, { id }] = await Promise.all([requireViewer(), params]);
  if (!(await getStakeholder(viewer, id))) notFound();
  return children;
}
