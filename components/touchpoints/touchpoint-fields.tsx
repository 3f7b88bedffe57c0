"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormField } from "@/components/ui/form";
import type { DateOnly } from "@/lib/shared/dates";
import type { Department, TouchpointChannel } from "@/lib/generated/prisma/enums";
import { DEPARTMENTS, TOUCHPOINT_CHANNELS, optionsOf } from "@/lib/shared/vocabulary";

export type StakeholderChoice = { id: string; name: string; department: Department };

export type TouchpointDefaults = {
  occurredOn: DateOnly;
  stakeholderId?: string | null;
  /** Set for a group meeting with a department. */
  department?: Department | null;
  channel?: TouchpointChannel;
  topic?: string;
  outcome?: string | null;
  notable?: boolean;
};

type Who = "stakeholder" | "department";

const departmentOptions = [{ value: "", label: "Choose a department…" }, ...optionsOf(DEPARTMENTS)];
const channelOptions = optionsOf(TOUCHPOINT_CHANNELS);

/**
 * The fields of a touchpoint, for quick-add and edit. Only the select for the
 * chosen "who" is rendered, so the form posts a stakeholder or a department, never both.
 */
export function TouchpointFields({
  stakeholders,
  defaults,
  minDate,
  maxDate,
}: {
  stakeholders: readonly StakeholderChoice[];
  defaults: TouchpointDefaults;
  minDate?: DateOnly;
  maxDate?: DateOnly;
}) {
  const { typedValue: typedWho } = useFormField("with");
  const initialWho: Who = defaults.department || (stakeholders.length === 0 && !defaults.stakeholderId) ? "department" : "stakeholder";
  const [who, setWho] = useState<Who>(typedWho === "department" || typedWho === "stakeholder" ? typedWho : initialWho);
  const groupName = useId();

  const stakeholderOptions = [
    { value: "", label: "Choose a stakeholder…" },
    ...stakeholders.map((stakeholder) => ({ value: stakeholder.id, label: `${stakeholder.name} (${DEPARTMENTS[stakeholder.department]})` })),
  ];

  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="occurredOn" label="Date" type="date" required defaultValue={defaults.occurredOn} min={minDate} max={maxDate} />
        <SelectField name="channel" label="How you met" defaultValue={defaults.channel ?? "ONE_ON_ONE"} options={channelOptions} />
      </div>

      <fieldset>
        <legend className="mb-1 text-sm font-medium">Who with</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {(
            [
              ["stakeholder", "One stakeholder"],
              ["department", "A department, as a group"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input
                type="radio"
                name="with"
                value={value}
                defaultChecked={who === value}
                onChange={() => setWho(value)}
                className="size-4 accent-accent"
                aria-describedby={`${groupName}-hint`}
              />
              {label}
            </label>
          ))}
        </div>
        <p id={`${groupName}-hint`} className="sr-only">
          Choose one stakeholder, or a department for a group meeting.
        </p>
      </fieldset>

      {who === "stakeholder" ? (
        stakeholders.length > 0 ? (
          <SelectField name="stakeholderId" label="Stakeholder" defaultValue={defaults.stakeholderId ?? ""} options={stakeholderOptions} />
        ) : (
          <p className="rounded-md border border-dashed border-border-strong px-3 py-2 text-sm text-muted">
            You have no stakeholders yet.{" "}
            <Link href="/stakeholders/new" className="font-medium text-accent underline">
              Add a stakeholder
            </Link>{" "}
            or log this as a group meeting with a department.
          </p>
        )
      ) : (
        <SelectField name="department" label="Department" defaultValue={defaults.department ?? ""} options={departmentOptions} help="For a meeting with a team rather than one person." />
      )}

      <TextField name="topic" label="Topic" required defaultValue={defaults.topic ?? ""} placeholder="Q3 pipeline, churn in the mid-market…" autoComplete="off" />
      <TextAreaField
        name="outcome"
        label="Outcome / business value"
        rows={3}
        defaultValue={defaults.outcome ?? ""}
        help="What came of it, in business terms. Optional."
      />
      <div className="flex items-start gap-3">
        <input
          id="field-notable"
          type="checkbox"
          name="notable"
          defaultChecked={defaults.notable ?? false}
          aria-describedby="field-notable-help"
          className="mt-1 size-4 accent-accent"
        />
        <div>
          <label htmlFor="field-notable" className="text-sm font-medium">
            Notable
          </label>
          <p id="field-notable-help" className="text-sm text-muted">
            Tell this outcome in your quarterly story.
          </p>
        </div>
      </div>
    </>
  );
}
