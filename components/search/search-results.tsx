import Link from "next/link";
import { Highlighted } from "@/components/search/highlighted";
import { formatDateOnly } from "@/lib/shared/dates";
import { DEPARTMENTS, HORIZONS } from "@/lib/shared/vocabulary";
import type { SearchGroup, SearchHit, SearchResults } from "@/lib/search";
import { SEARCH_KINDS, type SearchKind } from "@/lib/search.validation";

const SHORT_DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

/** "1 touchpoint", "3 vision notes". */
function countOf(kind: SearchKind, count: number): string {
  const plural = SEARCH_KINDS[kind].toLowerCase();
  return `${count} ${count === 1 ? plural.replace(/s$/, "") : plural}`;
}

export function searchHref(q: string, kind?: SearchKind): string {
  return `/search?${new URLSearchParams(kind ? { q, kind } : { q })}`;
}

/** What the item is, where and when, in words. */
function hitDetails(hit: SearchHit): string[] {
  switch (hit.kind) {
    case "week":
      return [];
    case "touchpoint":
      return [formatDateOnly(hit.occurredOn, SHORT_DATE), hit.stakeholderName ?? "Group meeting", DEPARTMENTS[hit.department]];
    case "stakeholder":
      return [DEPARTMENTS[hit.department]];
    case "note":
      return [HORIZONS[hit.horizon], ...hit.tags.map((tag) => `#${tag}`)];
  }
}

function Hit({ hit }: { hit: SearchHit }) {
  const details = hitDetails(hit);
  return (
    <li className="rounded-lg border border-border bg-surface p-4">
      <h3 className="font-semibold break-words">
        <Link href={hit.href} className="hover:underline">
          {hit.kind === "week" ? `Week of ${formatDateOnly(hit.startsOn, SHORT_DATE)}` : <Highlighted segments={hit.title} />}
        </Link>
      </h3>
      {details.length > 0 ? <p className="mt-1 text-sm text-muted">{details.join(" · ")}</p> : null}
      {hit.snippet.length > 0 ? (
        <p className="mt-2 line-clamp-3 text-sm break-words">
          <Highlighted segments={hit.snippet} />
        </p>
      ) : null}
    </li>
  );
}

function Group({ group, q, single }: { group: SearchGroup; q: string; single: boolean }) {
  const id = `results-${group.kind}`;
  const more = group.total - group.hits.length;
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="text-lg font-semibold">
        {SEARCH_KINDS[group.kind]} <span className="tabular text-base font-normal text-muted">({group.total})</span>
      </h2>
      <ul className="mt-3 grid gap-3">
        {group.hits.map((hit) => (
          <Hit key={hit.id} hit={hit} />
        ))}
      </ul>
      {more > 0 ? (
        single ? (
          <p className="mt-3 text-sm text-muted">
            These are the best {group.hits.length} of {group.total}. Add a word to narrow the search down.
          </p>
        ) : (
          <p className="mt-3 text-sm">
            <Link href={searchHref(q, group.kind)} className="text-accent underline-offset-2 hover:underline">
              Show all {countOf(group.kind, group.total)}
            </Link>
          </p>
        )
      ) : null}
    </section>
  );
}

/** The results, one section per kind that has any, in a fixed order so the page reads the same every time. */
export function SearchResultsList({ results, q, kind }: { results: SearchResults; q: string; kind?: SearchKind }) {
  const groups = results.groups.filter((group) => group.total > 0);
  return (
    <>
      <p className="mb-6 text-sm text-muted" role="status">
        {results.total === 1 ? "1 result" : `${results.total} results`} for “{q}”: {groups.map((group) => countOf(group.kind, group.total)).join(", ")}.
        {kind ? (
          <>
            {" "}
            <Link href={searchHref(q)} className="text-accent underline-offset-2 hover:underline">
              Search everything for “{q}”
            </Link>
          </>
        ) : null}
      </p>
      {groups.map((group) => (
        <Group key={group.kind} group={group} q={q} single={Boolean(kind)} />
      ))}
    </>
  );
}

/** How to search, said once where it helps: before the first search and when nothing matched. */
export function SearchTips() {
  return (
    <p>
      Words also find their other forms (“hire” finds “hiring”). Put a phrase in “quotes”, leave a word out with a minus (-sales), or
      find either word with or. Very common words such as “the” are skipped.
    </p>
  );
}
