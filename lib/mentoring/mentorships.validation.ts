import { z } from "zod";
import { isStorable } from "@/lib/shared/forms";
import { checkboxSchema as checkbox, idSchema } from "@/lib/shared/form-schemas";

const EMAIL_MESSAGE = "Enter your mentor's email address, such as mentor@company.com.";

const id = idSchema();

const sharingSchema = z.object({
  shareReflections: checkbox,
  shareStakeholders: checkbox,
  shareNotes: checkbox,
  shareStory: checkbox,
});

export const inviteSchema = sharingSchema.extend({
  // Trimmed and lower-cased before the format check, so a pasted " Grace@Example.com " is fine.
  email: z
    .string({ error: EMAIL_MESSAGE })
    .trim()
    .toLowerCase()
    .pipe(z.email(EMAIL_MESSAGE).max(254, "That email address is too long.")),
  message: z
    .string()
    .trim()
    .max(2_000, "Keep the message under 2,000 characters.")
    .optional()
    .transform((value) => (value ? value : null)),
});

export const updateSharingSchema = sharingSchema.extend({ id });

export const mentorshipIdSchema = id;

export const menteeIdSchema = idSchema("That mentee could not be found.");

// Storable text only: the token goes back into the page's address (encodeURIComponent throws on half a character).
export const invitationTokenSchema = z.object({ token: z.string().trim().min(1).max(200).refine(isStorable) });

export type InviteInput = z.output<typeof inviteSchema>;
export type SharingInput = z.output<typeof sharingSchema>;
