"use client";

import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { HoursFields } from "@/components/weeks/hours-fields";
import { RatingField } from "@/components/weeks/rating-field";
import { WeekConflict } from "@/components/weeks/week-conflict";
import { takenFromNewerSave, weekFormValues } from "@/components/weeks/week-values";
import { useVersionedForm } from "@/components/ui/use-versioned-form";
import type { FormState } from "@/lib/shared/forms";
import { HABITS } from "@/lib/shared/reflection-questions";
import type { SavedWeek } from "@/lib/weeks";
import { HOURS_FIELDS } from "@/lib/shared/week-hours";

// Loaded on the form's first input (decision record 040).
const loadWeekSchema = () => import("@/lib/weeks.validation").then((module) => module.weekSchema);

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The week as saved when the page loaded (version 0 when never saved). */
  week: SavedWeek;
  timeZone: string;
  /** The page opened to log this week: start in its first field. */
  focusFirstField?: boolean;
};

/**
 * The week's log. Each save names the version it is based on; when someone
 * saved the week elsewhere in the meantime the server refuses, and the user
 * sees both versions and chooses which to keep.
 */
export function WeekEditor({ action, week, timeZone, focusFirstField = false }: Props) {
  const { version, base, shown, conflict, formKey, rootRef, onResult, keepMine, takeSaved } = useVersionedForm({
    loaded: week,
    savedKey: "week",
    takenFromNewer: (from, saved, typed) => takenFromNewerSave(weekFormValues(from), weekFormValues(saved), typed),
    firstField: HOURS_FIELDS.firefighting,
    usedSavedMessage: "Showing the saved version of this week.",
  });
  const defaults = weekFormValues(shown);

  return (
    <div ref={rootRef}>
      <ActionForm
        key={formKey}
        action={action}
        schema={loadWeekSchema}
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
