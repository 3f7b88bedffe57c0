// The housekeeping job on the real database: what it purges, what it keeps,
// in batches, with two runs at once, and its place on the worker's schedule.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { HOUSEKEEPING_CRON, PENDING_IMPORT_MAX_AGE_MS, runHousekeeping, type HousekeepingCounts } from "@/lib/server/housekeeping";
import { getBoss, QUEUES, configureQueue } from "@/lib/server/jobs";
import { logger } from "@/lib/server/logger";
import { startWorker, stopWorker } from "@/lib/server/worker";
import { listAuditEvents } from "@/lib/server/audit";
import { RESTORE_WINDOW_MS } from "@/lib/shared/soft-delete";
import { restoreStakeholder } from "@/lib/stakeholders";
import { restoreTouchpoint } from "@/lib/touchpoints";
import { restoreVisionNote } from "@/lib/vision-notes";
import { createStakeholder, createTouchpoint } from "../support/factories/stakeholders";
import { createUser, type TestUser } from "../support/factories/users";
import { createVisionNote } from "../support/factories/vision-notes";

const MINUTE = 60_000;
const NOTHING: HousekeepingCounts = { touchpoints: 0, stakeholders: 0, visionNotes: 0, pendingCalendarImports: 0, sessions: 0, verificationTokens: 0, rateLimits: 0 };

/** Deleted just past the undo window, and well within it. */
const pastWindow = () => new Date(Date.now() - RESTORE_WINDOW_MS - MINUTE);
const withinWindow = () => new Date(Date.now() - RESTORE_WINDOW_MS + 5 * MINUTE);

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await stopWorker();
});

async function dataVersion(user: TestUser): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { dataVersion: true } })).dataVersion;
}

/** A deleted note with a revisit, a mentor's comment on it and the leader's notification of that comment. */
async function deletedNoteWithThread(leader: TestUser, mentor: TestUser, deletedAt: Date) {
  const note = await createVisionNote(leader, { title: `Secret plan ${randomUUID()}`, deletedAt });
  await db.visionNoteRevisit.create({ data: { userId: leader.id, noteId: note.id } });
  const comment = await db.reviewComment.create({ data: { menteeId: leader.id, authorId: mentor.id, noteId: note.id, body: "Bold, I like it." } });
  await db.notification.create({ data: { userId: leader.id, commentId: comment.id } });
  return note;
}

