"use client";

import { formatSavedAt, VersionConflict, type ConflictRow, type FieldChange } from "@/components/ui/version-conflict";
import { HABITS, RATING_MEANINGS } from "@/lib/shared/reflection-questions";
import type { FormValues } from "@/lib/shared/forms";
import { TIME_CATEGORIES } from "@/lib/shared/vocabulary";
import type { SavedWeek } from "@/lib/weeks";
import { HOURS_FIELDS } from "@/lib/shared/week-hours";
import { fieldChange, sameFieldValue, valueOf, weekFormValues } from "@/components/weeks/week-values";

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
  const rows: ConflictRow[] = ROWS.filter(({ field }) => !sameFieldValue(field, savedValues[field] ?? "", valueOf(typed, field))).map((row) => ({
    field: row.field,
    label: row.label,
    // Values that differ were changed on one side at least.
    change: fieldChange(row.field, baseValues, savedValues, typed) as Exclude<FieldChange, "unchanged">,
    saved: display(row, savedValues[row.field] ?? ""),
    yours: display(row, valueOf(typed, row.field)),
  }));
  return (
    <VersionConflict
      title="Two versions of this week"
      id="week-conflict"
      savedAt={formatSavedAt(saved.savedAt, timeZone)}
      rows={rows}
      onKeepMine={onKeepMine}
      onUseSaved={onUseSaved}
    />
  );
}

function display(row: Row, value: string): string {
  const text = value.trim();
  if (row.kind === "hours") return `${text === "" ? "0" : text} h`;
  if (row.kind === "rating") return text === "" ? "Not rated" : `${text} – ${RATING_MEANINGS[Number(text) as keyof typeof RATING_MEANINGS] ?? ""}`;
  return text === "" ? "(empty)" : text;
}
