import { z } from "zod";
import { idSchema } from "@/lib/shared/form-schemas";
import { quarterKeySchema } from "@/lib/shared/quarters";

/** How long a new link works, in days: the choices the form offers. */
export const SHARE_LINK_EXPIRY_DAYS = [7, 30, 90] as const;
export const DEFAULT_SHARE_LINK_EXPIRY_DAYS = 30;

const EXPIRY_MESSAGE = "Choose how long the link works: 7, 30 or 90 days.";

export const createShareLinkSchema = z.object({
  quarter: quarterKeySchema,
  expiresInDays: z
    .string({ error: EXPIRY_MESSAGE })
    .optional()
    .transform((value) => (value ? Number(value) : DEFAULT_SHARE_LINK_EXPIRY_DAYS))
    .pipe(z.union(SHARE_LINK_EXPIRY_DAYS.map((days) => z.literal(days)), { error: EXPIRY_MESSAGE })),
  label: z
    .string()
    .trim()
    .max(80, "Keep it under 80 characters.")
    .optional()
    .transform((value) => (value ? value : null)),
});

export type CreateShareLinkInput = z.output<typeof createShareLinkSchema>;

export const shareLinkIdSchema = idSchema("That link could not be found.");
