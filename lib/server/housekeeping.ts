import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { restorableSince } from "@/lib/shared/soft-delete";

// Housekeeping: a scheduled job (lib/server/worker.ts) removes for good what
// nobody can get back or use any more: stakeholders, touchpoints and vision
// notes deleted longer ago than the undo window (docs/decisions/008), calendar
// imports read but never confirmed for a week (issue 15), expired sessions,
// sign-in links and rate-limit counters. Every statement deletes one
// bounded batch, taking its rows with SKIP LOCKED: two workers running it at
// once share the rows, each purged once.

/**
 * Hourly, at minute 37 (UTC). Hourly keeps each run small (an hour of
 * expiries) and deleted rows gone within about an hour of the undo window
 * closing, where a daily run would keep them a day longer and do a day's work
 * at once. Minute 37 keeps clear of the top of the hour, where scheduled work
 * everywhere lands, and of the comment digest sweep at minute 7.
 */
export const HOUSEKEEPING_CRON = "37 * * * *";

/**
 * A calendar import read but not confirmed this long after its upload is
 * dropped, with the events it holds (the most of an event we keep): a leader
 * reviews an upload the day they make it, and an older preview is stale anyway,
 * since its window ended at the upload. Uploading again reads the file afresh.
 */
export const PENDING_IMPORT_MAX_AGE_MS = 7 * 24 * 3_600_000;

/** Rows per statement: small enough to hold locks for milliseconds. */
const BATCH_SIZE = 500;
/** Batches per kind per run: bounds a run; whatever is left goes on the next one. */
const MAX_BATCHES = 200;

export type HousekeepingCounts = {
  touchpoints: number;
  stakeholders: number;
  visionNotes: number;
  pendingCalendarImports: number;
  sessions: number;
  verificationTokens: number;
  rateLimits: number;
};

export type HousekeepingKind = keyof HousekeepingCounts;

export type HousekeepingResult = { purged: HousekeepingCounts; failed: HousekeepingKind[] };

export type HousekeepingOptions = { now?: Date; batchSize?: number; maxBatches?: number };

/**
 * One batch of a soft-deleted kind: the oldest rows past the window (through
 * the partial index on `deletedAt`, so a batch costs the same however large
 * the tables). The dashboard's triggers (docs/decisions/012) stamp every owner
 * of the deleted rows, so the owners' `User` rows are locked first, in id
 * order, before any row: two purges then queue on the same owner instead of
 * deadlocking, and a user's own write (which never touches a row past the
 * window) or account deletion (which locks the `User` row before its rows)
 * goes before or after the batch. The rows are then taken with SKIP LOCKED and
 * checked again, so a concurrent purge never takes one twice. The stamp makes
 * each owner's dashboard rebuild once, with the same numbers: the rows were
 * already out of every count.
 */
function trashBatch(table: Prisma.Sql, cutoff: Date, limit: number, onlyIf: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return ownedBatch(table, Prisma.sql`t."deletedAt" < ${cutoff} ${onlyIf}`, Prisma.sql`t."deletedAt"`, limit);
}

/**
 * One batch of rows that belong to a user: the oldest (by `order`) that are
 * `purgeable`, their owners locked first as above. A pending calendar import's
 * confirm and reclassify lock the owner too, so a purge never takes an import
 * from under them.
 */
