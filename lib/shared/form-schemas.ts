// The schemas that forms share, apart from lib/shared/forms.ts: that module is what every client form and
// field imports, and keeping zod out of it keeps zod out of the pages whose fields have no schema of their
// own (the stakeholders' and vision notes' filters).
import { z } from "zod";
import { isStorable } from "@/lib/shared/forms";

/** An id from a form or a bound action, before lib/ checks it against the owner; one no row can have is refused here. */
export function idSchema(notFound = "That item could not be found.") {
  return z
    .string({ error: notFound })
    .trim()
    .min(1, notFound)
    .max(64, notFound)
    .refine(isStorable, notFound);
}

/** A checkbox: "on" when ticked, absent when not. */
export const checkboxSchema = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
