"use client";

import { ActionForm } from "@/components/ui/form";
import { TextField } from "@/components/ui/field";
import { signInSchema } from "@/lib/server/sign-in.validation";
import type { FormState } from "@/lib/shared/forms";

export function SignInForm({
  action,
  callbackUrl,
  defaultEmail,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  callbackUrl: string;
  /** Filled in for the invited address when coming from an invitation. */
  defaultEmail?: string;
}) {
  return (
    <ActionForm action={action} schema={signInSchema} submitLabel="Email me a sign-in link" pendingLabel="Sending…" aria-label="Sign in with email">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField name="email" label="Work email" type="email" autoComplete="email" required placeholder="you@company.com" defaultValue={defaultEmail} />
    </ActionForm>
  );
}
