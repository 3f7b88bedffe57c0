// The search box's rules (/search?q=…), shared by the page and lib/search.ts.
import { z } from "zod";

export const SEARCH_QUERY_MAX = 200;

/** What one search finds, in the order the page shows the groups. */
export const SEARCH_KINDS = {
  week: "Weeks",
  touchpoint: "Touchpoints",
  stakeholder: "Stakeholders",
  note: "Vision notes",
} as const;

export type SearchKind = keyof typeof SEARCH_KINDS;

const kinds = Object.keys(SEARCH_KINDS) as [SearchKind, ...SearchKind[]];

/** The first value of a query-string parameter (`?q=a&q=b` gives "a"). */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The search as read from the URL. The words go to PostgreSQL's
 * websearch_to_tsquery, which accepts any text, so only the length is a rule;
 * control characters (NUL cannot even be sent to PostgreSQL) become spaces,
 * which is what they separate anyway.
 */
export const searchParamsSchema = z.object({
  q: z.preprocess(
    firstValue,
    z
      .string()
      .catch("")
      .transform((value) => (value.isWellFormed() ? value : value.toWellFormed()).replace(/[\u0000-\u001f\u007f]+/g, " ").trim())
      .pipe(z.string().max(SEARCH_QUERY_MAX, `Keep the search under ${SEARCH_QUERY_MAX} characters.`)),
  ),
  // Only one kind, with more of its results; anything else searches them all.
  kind: z.preprocess(firstValue, z.enum(kinds).optional().catch(undefined)),
});

export type SearchParams = z.output<typeof searchParamsSchema>;

/** One stretch of a snippet: the words that matched are `marked`. */
export type HighlightSegment = { text: string; marked: boolean };

// PostgreSQL's ts_headline marks matches with these, in place of its default
// <b>…</b>: characters nobody types (lib/search.ts removes them from the text
// first), so no user text can pass for a mark and no markup ever reaches the page.
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** "a \u0002b\u0003 c" → [{ text: "a " }, { text: "b", marked }, { text: " c" }]. */
export function parseHighlight(snippet: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  for (const part of snippet.split(new RegExp(`([${MARK_START}${MARK_END}])`))) {
    if (part === MARK_START) marked = true;
    else if (part === MARK_END) marked = false;
    else if (part !== "") segments.push({ text: part, marked });
  }
  return segments;
}
