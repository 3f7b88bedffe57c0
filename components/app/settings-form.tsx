"use client";

import { ActionForm } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/shared/forms";
import { TIME_ZONE_OPTIONS_ID, WEEKDAYS } from "@/lib/shared/time-zones";
import { settingsSchema } from "@/lib/users.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string | null;
  timeZone: string | null;
  weekStartsOn: number;
};

/** The time zone's suggestions are a datalist the page renders beside the form (TimeZoneSuggestions). */
export function SettingsForm({ action, name, timeZone, weekStartsOn }: Props) {
  return (
    <ActionForm action={action} schema={settingsSchema} submitLabel="Save settings" aria-label="Settings">
      <TextField name="name" label="Display name" autoComplete="name" defaultValue={name ?? ""} help="Shown to mentors you invite." />
      {/* A text field with suggestions: searchable as you type, by keyboard, and without JavaScript. */}
      <TextField
        name="timeZone"
        label="Time zone"
        list={TIME_ZONE_OPTIONS_ID}
        autoComplete="off"
        spellCheck={false}
        placeholder="Start typing a city, like Berlin"
        // UTC, as weeks are counted, until the browser tells us its zone (TimeZoneDetector).
        defaultValue={timeZone ?? "UTC"}
        help="Type a city or region and pick it from the list. Weeks start at midnight in this time zone."
      />
      <SelectField
        name="weekStartsOn"
        label="First day of the week"
        defaultValue={String(weekStartsOn)}
        options={WEEKDAYS.map((day, index) => ({ value: String(index), label: day }))}
        help={`Weeks you have already logged keep their dates: a week logged from ${WEEKDAYS[weekStartsOn]} still runs ${WEEKDAYS[weekStartsOn]} to ${WEEKDAYS[(weekStartsOn + 6) % 7]}. New weeks start on the day you choose.`}
      />
    </ActionForm>
  );
}
