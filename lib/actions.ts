import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { errorState, formValues, invalidState, successState, type FormState } from "@/lib/forms";
import { requireViewer, type Viewer } from "@/lib/viewer";

/** An error whose message is safe and useful to show the user. */
export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "ExpectedError";
  }
}

/** For a row that does not exist or is not the viewer's: the same answer either way. */
export class NotFoundError extends ExpectedError {
  constructor(what = "That item") {
    super(`${what} could not be found. It may have been deleted.`);
    this.name = "NotFoundError";
  }
}

type Handler<S extends z.ZodType> = (viewer: Viewer, input: z.output<S>) => Promise<string | { message: string; data?: unknown }>;

/**
 * Wraps a form's server action. Server actions are public endpoints, so each
 * call re-reads the session, parses its input with the schema, and turns
 * errors into form state: expected ones keep their message, anything else
 * is logged and answered with a generic message (never `e.message`).
 */
export function formAction<S extends z.ZodType>(schema: S, handler: Handler<S>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const viewer = await requireViewer();
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) return invalidState(parsed.error, values);
    try {
      const result = await handler(viewer, parsed.data);
      return typeof result === "string" ? successState(result) : successState(result.message, result.data);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ExpectedError) {
        return errorState(error.message, values, error.field ? { [error.field]: [error.message] } : {}, error.data);
      }
      console.error("Server action failed", error);
      return errorState("Something went wrong on our side and nothing was saved. Please try again.", values);
    }
  };
}
