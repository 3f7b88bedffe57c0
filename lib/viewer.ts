import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";

/**
 * Who is asking. Every data-access function takes a Viewer and puts
 * `viewer.userId` in its `where`; a Viewer only ever comes from the session.
 */
export type Viewer = { readonly userId: string };

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  // Check the id itself: a session object without a user id is no viewer.
  const userId = session?.user?.id;
  return typeof userId === "string" && userId.length > 0 ? { userId } : null;
});

/** For signed-in pages and server actions: the viewer, or off to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
