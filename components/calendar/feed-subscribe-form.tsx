"use client";

import { TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { feedAddressSchema } from "@/lib/calendar/feeds.validation";
import type { FormState } from "@/lib/shared/forms";

/** Subscribe to a calendar's secret address: the server fetches it once and opens its first import for review. */
export function FeedSubscribeForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} schema={feedAddressSchema} submitLabel="Subscribe" pendingLabel="Fetching…" aria-label="Subscribe to a calendar">
      <TextField
        name="address"
        label="Secret address of the calendar"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        placeholder="webcal://…"
        help="The calendar's secret ICS address (Google: “Secret address in iCal format”; Outlook: “Publish calendar”, ICS link; Apple: “Public calendar”). Starts with https:// or webcal://. Wheelhouse keeps it secret and shows only its end."
      />
    </ActionForm>
  );
}
