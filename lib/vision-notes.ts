import "server-only";
import { TZDate } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { ExpectedError, NotFoundError } from "@/lib/server/actions";
import { fromDateOnly, toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
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
  due: VisionNoteSummary[];
  /** Everything else: best search match first, else most recently changed. */
  rest: VisionNoteSummary[];
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

export async function updateVisionNote(viewer: Viewer, id: string, input: VisionNoteInput): Promise<void> {
  const { count } = await db.visionNote.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data: dataOf(input) });
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

/**
 * Ids of the viewer's notes that match a search, best first. PostgreSQL
 * full-text search, with the document built at query time from the viewer's
 * own rows (see docs/decisions/003-vision-note-search.md); title words weigh
 * more than body words.
 */
async function searchVisionNoteIds(viewer: Viewer, query: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH owned AS (
      SELECT n."id", n."updatedAt",
             setweight(to_tsvector('english', n."title"), 'A') || setweight(to_tsvector('english', n."body"), 'B') AS document
      FROM "VisionNote" n
      WHERE n."userId" = ${viewer.userId} AND n."deletedAt" IS NULL
    )
    SELECT owned."id"
    FROM owned, websearch_to_tsquery('english', ${query}) AS query
    WHERE owned.document @@ query
    ORDER BY ts_rank(owned.document, query) DESC, owned."updatedAt" DESC
  `;
  return rows.map((row) => row.id);
}

export async function listVisionNotes(viewer: Viewer, filters: VisionNoteFilters = {}, { now = new Date() }: { now?: Date } = {}): Promise<VisionNoteList> {
  const { timeZone } = await getCalendarSettings(viewer);
  const today = todayIn(timeZone, now);
  const matchingIds = filters.q ? await searchVisionNoteIds(viewer, filters.q) : null;
  if (matchingIds?.length === 0) return { today, timeZone, due: [], rest: [] };

  const rows = await db.visionNote.findMany({
    where: {
      userId: viewer.userId,
      deletedAt: null,
      ...(matchingIds ? { id: { in: matchingIds } } : {}),
      ...(filters.horizon ? { horizon: filters.horizon } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    },
    select: summarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  if (matchingIds) {
    const rank = new Map(matchingIds.map((id, index) => [id, index]));
    rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }

  const notes = rows.map((row) => toSummary(row, today));
  const due = notes.filter((note) => note.dueForRevisit);
  // Most overdue first; a search keeps its ranking inside the group instead.
  if (!matchingIds) due.sort((a, b) => (a.revisitOn ?? "").localeCompare(b.revisitOn ?? ""));
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
