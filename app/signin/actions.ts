"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { CROSS_ORIGIN_MESSAGE, isSameOriginRequest } from "@/lib/server/actions";
import { assertSignInAllowed, signIn, SignInRateLimited } from "@/lib/server/auth";
import { errorState, formValues, invalidState, type FormState } from "@/lib/shared/forms";
import { logger } from "@/lib/server/logger";
import { retryAfterInWords } from "@/lib/server/rate-limit";
import { safeCallbackPath } from "@/lib/shared/safe-redirect";
import { signInSchema } from "@/lib/server/sign-in.validation";

export async function requestSignInLink(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!(await isSameOriginRequest())) return errorState(CROSS_ORIGIN_MESSAGE, {});
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await assertSignInAllowed(parsed.data.email, await headers());
    // Redirects to the "check your email" page whether or not an account exists.
    await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    unstable_rethrow(error);
    // Limits count the address and the client, never whether an account exists.
    if (error instanceof SignInRateLimited) {
      return errorState(`Too many sign-in requests. No email was sent; please try again in ${retryAfterInWords(error.retryAfterSeconds)}.`, values);
    }
    logger.error({ err: error }, "Sending a sign-in link failed");
  }
  return errorState("We could not send the link just now. Please try again in a minute.", values);
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  if (!(await isSameOriginRequest()) || !(formData instanceof FormData)) return;
  const provider = formData.get("provider");
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
