"use client";

import { SelectField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";
import { REVISIT_PUSH_OPTIONS, revisitSchema } from "@/lib/vision-notes.validation";
import { optionsOf } from "@/lib/shared/vocabulary";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; noteId: string };

/** Records that the leader looked at the note again, and when to look next. */
export function RevisitForm({ action, noteId }: Props) {
  return (
    <ActionForm action={action} schema={revisitSchema} submitLabel="Mark revisited" pendingLabel="Recording…" aria-label="Mark revisited">
      <input type="hidden" name="id" value={noteId} />
      <SelectField name="pushBy" label="Next revisit" defaultValue="3" options={optionsOf(REVISIT_PUSH_OPTIONS)} help="Counted from today." />
    </ActionForm>
  );
}
