"use client";

import { SharingFields } from "@/components/mentors/sharing-fields";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";
import type { Share } from "@/lib/mentoring/mentorship-model";
import { updateSharingSchema } from "@/lib/mentoring/mentorships.validation";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; id: string; share: Share; who: string };

/** Changes what one mentor sees; it applies from their next request. */
export function SharingForm({ action, id, share, who }: Props) {
  return (
    <ActionForm action={action} schema={updateSharingSchema} submitLabel="Save sharing" aria-label={`What ${who} sees`}>
      <input type="hidden" name="id" value={id} />
      <SharingFields share={share} idPrefix={`${id}-`} />
    </ActionForm>
  );
}
