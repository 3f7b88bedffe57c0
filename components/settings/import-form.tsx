"use client";

import { ActionForm } from "@/components/ui/form";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/shared/forms";

export function ImportForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} submitLabel="Import" pendingLabel="Importing…" aria-label="Import your data">
      <TextField
        name="file"
        label="Export file"
        type="file"
        accept=".json,application/json"
        required
        help="The .json file from “Download everything”, from this or another Wheelhouse account."
      />
    </ActionForm>
  );
}
