"use client";

import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { toast } from "@/components/ui/toast";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { HoursFields } from "@/components/weeks/hours-fields";
import { RatingField } from "@/components/weeks/rating-field";
import { WeekConflict } from "@/components/weeks/week-conflict";
import { takenFromNewerSave, weekFormValues } from "@/components/weeks/week-values";
import { formValues, type FormState, type FormValues } from "@/lib/shared/forms";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";
import { HOURS_FIELDS, weekSchema } from "@/lib/weeks.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The week as saved when the page loaded (version 0 when never saved). */
  week: SavedWeek;
  timeZone: string;
  /** The page opened to log this week: start in its first field. */
  focusFirstField?: boolean;
};

type Conflict = { saved: SavedWeek; typed: FormValues };

/** Where focus goes once the form has settled, when what held it is gone. */
type Refocus = { to: "save" | "first"; at: number };

/**
 * The week's log. Each save names the version it is based on; when someone
 * saved the week elsewhere in the meantime the server refuses, and the user
 * sees both versions and chooses which to keep.
 */
export function WeekEditor({ action, week, timeZone, focusFirstField = false }: Props) {
  // The version this form's values are based on: what was loaded, then what we saved or chose.
  const [version, setVersion] = useState(week.version);
  // The values of that version: what the user's changes are measured against.
  const [base, setBase] = useState(week);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // "Use saved" shows a version newer than the page's own until the page catches up.
  const [chosen, setChosen] = useState<SavedWeek | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [refocus, setRefocus] = useState<Refocus | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const shown = chosen && chosen.version >= week.version ? chosen : week;
  const defaults = weekFormValues(shown);

  useEffect(() => {
    if (!refocus) return;
    const form = rootRef.current?.querySelector("form");
    const active = document.activeElement;
    // Only when focus was lost (the button pressed is gone, or the whole form was replaced), never taken from where the user is.
    if (!form || (active && active !== document.body)) return;
    const target = refocus.to === "save" ? form.querySelector<HTMLElement>('button[type="submit"]') : form.querySelector<HTMLElement>(`[name="${HOURS_FIELDS.firefighting}"]`);
    target?.focus();
  }, [refocus]);

  function onResult(state: FormState) {
    if (state.status === "success") {
      const saved = savedWeekOf(state.data);
      if (saved) {
        setVersion(saved.version);
        setBase(saved);
      }
      setConflict(null);
      setRefocus({ to: "save", at: state.at });
    } else if (state.status === "error") {
      const newer = conflictOf(state.data);
      if (newer) setConflict({ saved: newer, typed: state.values });
    }
  }

  function keepMine(event: React.MouseEvent<HTMLButtonElement>) {
    if (!conflict) return;
    const form = event.currentTarget.form;
    if (!form) return;
    // The fields changed here keep what is in them now; the others take the newer save's values.
    const taken = takenFromNewerSave(weekFormValues(base), weekFormValues(conflict.saved), formValues(new FormData(form)));
    flushSync(() => {
      setVersion(conflict.saved.version);
      setBase(conflict.saved);
    });
    for (const [name, value] of Object.entries(taken)) setFieldValue(form, name, value);
    form.requestSubmit();
  }

  function takeSaved() {
    if (!conflict) return;
    setChosen(conflict.saved);
    setBase(conflict.saved);
    setVersion(conflict.saved.version);
    setConflict(null);
    // A fresh form shows the saved values instead of what was typed.
    setFormKey((key) => key + 1);
    setRefocus({ to: "first", at: Date.now() });
    toast("Showing the saved version of this week.");
  }

  return (
    <div ref={rootRef}>
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
        {conflict ? (
          <WeekConflict base={base} saved={conflict.saved} typed={conflict.typed} timeZone={timeZone} onKeepMine={keepMine} onUseSaved={takeSaved} />
        ) : null}

        <section aria-labelledby="week-time-title" className="space-y-3">
          <h2 id="week-time-title" className="text-lg font-semibold">
            Where the time went
          </h2>
          <HoursFields
            autoFocus={focusFirstField}
            defaults={{
              firefighting: defaults[HOURS_FIELDS.firefighting] ?? "",
              strategy: defaults[HOURS_FIELDS.strategy] ?? "",
              other: defaults[HOURS_FIELDS.other] ?? "",
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
            help="Wins, decisions, anything you want to remember or show your mentor. Markdown works: **bold**, *italics*, lists and links."
            defaultValue={defaults.highlights}
            rows={4}
          />
        </div>
      </ActionForm>
    </div>
  );
}

/** Puts a value in a field of the (uncontrolled) form as typing would, so its listeners see it. */
function setFieldValue(form: HTMLFormElement, name: string, value: string) {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) {
    field.value = value;
  } else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    field.value = value;
  } else {
    return;
  }
  form.dispatchEvent(new Event("input", { bubbles: true }));
}

function savedWeekOf(data: unknown): SavedWeek | null {
  return (data as { week?: SavedWeek } | undefined)?.week ?? null;
}

function conflictOf(data: unknown): SavedWeek | null {
  const saved = (data as { conflict?: SavedWeek } | undefined)?.conflict;
  return saved ?? null;
}
