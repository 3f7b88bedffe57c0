import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { env } from "@/lib/config/env";
import { ExpectedError } from "@/lib/server/errors";
import { errorState, formValues, invalidState, successState, unstorableFields, type FormState } from "@/lib/shared/forms";
import { logger } from "@/lib/server/logger";
import { clientIpFrom, isSameOrigin } from "@/lib/server/request-context";
import { requireViewer, type Viewer } from "@/lib/server/viewer";

export const CROSS_ORIGIN_MESSAGE = "This request did not come from Wheelhouse, so nothing was changed. Reload the page and try again.";

/**
 * Whether this server action was posted from the app's own pages. Next checks
 * the Origin only when there is one; a post without it (browsers always send
 * one) is refused here too. Call it first thing, before reading or changing
 * anything, and answer a refusal with CROSS_ORIGIN_MESSAGE (or, for an action
 * that answers nothing, by returning): never by throwing, which Next turns
 * into a 500.
 */
export async function isSameOriginRequest(): Promise<boolean> {
  const requestHeaders = await headers();
  if (isSameOrigin(requestHeaders, env.AUTH_URL)) return true;
  logger.warn({ origin: requestHeaders.get("origin"), host: requestHeaders.get("host"), ip: clientIpFrom(requestHeaders) }, "Cross-origin server action refused");
  return false;
}

type Handler<S extends z.ZodType> = (viewer: Viewer, input: z.output<S>) => Promise<string | { message: string; data?: unknown }>;

/**
 * Wraps a form's server action. Server actions are public endpoints, so each
 * call refuses cross-origin posts, re-reads the session, parses its input
 * with the schema, and turns errors into form state: expected ones keep their
 * message, anything else is logged and answered with a generic message
 * (never `e.message`). `files` names the fields that carry a file: the
 * schema gets them as they came (a File, or whatever was sent), the form
 * state never holds them.
 */
export function formAction<S extends z.ZodType>(schema: S, handler: Handler<S>, { files = [] }: { files?: readonly string[] } = {}) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    if (!(await isSameOriginRequest())) return errorState(CROSS_ORIGIN_MESSAGE, {});
    const values = formValues(formData);
    const uploads = Object.fromEntries(files.map((name) => [name, formData instanceof FormData ? formData.get(name) : null]));
    try {
      // Inside the try: when the session cannot be read (the database is down), the
      // form keeps what was typed and says nothing was saved, instead of a 500.
      const viewer = await requireViewer();
      // For every form at once, before its schema: text PostgreSQL cannot store.
      const unstorable = unstorableFields(values);
      if (Object.keys(unstorable).length > 0) return errorState("Please fix the fields marked below.", values, unstorable);
      const parsed = schema.safeParse(files.length > 0 ? { ...values, ...uploads } : values);
      if (!parsed.success) return invalidState(parsed.error, values);
      const result = await handler(viewer, parsed.data);
      return typeof result === "string" ? successState(result) : successState(result.message, result.data);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ExpectedError) {
        return errorState(error.message, values, error.field ? { [error.field]: [error.message] } : {}, error.data);
      }
      logger.error({ err: error }, "Server action failed");
      return errorState("Something went wrong on our side and nothing was saved. Please try again.", values);
    }
  };
}
