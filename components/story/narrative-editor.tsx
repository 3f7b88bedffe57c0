"use client";

import type { ReactNode } from "react";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { useVersionedForm } from "@/components/ui/use-versioned-form";
import { formatSavedAt, VersionConflict, type FieldChange } from "@/components/ui/version-conflict";
import { fieldChange, takenFromNewerSave, valueOf } from "@/components/weeks/week-values";
import type { FormState, FormValues } from "@/lib/shared/forms";
import type { SavedNarrative } from "@/lib/story/story";
import { narrativeSchema } from "@/lib/story/story.validation";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The narrative as saved when the page loaded; version 0 holds the draft gathered from the weeks. */
  narrative: SavedNarrative;
  timeZone: string;
  /** Beside the save button: the link that closes the editor. */
  extraActions?: ReactNode;
};

const valuesOf = (narrative: SavedNarrative) => ({ body: narrative.body });

/**
 * The leader's narrative of the quarter, in Markdown. Saved with the same
 * version check as a week: a save from another tab or device in between is
 * shown beside what was typed, and neither is lost.
 */
export function NarrativeEditor({ action, narrative, timeZone, extraActions }: Props) {
  const { version, base, shown, conflict, formKey, rootRef, onResult, keepMine, takeSaved } = useVersionedForm({
    loaded: narrative,
    savedKey: "narrative",
    takenFromNewer: (from, saved, typed) => takenFromNewerSave(valuesOf(from), valuesOf(saved), typed),
    firstField: "body",
    usedSavedMessage: "Showing the saved version of your narrative.",
  });

  return (
    <div ref={rootRef}>
      <ActionForm key={formKey} action={action} schema={narrativeSchema} submitLabel="Save narrative" warnOnLeave onResult={onResult} extraActions={extraActions} aria-label="Narrative">
        <input type="hidden" name="quarter" value={narrative.quarter} readOnly />
        <input type="hidden" name="version" value={version} readOnly />
        {conflict ? (
          <VersionConflict
            title="Two versions of your narrative"
            id="narrative-conflict"
            savedAt={formatSavedAt(conflict.saved.savedAt, timeZone)}
            rows={rowsOf(base, conflict.saved, conflict.typed)}
            onKeepMine={keepMine}
            onUseSaved={takeSaved}
          />
        ) : null}
        <TextAreaField
          name="body"
          label="Your narrative"
          help={
            shown.version === 0
              ? "A draft gathered from your weeks' highlights and reflections, in your own words. Edit it, then save. Markdown works: ## headings, **bold**, lists and links."
              : "Markdown works: ## headings, **bold**, lists and links."
          }
          defaultValue={shown.body}
          rows={16}
        />
      </ActionForm>
    </div>
  );
}

function rowsOf(base: SavedNarrative, saved: SavedNarrative, typed: FormValues) {
  const yours = valueOf(typed, "body");
  const change = fieldChange("body", valuesOf(base), valuesOf(saved), typed);
  if (change === "unchanged" || saved.body.trim() === yours.trim()) return [];
  return [{ field: "body", label: "Narrative", change: change as Exclude<FieldChange, "unchanged">, saved: saved.body || "(empty)", yours: yours || "(empty)" }];
}
