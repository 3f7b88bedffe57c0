"use client";

import { SharingFields } from "@/components/mentors/sharing-fields";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";
import { inviteSchema } from "@/lib/mentoring/mentorships.validation";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function InviteForm({ action }: Props) {
  return (
    <ActionForm action={action} schema={inviteSchema} submitLabel="Send invitation" pendingLabel="Sending…" aria-label="Invite a mentor">
      <TextField name="email" label="Mentor's email" type="email" autoComplete="off" required placeholder="mentor@company.com" />
      <TextAreaField
        name="message"
        label="Personal message (optional)"
        rows={3}
        help="A line about why you are asking them. It goes in the email."
      />
      <SharingFields share={{ reflections: true, stakeholders: false, notes: false, story: false }} />
    </ActionForm>
  );
}
