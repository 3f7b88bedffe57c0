"use client";

import { useState } from "react";
import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "@/lib/calendar/imports.validation";
import type { FormState } from "@/lib/shared/forms";

const TOO_BIG = `That file is larger than ${MAX_UPLOAD_MB} MB. Export a shorter period of your calendar.`;

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** A post too large to read came back here (proxy.ts): say so at the field. */
  tooLarge?: boolean;
};

/** Upload an .ics file: the server reads it into a preview; nothing in your weeks changes yet. */
export function CalendarUploadForm({ action, tooLarge = false }: Props) {
  const [tooBig, setTooBig] = useState(tooLarge);
  return (
    <ActionForm
      action={action}
      submitLabel="Read the file"
      pendingLabel="Reading…"
      aria-label="Import a calendar file"
      beforeSubmit={(form) => {
        // Also on submit: a file chosen before the page's script ran was never checked.
        const file = new FormData(form).get("file");
        const over = file instanceof File && file.size > MAX_UPLOAD_BYTES;
        setTooBig(over);
        return !over;
      }}
    >
      <TextField
        name="file"
        label="Calendar file (.ics)"
        type="file"
        accept=".ics,text/calendar"
        required
        errorsAsTyped={tooBig ? [TOO_BIG] : undefined}
        onChange={(event) => {
          // A file over the limit is refused before it is sent: the upload itself would fail.
          const file = event.currentTarget.files?.[0];
          const over = file !== undefined && file.size > MAX_UPLOAD_BYTES;
          setTooBig(over);
          if (over) event.currentTarget.value = "";
        }}
        help={`Export your calendar as .ics (Google, Outlook, Microsoft 365, Apple, Fastmail, Proton), up to ${MAX_UPLOAD_MB} MB. You review what it would change before anything is saved.`}
      />
    </ActionForm>
  );
}