describe("housekeeping: the trash", () => {
  it("purges what was deleted before the undo window, keeps what is within it (still restorable) and every live row", async () => {
    const ada = await createUser();
    const mentor = await createUser();

    // A stakeholder deleted long ago, with the touchpoint deleted with them.
    const goneAt = pastWindow();
    const gone = await createStakeholder(ada.id, { name: "Gone Person", deletedAt: goneAt });
    const goneWith = await createTouchpoint(ada.id, { stakeholderId: gone.id, deletedAt: goneAt });
    const oldTouchpoint = await createTouchpoint(ada.id, { topic: "Old", deletedAt: pastWindow() });
    const oldNote = await deletedNoteWithThread(ada, mentor, pastWindow());

    // Deleted a moment ago: Undo must still work.
    const recentStakeholder = await createStakeholder(ada.id, { name: "Recent", deletedAt: withinWindow() });
    const recentTouchpoint = await createTouchpoint(ada.id, { topic: "Recent", deletedAt: withinWindow() });
    const recentNote = await deletedNoteWithThread(ada, mentor, withinWindow());

    // A stakeholder past the window whose touchpoint is still within it: the
    // foreign key would take the touchpoint along, so the stakeholder waits.
    const waiting = await createStakeholder(ada.id, { name: "Waiting", deletedAt: pastWindow() });
    const waitingTouchpoint = await createTouchpoint(ada.id, { stakeholderId: waiting.id, deletedAt: withinWindow() });

    // Live rows, with a live touchpoint on a live stakeholder.
    const live = await createStakeholder(ada.id, { name: "Live" });
    const liveTouchpoint = await createTouchpoint(ada.id, { stakeholderId: live.id });
    const liveNote = await createVisionNote(ada, { title: "Live note" });

    const { purged, failed } = await runHousekeeping();

    expect(failed).toEqual([]);
    expect(purged).toEqual({ ...NOTHING, touchpoints: 2, stakeholders: 1, visionNotes: 1 });
    expect(await db.stakeholder.findMany({ where: { id: { in: [gone.id] } } })).toEqual([]);
    expect(await db.touchpoint.findMany({ where: { id: { in: [goneWith.id, oldTouchpoint.id] } } })).toEqual([]);
    // The note's thread goes with it, as with a deleted account.
    expect(await db.visionNote.findUnique({ where: { id: oldNote.id } })).toBeNull();
    expect(await db.visionNoteRevisit.count({ where: { noteId: oldNote.id } })).toBe(0);
    expect(await db.reviewComment.count({ where: { noteId: oldNote.id } })).toBe(0);
    expect(await db.notification.count({ where: { comment: { noteId: recentNote.id } } })).toBe(1);
    expect(await db.notification.count({ where: { userId: ada.id } })).toBe(1);

    const kept = await Promise.all([
      db.stakeholder.count({ where: { id: { in: [recentStakeholder.id, waiting.id, live.id] } } }),
      db.touchpoint.count({ where: { id: { in: [recentTouchpoint.id, waitingTouchpoint.id, liveTouchpoint.id] } } }),
      db.visionNote.count({ where: { id: { in: [recentNote.id, liveNote.id] } } }),
      db.reviewComment.count({ where: { noteId: recentNote.id } }),
      db.visionNoteRevisit.count({ where: { noteId: recentNote.id } }),
    ]);
    expect(kept).toEqual([3, 3, 2, 1, 1]);

    // Within the window, Undo still brings each back.
    await restoreStakeholder(ada.viewer, recentStakeholder.id);
    await restoreTouchpoint(ada.viewer, recentTouchpoint.id);
    await restoreVisionNote(ada.viewer, recentNote.id);
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: recentStakeholder.id } })).toMatchObject({ deletedAt: null });
    expect(await db.touchpoint.findUniqueOrThrow({ where: { id: recentTouchpoint.id } })).toMatchObject({ deletedAt: null });
    expect(await db.visionNote.findUniqueOrThrow({ where: { id: recentNote.id } })).toMatchObject({ deletedAt: null });

    // Run again: nothing more to purge (the waiting stakeholder still waits for its touchpoint).
    expect((await runHousekeeping()).purged).toEqual(NOTHING);
  });

  it("purges each user's own old trash and nothing else of anyone's, and stamps only the owners' dashboards", async () => {
    const ada = await createUser();
    const bob = await createUser();
    const carol = await createUser();
    const adaOld = await createTouchpoint(ada.id, { deletedAt: pastWindow() });
    const adaRecent = await createTouchpoint(ada.id, { deletedAt: withinWindow() });
    const bobOld = await createVisionNote(bob, { deletedAt: pastWindow() });
    const bobRecent = await createTouchpoint(bob.id, { deletedAt: withinWindow() });
    const bobLive = await createTouchpoint(bob.id);
    // Carol has only live rows and a recent delete: nothing of hers is purged.
    const carolLive = await createStakeholder(carol.id);
    const carolRecent = await createVisionNote(carol, { deletedAt: withinWindow() });
    const [adaBefore, bobBefore, carolBefore] = await Promise.all([dataVersion(ada), dataVersion(bob), dataVersion(carol)]);

    const { purged } = await runHousekeeping();

    expect(purged).toEqual({ ...NOTHING, touchpoints: 1, visionNotes: 1 });
    expect(await db.touchpoint.findUnique({ where: { id: adaOld.id } })).toBeNull();
    expect(await db.visionNote.findUnique({ where: { id: bobOld.id } })).toBeNull();
    expect(await db.touchpoint.count({ where: { id: { in: [adaRecent.id, bobRecent.id, bobLive.id] } } })).toBe(3);
    expect(await db.stakeholder.count({ where: { id: carolLive.id } })).toBe(1);
    expect(await db.visionNote.count({ where: { id: carolRecent.id } })).toBe(1);
    // The dashboard's triggers stamp the owners of purged rows: their kept
    // dashboard is rebuilt once, with the same numbers. Carol's is untouched.
    expect(await dataVersion(ada)).not.toBe(adaBefore);
    expect(await dataVersion(bob)).not.toBe(bobBefore);
    expect(await dataVersion(carol)).toBe(carolBefore);
    // Each user still restores their own recent delete.
    await restoreTouchpoint(bob.viewer, bobRecent.id);
    await restoreVisionNote(carol.viewer, carolRecent.id);
  });

  it("works in bounded batches, leaving what a run's batches did not reach for the next run", async () => {
    const ada = await createUser();
    const bob = await createUser();
    await db.touchpoint.createMany({
      data: [ada, bob].flatMap((user) =>
        Array.from({ length: 4 }, (_, i) => ({ userId: user.id, department: "SALES" as const, occurredOn: new Date("2026-11-02"), channel: "CALL" as const, topic: `T${i}`, deletedAt: pastWindow() })),
      ),
    });

    // Two batches of three: six of the eight go.
    expect((await runHousekeeping({ batchSize: 3, maxBatches: 2 })).purged.touchpoints).toBe(6);
    expect(await db.touchpoint.count()).toBe(2);
    expect((await runHousekeeping({ batchSize: 3 })).purged.touchpoints).toBe(2);
    expect(await db.touchpoint.count()).toBe(0);
  });

  it("purges each row once when two runs go at the same time, without an error", async () => {
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    for (const user of users) {
      await db.touchpoint.createMany({
        data: Array.from({ length: 40 }, (_, i) => ({ userId: user.id, department: "SALES" as const, occurredOn: new Date("2026-11-02"), channel: "CALL" as const, topic: `T${i}`, deletedAt: pastWindow() })),
      });
      await db.visionNote.createMany({ data: Array.from({ length: 15 }, (_, i) => ({ userId: user.id, title: `N${i}`, horizon: "ONE_YEAR" as const, deletedAt: pastWindow() })) });
      await db.stakeholder.createMany({ data: Array.from({ length: 10 }, (_, i) => ({ userId: user.id, name: `S${i}`, department: "SALES" as const, deletedAt: pastWindow() })) });
      await db.session.createMany({ data: Array.from({ length: 10 }, () => ({ userId: user.id, sessionToken: randomUUID(), expires: new Date(Date.now() - MINUTE) })) });
    }
    const errors = vi.spyOn(logger, "error");

    const runs = await Promise.all([runHousekeeping({ batchSize: 4 }), runHousekeeping({ batchSize: 4 })]);

    expect(runs.map((run) => run.failed)).toEqual([[], []]);
    expect(errors).not.toHaveBeenCalled();
    const total = (kind: keyof HousekeepingCounts) => runs[0]!.purged[kind] + runs[1]!.purged[kind];
    expect([total("touchpoints"), total("visionNotes"), total("stakeholders"), total("sessions")]).toEqual([120, 45, 30, 30]);
    expect(await Promise.all([db.touchpoint.count(), db.visionNote.count(), db.stakeholder.count(), db.session.count()])).toEqual([0, 0, 0, 0]);
  });

  it("takes no row of an owner whose row another transaction holds, so an account deletion cannot deadlock with it", async () => {
    const ada = await createUser();
    const bob = await createUser();
    for (const user of [ada, bob]) for (let i = 0; i < 3; i++) await createTouchpoint(user.id, { deletedAt: pastWindow() });
    const deletion = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await deletion.connect();
    try {
      // An account deletion locks the user's row first...
      await deletion.query("BEGIN");
      await deletion.query(`SELECT id FROM "User" WHERE id = $1 FOR UPDATE`, [ada.id]);
      const purge = runHousekeeping();
      await waitForLockWait(deletion);
      // ...then its cascade reaches the trash, which the waiting purge has not taken.
      await deletion.query(`DELETE FROM "User" WHERE id = $1`, [ada.id]);
      await deletion.query("COMMIT");

      const { purged, failed } = await purge;
      expect(failed).toEqual([]);
      expect(purged.touchpoints).toBe(3);
      expect(await db.touchpoint.count()).toBe(0);
    } finally {
      await deletion.end();
    }
  });
});

