"use client";

import { ActionForm } from "@/components/ui/form";
import { TextField } from "@/components/ui/field";
import { deleteAccountSchema } from "@/lib/account/account.validation";
import type { FormState } from "@/lib/shared/forms";

export function DeleteAccountForm({ action, email }: { action: (state: FormState, formData: FormData) => Promise<FormState>; email: string }) {
  return (
    <ActionForm action={action} schema={deleteAccountSchema} submitLabel="Delete my account" pendingLabel="Deleting…" aria-label="Delete your account">
      <TextField
        name="confirmEmail"
        label={`Type ${email} to confirm`}
        type="email"
        autoComplete="off"
        spellCheck={false}
        required
        help="This cannot be undone. Download everything first if you may want it back."
      />
    </ActionForm>
  );
}
