import "server-only";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import { fromDateOnly, toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { db } from "@/lib/server/db";
import type { Department, TouchpointChannel } from "@/lib/generated/prisma/enums";
import { restorableSince } from "@/lib/shared/soft-delete";
import type { TouchpointInput } from "@/lib/touchpoints.validation";
import type { Viewer } from "@/lib/server/viewer";
import { pageSlice, type PageSlice } from "@/lib/shared/pagination";

export type Touchpoint = {
  id: string;
  occurredOn: DateOnly;
  channel: TouchpointChannel;
  topic: string;
  outcome: string | null;
  /** Its outcome is one to tell in the quarterly story. */
  notable: boolean;
  /** The stakeholder's department, or the department met in a group meeting. */
  department: Department;
  /** Null for a group meeting with a department. */
  stakeholder: { id: string; name: string } | null;
};

/**
 * A stakeholder id that is not one of the viewer's live stakeholders. It is
 * answered like any missing row, with the message at the form's stakeholder field.
 */
export class StakeholderNotFoundError extends NotFoundError {
  override readonly field = "stakeholderId";

  constructor() {
    super();
    this.message = "Choose one of your stakeholders.";
  }
}

const NOT_FOUND = "That touchpoint";

const touchpointSelect = {
  id: true,
  occurredOn: true,
  channel: true,
  topic: true,
  outcome: true,
  notable: true,
  department: true,
  stakeholder: { select: { id: true, name: true } },
} as const;

type TouchpointRow = Omit<Touchpoint, "occurredOn"> & { occurredOn: Date };

function toTouchpoint(row: TouchpointRow): Touchpoint {
  return { ...row, occurredOn: toDateOnly(row.occurredOn) };
}

const newestFirst = [{ occurredOn: "desc" }, { createdAt: "desc" }, { id: "asc" }] as const;

/**
 * The row to write: the stakeholder must be one of the viewer's live ones
 * (checked here, with the owner in the `where`), and their department is
 * copied so coverage can be grouped by department.
 */
async function dataOf(viewer: Viewer, input: TouchpointInput) {
  const common = { occurredOn: fromDateOnly(input.occurredOn), channel: input.channel, topic: input.topic, outcome: input.outcome, notable: input.notable };
  if (input.with.kind === "department") return { ...common, stakeholderId: null, department: input.with.department };
  const stakeholder = await db.stakeholder.findFirst({
    where: { id: input.with.stakeholderId, userId: viewer.userId, deletedAt: null },
    select: { id: true, department: true },
  });
  if (!stakeholder) throw new StakeholderNotFoundError();
  return { ...common, stakeholderId: stakeholder.id, department: stakeholder.department };
}

export async function createTouchpoint(viewer: Viewer, input: TouchpointInput): Promise<{ id: string }> {
  const data = await dataOf(viewer, input);
  return db.touchpoint.create({ data: { ...data, userId: viewer.userId }, select: { id: true } });
}

export async function updateTouchpoint(viewer: Viewer, id: string, input: TouchpointInput): Promise<void> {
  const data = await dataOf(viewer, input);
  const { count } = await db.touchpoint.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}

/** The viewer's touchpoint, or null when it is missing, deleted or someone else's. */
export async function getTouchpoint(viewer: Viewer, id: string): Promise<Touchpoint | null> {
  const row = await db.touchpoint.findFirst({ where: { id, userId: viewer.userId, deletedAt: null }, select: touchpointSelect });
  return row ? toTouchpoint(row) : null;
}

/** Touchpoints on dates in [from, toExclusive), newest first: what a week shows. */
export async function listTouchpointsBetween(viewer: Viewer, from: DateOnly, toExclusive: DateOnly): Promise<Touchpoint[]> {
  const rows = await db.touchpoint.findMany({
    where: { userId: viewer.userId, deletedAt: null, occurredOn: { gte: fromDateOnly(from), lt: fromDateOnly(toExclusive) } },
    select: touchpointSelect,
    orderBy: [...newestFirst],
  });
  return rows.map(toTouchpoint);
}

/** A stakeholder's history, newest first; empty when the stakeholder is not the viewer's. */
export async function listTouchpointsWithStakeholder(viewer: Viewer, stakeholderId: string): Promise<Touchpoint[]> {
  const rows = await db.touchpoint.findMany({
    where: { userId: viewer.userId, deletedAt: null, stakeholderId },
    select: touchpointSelect,
    orderBy: [...newestFirst],
  });
  return rows.map(toTouchpoint);
}

/** Touchpoints per page of a stakeholder's history. */
export const HISTORY_PER_PAGE = 20;

export type TouchpointHistory = {
  /** This page's touchpoints, newest first. */
  touchpoints: Touchpoint[];
  /** How many there are on every page together. */
  total: number;
  /** 1-based, within 1…pages. */
  page: number;
  pages: number;
};

/**
 * One page of the viewer's touchpoints with a stakeholder, newest first,
 * `HISTORY_PER_PAGE` to a page (a page past the last shows the last): a long
 * history costs no more to open than a short one.
 */
export async function listStakeholderHistory(viewer: Viewer, stakeholderId: string, page: number): Promise<TouchpointHistory> {
  const where = { userId: viewer.userId, deletedAt: null, stakeholderId };
  const read = (slice: PageSlice) => db.touchpoint.findMany({ where, select: touchpointSelect, orderBy: [...newestFirst], skip: slice.start, take: HISTORY_PER_PAGE });
  // The page asked for and the count at once; read again only for a page past the last.
  const asked = pageSlice(Number.MAX_SAFE_INTEGER, HISTORY_PER_PAGE, page);
  const [total, rows] = await Promise.all([db.touchpoint.count({ where }), read(asked)]);
  const slice = pageSlice(total, HISTORY_PER_PAGE, page);
  const shown = slice.page === asked.page ? rows : await read(slice);
  return { touchpoints: shown.map(toTouchpoint), total, page: slice.page, pages: slice.pages };
}

/** Soft delete: gone from lists, counts and "last met", but can be restored for a while. */
export async function deleteTouchpoint(viewer: Viewer, id: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const { count } = await db.touchpoint.updateMany({ where: { id, userId: viewer.userId, deletedAt: null }, data: { deletedAt: now } });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}

/**
 * Undo a delete within the restore window. A touchpoint whose stakeholder is
 * deleted stays hidden with it (restoring the stakeholder brings it back).
 */
export async function restoreTouchpoint(viewer: Viewer, id: string, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  const { count } = await db.touchpoint.updateMany({
    where: {
      id,
      userId: viewer.userId,
      deletedAt: { gte: restorableSince(now) },
      OR: [{ stakeholderId: null }, { stakeholder: { is: { deletedAt: null } } }],
    },
    data: { deletedAt: null },
  });
  if (count > 0) return;
  const deleted = await db.touchpoint.findFirst({ where: { id, userId: viewer.userId, deletedAt: { not: null } }, select: { id: true } });
  // Say why when it is the viewer's own touchpoint; anyone else's is simply not found.
  if (deleted) throw new ExpectedError("That touchpoint can no longer be restored.");
  throw new NotFoundError(NOT_FOUND);
}
