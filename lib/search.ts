import "server-only";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Department, Horizon } from "@/lib/generated/prisma/enums";
import { toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { markdownToText } from "@/lib/shared/markdown-text";
import type { Viewer } from "@/lib/server/viewer";
import { MARK_END, MARK_START, SEARCH_KINDS, parseHighlight, type HighlightSegment, type SearchKind, type SearchParams } from "@/lib/search.validation";

type HitBase = {
  id: string;
  /** Where the item lives in the app. */
  href: string;
  /** The item's name with the matching words marked; empty for a week, which is named by its date. */
  title: HighlightSegment[];
  /** A few words around the matches in the item's text, as text (Markdown stripped). */
  snippet: HighlightSegment[];
};

export type SearchHit =
  | (HitBase & { kind: "week"; startsOn: DateOnly })
  | (HitBase & { kind: "touchpoint"; occurredOn: DateOnly; stakeholderName: string | null; department: Department })
  | (HitBase & { kind: "stakeholder"; department: Department })
  | (HitBase & { kind: "note"; horizon: Horizon; tags: string[] });

export type SearchGroup = { kind: SearchKind; total: number; hits: SearchHit[] };

export type SearchResults = {
  /** Every kind, in the page's order; `hits` holds the best `limit` of `total`. */
  groups: SearchGroup[];
  total: number;
};

/** Hits per kind when all kinds are shown, and when one is. */
export const SEARCH_LIMITS = { overview: 5, kind: 50 } as const;

// ts_headline's options. Matches are marked with MARK_START/MARK_END, never
// HTML. A name, or a text short enough to show whole, comes back whole; a
// longer text as up to two fragments around the matches.
const WHOLE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const FRAGMENT_OPTIONS = `MaxFragments=2, MaxWords=22, MinWords=10, ShortWord=2, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;
/** Characters of text a snippet shows whole (about two lines of a result). */
const WHOLE_SNIPPET_LENGTH = 200;
// ts_headline drops anything that looks like an HTML tag from the text it
// returns, and our marks must be the only ones: so "<" is swapped for a
// character nobody types (and put back after), and the mark characters are
// removed from the text before it is marked.
const LESS_THAN_STAND_IN = "\u0001";
const SWAP_FROM = `<${LESS_THAN_STAND_IN}${MARK_START}${MARK_END}`;

type Row = {
  kind: SearchKind;
  id: string;
  total: number;
  day: Date | null;
  title: string | null;
  snippet: string | null;
  refId: string | null;
  refName: string | null;
  detail: string | null;
  tags: string[] | null;
};

// One ranked branch per kind, each with the owner in its WHERE (and so on the
// GIN index and the owner's rows only). Every branch yields the same columns:
// the item's name and text (headlined below), a date, a related item (a
// touchpoint's stakeholder), an enum as text, a note's tags, the kind's total
// and each hit's place in it.
function branch(kind: SearchKind, viewer: Viewer, query: Prisma.Sql, limit: number): Prisma.Sql {
  const ranked = (order: Prisma.Sql) => Prisma.sql`count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS position`;
  switch (kind) {
    case "week": {
      const order = Prisma.sql`ts_rank(w."search", ${query}) DESC, w."startsOn" DESC`;
      return Prisma.sql`
        SELECT 'week' AS kind, w."id", w."startsOn" AS day, NULL::text AS title,
               concat_ws(E'\n', w."highlights", w."reflectionStrategy", w."reflectionStory", w."reflectionRelationships", w."reflectionVision") AS body,
               NULL::text AS "refId", NULL::text AS "refName", NULL::text AS detail, NULL::text[] AS tags, ${ranked(order)}
        FROM "Week" w
        WHERE w."userId" = ${viewer.userId} AND w."search" @@ ${query}
        ORDER BY ${order}
        LIMIT ${limit}`;
    }
    case "touchpoint": {
      // A deleted stakeholder's touchpoints are deleted with it, so "deletedAt" covers both.
      const order = Prisma.sql`ts_rank(t."search", ${query}) DESC, t."occurredOn" DESC, t."id"`;
      return Prisma.sql`
        SELECT 'touchpoint' AS kind, t."id", t."occurredOn" AS day, t."topic" AS title, t."outcome" AS body,
               t."stakeholderId" AS "refId", s."name" AS "refName", t."department"::text AS detail, NULL::text[] AS tags, ${ranked(order)}
        FROM "Touchpoint" t
        LEFT JOIN "Stakeholder" s ON s."id" = t."stakeholderId" AND s."userId" = t."userId"
        WHERE t."userId" = ${viewer.userId} AND t."deletedAt" IS NULL AND t."search" @@ ${query}
        ORDER BY ${order}
        LIMIT ${limit}`;
    }
    case "stakeholder": {
      const order = Prisma.sql`ts_rank(s."search", ${query}) DESC, s."name", s."id"`;
      return Prisma.sql`
        SELECT 'stakeholder' AS kind, s."id", NULL::date AS day, s."name" AS title, concat_ws(E'\n', s."role", s."notes") AS body,
               NULL::text AS "refId", NULL::text AS "refName", s."department"::text AS detail, NULL::text[] AS tags, ${ranked(order)}
        FROM "Stakeholder" s
        WHERE s."userId" = ${viewer.userId} AND s."deletedAt" IS NULL AND s."search" @@ ${query}
        ORDER BY ${order}
        LIMIT ${limit}`;
    }
    case "note": {
      const order = Prisma.sql`ts_rank(n."search", ${query}) DESC, n."updatedAt" DESC, n."id"`;
      return Prisma.sql`
        SELECT 'note' AS kind, n."id", NULL::date AS day, n."title" AS title, n."body" AS body,
               NULL::text AS "refId", NULL::text AS "refName", n."horizon"::text AS detail, n."tags" AS tags, ${ranked(order)}
        FROM "VisionNote" n
        WHERE n."userId" = ${viewer.userId} AND n."deletedAt" IS NULL AND n."search" @@ ${query}
        ORDER BY ${order}
        LIMIT ${limit}`;
    }
  }
}

const KIND_ORDER = Object.keys(SEARCH_KINDS) as SearchKind[];

const headline = (text: Prisma.Sql, query: Prisma.Sql, options: string) =>
  Prisma.sql`replace(ts_headline('english', translate(${text}, ${SWAP_FROM}, ${LESS_THAN_STAND_IN}), ${query}, ${options}), ${LESS_THAN_STAND_IN}, '<')`;

/** Text out of ts_headline as segments; Markdown kinds lose their markup first (the marks are kept). */
function segmentsOf(text: string | null, { markdown }: { markdown: boolean }): HighlightSegment[] {
  if (!text) return [];
  return parseHighlight(markdown ? markdownToText(text) : text.replace(/\s+/g, " ").trim());
}

function toHit(row: Row): SearchHit {
  const title = segmentsOf(row.title, { markdown: false });
  const base = { id: row.id, title };
  switch (row.kind) {
    case "week": {
      const startsOn = toDateOnly(row.day!);
      return { ...base, kind: "week", startsOn, href: `/weeks/${startsOn}`, snippet: segmentsOf(row.snippet, { markdown: true }) };
    }
    case "touchpoint":
      return {
        ...base,
        kind: "touchpoint",
        occurredOn: toDateOnly(row.day!),
        stakeholderName: row.refName,
        department: row.detail as Department,
        // A touchpoint shows on its stakeholder's page; a group meeting only opens for editing.
        href: row.refId ? `/stakeholders/${encodeURIComponent(row.refId)}` : `/touchpoints/${encodeURIComponent(row.id)}/edit`,
        snippet: segmentsOf(row.snippet, { markdown: false }),
      };
    case "stakeholder":
      return {
        ...base,
        kind: "stakeholder",
        department: row.detail as Department,
        href: `/stakeholders/${encodeURIComponent(row.id)}`,
        snippet: segmentsOf(row.snippet, { markdown: false }),
      };
    case "note":
      return {
        ...base,
        kind: "note",
        horizon: row.detail as Horizon,
        tags: row.tags ?? [],
        href: `/notes/${encodeURIComponent(row.id)}`,
        snippet: segmentsOf(row.snippet, { markdown: true }),
      };
  }
}

/**
 * The viewer's weeks, touchpoints, stakeholders and vision notes that match
 * `q`, best first within each kind, in one statement (docs/decisions/017-search-everywhere.md).
 * With `kind`, only that kind, with more of its hits. Never another user's
 * row, never a deleted one; any text is a valid query (web search syntax:
 * "a phrase", -exclude, or).
 */
export async function searchEverything(viewer: Viewer, { q, kind }: Pick<SearchParams, "q" | "kind">): Promise<SearchResults> {
  const kinds = kind ? [kind] : KIND_ORDER;
  const limit = kind ? SEARCH_LIMITS.kind : SEARCH_LIMITS.overview;
  // Inline in every branch (not a joined CTE): a stable function of a bound
  // parameter is computed once and lets each branch use its GIN index.
  const query = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const rows = await db.$queryRaw<Row[]>`
    WITH hits AS (${Prisma.join(
      kinds.map((each) => Prisma.sql`(${branch(each, viewer, query, limit)})`),
      " UNION ALL ",
    )})
    SELECT hits.kind, hits."id", hits.total::int AS total, hits.day, hits."refId", hits."refName", hits.detail, hits.tags,
           ${headline(Prisma.sql`hits.title`, query, WHOLE_OPTIONS)} AS title,
           CASE WHEN length(hits.body) <= ${WHOLE_SNIPPET_LENGTH} THEN ${headline(Prisma.sql`hits.body`, query, WHOLE_OPTIONS)}
                ELSE ${headline(Prisma.sql`hits.body`, query, FRAGMENT_OPTIONS)} END AS snippet
    FROM hits
    ORDER BY hits.position
  `;

  const groups = kinds.map((each): SearchGroup => {
    const ofKind = rows.filter((row) => row.kind === each);
    return { kind: each, total: ofKind[0]?.total ?? 0, hits: ofKind.map(toHit) };
  });
  return { groups, total: groups.reduce((sum, group) => sum + group.total, 0) };
}