function ownedBatch(table: Prisma.Sql, purgeable: Prisma.Sql, order: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (
      SELECT t.id, t."userId" FROM ${table} t WHERE ${purgeable} ORDER BY ${order} LIMIT ${limit}
    ), owners AS MATERIALIZED (
      SELECT u.id FROM "User" u WHERE u.id = ANY (ARRAY(SELECT "userId" FROM candidates)) ORDER BY u.id FOR NO KEY UPDATE OF u
    ), doomed AS MATERIALIZED (
      SELECT t.id FROM ${table} t
      WHERE t.id = ANY (ARRAY(SELECT id FROM candidates)) AND t."userId" = ANY (ARRAY(SELECT id FROM owners)) AND ${purgeable}
      FOR UPDATE OF t SKIP LOCKED
    )
    DELETE FROM ${table} WHERE id IN (SELECT id FROM doomed)`;
}

type Kind = { name: HousekeepingKind; batch: (limit: number) => Prisma.Sql };

function kinds(now: Date): Kind[] {
  // Rows deleted before this can no longer be restored (lib/shared/soft-delete.ts).
  const cutoff = restorableSince(now);
  return [
    // Touchpoints first: a deleted stakeholder's went with it, at the same time.
    { name: "touchpoints", batch: (limit) => trashBatch(Prisma.sql`"Touchpoint"`, cutoff, limit) },
    {
      name: "stakeholders",
      // Only once none of their touchpoints is left: the foreign key would
      // cascade to any, and a touchpoint still in the window must stay restorable.
      batch: (limit) =>
        trashBatch(Prisma.sql`"Stakeholder"`, cutoff, limit, Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Touchpoint" tp WHERE tp."stakeholderId" = t.id)`),
    },
    // Its revisits, review comments and their notifications go with a note (foreign keys
    // cascade), as they would with the account; while in the trash they show nowhere.
    { name: "visionNotes", batch: (limit) => trashBatch(Prisma.sql`"VisionNote"`, cutoff, limit) },
    // Nothing points at a pending import (weeks and touchpoints link to confirmed ones only).
    {
      name: "pendingCalendarImports",
      batch: (limit) =>
        ownedBatch(
          Prisma.sql`"CalendarImport"`,
          Prisma.sql`t.status = 'PENDING' AND t."createdAt" < ${new Date(now.getTime() - PENDING_IMPORT_MAX_AGE_MS)}`,
          Prisma.sql`t."createdAt"`,
          limit,
        ),
    },
    // Auth.js refuses these already; nothing points at them.
    {
      name: "sessions",
      batch: (limit) => Prisma.sql`
        DELETE FROM "Session" WHERE "sessionToken" IN (
          SELECT "sessionToken" FROM "Session" WHERE expires < ${now} LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    },
    {
      name: "verificationTokens",
      batch: (limit) => Prisma.sql`
        DELETE FROM "VerificationToken" WHERE (identifier, token) IN (
          SELECT identifier, token FROM "VerificationToken" WHERE expires < ${now} LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    },
    // An expired counter counts from zero again on its next use (rate-limiter-flexible
    // resets it), so deleting it changes nothing; `expire` is in milliseconds.
    {
      name: "rateLimits",
      batch: (limit) => Prisma.sql`
        DELETE FROM rate_limits WHERE key IN (
          SELECT key FROM rate_limits WHERE expire < ${now.getTime()} LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    },
  ];
}

type DriverFailure = { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } };

/**
 * What a failure may say in the log: PostgreSQL's code and message, never its
 * detail, which can quote a row ("Key (token)=(…)"); else the error's last line.
 */
function errorSummary(error: unknown): { type: string; code?: string; message: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: "A non-error was thrown" };
  const { code, meta } = error as DriverFailure;
  const cause = meta?.driverAdapterError?.cause;
  const lastLine = error.message.split("\n").filter((line) => line.trim() !== "").at(-1) ?? "";
  return {
    type: error.name,
    code: typeof cause?.originalCode === "string" ? cause.originalCode : typeof code === "string" ? code : undefined,
    message: (typeof cause?.originalMessage === "string" ? cause.originalMessage : lastLine).slice(0, 300),
  };
}

/**
 * Purges every kind in batches until none is left (or MAX_BATCHES), and
 * records one audit line with the count of each kind, never what was in the
 * rows. A kind that fails is logged and the others still run.
 */
export async function runHousekeeping({ now = new Date(), batchSize = BATCH_SIZE, maxBatches = MAX_BATCHES }: HousekeepingOptions = {}): Promise<HousekeepingResult> {
  const purged: HousekeepingCounts = { touchpoints: 0, stakeholders: 0, visionNotes: 0, pendingCalendarImports: 0, sessions: 0, verificationTokens: 0, rateLimits: 0 };
  const failed: HousekeepingKind[] = [];
  for (const kind of kinds(now)) {
    try {
      // A batch that deletes nothing means the kind is done, or that another
      // worker is purging what is left right now.
      for (let batch = 0; batch < maxBatches; batch++) {
        const deleted = await db.$executeRaw(kind.batch(batchSize));
        purged[kind.name] += deleted;
        if (deleted === 0) break;
      }
    } catch (error) {
      failed.push(kind.name);
      logger.error({ housekeeping: kind.name, purgedBefore: purged[kind.name], failure: errorSummary(error) }, "Housekeeping failed for one kind of row");
    }
  }
  if (failed.length > 0 || Object.values(purged).some((count) => count > 0)) {
    await recordAudit({ userId: null, action: "housekeeping_purge", detail: { ...purged, failed } });
  }
  logger.info({ housekeeping: purged, failed }, "Housekeeping done");
  return { purged, failed };
}
