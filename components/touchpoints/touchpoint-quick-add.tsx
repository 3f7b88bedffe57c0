"use client";

import { useEffect, useState } from "react";
import { TouchpointFields, type StakeholderChoice } from "@/components/touchpoints/touchpoint-fields";
import { focusFirstField } from "@/components/ui/focus-first-field";
import { ActionForm, type ActionFormProps } from "@/components/ui/form";
import type { DateOnly } from "@/lib/shared/dates";

// Loaded on the form's first input (decision record 040).
const loadTouchpointSchema = () => import("@/lib/touchpoints.validation").then((module) => module.touchpointSchema);

type Props = {
  /** The server action that logs the touchpoint. */
  action: ActionFormProps["action"];
  stakeholders: readonly StakeholderChoice[];
  defaultDate: DateOnly;
  /** Suggested range for the date picker (e.g. the week shown); any real date is accepted. */
  minDate?: DateOnly;
  maxDate?: DateOnly;
  /** Pre-selects a stakeholder, e.g. on their own page. */
  defaultStakeholderId?: string;
};

const QUICK_ADD_ID = "log-touchpoint";

/** A compact form to log a touchpoint in a few seconds; it clears after each save. */
export function TouchpointQuickAdd({ action, stakeholders, defaultDate, minDate, maxDate, defaultStakeholderId }: Props) {
  // A new key after each save starts the fields afresh, including "who with".
  const [round, setRound] = useState(0);
  // "Add a touchpoint" in the command menu links here with this hash: start typing at once.
  useEffect(() => {
    if (window.location.hash === `#${QUICK_ADD_ID}`) focusFirstField(QUICK_ADD_ID);
  }, []);
  return (
    <ActionForm
      id={QUICK_ADD_ID}
      action={action}
      schema={loadTouchpointSchema}
      submitLabel="Log touchpoint"
      pendingLabel="Logging…"
      aria-label="Log a touchpoint"
      onResult={(state) => {
        if (state.status === "success") setRound((value) => value + 1);
      }}
    >
      <TouchpointFields
        key={round}
        stakeholders={stakeholders}
        defaults={{ occurredOn: defaultDate, stakeholderId: defaultStakeholderId }}
        minDate={minDate}
        maxDate={maxDate}
      />
    </ActionForm>
  );
}
