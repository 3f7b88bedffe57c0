"use client";

import { useRouter } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import type { FormState } from "@/lib/shared/forms";
import { HORIZONS, VISION_NOTE_STATUSES, optionsOf } from "@/lib/shared/vocabulary";
import { TAGS_MAX, updateVisionNoteSchema, visionNoteSchema } from "@/lib/vision-notes.validation";

export type VisionNoteFormValues = {
  id: string;
  title: string;
  body: string;
  horizon: string;
  status: string;
  tags: string[];
  revisitOn: string | null;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The saved note when editing; nothing when writing a new one. */
  note?: VisionNoteFormValues;
  cancelHref: string;
};

/** Writes or edits a vision note; on success the server answers with the note's id and we open it. */
export function VisionNoteForm({ action, note, cancelHref }: Props) {
  const router = useRouter();
  return (
    <ActionForm
      action={action}
      schema={note ? updateVisionNoteSchema : visionNoteSchema}
      submitLabel={note ? "Save changes" : "Save vision note"}
      warnOnLeave
      aria-label={note ? "Edit vision note" : "New vision note"}
      onResult={(state) => {
        const id = state.status === "success" ? (state.data as { id?: string } | undefined)?.id : undefined;
        if (id) router.push(`/notes/${id}`);
      }}
      extraActions={
        <LinkButton href={cancelHref} variant="ghost">
          Cancel
        </LinkButton>
      }
    >
      {note ? <input type="hidden" name="id" value={note.id} /> : null}
      <TextField name="title" label="Title" defaultValue={note?.title ?? ""} required help="The bet or anticipation, in one line." />
      <TextAreaField
        name="body"
        label="Note"
        rows={12}
        defaultValue={note?.body ?? ""}
        help="Markdown works: **bold**, lists with -, [links](https://example.com), > quotes."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField name="horizon" label="Horizon" defaultValue={note?.horizon ?? "ONE_YEAR"} options={optionsOf(HORIZONS)} help="How far ahead this looks." />
        <SelectField name="status" label="Status" defaultValue={note?.status ?? "OPEN"} options={optionsOf(VISION_NOTE_STATUSES)} />
      </div>
      <TextField
        name="tags"
        label="Tags"
        defaultValue={note?.tags.join(", ") ?? ""}
        autoComplete="off"
        help={`Separate with commas, up to ${TAGS_MAX}: hiring, platform, pricing.`}
      />
      <TextField
        name="revisitOn"
        label="Revisit on (optional)"
        type="date"
        defaultValue={note?.revisitOn ?? ""}
        help="The note shows up as due for a revisit from this day."
      />
    </ActionForm>
  );
}
