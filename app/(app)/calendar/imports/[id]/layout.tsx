import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getPendingImport } from "@/lib/calendar/imports";
import { importIdSchema } from "@/lib/calendar/imports.validation";
import { requireViewer } from "@/lib/server/viewer";

/**
 * Checks the import before the page's skeleton (loading.tsx) starts the
 * response: once a response streams its status is sent, and another user's
 * or a confirmed import must still answer 404. The page asks for it again for
 * what it shows: the same read (getPendingImport is cached per render).
 */
export default async function ReviewImportLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const parsed = importIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  if (!(await getPendingImport(await requireViewer(), parsed.data))) notFound();
  return children;
}
