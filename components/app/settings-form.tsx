"use client";

import { ActionForm } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/shared/forms";
import { WEEKDAYS } from "@/lib/shared/time-zones";
import { settingsSchema } from "@/lib/users.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string | null;
  timeZone: string | null;
  weekStartsOn: number;
  timeZones: string[];
};

export function SettingsForm({ action, name, timeZone, weekStartsOn, timeZones }: Props) {
  return (
    <ActionForm action={action} schema={settingsSchema} submitLabel="Save settings" aria-label="Settings">
      <TextField name="name" label="Display name" autoComplete="name" defaultValue={name ?? ""} help="Shown to mentors you invite." />
      <SelectField
        name="timeZone"
        label="Time zone"
        // UTC, as weeks are counted, until the browser tells us its zone (TimeZoneDetector):
        // the same on the server and in the browser, and then the stored value.
        defaultValue={timeZone ?? "UTC"}
        options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        help="Weeks start at midnight in this time zone."
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
