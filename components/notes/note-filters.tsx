import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { VisionNoteFilters } from "@/lib/vision-notes.validation";
import { HORIZONS, VISION_NOTE_STATUSES, optionsOf } from "@/lib/shared/vocabulary";

type Props = { filters: VisionNoteFilters; tags: string[] };

export function hasActiveFilters(filters: VisionNoteFilters): boolean {
  return Boolean(filters.q || filters.horizon || filters.status || filters.tag);
}

/** A GET form: the search and filters live in the URL, so any view can be bookmarked. */
export function NoteFilters({ filters, tags }: Props) {
  // Keep a filtered tag selectable even when no note carries it any more.
  const tagOptions = filters.tag && !tags.includes(filters.tag) ? [...tags, filters.tag] : tags;
  return (
    // Keyed by the filters: fields hold what they were given at mount, so a new URL (a
    // "clear" link, back/forward) must remount them to show its values.
    <Form key={JSON.stringify(filters)} action="/notes" role="search" aria-label="Search vision notes" className="mb-8 rounded-lg border border-border bg-surface p-4">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-[2fr_1fr_1fr_1fr]">
        <div className="col-span-2 lg:col-span-1">
          <TextField name="q" label="Search" type="search" defaultValue={filters.q ?? ""} placeholder="Words from a title, tag or note" />
        </div>
        <SelectField name="horizon" label="Horizon" defaultValue={filters.horizon ?? ""} options={[{ value: "", label: "Any horizon" }, ...optionsOf(HORIZONS)]} />
        <SelectField name="status" label="Status" defaultValue={filters.status ?? ""} options={[{ value: "", label: "Any status" }, ...optionsOf(VISION_NOTE_STATUSES)]} />
        <SelectField name="tag" label="Tag" defaultValue={filters.tag ?? ""} options={[{ value: "", label: "Any tag" }, ...tagOptions.map((tag) => ({ value: tag, label: tag }))]} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {hasActiveFilters(filters) ? (
          <Link href="/notes" className="text-sm text-accent underline-offset-2 hover:underline">
            Clear search and filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
