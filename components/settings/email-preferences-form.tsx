"use client";

import { ActionForm } from "@/components/ui/form";
import { SelectField, TextField } from "@/components/ui/field";
import { zonedDateTimeFormat } from "@/lib/shared/dates";
import type { FormState } from "@/lib/shared/forms";
import { WEEKDAYS } from "@/lib/shared/time-zones";
import { formatTimeZone } from "@/lib/shared/week-dates";
import { formatMinuteOfDay } from "@/lib/shared/weekly-schedule";
import { EMAIL_KINDS, EMAIL_KIND_TEXT, emailPreferencesSchema } from "@/lib/reminders/preferences.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  enabled: Record<"weekReminder" | "mentorDigest" | "commentDigest", boolean>;
  day: number;
  minute: number;
  /** Null until the browser told us. */
  timeZone: string | null;
  /** When the next weekly email is due, if one is on. */
  next: Date | null;
};

/** Every kind of email with its own switch, and when the weekly ones go out. */
export function EmailPreferencesForm({ action, enabled, day, minute, timeZone, next }: Props) {
  // "Fri 11 Dec, 16:00", on the user's clock.
  const nextText = next && timeZone ? zonedDateTimeFormat(timeZone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(next) : null;
  const when = timeZone
    ? `In your time zone, ${formatTimeZone(timeZone)}.${nextText ? ` Next: ${nextText}.` : ""}`
    : "They start once we know your time zone: set it under Profile and weeks.";
  return (
    <ActionForm action={action} schema={emailPreferencesSchema} submitLabel="Save email settings" aria-label="Email settings">
      <fieldset>
        <legend className="mb-3 text-sm font-medium">Emails you get</legend>
        <div className="space-y-3">
          {EMAIL_KINDS.map((kind) => {
            const { field, label, help } = EMAIL_KIND_TEXT[kind];
            const id = `field-${field}`;
            return (
              <div key={kind} className="flex items-start gap-3">
                <input id={id} type="checkbox" name={field} defaultChecked={enabled[field]} aria-describedby={`${id}-help`} className="mt-1 size-4 shrink-0 accent-accent" />
                <div>
                  <label htmlFor={id} className="text-sm font-medium">
                    {label}
                  </label>
                  <p id={`${id}-help`} className="text-sm text-muted">
                    {help}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        <p className="mt-3 text-sm text-muted">Sign-in links and mentor invitations always come: you asked for them.</p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="weeklyEmailDay"
          label="Weekly emails on"
          defaultValue={String(day)}
          options={WEEKDAYS.map((name, index) => ({ value: String(index), label: name }))}
        />
        <TextField name="weeklyEmailTime" label="At" type="time" step={60} defaultValue={formatMinuteOfDay(minute)} help={when} />
      </div>
    </ActionForm>
  );
}
