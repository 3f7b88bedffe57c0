import "server-only";
import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { fromDateOnly, toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { markdownExcerpt } from "@/lib/shared/markdown-text";
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
  /** Due for a revisit, most overdue first. */
  due: VisionNoteListItem[];
  /** Everything else: best search match first, else most recently changed. */
  rest: VisionNoteListItem[];
};

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

type ListRow = SummaryRow & { excerptSource: string; bodyLength: number };

/**
 * The viewer's notes, filtered, in one statement. A search is PostgreSQL
 * full-text search over the stored document of title, tags and body
 * (docs/decisions/017-search-everywhere.md), best match first: title and tag
 * words weigh more than body words; ties go to the most recently changed.
 */
export async function listVisionNotes(viewer: Viewer, filters: VisionNoteFilters = {}, { now = new Date() }: { now?: Date } = {}): Promise<VisionNoteList> {
  const { timeZone } = await getCalendarSettings(viewer);
  const today = todayIn(timeZone, now);
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;

  const rows = await db.$queryRaw<ListRow[]>`
    SELECT n."id", n."title", n."horizon"::text AS "horizon", n."tags", n."status"::text AS "status", n."revisitOn", n."updatedAt",
           left(n."body", ${EXCERPT_SOURCE_LENGTH}) AS "excerptSource", length(n."body") AS "bodyLength"
    FROM "VisionNote" n
    WHERE n."userId" = ${viewer.userId} AND n."deletedAt" IS NULL
      ${query ? Prisma.sql`AND n."search" @@ ${query}` : Prisma.empty}
      ${filters.horizon ? Prisma.sql`AND n."horizon"::text = ${filters.horizon}` : Prisma.empty}
      ${filters.status ? Prisma.sql`AND n."status"::text = ${filters.status}` : Prisma.empty}
      ${filters.tag ? Prisma.sql`AND ${filters.tag} = ANY (n."tags")` : Prisma.empty}
    ORDER BY ${query ? Prisma.sql`ts_rank(n."search", ${query}) DESC,` : Prisma.empty} n."updatedAt" DESC, n."id" ASC
  `;

  const notes = rows.map(({ excerptSource, bodyLength, ...row }) => ({
    ...toSummary(row, today),
    excerpt: markdownExcerpt(excerptSource, EXCERPT_LENGTH, { truncated: bodyLength > EXCERPT_SOURCE_LENGTH }),
  }));
  const due = notes.filter((note) => note.dueForRevisit);
  // Most overdue first; a search keeps its ranking inside the group instead.
  if (!query) due.sort((a, b) => (a.revisitOn ?? "").localeCompare(b.revisitOn ?? ""));
  return { today, timeZone, due, rest: notes.filter((note) => !note.dueForRevisit) };
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
