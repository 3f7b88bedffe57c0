"use client";

import { Button } from "@/components/ui/button";
import { zonedDateTimeFormat } from "@/lib/shared/dates";

/** How a field differs between the version a form started from, a newer save, and what the form holds. */
export type FieldChange = "unchanged" | "mine" | "theirs" | "both";

/** One field that differs, with both values as the user reads them. */
export type ConflictRow = { field: string; label: string; change: Exclude<FieldChange, "unchanged">; saved: string; yours: string };

/** What "Keep mine" does with a field that differs, in words. */
const OUTCOME: Record<Exclude<FieldChange, "unchanged">, string> = {
  both: "Changed in both. Keep mine keeps yours.",
  mine: "Changed here only. Keep mine keeps yours.",
  theirs: "Changed elsewhere only. Keep mine takes the saved one.",
};

type Props = {
  /** "Two versions of this week". */
  title: string;
  /** The section's id and test id ("week-conflict"). */
  id: string;
  /** When the newer version was saved, as the user reads it; null when unknown. */
  savedAt: string | null;
  rows: ConflictRow[];
  onKeepMine: (event: React.MouseEvent<HTMLButtonElement>) => void;
  onUseSaved: () => void;
};

/** A newer save beside what the user typed, field by field, so they can choose without losing either (a week, a story's narrative). */
export function VersionConflict({ title, id, savedAt, rows, onKeepMine, onUseSaved }: Props) {
  const one = rows.length === 1 && rows[0];
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-warning bg-warning-soft p-4" data-testid={id}>
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm">
        {savedAt ? `Saved elsewhere on ${savedAt}.` : "Saved elsewhere."}{" "}
        {rows.length === 0
          ? "It matches what you typed."
          : `${one ? "One field differs" : `${rows.length} fields differ`}. Keep mine saves the fields you changed and takes the others from the newer save; Use saved shows the newer save as it is.`}
      </p>
      {rows.length > 0 ? (
        <dl className="mt-3 space-y-3">
          {rows.map((row) => (
            <div key={row.field} data-field={row.field}>
              <dt className="text-sm">
                <span className="font-medium">{row.label}</span> <span className="text-muted">· {OUTCOME[row.change]}</span>
              </dt>
              <dd className="mt-1 grid gap-2 sm:grid-cols-2">
                <Version title="Saved elsewhere" value={row.saved} />
                <Version title="Yours (not saved yet)" value={row.yours} />
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

/** When a version was saved, in the user's zone: "Mon 14:05". */
export function formatSavedAt(savedAt: string | null, timeZone: string): string | null {
  return savedAt ? zonedDateTimeFormat(timeZone, { weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(savedAt)) : null;
}
