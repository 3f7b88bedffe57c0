import "server-only";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { toDateOnly, todayIn, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import { restorableSince } from "@/lib/shared/soft-delete";
import type { Department } from "@/lib/generated/prisma/enums";
import { cadenceStatus, sortStakeholders, type CadenceStatus, type StakeholderFilters, type StakeholderInput } from "@/lib/stakeholders.validation";
import { getCalendarSettings } from "@/lib/users";
import type { Viewer } from "@/lib/server/viewer";

/** How long a deleted stakeholder or touchpoint can be brought back. */

export type StakeholderOption = { id: string; name: string; department: Department };

export type StakeholderSummary = StakeholderOption &
  CadenceStatus & {
    role: string | null;
    cadenceDays: number | null;
    /** The latest non-deleted touchpoint's date, or null when never met. */
    lastMetOn: DateOnly | null;
  };

export type Stakeholder = StakeholderSummary & { notes: string | null; email: string | null; createdAt: Date };

export type StakeholderList = {
  /** Today in the viewer's zone: what "overdue" was measured against. */
  today: DateOnly;
  timeZone: string;
  /** How many stakeholders the viewer has at all, to tell "none yet" from "none match". */
  total: number;
  /** How many of them are overdue, whatever the filters. */
  overdueTotal: number;
  stakeholders: StakeholderSummary[];
};

type Clock = { now?: Date };

const NOT_FOUND = "That stakeholder";

const summarySelect = { id: true, name: true, role: true, department: true, cadenceDays: true, createdAt: true } as const;

/**
 * Last-met dates for the viewer's stakeholders, in one grouped query. Touchpoints
 * of a deleted stakeholder are deleted with it, so `deletedAt: null` is enough.
 */
async function lastMetByStakeholder(viewer: Viewer, stakeholderIds?: string[]): Promise<Map<string, DateOnly>> {
  const groups = await db.touchpoint.groupBy({
    by: ["stakeholderId"],
    where: { userId: viewer.userId, deletedAt: null, stakeholderId: stakeholderIds ? { in: stakeholderIds } : { not: null } },
    _max: { occurredOn: true },
  });
  const lastMet = new Map<string, DateOnly>();
  for (const group of groups) {
    if (group.stakeholderId && group._max.occurredOn) lastMet.set(group.stakeholderId, toDateOnly(group._max.occurredOn));
  }
  return lastMet;
}

type SummaryRow = { id: string; name: string; role: string | null; department: Department; cadenceDays: number | null; createdAt: Date };

/** `createdAt` is read for the cadence (counted from the day they were added, in the viewer's zone) and not passed on. */
function toSummary({ createdAt, ...row }: SummaryRow, lastMetOn: DateOnly | null, timeZone: string, today: DateOnly): StakeholderSummary {
  return { ...row, lastMetOn, ...cadenceStatus({ cadenceDays: row.cadenceDays, lastMetOn, addedOn: todayIn(timeZone, createdAt) }, today) };
}

function dataOf(input: StakeholderInput) {
  return { name: input.name, role: input.role, department: input.department, cadenceDays: input.cadenceDays, notes: input.notes, email: input.email };
}

export async function createStakeholder(viewer: Viewer, input: StakeholderInput, { now = new Date() }: Clock = {}): Promise<{ id: string }> {
  return db.stakeholder.create({ data: { ...dataOf(input), userId: viewer.userId, createdAt: now }, select: { id: true } });
}

export async function updateStakeholder(viewer: Viewer, id: string, input: StakeholderInput): Promise<void> {
  const { count } = await db.stakeholder.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data: dataOf(input) });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}

/** The viewer's stakeholder with last-met and overdue, or null when missing, deleted or someone else's. */
export async function getStakeholder(viewer: Viewer, id: string, { now = new Date() }: Clock = {}): Promise<Stakeholder | null> {
  const [row, lastMet, { timeZone }] = await Promise.all([
    db.stakeholder.findFirst({ where: { id, userId: viewer.userId, deletedAt: null }, select: { ...summarySelect, notes: true, email: true } }),
    lastMetByStakeholder(viewer, [id]),
    getCalendarSettings(viewer),
  ]);
  if (!row) return null;
  const { notes, email, ...summary } = row;
  return { ...toSummary(summary, lastMet.get(id) ?? null, timeZone, todayIn(timeZone, now)), notes, email, createdAt: row.createdAt };
}

/** The list page: last met and overdue for each, filtered and sorted as the URL asks. */
export async function listStakeholders(
  viewer: Viewer,
  filters: StakeholderFilters = { sort: "name", overdue: false },
  { now = new Date() }: Clock = {},
): Promise<StakeholderList> {
  const [rows, lastMet, { timeZone }] = await Promise.all([
    db.stakeholder.findMany({ where: { userId: viewer.userId, deletedAt: null }, select: summarySelect }),
    lastMetByStakeholder(viewer),
    getCalendarSettings(viewer),
  ]);
  const today = todayIn(timeZone, now);
  // A leader has tens of stakeholders, not thousands: filtering here keeps the total in the same read.
  const all = rows.map((row) => toSummary(row, lastMet.get(row.id) ?? null, timeZone, today));
  const stakeholders = all.filter(
    (stakeholder) => (!filters.department || stakeholder.department === filters.department) && (!filters.overdue || stakeholder.overdue),
  );
  return {
    today,
    timeZone,
    total: all.length,
    overdueTotal: all.filter((stakeholder) => stakeholder.overdue).length,
    stakeholders: sortStakeholders(stakeholders, filters.sort),
  };
}

/** For pickers: the viewer's stakeholders by name. */
export async function listStakeholderOptions(viewer: Viewer): Promise<StakeholderOption[]> {
  const rows = await db.stakeholder.findMany({
    where: { userId: viewer.userId, deletedAt: null },
    select: { id: true, name: true, department: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows;
}

/**
 * Soft delete: the stakeholder and their touchpoints disappear everywhere
 * (lists, counts, last met) and come back together on restore, because they
 * share the same deletion time.
 */
export async function deleteStakeholder(viewer: Viewer, id: string, { now = new Date() }: Clock = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.stakeholder.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data: { deletedAt: now } });
    if (count === 0) throw new NotFoundError(NOT_FOUND);
    await tx.touchpoint.updateMany({ where: { stakeholderId: id, userId: viewer.userId, deletedAt: null }, data: { deletedAt: now } });
  });
}

/** Undo a delete within the restore window; touchpoints deleted on their own stay deleted. */
export async function restoreStakeholder(viewer: Viewer, id: string, { now = new Date() }: Clock = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.stakeholder.findFirst({ where: { id, userId: viewer.userId, deletedAt: { not: null } }, select: { deletedAt: true } });
    if (!row?.deletedAt) throw new NotFoundError(NOT_FOUND);
    if (row.deletedAt < restorableSince(now)) {
      throw new ExpectedError("That stakeholder was deleted too long ago to restore.");
    }
    const deletedAt = row.deletedAt;
    const { count } = await tx.stakeholder.updateMany({ where: { id, userId: viewer.userId, deletedAt }, data: { deletedAt: null } });
    if (count === 0) throw new NotFoundError(NOT_FOUND);
    await tx.touchpoint.updateMany({ where: { stakeholderId: id, userId: viewer.userId, deletedAt }, data: { deletedAt: null } });
  });
}
