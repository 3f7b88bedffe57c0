import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter an email address such as you@company.com.").trim().toLowerCase().max(254, "That email address is too long."),
  callbackUrl: z.string().max(2_000).optional(),
});
