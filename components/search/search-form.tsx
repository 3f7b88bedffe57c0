import Form from "next/form";
import { Button } from "@/components/ui/button";
import { FieldShell } from "@/components/ui/field";
import { SEARCH_QUERY_MAX } from "@/lib/search.validation";

const control =
  "block w-full rounded-md border border-border-strong bg-surface px-3 py-2 text-base text-text placeholder:text-muted aria-[invalid=true]:border-danger sm:text-sm";

/**
 * A GET form: the search lives in the URL (/search?q=…), so it can be
 * bookmarked, shared with oneself, and opened from the command menu. Enter
 * searches; a new search covers every kind again.
 */
export function SearchForm({ q, error }: { q: string; error?: string }) {
  return (
    <Form action="/search" role="search" aria-label="Search everything" className="mb-6">
      <FieldShell name="q" label="Search weeks, touchpoints, stakeholders and vision notes" errors={error ? [error] : undefined}>
        <div className="flex gap-2">
          <input
            id="field-q"
            name="q"
            type="search"
            // Keyed by the query: a new URL (back/forward, a link) shows its own words.
            key={q}
            defaultValue={q}
            // The page is for searching: start typing at once, unless showing results.
            autoFocus={q === ""}
            maxLength={SEARCH_QUERY_MAX}
            enterKeyHint="search"
            autoComplete="off"
            placeholder="Words, a “phrase”, -exclude"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "field-q-error" : undefined}
            className={control}
          />
          <Button type="submit" className="shrink-0">
            Search
          </Button>
        </div>
      </FieldShell>
    </Form>
  );
}
