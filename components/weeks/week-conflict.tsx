"use client";

import { Button } from "@/components/ui/button";
import { HABITS, RATING_MEANINGS } from "@/lib/shared/reflection-questions";
import type { FormValues } from "@/lib/shared/forms";
import { TIME_CATEGORIES } from "@/lib/shared/vocabulary";
import type { SavedWeek } from "@/lib/weeks";
import { HOURS_FIELDS } from "@/lib/weeks.validation";
import { fieldChange, sameFieldValue, valueOf, weekFormValues, type FieldChange } from "@/components/weeks/week-values";

type Row = { field: string; label: string; kind: "hours" | "rating" | "text" };

const ROWS: Row[] = [
  ...Object.entries(HOURS_FIELDS).map(([category, field]) => ({
    field,
    label: `${TIME_CATEGORIES[category as keyof typeof TIME_CATEGORIES]} hours`,
    kind: "hours" as const,
  })),
  ...HABITS.flatMap((habit) => [
    { field: habit.reflectionField, label: `${habit.name}: reflection`, kind: "text" as const },
    { field: habit.ratingField, label: `${habit.name}: self-rating`, kind: "rating" as const },
  ]),
  { field: "highlights", label: "Highlights", kind: "text" },
];

/** What "Keep mine" does with a field that differs, in words. */
const OUTCOME: Record<Exclude<FieldChange, "unchanged">, string> = {
  both: "Changed in both. Keep mine keeps yours.",
  mine: "Changed here only. Keep mine keeps yours.",
  theirs: "Changed elsewhere only. Keep mine takes the saved one.",
};

type Props = {
  /** The version the form started from, to tell who changed what. */
  base: SavedWeek;
  saved: SavedWeek;
  typed: FormValues;
  timeZone: string;
  onKeepMine: (event: React.MouseEvent<HTMLButtonElement>) => void;
  onUseSaved: () => void;
};

/** The newer saved week beside what the user typed, field by field, so they can choose without losing either. */
export function WeekConflict({ base, saved, typed, timeZone, onKeepMine, onUseSaved }: Props) {
  const savedValues = weekFormValues(saved);
  const baseValues = weekFormValues(base);
  const differences = ROWS.filter(({ field }) => !sameFieldValue(field, savedValues[field] ?? "", valueOf(typed, field))).map((row) => ({
    ...row,
    // Values that differ were changed on one side at least.
    change: fieldChange(row.field, baseValues, savedValues, typed) as Exclude<FieldChange, "unchanged">,
  }));
  const savedAt = saved.savedAt
    ? new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(saved.savedAt))
    : null;

  return (
    <section aria-labelledby="week-conflict-title" className="rounded-lg border border-warning bg-warning-soft p-4" data-testid="week-conflict">
      <h2 id="week-conflict-title" className="font-semibold">
        Two versions of this week
      </h2>
      <p className="mt-1 text-sm">
        {savedAt ? `Saved elsewhere on ${savedAt}.` : "Saved elsewhere."}{" "}
        {differences.length === 0
          ? "It matches what you typed."
          : `${differences.length === 1 ? "One field differs" : `${differences.length} fields differ`}. Keep mine saves the fields you changed and takes the others from the newer save; Use saved shows the newer save as it is.`}
      </p>
      {differences.length > 0 ? (
        <dl className="mt-3 space-y-3">
          {differences.map((row) => (
            <div key={row.field} data-field={row.field}>
              <dt className="text-sm">
                <span className="font-medium">{row.label}</span> <span className="text-muted">· {OUTCOME[row.change]}</span>
              </dt>
              <dd className="mt-1 grid gap-2 sm:grid-cols-2">
                <Version title="Saved elsewhere" value={display(row, savedValues[row.field] ?? "")} />
                <Version title="Yours (not saved yet)" value={display(row, valueOf(typed, row.field))} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button onClick={onKeepMine}>Keep mine</Button>
        <Button variant="secondary" onClick={onUseSaved}>
          Use saved
        </Button>
      </div>
    </section>
  );
}

function Version({ title, value }: { title: string; value: string }) {
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2">
      <p className="text-xs font-medium uppercase tracking-wide text-muted">{title}</p>
      <p className="mt-1 whitespace-pre-wrap break-words text-sm">{value}</p>
    </div>
  );
}

function display(row: Row, value: string): string {
  const text = value.trim();
  if (row.kind === "hours") return `${text === "" ? "0" : text} h`;
  if (row.kind === "rating") return text === "" ? "Not rated" : `${text} – ${RATING_MEANINGS[Number(text) as keyof typeof RATING_MEANINGS] ?? ""}`;
  return text === "" ? "(empty)" : text;
}
