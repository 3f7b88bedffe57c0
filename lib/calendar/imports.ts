import "server-only";
import { cache } from "react";
import { z } from "zod";
import { weekBeginsAt } from "@/lib/calendar/buckets";
import { IMPORT_WEEKS_BACK, type ReclassifyEventInput, type WeekChoice } from "@/lib/calendar/imports.validation";
import {
  buildPreview,
  linkKey,
  refreshWritesWeek,
  storedOccurrenceSchema,
  toStoredOccurrence,
  writesWeek,
  type ImportPreview,
  type PreviewEvent,
  type PreviewWeek,
  type ProposedTouchpoint,
  type LinkedTouchpoint,
  type LoggedWeek,
  type StoredOccurrence,
  type WeekMinutes,
} from "@/lib/calendar/preview";
import { readCalendar } from "@/lib/calendar/read";
import { normalizeTitle, titleKey, type CalendarRule } from "@/lib/calendar/rules.validation";
import { getCalendarRules, putTitleRuleFirst } from "@/lib/calendar/user-rules";
import type { CalendarWarning } from "@/lib/calendar/warnings";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CalendarImportStatus, TouchpointChannel } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { jsonBytes, keptPerProcess } from "@/lib/server/kept-until-changed";
import { ExpectedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { addDaysTo, fromDateOnly, todayIn, toDateOnly, type DateOnly } from "@/lib/shared/dates";
import { currentWeekStart } from "@/lib/shared/week-dates";
import { calendarSettingsOf, getCalendarSettings, getProfile } from "@/lib/users";

// Calendar imports (issue 15): upload → a pending import holding the events
// read from the file; its preview is computed on demand and changes nothing;
// confirm applies it in one transaction and records what it changed; undo
// puts that back. Every read and write names the owner in its `where`.

type Tx = Prisma.TransactionClient;

const NOT_FOUND = "That calendar import";

/** The file name as shown in the list: its last path part, printable, at most 200 characters. */
function fileNameOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replaceAll(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean.isWellFormed() && clean !== "" ? clean : "calendar.ics";
}

/**
 * The import window: the 12 whole weeks before this one, and this week up to
 * now, in the viewer's zone and week start: a quarter is what a leader
 * reviews, weeks further back are rarely worth rewriting, and nothing ahead
 * has happened yet.
 */
async function importWindow(viewer: Viewer, now: Date) {
  // The profile came with the session in a page or an action: no read of its own there.
  const profile = await getProfile(viewer.userId);
  const settings = calendarSettingsOf(profile);
  const window = { start: weekBeginsAt(addDaysTo(currentWeekStart(settings, now), -7 * IMPORT_WEEKS_BACK), settings), end: now };
  return { settings, selfAddresses: [profile.email], window };
}

/** A calendar read over the viewer's import window (a file's bytes or a feed's text). Throws CalendarFileError in words. */
export async function readForImport(viewer: Viewer, input: string | Uint8Array, now: Date): Promise<ImportReading> {
  const { settings, selfAddresses, window } = await importWindow(viewer, now);
  const reading = readCalendar(input, { timeZone: settings.timeZone, selfAddresses, window });
  return { window, occurrences: reading.occurrences.map(toStoredOccurrence), warnings: reading.warnings };
}

export type ImportReading = { window: { start: Date; end: Date }; occurrences: StoredOccurrence[]; warnings: CalendarWarning[] };

/** Keeps a reading as the viewer's pending import, replacing any earlier one never confirmed. */
export async function storePendingImport(tx: Tx, viewer: Viewer, source: { fileName: string; feedId?: string }, reading: ImportReading, now: Date): Promise<{ id: string }> {
  await tx.calendarImport.deleteMany({ where: { userId: viewer.userId, status: "PENDING" } });
  return tx.calendarImport.create({
    data: {
      userId: viewer.userId,
      fileName: source.fileName,
      feedId: source.feedId ?? null,
      windowStart: reading.window.start,
      windowEnd: reading.window.end,
      occurrences: reading.occurrences,
      warnings: reading.warnings,
      createdAt: now,
    },
    select: { id: true },
  });
}

/**
 * Reads an uploaded calendar over the import window and keeps its events as
 * the viewer's pending import (replacing any earlier one never confirmed).
 * Throws CalendarFileError (in words) for a file that cannot be imported;
 * nothing is kept then.
 */
export async function createPendingImport(viewer: Viewer, file: { name: string; bytes: Uint8Array }, now: Date = new Date()): Promise<{ id: string }> {
  const reading = await readForImport(viewer, file.bytes, now);
  return db.$transaction((tx) => storePendingImport(tx, viewer, { fileName: fileNameOf(file.name) }, reading, now));
}

// ── Reading what an import would change ──────────────────────────────────────

const occurrencesSchema = z.array(storedOccurrenceSchema);
const warningsSchema = z.array(z.object({ message: z.string(), count: z.number(), examples: z.array(z.string()) }));

const minutesOf = (row: { firefightingMinutes: number; strategyMinutes: number; otherMinutes: number }): WeekMinutes => ({
  firefighting: row.firefightingMinutes,
  strategy: row.strategyMinutes,
  other: row.otherMinutes,
});

/**
 * The owner's weeks in the window, each marked when it is still exactly as the
 * latest import of it left it (and its feed): nobody saved it since, which its
 * `updatedAt` tells (every save by hand sets a new one, even back to the same hours).
 */
async function loggedWeeks(tx: Tx, userId: string, from: Date, to: Date): Promise<Map<DateOnly, LoggedWeek>> {
  const range = { gte: from, lt: to };
  const [weeks, written] = await Promise.all([
    tx.week.findMany({ where: { userId, startsOn: range }, select: { startsOn: true, firefightingMinutes: true, strategyMinutes: true, otherMinutes: true, updatedAt: true } }),
    tx.calendarImportWeek.findMany({
      where: { userId, startsOn: range, import: { userId, status: "CONFIRMED" } },
      orderBy: { import: { confirmedAt: "desc" } },
      select: { startsOn: true, writtenAt: true, import: { select: { feedId: true } } },
    }),
  ]);
  const lastWritten = new Map<DateOnly, { writtenAt: Date | null; feedId: string | null }>();
  for (const row of written) {
    if (!lastWritten.has(toDateOnly(row.startsOn))) lastWritten.set(toDateOnly(row.startsOn), { writtenAt: row.writtenAt, feedId: row.import.feedId });
  }
  return new Map(
    weeks.map((week) => {
      const startsOn = toDateOnly(week.startsOn);
      const imported = lastWritten.get(startsOn);
      const fromImport = imported !== undefined && imported.writtenAt?.getTime() === week.updatedAt.getTime();
      return [startsOn, { minutes: minutesOf(week), fromImport, feedId: fromImport ? imported.feedId : null }];
    }),
  );
}

/** The links of the user's confirmed imports to touchpoints, oldest import first (so the newest wins in a map). */
const confirmedLinks = (userId: string) =>
  ({ where: { userId, import: { userId, status: "CONFIRMED" }, touchpoint: { userId } }, orderBy: { import: { confirmedAt: "asc" } } }) as const;

/** Stakeholders a meeting can reach: living, with an address. */
const reachableStakeholders = (userId: string) => ({ userId, deletedAt: null, email: { not: null } });

/** Touchpoints earlier imports made, by event and stakeholder: the newest link of each. */
async function linkedTouchpoints(tx: Tx, userId: string): Promise<Map<string, LinkedTouchpoint>> {
  const links = await tx.calendarImportTouchpoint.findMany({
    ...confirmedLinks(userId),
    select: { eventKey: true, stakeholderId: true, touchpoint: { select: { id: true, occurredOn: true, channel: true, topic: true, deletedAt: true } } },
  });
  return new Map(
    links.map(({ eventKey, stakeholderId, touchpoint }) => [
      linkKey(eventKey, stakeholderId),
      { touchpointId: touchpoint.id, occurredOn: toDateOnly(touchpoint.occurredOn), channel: touchpoint.channel, topic: touchpoint.topic, deleted: touchpoint.deletedAt !== null },
    ]),
  );
}

type PendingRow = { id: string; windowStart: Date; windowEnd: Date; occurrences: Prisma.JsonValue };

async function previewOf(tx: Tx, viewer: Viewer, row: PendingRow): Promise<ImportPreview> {
  const userId = viewer.userId;
  const [settings, rules, stakeholders, links] = await Promise.all([
    getCalendarSettings(viewer),
    getCalendarRules(viewer),
    tx.stakeholder.findMany({ where: reachableStakeholders(userId), select: { id: true, name: true, email: true, department: true } }),
    linkedTouchpoints(tx, userId),
  ]);
  // Weeks start at most a day either side of the window's instants, whatever the zone; a week saved under
  // an earlier first day of the week (decision 009) may start up to six days before and still hold its days.
  const logged = await loggedWeeks(tx, userId, fromDateOnly(addDaysTo(toDateOnly(row.windowStart), -8)), fromDateOnly(addDaysTo(toDateOnly(row.windowEnd), 2)));
  const parsed = occurrencesSchema.safeParse(row.occurrences);
  if (!parsed.success) throw new NotFoundError(NOT_FOUND);
  return buildPreview({
    occurrences: parsed.data,
    rules,
    settings,
    window: { start: row.windowStart, end: row.windowEnd },
    logged,
    stakeholders: stakeholders.map((stakeholder) => ({ ...stakeholder, email: stakeholder.email! })),
    links,
  });
}

export type CalendarImportSummary = {
  id: string;
  fileName: string;
  status: CalendarImportStatus;
  createdAt: Date;
  confirmedAt: Date | null;
  undoneAt: Date | null;
  weeks: number;
  touchpoints: number;
};

export type PendingImport = { id: string; fileName: string; createdAt: Date; windowStart: Date; windowEnd: Date; warnings: CalendarWarning[]; preview: ImportPreview };

/**
 * Built previews, per import, kept in this process while nothing they are
 * built from changes: a busy calendar's preview costs more to compute than the
 * rest of its page (docs/decisions/031-import-review-weeks-load-when-opened.md).
 * Few at a time: an import is pending only while its owner reviews it (at most
 * 50, and 25 MB weighed by their JSON).
 */
const keptPreviews = keptPerProcess<PendingImport>("calendarPreviews", { max: 50, maxBytes: 25 * 1024 * 1024, weigh: jsonBytes });

/**
 * Everything a pending import's preview is built from, as one stamp, without
 * reading its events: the user's data version (stamped by triggers on every
 * write to their weeks, touchpoints and stakeholders: decision 012), zone and
 * week start; the row version (xmin) of each of their imports (the pending
 * one's events and choices; which imports are confirmed, hence which weeks
 * and touchpoints an import wrote) and of their rules. Null when the import
 * is not the viewer's, or not pending.
 */
async function previewStamp(viewer: Viewer, id: string): Promise<string | null> {
  const userId = viewer.userId;
  const [rows, profile] = await Promise.all([
    db.$queryRaw<Array<{ imports: string; rules: string | null }>>`
      SELECT
        (SELECT md5(string_agg(i.id || ' ' || i.xmin::text, ',' ORDER BY i.id)) FROM "CalendarImport" i WHERE i."userId" = ${userId}) AS imports,
        (SELECT r.xmin::text FROM "CalendarRules" r WHERE r."userId" = ${userId}) AS rules
      FROM "CalendarImport" p
      WHERE p.id = ${id} AND p."userId" = ${userId} AND p.status = 'PENDING'`,
    getProfile(userId),
  ]);
  const row = rows[0];
  return row ? [profile.dataVersion, profile.timeZone, profile.weekStartsOn, row.imports, row.rules ?? "starter"].join(" ") : null;
}

async function readPendingImport(viewer: Viewer, id: string): Promise<PendingImport | null> {
  const row = await db.calendarImport.findFirst({
    where: { id, userId: viewer.userId, status: "PENDING" },
    select: { id: true, fileName: true, createdAt: true, windowStart: true, windowEnd: true, occurrences: true, warnings: true },
  });
  if (!row) return null;
  const warnings = warningsSchema.safeParse(row.warnings);
  const { occurrences, ...kept } = row;
  return { ...kept, warnings: warnings.success ? warnings.data : [], preview: await previewOf(db, viewer, { ...kept, occurrences }) };
}

/**
 * The viewer's pending import with its preview (nothing changes), or null when
 * missing, confirmed or someone else's. Kept while its stamp holds (above).
 * Once per render: the review's layout (which decides its 404) and its page
 * both ask for it with the same viewer (getViewer is cached too).
 */
export const getPendingImport = cache(async (viewer: Viewer, id: string): Promise<PendingImport | null> => {
  const stamp = await previewStamp(viewer, id);
  if (stamp === null) return null;
  try {
    return await keptPreviews.get(`${viewer.userId} ${id}`, stamp, async () => {
      const pending = await readPendingImport(viewer, id);
      // Gone between the stamp and the read (confirmed, replaced): nothing to keep.
      if (!pending) throw new NotFoundError(NOT_FOUND);
      return pending;
    });
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export type PendingImportWeek = { id: string; startsOn: DateOnly; events: PreviewEvent[]; ignored: PreviewEvent[] };

/**
 * One week's events in the viewer's pending import: those behind its hours,
 * then those ignored (none in a week it does not reach). The review loads them
 * when their week is opened, so its page carries only the weeks' sums. Null
 * when the import is missing, confirmed or someone else's.
 */
export async function getPendingImportWeek(viewer: Viewer, id: string, startsOn: DateOnly): Promise<PendingImportWeek | null> {
  const pending = await getPendingImport(viewer, id);
  if (!pending) return null;
  const week = pending.preview.weeks.find((candidate) => candidate.startsOn === startsOn);
  const ignored = week?.ignored ?? pending.preview.ignoredWeeks.find((candidate) => candidate.startsOn === startsOn)?.ignored ?? [];
  return { id: pending.id, startsOn, events: week?.events ?? [], ignored };
}

/** The viewer's imports, newest first: the pending one, then those confirmed or undone, with what each changed. */
export async function listImports(viewer: Viewer): Promise<CalendarImportSummary[]> {
  const rows = await db.calendarImport.findMany({
    where: { userId: viewer.userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
    select: { id: true, fileName: true, status: true, createdAt: true, confirmedAt: true, undoneAt: true, _count: { select: { weeks: true, touchpoints: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, weeks: _count.weeks, touchpoints: _count.touchpoints }));
}

/** One import at a time per user: confirm, undo and reclassifying read and write the same rows. */
async function lockOwner(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

// ── Reclassifying in the preview ─────────────────────────────────────────────

/**
 * Changes one event's category in the viewer's pending import. "event": this
 * event only, kept with the import (it wins over the rules). "series": every
 * event titled as this one is, by a title rule put first in the viewer's rules
 * (a series shares its title, and a title is what the leader can read and edit
 * at /calendar/rules, where a UID is not); the single choices it covers go.
 * The preview is computed again from these on its next read. Returns the rule
 * added, if any.
 */
export async function reclassifyEvent(viewer: Viewer, { id, event, category, scope }: ReclassifyEventInput): Promise<{ rule: CalendarRule | null }> {
  const userId = viewer.userId;
  return db.$transaction(async (tx) => {
    await lockOwner(tx, userId);
    const row = await tx.calendarImport.findFirst({ where: { id, userId, status: "PENDING" }, select: { occurrences: true } });
    if (!row) throw new NotFoundError(NOT_FOUND);
    const parsed = occurrencesSchema.safeParse(row.occurrences);
    const target = parsed.success ? parsed.data.find((occurrence) => occurrence.key === event) : undefined;
    if (!parsed.success || !target) throw new NotFoundError("That event");

    let rule: CalendarRule | null = null;
    let occurrences: StoredOccurrence[];
    if (scope === "event") {
      occurrences = parsed.data.map((occurrence) => (occurrence.key === event ? { ...occurrence, category } : occurrence));
    } else {
      const title = normalizeTitle(target.title);
      if (title === "") throw new ExpectedError("This event has no title to find its series by. Change this event only, or add a rule in your calendar rules.");
      rule = await putTitleRuleFirst(viewer, title, category, tx);
      occurrences = parsed.data.map(({ category: chosen, ...occurrence }) => (titleKey(occurrence.title) === titleKey(title) ? occurrence : { ...occurrence, category: chosen }));
    }
    await tx.calendarImport.update({ where: { id, userId }, data: { occurrences } });
    return { rule };
  });
}

// ── Confirm and undo ─────────────────────────────────────────────────────────

export type ConfirmResult = { weeks: number; touchpoints: number };

type ApplyRules = {
  /** Whether the week gets the calendar's hours. */
  writes: (week: PreviewWeek) => boolean;
  /**
   * Whether a proposal that changes a touchpoint an earlier import made is
   * applied (new ones always are): null if not, else the `updatedAt` it must
   * still have, if any (a refresh's: written by the feed, untouched since).
   */
  updates: (proposal: ProposedTouchpoint) => { unchangedSince?: Date } | null;
};

type TouchpointLink = { importId: string; userId: string; eventKey: string; stakeholderId: string };

/**
 * Changes a touchpoint an earlier import made and records it under the import
 * with what it was before (its deletion and stamp too), so undo puts it back
 * as it was; the new stamp tells a later refresh whether anyone touched it since.
 * Nothing changes when it was edited meanwhile (since `unchangedSince`, or
 * between this read and write: hand edits do not wait for the owner's lock).
 */
async function changeTouchpoint(
  tx: Tx,
  link: TouchpointLink,
  touchpointId: string,
  data: { occurredOn?: Date; channel?: TouchpointChannel; topic?: string; deletedAt: Date | null },
  unchangedSince?: Date,
): Promise<boolean> {
  const where = { id: touchpointId, userId: link.userId };
  const before = await tx.touchpoint.findFirst({ where: { ...where, updatedAt: unchangedSince }, select: { occurredOn: true, channel: true, topic: true, deletedAt: true, updatedAt: true } });
  if (!before) return false;
  const [after] = await tx.touchpoint.updateManyAndReturn({ where: { ...where, updatedAt: before.updatedAt }, data, select: { updatedAt: true } });
  if (!after) return false;
  await tx.calendarImportTouchpoint.create({
    data: {
      ...link,
      touchpointId,
      created: false,
      previousOn: before.occurredOn,
      previousChannel: before.channel,
      previousTopic: before.topic,
      previousDeletedAt: before.deletedAt,
      previousUpdatedAt: before.updatedAt,
      writtenAt: after.updatedAt,
    },
  });
  return true;
}

/**
 * Writes a preview into the owner's weeks and touchpoints, recording every
 * change under the import `importId` so it can be undone. Inside the caller's
 * transaction, with the owner locked.
 */
async function applyPreview(tx: Tx, userId: string, importId: string, preview: ImportPreview, rules: ApplyRules): Promise<ConfirmResult> {
  const current = await tx.week.findMany({
    where: { userId, startsOn: { in: preview.weeks.map((week) => fromDateOnly(week.startsOn)) } },
    select: { startsOn: true, firefightingMinutes: true, strategyMinutes: true, otherMinutes: true, updatedAt: true },
  });
  const existing = new Map(current.map((week) => [toDateOnly(week.startsOn), { ...minutesOf(week), updatedAt: week.updatedAt }]));

  let weeks = 0;
  for (const week of preview.weeks) {
    if (!rules.writes(week)) continue;
    const before = existing.get(week.startsOn);
    const written = { firefightingMinutes: week.calendar.firefighting, strategyMinutes: week.calendar.strategy, otherMinutes: week.calendar.other };
    const key = { userId, startsOn: fromDateOnly(week.startsOn) };
    // A week saved by hand meanwhile (saves do not wait for the owner's lock) is left as saved.
    const [after] = before
      ? await tx.week.updateManyAndReturn({ where: { ...key, updatedAt: before.updatedAt }, data: { ...written, version: { increment: 1 } }, select: { updatedAt: true } })
      : [await tx.week.create({ data: { ...key, ...written }, select: { updatedAt: true } })];
    if (!after) continue;
    await tx.calendarImportWeek.create({
      data: {
        importId,
        ...key,
        created: !before,
        previousFirefightingMinutes: before?.firefighting ?? 0,
        previousStrategyMinutes: before?.strategy ?? 0,
        previousOtherMinutes: before?.other ?? 0,
        previousUpdatedAt: before?.updatedAt ?? null,
        ...written,
        writtenAt: after.updatedAt,
      },
    });
    weeks++;
  }

  let touchpoints = 0;
  for (const proposal of preview.touchpoints) {
    const values = { occurredOn: fromDateOnly(proposal.occurredOn), channel: proposal.channel, topic: proposal.topic };
    const link = { importId, userId, eventKey: proposal.eventKey, stakeholderId: proposal.stakeholderId };
    if (proposal.state === "new") {
      const created = await tx.touchpoint.create({
        data: { userId, stakeholderId: proposal.stakeholderId, department: proposal.department, ...values },
        select: { id: true, updatedAt: true },
      });
      await tx.calendarImportTouchpoint.create({ data: { ...link, touchpointId: created.id, created: true, writtenAt: created.updatedAt } });
      touchpoints++;
    } else if (proposal.touchpointId) {
      const update = rules.updates(proposal);
      if (update && (await changeTouchpoint(tx, link, proposal.touchpointId, { ...values, deletedAt: null }, update.unchangedSince))) touchpoints++;
    }
  }
  return { weeks, touchpoints };
}

const TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * Applies a pending import in one transaction (a failure changes nothing):
 * each week as its choice says (fill by default: only weeks without hours or
 * with hours an earlier import wrote; replace; skip), the proposed touchpoints
 * created or updated. Records every change so the import can be undone; the
 * events themselves are dropped. Confirming a feed's first import starts its
 * hourly refreshes.
 */
export async function confirmImport(viewer: Viewer, input: { id: string; choices: Record<DateOnly, WeekChoice> }, now: Date = new Date()): Promise<ConfirmResult> {
  const userId = viewer.userId;
  return db.$transaction(async (tx) => {
    await lockOwner(tx, userId);
    const row = await tx.calendarImport.findFirst({
      where: { id: input.id, userId, status: "PENDING" },
      select: { id: true, windowStart: true, windowEnd: true, occurrences: true, feedId: true },
    });
    if (!row) throw new NotFoundError(NOT_FOUND);
    const preview = await previewOf(tx, viewer, row);
    const result = await applyPreview(tx, userId, row.id, preview, {
      writes: (week) => writesWeek(week, input.choices[week.startsOn] ?? "fill"),
      updates: (proposal) => (proposal.state === "update" ? {} : null),
    });
    await tx.calendarImport.update({
      where: { id: row.id, userId },
      data: { status: "CONFIRMED", confirmedAt: now, occurrences: Prisma.DbNull, warnings: Prisma.DbNull },
    });
    if (row.feedId) await tx.calendarFeed.updateMany({ where: { id: row.feedId, userId, activeSince: null }, data: { activeSince: now } });
    return result;
  }, TRANSACTION);
}

type HeldTouchpoint = { touchpointId: string; eventKey: string; stakeholderId: string; occurredOn: DateOnly; deleted: boolean; updatedAt: Date };

/**
 * The touchpoints a feed may still change, by event and stakeholder: those an
 * import of this feed created and wrote last, untouched since (their
 * `updatedAt` is still the one that import left). Any edit, delete or restore
 * by hand, or a later write by another import, takes one out.
 */
async function touchpointsHeldBy(tx: Tx, userId: string, feedId: string): Promise<Map<string, HeldTouchpoint>> {
  const links = await tx.calendarImportTouchpoint.findMany({
    ...confirmedLinks(userId),
    select: {
      eventKey: true,
      stakeholderId: true,
      created: true,
      writtenAt: true,
      import: { select: { feedId: true } },
      touchpoint: { select: { id: true, occurredOn: true, deletedAt: true, updatedAt: true } },
    },
  });
  const createdHere = new Set<string>();
  const newest = new Map<string, (typeof links)[number]>();
  for (const link of links) {
    if (link.created && link.import.feedId === feedId) createdHere.add(link.touchpoint.id);
    newest.set(linkKey(link.eventKey, link.stakeholderId), link);
  }
  const held = new Map<string, HeldTouchpoint>();
  for (const [key, { eventKey, stakeholderId, writtenAt, import: from, touchpoint }] of newest) {
    if (from.feedId !== feedId || !createdHere.has(touchpoint.id) || writtenAt?.getTime() !== touchpoint.updatedAt.getTime()) continue;
    held.set(key, { touchpointId: touchpoint.id, eventKey, stakeholderId, occurredOn: toDateOnly(touchpoint.occurredOn), deleted: touchpoint.deletedAt !== null, updatedAt: touchpoint.updatedAt });
  }
  return held;
}

/**
 * A feed's refresh after its first import was confirmed: applied without a
 * review, so it writes only what the user agreed to when confirming that
 * first import: empty weeks and the weeks this feed wrote and nobody changed
 * since; new touchpoints from past meetings, and changes to the touchpoints
 * this feed made and nobody touched since: moved or retitled with their event,
 * removed (to the trash) when their event went from the window (cancelled,
 * declined, deleted, moved ahead, the stakeholder no longer invited), brought
 * back when it returns. Recorded as a confirmed import of the feed (undoable
 * like any), and only when it changed something: refreshing an unchanged feed
 * adds nothing.
 */
export async function applyFeedRefresh(viewer: Viewer, feed: { id: string; name: string }, reading: ImportReading, now: Date): Promise<ConfirmResult & { importId: string | null }> {
  const userId = viewer.userId;
  return db.$transaction(async (tx) => {
    await lockOwner(tx, userId);
    // Checked again here, and held: the feed may have been removed, or paused by an undo, while it was fetched.
    const live = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "CalendarFeed" WHERE id = ${feed.id} AND "userId" = ${userId} AND "activeSince" IS NOT NULL FOR SHARE`;
    if (live.length === 0) return { weeks: 0, touchpoints: 0, importId: null };
    const row = await tx.calendarImport.create({
      data: { userId, fileName: feed.name, feedId: feed.id, status: "CONFIRMED", confirmedAt: now, createdAt: now, windowStart: reading.window.start, windowEnd: reading.window.end },
      select: { id: true },
    });
    const [preview, held, settings, contacts] = await Promise.all([
      previewOf(tx, viewer, { id: row.id, windowStart: reading.window.start, windowEnd: reading.window.end, occurrences: reading.occurrences }),
      touchpointsHeldBy(tx, userId, feed.id),
      getCalendarSettings(viewer),
      tx.stakeholder.findMany({ where: reachableStakeholders(userId), select: { id: true } }),
    ]);
    const result = await applyPreview(tx, userId, row.id, preview, {
      writes: (week) => refreshWritesWeek(week, feed.id),
      updates: (proposal) => {
        const own = proposal.state === "update" || proposal.state === "deleted" ? held.get(linkKey(proposal.eventKey, proposal.stakeholderId)) : undefined;
        return own ? { unchangedSince: own.updatedAt } : null;
      },
    });
    // Its own touchpoints whose event the window should hold and no longer proposes. Only those of
    // stakeholders still reachable by address: one whose address was removed proposes nothing, yet met.
    const proposed = new Set(preview.touchpoints.map((proposal) => linkKey(proposal.eventKey, proposal.stakeholderId)));
    const reachable = new Set(contacts.map((stakeholder) => stakeholder.id));
    const windowFrom = todayIn(settings.timeZone, reading.window.start);
    for (const [key, touchpoint] of held) {
      if (touchpoint.deleted || proposed.has(key) || !reachable.has(touchpoint.stakeholderId) || touchpoint.occurredOn < windowFrom) continue;
      const link = { importId: row.id, userId, eventKey: touchpoint.eventKey, stakeholderId: touchpoint.stakeholderId };
      if (await changeTouchpoint(tx, link, touchpoint.touchpointId, { deletedAt: now }, touchpoint.updatedAt)) result.touchpoints++;
    }
    if (result.weeks + result.touchpoints > 0) return { ...result, importId: row.id };
    await tx.calendarImport.delete({ where: { id: row.id, userId } });
    return { ...result, importId: null };
  }, TRANSACTION);
}

/**
 * Undoes a confirmed import as a whole, in one transaction: the touchpoints it
 * created go, the ones it updated get their earlier values back, and each week
 * it wrote returns to its hours before (a week it created goes when nothing
 * else was written in it since). A week whose hours changed after the import
 * (by hand or by a later import) is left as it is: undo never overwrites
 * later work. Undoing a feed's import pauses the feed until its next import
 * is reviewed. Returns how many weeks were left.
 */
export async function undoImport(viewer: Viewer, id: string, now: Date = new Date()): Promise<{ weeksKept: number }> {
  const userId = viewer.userId;
  return db.$transaction(
    async (tx) => {
      await lockOwner(tx, userId);
      const row = await tx.calendarImport.findFirst({
        where: { id, userId, status: "CONFIRMED" },
        select: {
          id: true,
          feedId: true,
          weeks: {
            where: { userId },
            select: {
              startsOn: true,
              created: true,
              previousFirefightingMinutes: true,
              previousStrategyMinutes: true,
              previousOtherMinutes: true,
              previousUpdatedAt: true,
              firefightingMinutes: true,
              strategyMinutes: true,
              otherMinutes: true,
              writtenAt: true,
            },
          },
          touchpoints: {
            where: { userId },
            select: { touchpointId: true, created: true, previousOn: true, previousChannel: true, previousTopic: true, previousDeletedAt: true, previousUpdatedAt: true, writtenAt: true },
          },
        },
      });
      if (!row) throw new NotFoundError(NOT_FOUND);

      // Updates first, newest import's values back to the earlier ones; then what it created. A touchpoint
      // nobody touched since gets back all it was (a removed one comes back, its stamp too: the import
      // before may change it again); one edited by hand since is left as it is, as a week is. (A record
      // from before the stamps cannot tell: it puts the earlier values back, as undo always did.)
      for (const link of row.touchpoints) {
        if (link.created || !link.previousOn || !link.previousChannel || link.previousTopic === null) continue;
        const where = { id: link.touchpointId, userId };
        const previous = { occurredOn: link.previousOn, channel: link.previousChannel, topic: link.previousTopic };
        if (link.writtenAt === null) await tx.touchpoint.updateMany({ where, data: previous });
        else await tx.touchpoint.updateMany({ where: { ...where, updatedAt: link.writtenAt }, data: { ...previous, deletedAt: link.previousDeletedAt, updatedAt: link.previousUpdatedAt ?? undefined } });
      }
      const created = row.touchpoints.filter((link) => link.created).map((link) => link.touchpointId);
      if (created.length > 0) await tx.touchpoint.deleteMany({ where: { id: { in: created }, userId } });

      let weeksKept = 0;
      for (const week of row.weeks) {
        const written = { firefightingMinutes: week.firefightingMinutes, strategyMinutes: week.strategyMinutes, otherMinutes: week.otherMinutes };
        const where = { userId, startsOn: week.startsOn, ...written };
        const previous = { firefightingMinutes: week.previousFirefightingMinutes, strategyMinutes: week.previousStrategyMinutes, otherMinutes: week.previousOtherMinutes };
        // A week the import created, still holding only its hours (no words, ratings or mentor's review), goes as it came.
        const removed = week.created
          ? await tx.week.deleteMany({ where: { ...where, ...EMPTY_WEEK_TEXT, reviews: { none: {} }, comments: { none: {} } } })
          : { count: 0 };
        if (removed.count > 0) continue;
        // Untouched since: its stamp goes back too, so the import before it owns it again (as it did).
        const untouched =
          week.writtenAt && week.previousUpdatedAt
            ? await tx.week.updateMany({ where: { ...where, updatedAt: week.writtenAt }, data: { ...previous, updatedAt: week.previousUpdatedAt, version: { increment: 1 } } })
            : { count: 0 };
        if (untouched.count > 0) continue;
        const { count } = await tx.week.updateMany({ where, data: { ...previous, version: { increment: 1 } } });
        if (count === 0) weeksKept++;
      }

      await tx.calendarImport.update({ where: { id: row.id, userId }, data: { status: "UNDONE", undoneAt: now } });
      // A feed whose import was undone would write the same weeks again within the hour: it waits for a review instead.
      if (row.feedId) await tx.calendarFeed.updateMany({ where: { id: row.feedId, userId }, data: { activeSince: null } });
      return { weeksKept };
    },
    TRANSACTION,
  );
}

const EMPTY_WEEK_TEXT = {
  reflectionStrategy: null,
  reflectionStory: null,
  reflectionRelationships: null,
  reflectionVision: null,
  ratingStrategy: null,
  ratingStory: null,
  ratingRelationships: null,
  ratingVision: null,
  highlights: null,
} satisfies Prisma.WeekWhereInput;
