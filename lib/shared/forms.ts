// The contract between forms and server actions, used on both sides: the
// same zod schema parses on the server and gives instant feedback in the browser.
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;
export type FormValues = Record<string, string | string[]>;

export type FormState =
  | { status: "idle" }
  | { status: "success"; message: string; at: number; data?: unknown }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: FormValues; at: number; data?: unknown };

export const idleFormState: FormState = { status: "idle" };

/**
 * Whether PostgreSQL can hold this text: not with a NUL character (not even
 * in a comparison), nor with half of a UTF-16 surrogate pair (Prisma's
 * engine refuses one in a list, and it is no character anyway). Nobody
 * types either; a crafted request or file can send them.
 */
export const isStorable = (text: string) => !text.includes("\u0000") && text.isWellFormed();

export const UNSTORABLE_MESSAGE = "This text holds a character we cannot store (an invisible NUL, or half of one). Remove it and try again.";

/** The fields of a form whose text could not be stored, each with UNSTORABLE_MESSAGE. */
export function unstorableFields(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    if (!(Array.isArray(value) ? value : [value]).every(isStorable)) errors[name] = [UNSTORABLE_MESSAGE];
  }
  return errors;
}

/**
 * FormData as plain values; a field that appears more than once becomes a
 * list. Anything else in its place (only a crafted request sends it) has no
 * values, so the schema refuses it like an empty form.
 */
export function formValues(formData: unknown): FormValues {
  const values: FormValues = {};
  if (!(formData instanceof FormData)) return values;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export function errorState(message: string, values: FormValues, fieldErrors: FieldErrors = {}, data?: unknown): FormState {
  return { status: "error", message, fieldErrors, values, at: Date.now(), data };
}

export function invalidState(error: z.ZodError, values: FormValues): FormState {
  const count = error.issues.length;
  return errorState(count === 1 ? "Please fix the field below." : `Please fix the ${count} fields below.`, values, fieldErrorsOf(error));
}

export function successState(message: string, data?: unknown): FormState {
  return { status: "success", message, at: Date.now(), data };
}
