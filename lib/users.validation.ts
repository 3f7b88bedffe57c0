import { z } from "zod";
import { canonicalTimeZone } from "@/lib/shared/time-zones";

/** A zone as typed or reported by a browser; saved by its current IANA name, old names accepted. */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, "Choose a time zone.")
  .max(64, "Choose a time zone from the list.")
  .transform((zone, ctx) => {
    const current = canonicalTimeZone(zone);
    if (current) return current;
    ctx.addIssue({ code: "custom", message: "Choose a time zone from the list." });
    return z.NEVER;
  });

export const settingsSchema = z.object({
  name: z
    .string()
    .trim()
    .max(80, "Keep your name under 80 characters.")
    .transform((value) => (value === "" ? null : value)),
  timeZone: timeZoneSchema,
  weekStartsOn: z.coerce
    .number({ error: "Choose the first day of your week." })
    .int()
    .min(0, "Choose the first day of your week.")
    .max(6, "Choose the first day of your week."),
});

export type SettingsInput = z.output<typeof settingsSchema>;
