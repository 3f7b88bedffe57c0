// The schemas that forms share, apart from lib/shared/forms.ts and lib/shared/dates.ts: those modules are
// what client forms and fields import, and keeping zod out of them keeps zod out of a page's first load
// (decision record 040).
import { z } from "zod";
import { isDateOnly } from "@/lib/shared/dates";
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

export const dateOnlySchema = z
  .string({ error: "Enter a date." })
  .trim()
  .refine(isDateOnly, "Enter a real date (YYYY-MM-DD).");