/** Until another session of this database waits on a lock. */
async function waitForLockWait(client: pg.Client): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The purge never waited on the held row");
}

describe("housekeeping: expired sign-in rows", () => {
  it("purges expired sessions, sign-in links and rate-limit counters, and keeps the live ones", async () => {
    const ada = await createUser();
    const past = new Date(Date.now() - MINUTE);
    const future = new Date(Date.now() + 30 * MINUTE);
    await db.session.createMany({
      data: [
        { userId: ada.id, sessionToken: "expired-session", expires: past },
        { userId: ada.id, sessionToken: "live-session", expires: future },
      ],
    });
    await db.verificationToken.createMany({
      data: [
        { identifier: ada.email, token: "expired-link", expires: past },
        { identifier: ada.email, token: "live-link", expires: future },
      ],
    });
    await db.rateLimit.createMany({
      data: [
        { key: "signInPerEmail:expired", points: 5, expire: BigInt(past.getTime()) },
        { key: "signInPerEmail:live", points: 2, expire: BigInt(future.getTime()) },
      ],
    });

    const { purged } = await runHousekeeping();

    expect(purged).toEqual({ ...NOTHING, sessions: 1, verificationTokens: 1, rateLimits: 1 });
    expect((await db.session.findMany()).map((row) => row.sessionToken)).toEqual(["live-session"]);
    expect((await db.verificationToken.findMany()).map((row) => row.token)).toEqual(["live-link"]);
    expect((await db.rateLimit.findMany()).map((row) => row.key)).toEqual(["signInPerEmail:live"]);
  });
});

