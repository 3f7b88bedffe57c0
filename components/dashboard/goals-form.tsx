"use client";

import { ActionForm, useFormField } from "@/components/ui/form";
import { TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/shared/forms";
import type { Department } from "@/lib/generated/prisma/enums";
import { goalsSchema, type GoalsInput } from "@/lib/dashboard/goals.validation";
import { DEPARTMENTS, optionsOf } from "@/lib/shared/vocabulary";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; goals: GoalsInput };

/** A group of checkboxes with one legend, help and error, like the other fields. */
function DepartmentsField({ saved }: { saved: Department[] }) {
  const { errors, typedValues } = useFormField("goalDepartments");
  // After a refused save, show what the user ticked rather than what is saved.
  const checked = new Set(typedValues === undefined ? saved : Array.isArray(typedValues) ? typedValues : [typedValues]);
  return (
    <fieldset id="field-goalDepartments" tabIndex={-1} aria-describedby={errors?.length ? "field-goalDepartments-error" : "field-goalDepartments-help"}>
      <legend className="mb-1 text-sm font-medium">Departments to meet each month</legend>
      <p id="field-goalDepartments-help" className="mb-2 text-sm text-muted">
        The dashboard shows which of these you have had a touchpoint with this month.
      </p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {optionsOf(DEPARTMENTS).map((option) => (
          <label key={option.value} className="flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm">
            <input type="checkbox" name="goalDepartments" value={option.value} defaultChecked={checked.has(option.value)} className="size-4 accent-[var(--accent)]" />
            {option.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="field-goalDepartments-error" className="mt-1 text-sm font-medium text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function GoalsForm({ action, goals }: Props) {
  return (
    <ActionForm action={action} schema={goalsSchema} submitLabel="Save goals" warnOnLeave aria-label="Goals">
      <TextField
        name="goalStrategySharePercent"
        label="Target strategy share (%)"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        step={1}
        defaultValue={goals.goalStrategySharePercent ?? ""}
        help="The share of your logged hours spent on strategy. Many leaders aim for 30–50%."
      />
      <TextField
        name="goalTouchpointsPerWeek"
        label="Touchpoints per week"
        type="number"
        inputMode="numeric"
        min={1}
        max={50}
        step={1}
        defaultValue={goals.goalTouchpointsPerWeek ?? ""}
        help="Conversations with people outside engineering."
      />
      <DepartmentsField saved={goals.goalDepartments} />
    </ActionForm>
  );
}
