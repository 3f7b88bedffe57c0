"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { RowActionButton } from "@/components/mentors/row-action-button";
import { LinkButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { CALENDAR_CATEGORIES, type CalendarRule, type CalendarRuleMatch } from "@/lib/calendar/rules.validation";
import { ruleFormSchema } from "@/lib/calendar/imports.validation";
import type { ButtonResult } from "@/lib/server/button-actions";
import type { FormState } from "@/lib/shared/forms";
import { optionsOf } from "@/lib/shared/vocabulary";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

const MATCH_KINDS = {
  words: "Words in the title or description",
  title: "The whole title (a series)",
  attendee: "An attendee’s address or domain",
  organiser: "The organiser’s address or domain",
  attendeeCount: "The number of people invited",
} as const;
type MatchKind = keyof typeof MATCH_KINDS;

const categoryOptions = optionsOf(CALENDAR_CATEGORIES);

/** A rule in words: “Title or description has incident, outage → Firefighting”. */
export function describeMatch(match: CalendarRuleMatch): string {
  switch (match.on) {
    case "words":
      return `Title or description has ${match.words.map((word) => `“${word}”`).join(", ")}`;
    case "title":
      return `Titled “${match.title}”`;
    case "attendee":
      return `An attendee is ${match.address.includes("@") ? match.address : `anyone at ${match.address}`}`;
    case "organiser":
      return `Organised by ${match.address.includes("@") ? match.address : `anyone at ${match.address}`}`;
    case "attendeeCount":
      return match.max === null ? `${match.min} or more people` : match.min === match.max ? `Exactly ${match.min} people` : `${match.min} to ${match.max} people`;
  }
}

/** Adds a rule, or edits the one at `position`; one on the page at a time (its fields have fixed ids). */
function RuleForm({ action, rule, position }: { action: FormAction; rule?: CalendarRule; position?: number }) {
  const router = useRouter();
  const [kind, setKind] = useState<MatchKind>(rule?.match.on ?? "words");
  const match = rule?.match;
  return (
    <ActionForm
      action={action}
      schema={ruleFormSchema}
      submitLabel={position === undefined ? "Add rule" : "Save rule"}
      aria-label={position === undefined ? "Add a rule" : `Edit rule ${position + 1}`}
      onResult={(state) => {
        if (state.status === "success" && position !== undefined) router.push("/calendar/rules");
      }}
      extraActions={
        position === undefined ? null : (
          <LinkButton href="/calendar/rules" variant="ghost">
            Cancel
          </LinkButton>
        )
      }
    >
      {position === undefined ? null : <input type="hidden" name="position" value={position} />}
      <SelectField
        name="on"
        label="It matches"
        defaultValue={kind}
        options={optionsOf(MATCH_KINDS)}
        onChange={(event) => setKind(event.currentTarget.value as MatchKind)}
      />
      {kind === "words" ? (
        <TextField
          name="words"
          label="Words or phrases"
          defaultValue={match?.on === "words" ? match.words.join(", ") : ""}
          help="Separated by commas, e.g. incident, outage, on-call. Each matches at the start of a word, in any case."
        />
      ) : kind === "title" ? (
        <TextField
          name="title"
          label="Title"
          defaultValue={match?.on === "title" ? match.title : ""}
          help="The event’s whole title, in any case: every event of a series is titled the same."
        />
      ) : kind === "attendee" || kind === "organiser" ? (
        <TextField
          name="address"
          label="Email address or domain"
          defaultValue={match?.on === "attendee" || match?.on === "organiser" ? match.address : ""}
          help="One person (ana@example.com) or everyone at a domain (example.com)."
        />
      ) : (
        <div className="grid grid-cols-2 gap-3 sm:max-w-80">
          <TextField name="min" label="At least" type="number" inputMode="numeric" min={0} defaultValue={match?.on === "attendeeCount" ? match.min : 2} />
          <TextField
            name="max"
            label="At most"
            type="number"
            inputMode="numeric"
            min={0}
            defaultValue={match?.on === "attendeeCount" ? (match.max ?? "") : ""}
            help="Empty for no limit."
          />
        </div>
      )}
      <SelectField name="category" label="Counts as" defaultValue={rule?.category ?? "firefighting"} options={categoryOptions} />
    </ActionForm>
  );
}

type Props = {
  rules: CalendarRule[];
  starter: boolean;
  /** The rule being edited (from the address), in place of the form that adds one. */
  editing: number | null;
  defaultCategory: keyof typeof CALENDAR_CATEGORIES;
  saveRule: FormAction;
  saveDefault: FormAction;
  moveRule: (position: number, direction: "up" | "down") => Promise<ButtonResult>;
  deleteRule: (position: number) => Promise<ButtonResult>;
};

/** The ordered rules: the first that matches an event decides its category. */
export function RulesEditor({ rules, starter, editing, defaultCategory, saveRule, saveDefault, moveRule, deleteRule }: Props) {
  return (
    <div className="space-y-6">
      {starter ? <p className="text-muted">These are the starter rules. Change them as you like: your first change saves your own list.</p> : null}
      {rules.length === 0 ? (
        <p className="text-muted">No rules: every event counts as the category below.</p>
      ) : (
        <ol className="space-y-3">
          {rules.map((rule, position) => {
            const words = `${describeMatch(rule.match)} → ${CALENDAR_CATEGORIES[rule.category]}`;
            return (
              <li key={`${position}-${words}`} className="rounded-md border border-border p-4">
                <p className="break-words">
                  <span className="text-muted tabular">{position + 1}. </span>
                  {words}
                </p>
                <div className="mt-3 flex flex-wrap gap-2">
                  {position > 0 ? (
                    <RowActionButton action={() => moveRule(position, "up")} label="Move up" what={`rule ${position + 1}`} pendingLabel="Moving…" variant="ghost" />
                  ) : null}
                  {position < rules.length - 1 ? (
                    <RowActionButton action={() => moveRule(position, "down")} label="Move down" what={`rule ${position + 1}`} pendingLabel="Moving…" variant="ghost" />
                  ) : null}
                  <LinkButton href={`/calendar/rules?edit=${position}`} variant="secondary">
                    Edit<span className="sr-only"> rule {position + 1}</span>
                  </LinkButton>
                  <RowActionButton action={() => deleteRule(position)} label="Delete" what={`rule ${position + 1}`} pendingLabel="Deleting…" variant="danger" confirm="Delete this rule?" />
                </div>
                {editing === position ? (
                  <div className="mt-4 border-t border-border pt-4">
                    <RuleForm key={words} action={saveRule} rule={rule} position={position} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}

      {editing === null || !rules[editing] ? (
        <section aria-labelledby="add-rule-title" className="rounded-md border border-border p-4">
          <h3 id="add-rule-title" className="mb-3 font-semibold">
            Add a rule
          </h3>
          <RuleForm action={saveRule} />
        </section>
      ) : null}

      <section aria-labelledby="default-title" className="rounded-md border border-border p-4">
        <h3 id="default-title" className="mb-3 font-semibold">
          Events no rule matches
        </h3>
        <ActionForm action={saveDefault} submitLabel="Save" aria-label="Events no rule matches">
          <SelectField name="defaultCategory" label="Count them as" defaultValue={defaultCategory} options={categoryOptions} />
        </ActionForm>
      </section>
    </div>
  );
}