describe("housekeeping: calendar imports never confirmed", () => {
  const window = { windowStart: new Date("2026-08-31T00:00:00Z"), windowEnd: new Date("2026-11-26T12:00:00Z") };
  const event = { key: "board-prep", start: "2026-11-16T09:00:00.000Z", end: "2026-11-16T10:00:00.000Z", title: "Secret board prep", description: "", organizer: null, attendees: [], attendeeCount: 0 };
  const imported = (user: TestUser, fileName: string, createdAt: Date, status: "PENDING" | "CONFIRMED" = "PENDING") =>
    db.calendarImport.create({
      data: { userId: user.id, fileName, ...window, createdAt, status, confirmedAt: status === "CONFIRMED" ? createdAt : null, occurrences: status === "PENDING" ? [event] : undefined },
    });

  it("purges pending imports older than a week, in batches, and keeps newer ones and every confirmed import", async () => {
    const ada = await createUser();
    const bo = await createUser();
    const stale = new Date(Date.now() - PENDING_IMPORT_MAX_AGE_MS - MINUTE);
    for (const [user, name] of [[ada, "a.ics"], [bo, "b.ics"], [bo, "c.ics"]] as const) await imported(user, name, stale);
    await imported(ada, "fresh.ics", new Date(Date.now() - PENDING_IMPORT_MAX_AGE_MS + 5 * MINUTE));
    await imported(ada, "confirmed.ics", new Date(Date.now() - 30 * PENDING_IMPORT_MAX_AGE_MS), "CONFIRMED");
    const statements = vi.spyOn(db, "$executeRaw");

    const { purged } = await runHousekeeping({ batchSize: 2 });

    expect(purged).toEqual({ ...NOTHING, pendingCalendarImports: 3 });
    // Two batches of at most two, then an empty one: every other kind took one statement.
    expect(statements).toHaveBeenCalledTimes(Object.keys(NOTHING).length - 1 + 3);
    expect((await db.calendarImport.findMany({ orderBy: { fileName: "asc" }, select: { fileName: true } })).map((row) => row.fileName)).toEqual(["confirmed.ics", "fresh.ics"]);
    const [audit] = await db.auditEvent.findMany({ where: { action: "housekeeping_purge" } });
    expect(audit?.detail).toEqual({ ...NOTHING, pendingCalendarImports: 3, failed: [] });
    expect(JSON.stringify(audit)).not.toContain("Secret board prep");
  });

  it("finds them by the index on (status, createdAt), not by reading every import", async () => {
    const statements = vi.spyOn(db, "$executeRaw");
    await runHousekeeping();
    const purge = statements.mock.calls.map(([statement]) => statement as Prisma.Sql).find((statement) => statement.sql.includes(`"CalendarImport"`))!;

    // The table is tiny here; with sequential scans priced out, the plan shows whether an index serves the batch.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${purge.text}`, ...purge.values);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("CalendarImport_status_createdAt_idx");
  });
});

