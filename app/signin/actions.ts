"use server";

import { unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth";
import { errorState, formValues, invalidState, type FormState } from "@/lib/forms";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInSchema } from "@/lib/sign-in.validation";

export async function requestSignInLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    // Redirects to the "check your email" page whether or not an account exists.
    await signIn("email", { email: parsed.data.email, redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
  } catch (error) {
    unstable_rethrow(error);
    console.error("Sending a sign-in link failed", error);
  }
  return errorState("We could not send the link just now. Please try again in a minute.", values);
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = formData.get("provider");
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
