import { z } from "zod";
import { isValidTimeZone } from "@/lib/shared/time-zones";

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone.")
  .max(64)
  .refine(isValidTimeZone, "Choose a time zone from the list.");

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