describe("housekeeping: the audit trail and the log", () => {
  it("records one line with a count per kind, nothing of the rows, in no user's history", async () => {
    const ada = await createUser();
    const note = await createVisionNote(ada, { title: "The secret acquisition", deletedAt: pastWindow() });
    const touchpoint = await createTouchpoint(ada.id, { topic: "Whispered plans", deletedAt: pastWindow() });
    await db.session.create({ data: { userId: ada.id, sessionToken: "old-session-token", expires: new Date(Date.now() - MINUTE) } });

    await runHousekeeping();

    const events = await db.auditEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: null, action: "housekeeping_purge", ip: null, userAgent: null });
    expect(events[0]!.detail).toEqual({ ...NOTHING, touchpoints: 1, visionNotes: 1, sessions: 1, failed: [] });
    const stored = JSON.stringify(events);
    for (const secret of [ada.id, ada.email, note.id, note.title, touchpoint.id, "Whispered plans", "old-session-token"]) expect(stored).not.toContain(secret);
    expect(await listAuditEvents(ada.viewer)).toEqual([]);

    // Nothing purged, nothing recorded.
    await runHousekeeping();
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("goes on with the other kinds when one fails, and logs the failure without the row", async () => {
    const ada = await createUser();
    await db.session.create({ data: { userId: ada.id, sessionToken: "refused-session-token", expires: new Date(Date.now() - MINUTE) } });
    await createTouchpoint(ada.id, { deletedAt: pastWindow() });
    await db.verificationToken.create({ data: { identifier: ada.email, token: "expired-link", expires: new Date(Date.now() - MINUTE) } });
    // A trigger that refuses to delete a session and quotes it in the error's detail.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`
      CREATE FUNCTION housekeeping_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test' USING DETAIL = 'Key ("sessionToken")=(' || OLD."sessionToken" || ')'; END $$;
      CREATE TRIGGER housekeeping_test_refuse BEFORE DELETE ON "Session" FOR EACH ROW EXECUTE FUNCTION housekeeping_test_refuse();`);
    const errors = vi.spyOn(logger, "error");
    try {
      const { purged, failed } = await runHousekeeping();
      expect(failed).toEqual(["sessions"]);
      expect(purged).toEqual({ ...NOTHING, touchpoints: 1, verificationTokens: 1 });
    } finally {
      await admin.query(`DROP TRIGGER housekeeping_test_refuse ON "Session"; DROP FUNCTION housekeeping_test_refuse();`);
      await admin.end();
    }
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(errors.mock.calls[0]);
    expect(logged).toContain("refused by the test");
    expect(logged).toContain("sessions");
    expect(logged).not.toContain("refused-session-token");
    expect(await db.session.count()).toBe(1);
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "housekeeping_purge" } })).detail).toMatchObject({ sessions: 0, failed: ["sessions"] });
  });
});

describe("housekeeping: the schedule", () => {
  it("is scheduled hourly on its own queue by the worker, which runs it", async () => {
    configureQueue({ pollingIntervalSeconds: 0.5 });
    await startWorker();
    const boss = await getBoss();

    const schedules = await boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === QUEUES.housekeeping)).toEqual([expect.objectContaining({ cron: HOUSEKEEPING_CRON })]);
    expect(HOUSEKEEPING_CRON).toMatch(/^\d{1,2} \* \* \* \*$/);

    // The scheduler only sends the job; the worker's handler does the purge.
    const ada = await createUser();
    const old = await createTouchpoint(ada.id, { deletedAt: pastWindow() });
    const id = await boss.send(QUEUES.housekeeping, {});
    expect(id).toBeTruthy();
    let job = await boss.getJobById(QUEUES.housekeeping, id!, { includeArchive: true });
    for (let i = 0; i < 100 && job?.state !== "completed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await boss.getJobById(QUEUES.housekeeping, id!, { includeArchive: true });
    }
    expect(job?.state).toBe("completed");
    expect(await db.touchpoint.findUnique({ where: { id: old.id } })).toBeNull();
  });
});
