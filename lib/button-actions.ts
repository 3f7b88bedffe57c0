import "server-only";
import { unstable_rethrow } from "next/navigation";
import { CROSS_ORIGIN_MESSAGE, ExpectedError, isSameOriginRequest } from "@/lib/actions";
import { logger } from "@/lib/logger";
import { requireViewer, type Viewer } from "@/lib/viewer";

/** What a one-click server action (no form) answers, for a toast. */
export type ButtonResult = { ok: boolean; message: string };

/**
 * Wraps the body of a one-click server action, the button counterpart of
 * formAction: refuses cross-origin posts, re-reads the session, runs, and turns errors into a message
 * (expected ones keep theirs; anything else is logged and answered generically).
 */
export async function buttonAction(run: (viewer: Viewer) => Promise<void>, done: string): Promise<ButtonResult> {
  if (!(await isSameOriginRequest())) return { ok: false, message: CROSS_ORIGIN_MESSAGE };
  const viewer = await requireViewer();
  try {
    await run(viewer);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ExpectedError) return { ok: false, message: error.message };
    logger.error({ err: error }, "A server action failed");
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
  return { ok: true, message: done };
}
