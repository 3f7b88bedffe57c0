import "server-only";
import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { fromDateOnly, toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { markdownExcerpt } from "@/lib/shared/markdown-text";
import { pageSlice } from "@/lib/shared/pagination";
import { restorableSince } from "@/lib/shared/soft-delete";
import type { Horizon, VisionNoteStatus } from "@/lib/generated/prisma/enums";
import { getCalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";
import { isDueForRevisit, type VisionNoteFilters, type VisionNoteInput } from "@/lib/vision-notes.validation";

export type VisionNoteSummary = {
  id: string;
  title: string;
  horizon: Horizon;
  tags: string[];
  status: VisionNoteStatus;
  revisitOn: DateOnly | null;
  updatedAt: Date;
  dueForRevisit: boolean;
};

/** A note in a list: its summary and the start of its text. */
export type VisionNoteListItem = VisionNoteSummary & {
  /** The first words of the body as plain text (Markdown stripped), "" when it has none. */
  excerpt: string;
};

export type VisionNote = VisionNoteSummary & {
  body: string;
  createdAt: Date;
  revisitCount: number;
  lastRevisitedAt: Date | null;
};

export type VisionNoteList = {
  /** Today in the viewer's zone: what "due" was measured against. */
  today: DateOnly;
  timeZone: string;
  /** Due for a revisit, most overdue first: those on this page. */
  due: VisionNoteListItem[];
  /** Everything else, after the due ones: best search match first, else most recently changed. Those on this page. */
  rest: VisionNoteListItem[];
  /** How many notes each group holds on every page together. */
  dueTotal: number;
  restTotal: number;
  /** 1-based, within 1…pages; one page when the list was asked for whole. */
  page: number;
  pages: number;
};

/** Notes per page of /notes. */
export const VISION_NOTES_PER_PAGE = 25;

const summarySelect = {
  id: true,
  title: true,
  horizon: true,
  tags: true,
  status: true,
  revisitOn: true,
  updatedAt: true,
} as const;

type SummaryRow = { id: string; title: string; horizon: Horizon; tags: string[]; status: VisionNoteStatus; revisitOn: Date | null; updatedAt: Date };

function toSummary(row: SummaryRow, today: DateOnly): VisionNoteSummary {
  const revisitOn = row.revisitOn ? toDateOnly(row.revisitOn) : null;
  return { ...row, revisitOn, dueForRevisit: isDueForRevisit({ revisitOn, status: row.status }, today) };
}

function dataOf(input: VisionNoteInput) {
  return {
    title: input.title,
    body: input.body,
    horizon: input.horizon,
    status: input.status,
    tags: input.tags,
    revisitOn: input.revisitOn ? fromDateOnly(input.revisitOn) : null,
  };
}

export async function createVisionNote(viewer: Viewer, input: VisionNoteInput): Promise<{ id: string }> {
  return db.visionNote.create({ data: { ...dataOf(input), userId: viewer.userId }, select: { id: true } });
}

export async function updateVisionNote(viewer: Viewer, id: string, input: VisionNoteInput, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const where = { id, userId: viewer.userId, deletedAt: null };
  const [, { count }] = await db.$transaction([
    // When the status moves, say when: the quarterly story lists the notes that changed status.
    db.visionNote.updateMany({ where: { ...where, status: { not: input.status } }, data: { statusChangedAt: now } }),
    db.visionNote.updateMany({ where, data: dataOf(input) }),
  ]);
  if (count === 0) throw new NotFoundError("That vision note");
}

/** The viewer's note, or null when it is missing, deleted or someone else's. */
export async function getVisionNote(viewer: Viewer, id: string, { now = new Date() }: { now?: Date } = {}): Promise<VisionNote | null> {
  const [row, { timeZone }] = await Promise.all([
    db.visionNote.findFirst({
      where: { id, userId: viewer.userId, deletedAt: null },
      select: {
        ...summarySelect,
        body: true,
        createdAt: true,
        _count: { select: { revisits: true } },
        revisits: { where: { userId: viewer.userId }, orderBy: { revisitedAt: "desc" }, take: 1, select: { revisitedAt: true } },
      },
    }),
    getCalendarSettings(viewer),
  ]);
  if (!row) return null;
  const { _count, revisits, body, createdAt, ...summary } = row;
  return {
    ...toSummary(summary, todayIn(timeZone, now)),
    body,
    createdAt,
    revisitCount: _count.revisits,
    lastRevisitedAt: revisits[0]?.revisitedAt ?? null,
  };
}

/** How much of a body the list reads for its excerpt: enough Markdown for a couple of lines of text. */
const EXCERPT_SOURCE_LENGTH = 1_000;
const EXCERPT_LENGTH = 240;

type ExcerptRow = { id: string; excerptSource: string; bodyLength: number };

/**
 * The viewer's notes, filtered: due ones first (most overdue first), then
 * the rest; with `page`, only that page's (`VISION_NOTES_PER_PAGE` to a page,
 * a page past the last shows the last), else all. A search is PostgreSQL
 * full-text search over the stored document of title, tags and body
 * (docs/decisions/017-search-everywhere.md), over every note whatever the
 * page, best match first: title and tag words weigh more than body words;
 * ties go to the most recently changed. Two statements: every matching
 * note's summary (small), then the start of the text of the notes shown.
 */
export async function listVisionNotes(
  viewer: Viewer,
  filters: VisionNoteFilters = {},
  { now = new Date(), page }: { now?: Date; page?: number } = {},
): Promise<VisionNoteList> {
  const { timeZone } = await getCalendarSettings(viewer);
  const today = todayIn(timeZone, now);
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;

  const rows = await db.$queryRaw<SummaryRow[]>`
    SELECT n."id", n."title", n."horizon"::text AS "horizon", n."tags", n."status"::text AS "status", n."revisitOn", n."updatedAt"
    FROM "VisionNote" n
    WHERE n."userId" = ${viewer.userId} AND n."deletedAt" IS NULL
      ${query ? Prisma.sql`AND n."search" @@ ${query}` : Prisma.empty}
      ${filters.horizon ? Prisma.sql`AND n."horizon"::text = ${filters.horizon}` : Prisma.empty}
      ${filters.status ? Prisma.sql`AND n."status"::text = ${filters.status}` : Prisma.empty}
      ${filters.tag ? Prisma.sql`AND ${filters.tag} = ANY (n."tags")` : Prisma.empty}
    ORDER BY ${query ? Prisma.sql`ts_rank(n."search", ${query}) DESC,` : Prisma.empty} n."updatedAt" DESC, n."id" ASC
  `;

  const notes = rows.map((row) => toSummary(row, today));
  const due = notes.filter((note) => note.dueForRevisit);
  // Most overdue first; a search keeps its ranking inside the group instead.
  if (!query) due.sort((a, b) => (a.revisitOn ?? "").localeCompare(b.revisitOn ?? ""));
  const rest = notes.filter((note) => !note.dueForRevisit);
  const slice = pageSlice(notes.length, page === undefined ? Math.max(1, notes.length) : VISION_NOTES_PER_PAGE, page ?? 1);
  const shown = [...due, ...rest].slice(slice.start, slice.end);

  const excerpts =
    shown.length === 0
      ? []
      : await db.$queryRaw<ExcerptRow[]>`
          SELECT n."id", left(n."body", ${EXCERPT_SOURCE_LENGTH}) AS "excerptSource", length(n."body") AS "bodyLength"
          FROM "VisionNote" n
          WHERE n."userId" = ${viewer.userId} AND n."id" IN (${Prisma.join(shown.map((note) => note.id))})
        `;
  const excerptOf = new Map(
    excerpts.map(({ id, excerptSource, bodyLength }) => [id, markdownExcerpt(excerptSource, EXCERPT_LENGTH, { truncated: bodyLength > EXCERPT_SOURCE_LENGTH })]),
  );
  // A note deleted between the two reads shows without its excerpt.
  const withExcerpts = shown.map((note): VisionNoteListItem => ({ ...note, excerpt: excerptOf.get(note.id) ?? "" }));
  return {
    today,
    timeZone,
    due: withExcerpts.filter((note) => note.dueForRevisit),
    rest: withExcerpts.filter((note) => !note.dueForRevisit),
    dueTotal: due.length,
    restTotal: rest.length,
    page: slice.page,
    pages: slice.pages,
  };
}

/** Every tag the viewer uses, for the filter. */
export async function listVisionNoteTags(viewer: Viewer): Promise<string[]> {
  const rows = await db.visionNote.findMany({ where: { userId: viewer.userId, deletedAt: null }, select: { tags: true } });
  return [...new Set(rows.flatMap((row) => row.tags))].sort();
}

/** A calendar date plus whole months; the 31st becomes the month's last day. */
function addMonthsTo(value: DateOnly, months: number): DateOnly {
  return format(addMonths(new TZDate(fromDateOnly(value).getTime(), "UTC"), months), "yyyy-MM-dd");
}

/**
 * Records a revisit and sets the next revisit date, counted from today in the
 * viewer's zone (null clears it). Both writes happen together or not at all.
 */
export async function markVisionNoteRevisited(
  viewer: Viewer,
  id: string,
  pushByMonths: number | null,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ revisitOn: DateOnly | null }> {
  const { timeZone } = await getCalendarSettings(viewer);
  const revisitOn = pushByMonths === null ? null : addMonthsTo(todayIn(timeZone, now), pushByMonths);
  await db.$transaction(async (tx) => {
    const { count } = await tx.visionNote.updateMany({
      where: { id, userId: viewer.userId, deletedAt: null },
      data: { revisitOn: revisitOn ? fromDateOnly(revisitOn) : null },
    });
    if (count === 0) throw new NotFoundError("That vision note");
    await tx.visionNoteRevisit.create({ data: { userId: viewer.userId, noteId: id, revisitedAt: now } });
  });
  return { revisitOn };
}

/** Soft delete: the note disappears everywhere but can be restored. */
export async function deleteVisionNote(viewer: Viewer, id: string): Promise<void> {
  const { count } = await db.visionNote.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data: { deletedAt: new Date() } });
  if (count === 0) throw new NotFoundError("That vision note");
}

export async function restoreVisionNote(viewer: Viewer, id: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const { count } = await db.visionNote.updateMany({
    where: { id, userId: viewer.userId, deletedAt: { gte: restorableSince(now) } },
    data: { deletedAt: null },
  });
  if (count > 0) return;
  const deleted = await db.visionNote.findFirst({ where: { id, userId: viewer.userId, deletedAt: { not: null } }, select: { id: true } });
  // Say why when it is the viewer's own note; anyone else's is simply not found.
  if (deleted) throw new ExpectedError("That vision note was deleted too long ago to restore.");
  throw new NotFoundError("That vision note");
}
