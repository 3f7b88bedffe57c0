"use client";

import { SelectField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";
import { optionsOf, REVISIT_PUSH_OPTIONS } from "@/lib/shared/vocabulary";

// Loaded on the form's first input (decision record 040).
const loadRevisitSchema = () => import("@/lib/vision-notes.validation").then((module) => module.revisitSchema);

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; noteId: string };

/** Records that the leader looked at the note again, and when to look next. */
export function RevisitForm({ action, noteId }: Props) {
  return (
    <ActionForm action={action} schema={loadRevisitSchema} submitLabel="Mark revisited" pendingLabel="Recording…" aria-label="Mark revisited">
      <input type="hidden" name="id" value={noteId} />
      <SelectField name="pushBy" label="Next revisit" defaultValue="3" options={optionsOf(REVISIT_PUSH_OPTIONS)} help="Counted from today." />
    </ActionForm>
  );
}
