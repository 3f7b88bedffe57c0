"use client";

import { useRouter } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { Department } from "@/lib/generated/prisma/enums";
import type { FormState } from "@/lib/shared/forms";
import { CADENCE_MAX, CADENCE_MIN, stakeholderSchema, updateStakeholderSchema } from "@/lib/stakeholders.validation";
import { DEPARTMENTS, optionsOf } from "@/lib/shared/vocabulary";

export type StakeholderFormDefaults = {
  name: string;
  role: string | null;
  department: Department | null;
  cadenceDays: number | null;
  notes: string | null;
  email: string | null;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Set when editing an existing stakeholder. */
  id?: string;
  defaults?: StakeholderFormDefaults;
  cancelHref: string;
};

const departmentOptions = [{ value: "", label: "Choose a department…" }, ...optionsOf(DEPARTMENTS)];

/** Create or edit a stakeholder: the same fields, the same rules as the server. On success the toast shows and their page opens. */
export function StakeholderForm({ action, id, defaults, cancelHref }: Props) {
  const router = useRouter();
  return (
    <ActionForm
      action={action}
      schema={id ? updateStakeholderSchema : stakeholderSchema}
      submitLabel={id ? "Save stakeholder" : "Add stakeholder"}
      aria-label={id ? "Edit stakeholder" : "Add a stakeholder"}
      warnOnLeave
      onResult={(state) => {
        const savedId = state.status === "success" ? (state.data as { id?: string } | undefined)?.id : undefined;
        if (savedId) router.push(`/stakeholders/${savedId}`);
      }}
      extraActions={
        <LinkButton href={cancelHref} variant="ghost">
          Cancel
        </LinkButton>
      }
    >
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <TextField name="name" label="Name" required autoComplete="off" defaultValue={defaults?.name ?? ""} />
      <TextField name="role" label="Role or title" autoComplete="off" defaultValue={defaults?.role ?? ""} placeholder="VP Sales" help="Optional." />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        defaultValue={defaults?.email ?? ""}
        help="Optional. A calendar import proposes a touchpoint for each past meeting this address was invited to."
      />
      <SelectField name="department" label="Department" defaultValue={defaults?.department ?? ""} options={departmentOptions} />
      <TextField
        name="cadenceDays"
        label="Talk every … days"
        type="number"
        inputMode="numeric"
        min={CADENCE_MIN}
        max={CADENCE_MAX}
        step={1}
        className="tabular sm:max-w-40"
        defaultValue={defaults?.cadenceDays ?? ""}
        help="How often you want to catch up, for example 14 for every two weeks. Leave empty for no reminder."
      />
      <TextAreaField name="notes" label="Notes" rows={5} defaultValue={defaults?.notes ?? ""} help="What they care about, what they need from engineering. Optional." />
    </ActionForm>
  );
}
