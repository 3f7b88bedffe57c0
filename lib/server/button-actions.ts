import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { CROSS_ORIGIN_MESSAGE, isSameOriginRequest } from "@/lib/server/actions";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { requireViewer, type Viewer } from "@/lib/server/viewer";

/** What a one-click server action (no form) answers, for a toast. */
export type ButtonResult = { ok: boolean; message: string };

/**
 * Wraps the body of a one-click server action, the button counterpart of
 * formAction: refuses cross-origin posts, re-reads the session, runs, and turns errors into a message
 * (expected ones keep theirs; anything else is logged and answered generically).
 * Nothing but a redirect is thrown: Next answers a thrown error with a 500.
 */
export async function buttonAction(run: (viewer: Viewer) => Promise<void>, done: string): Promise<ButtonResult> {
  if (!(await isSameOriginRequest())) return { ok: false, message: CROSS_ORIGIN_MESSAGE };
  try {
    // Inside the try: a session that cannot be read (the database is down) is answered, not a 500.
    await run(await requireViewer());
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ExpectedError) return { ok: false, message: error.message };
    logger.error({ err: error }, "A server action failed");
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
  return { ok: true, message: done };
}

/**
 * The one way a one-click action reads what it is bound to (an id, a week):
 * a public endpoint all the same, so a value that does not parse is answered
 * like one that is not the viewer's (`what` could not be found), and lib/
 * checks the rest against the owner. Call it inside buttonAction.
 */
export function parseBound<T>(schema: z.ZodType<T>, value: unknown, what?: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(what);
  return parsed.data;
}

/** A one-click server action bound to an item on the page (delete, restore), by its id. */
export function itemAction(idSchema: z.ZodType<string>, run: (viewer: Viewer, id: string) => Promise<void>, done: string) {
  return (id: unknown): Promise<ButtonResult> => buttonAction((viewer) => run(viewer, parseBound(idSchema, id)), done);
}
