"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import { toast } from "sonner";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { HoursFields } from "@/components/weeks/hours-fields";
import { RatingField } from "@/components/weeks/rating-field";
import { WeekConflict } from "@/components/weeks/week-conflict";
import { weekFormValues } from "@/components/weeks/week-values";
import type { FormState, FormValues } from "@/lib/shared/forms";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";
import { HOURS_FIELDS, weekSchema } from "@/lib/weeks.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The week as saved when the page loaded (version 0 when never saved). */
  week: SavedWeek;
  timeZone: string;
};

type Conflict = { saved: SavedWeek; typed: FormValues };

/**
 * The week's log. Each save names the version it is based on; when someone
 * saved the week elsewhere in the meantime the server refuses, and the user
 * sees both versions and chooses which to keep.
 */
export function WeekEditor({ action, week, timeZone }: Props) {
  // The version this form's values are based on: what was loaded, then what we saved or chose.
  const [version, setVersion] = useState(week.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // "Use saved" shows a version newer than the page's own until the page catches up.
  const [chosen, setChosen] = useState<SavedWeek | null>(null);
  const [formKey, setFormKey] = useState(0);
  const shown = chosen && chosen.version >= week.version ? chosen : week;
  const defaults = weekFormValues(shown);

  function onResult(state: FormState) {
    if (state.status === "success") {
      const saved = savedVersionOf(state.data);
      if (saved !== null) setVersion(saved);
      setConflict(null);
    } else if (state.status === "error") {
      const newer = conflictOf(state.data);
      if (newer) setConflict({ saved: newer, typed: state.values });
    }
  }

  function keepMine(event: React.MouseEvent<HTMLButtonElement>) {
    if (!conflict) return;
    const form = event.currentTarget.form;
    // Base the typed values on the newer version, then save them as usual.
    flushSync(() => setVersion(conflict.saved.version));
    form?.requestSubmit();
  }

  function takeSaved() {
    if (!conflict) return;
    setChosen(conflict.saved);
    setVersion(conflict.saved.version);
    setConflict(null);
    // A fresh form shows the saved values instead of what was typed.
    setFormKey((key) => key + 1);
    toast("Showing the saved version of this week.");
  }

  return (
    <ActionForm
      key={formKey}
      action={action}
      schema={weekSchema}
      submitLabel="Save week"
      pendingLabel="Saving…"
      warnOnLeave
      onResult={onResult}
      aria-label="Week log"
    >
      <input type="hidden" name="startsOn" value={week.startsOn} readOnly />
      <input type="hidden" name="version" value={version} readOnly />
      {conflict ? <WeekConflict saved={conflict.saved} typed={conflict.typed} timeZone={timeZone} onKeepMine={keepMine} onUseSaved={takeSaved} /> : null}

      <section aria-labelledby="week-time-title" className="space-y-3">
        <h2 id="week-time-title" className="text-lg font-semibold">
          Where the time went
        </h2>
        <HoursFields
          defaults={{
            firefighting: defaults[HOURS_FIELDS.firefighting] ?? "0",
            strategy: defaults[HOURS_FIELDS.strategy] ?? "0",
            other: defaults[HOURS_FIELDS.other] ?? "0",
          }}
        />
      </section>

      <section aria-labelledby="week-reflections-title" className="space-y-6 pt-4">
        <div>
          <h2 id="week-reflections-title" className="text-lg font-semibold">
            Reflections
          </h2>
          <p className="mt-1 text-sm text-muted">One question per habit. Answer the ones that speak to you this week; all are optional.</p>
        </div>
        {HABITS.map((habit) => (
          <div key={habit.key} className="space-y-3 border-t border-border pt-5">
            <h3 className="font-medium">{habit.name}</h3>
            <TextAreaField name={habit.reflectionField} label={habit.question} defaultValue={defaults[habit.reflectionField]} rows={3} />
            <RatingField name={habit.ratingField} habitName={habit.name} defaultValue={defaults[habit.ratingField] ?? ""} />
          </div>
        ))}
      </section>

      <div className="border-t border-border pt-5">
        <TextAreaField
          name="highlights"
          label="Highlights"
          help="Wins, decisions, anything you want to remember or show your mentor."
          defaultValue={defaults.highlights}
          rows={4}
        />
      </div>
    </ActionForm>
  );
}

function savedVersionOf(data: unknown): number | null {
  const version = (data as { version?: unknown } | undefined)?.version;
  return typeof version === "number" ? version : null;
}

function conflictOf(data: unknown): SavedWeek | null {
  const saved = (data as { conflict?: SavedWeek } | undefined)?.conflict;
  return saved ?? null;
}
