import { describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/account/deletion";
import { exportAccount, exportCsv } from "@/lib/account/export";
import { importAccount } from "@/lib/account/import";
import { CSV_FILES, accountExportSchema, type AccountExport } from "@/lib/account/account.validation";
import { endMentorship, updateSharing } from "@/lib/mentoring/mentorships";
import { createShareLink } from "@/lib/story/share-links";
import { fromDateOnly } from "@/lib/shared/dates";
import type { Viewer } from "@/lib/server/viewer";
import { SHARE_EVERYTHING, createMentor } from "../support/factories/mentors";
import { db } from "@/lib/server/db";
import { AWKWARD_TEXT, createMentorship, createUser, fillAccount } from "../support/factories/trust";

/**
 * Not in the export, on purpose: sign-in rows (Account, Session), the security
 * history (AuditEvent), notifications (about other people's comments), which
 * weekly emails went out (WeeklyEmail), and of the rows that are exported,
 * these columns. Shared story links are listed for the record but not
 * imported: a link belongs to the account it was made in. Anything else a
 * user owns must come back from an import, column by column.
 */
const NOT_EXPORTED_TABLES = new Set([
  "Account",
  "Session",
  "AuditEvent",
  "Notification",
  "WeeklyEmail",
  "StoryShareLink",
  // Calendar imports: their events are not kept, and what they wrote is in the weeks and touchpoints exported.
  "CalendarImport",
  "CalendarImportWeek",
  "CalendarImportTouchpoint",
  // Calendar feeds: in the file by their hint only (the address is a secret), so not imported back.
  "CalendarFeed",
]);
const NOT_EXPORTED_COLUMNS: Record<string, string[]> = {
  // Another account: its own address, sign-in state, provider picture and lifetime.
  // The next weekly email's instant is computed again from the imported zone and settings.
  User: ["email", "emailVerified", "image", "createdAt", "updatedAt", "dataVersion", "weeklyEmailDueAt"],
  // A counter for concurrent saves: an imported week or narrative starts again at 1.
  Week: ["version"],
  StoryNarrative: ["version"],
  // A mentor's rating of the user's quarter is theirs, through their mentorship: in the file for the
  // record, not imported (the user's own ratings have none).
  StoryRating: ["mentorshipId"],
  CalendarRules: ["updatedAt"],
};
// Trash is left out of the export, and ids are new on import.
const isIdentity = (column: string) => column === "id" || column === "userId" || column === "deletedAt";

type Owned = { table: string; trash: boolean; columns: Array<{ name: string; default: string | null }> };

/** The tables a user owns and their columns, from the database itself: a column added to the schema is compared too. */
async function ownedTables(): Promise<{ tables: Owned[]; references: Map<string, string> }> {
  // Generated columns (search documents) are derived from the others, not data of their own.
  const columns = await db.$queryRaw<Array<{ table: string; column: string; default: string | null }>>`
    SELECT table_name AS table, column_name AS column, column_default AS default FROM information_schema.columns
    WHERE table_schema = 'public' AND is_generated = 'NEVER' AND (table_name = 'User' OR table_name IN (
      SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'userId'))
    ORDER BY table_name, ordinal_position`;
  const foreignKeys = await db.$queryRaw<Array<{ table: string; column: string; target: string }>>`
    SELECT kcu.table_name AS table, kcu.column_name AS column, ccu.table_name AS target
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND kcu.column_name <> 'userId' AND ccu.column_name = 'id'`;
  const tables = new Map<string, Owned>();
  for (const row of columns) {
    if (NOT_EXPORTED_TABLES.has(row.table)) continue;
    if (!tables.has(row.table)) tables.set(row.table, { table: row.table, trash: false, columns: [] });
    const owned = tables.get(row.table)!;
    if (row.column === "deletedAt") owned.trash = true;
    if (isIdentity(row.column) || NOT_EXPORTED_COLUMNS[row.table]?.includes(row.column)) continue;
    owned.columns.push({ name: row.column, default: row.default });
  }
  return { tables: [...tables.values()], references: new Map(foreignKeys.map((fk) => [`${fk.table}.${fk.column}`, fk.target])) };
}

/**
 * Every row the user owns (trash aside), every column but ids: a reference to
 * another row becomes that row's own content, so links are compared too.
 */
async function ownedRows(userId: string) {
  const { tables, references } = await ownedTables();
  const raw = new Map<string, Array<Record<string, unknown>>>();
  for (const { table, trash } of tables) {
    const owner = table === "User" ? "id" : "userId";
    const columns = ["id", ...tables.find((t) => t.table === table)!.columns.map((column) => column.name)].map((name) => `"${name}"`).join(", ");
    raw.set(table, await db.$queryRawUnsafe(`SELECT ${columns} FROM "${table}" WHERE "${owner}" = $1${trash ? ' AND "deletedAt" IS NULL' : ""}`, userId));
  }
  const content = (table: string, row: Record<string, unknown>): Record<string, unknown> => {
    const { columns } = tables.find((t) => t.table === table)!;
    return Object.fromEntries(
      columns.map(({ name }) => {
        const target = references.get(`${table}.${name}`);
        const value = row[name];
        if (!target || value === null) return [name, value];
        const referenced = raw.get(target)?.find((other) => other.id === value);
        return [name, referenced ? content(target, referenced) : `missing ${target}`];
      }),
    );
  };
  return Object.fromEntries(
    tables.map(({ table }) => [table, raw.get(table)!.map((row) => JSON.stringify(content(table, row))).sort()]),
  );
}

/** Columns that hold only their default in the user's rows: the fill would not notice if the export forgot them. */
async function unexercisedColumns(userId: string): Promise<string[]> {
  const { tables } = await ownedTables();
  const idle: string[] = [];
  for (const { table, trash, columns } of tables) {
    const owner = table === "User" ? "id" : "userId";
    for (const column of columns) {
      const [row] = await db.$queryRawUnsafe<Array<{ used: boolean | null }>>(
        `SELECT bool_or("${column.name}"::text IS DISTINCT FROM (${column.default ?? "NULL"})::text) AS used FROM "${table}" WHERE "${owner}" = $1${trash ? ' AND "deletedAt" IS NULL' : ""}`,
        userId,
      );
      if (!row?.used) idle.push(`${table}.${column.name}`);
    }
  }
  return idle;
}

async function ownedCounts(userId: string) {
  return {
    weeks: await db.week.count({ where: { userId } }),
    stakeholders: await db.stakeholder.count({ where: { userId } }),
    touchpoints: await db.touchpoint.count({ where: { userId } }),
    visionNotes: await db.visionNote.count({ where: { userId } }),
    revisits: await db.visionNoteRevisit.count({ where: { userId } }),
  };
}

describe("account export", () => {
  it("holds everything the user owns, and nothing of anyone else, and passes its own import schema", async () => {
    const ada = await createUser({ name: "Ada" });
    const grace = await createUser({ name: "Grace" });
    await fillAccount(ada);
    await fillAccount(grace);

    const data = await exportAccount(ada.viewer);

    expect(accountExportSchema.safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
    expect(data.account).toMatchObject({ email: ada.email, name: "Ada", goals: { strategySharePercent: 40, touchpointsPerWeek: 5, departments: ["SALES", "FINANCE"] } });
    expect(data.weeks.map((week) => week.startsOn)).toEqual(["2026-11-02", "2026-11-09"]);
    expect(data.weeks[0]).toMatchObject({ firefightingMinutes: 600, strategyMinutes: 900, otherMinutes: 45, reflectionStrategy: AWKWARD_TEXT, ratingStrategy: 4 });
    // The trash is left out.
    expect(data.stakeholders.map((row) => row.name)).toEqual(["Sam Seller", "Fay Finance"]);
    expect(data.touchpoints.map((row) => row.topic)).toEqual(["Pipeline review", "Budget", "Ops sync"]);
    expect(data.visionNotes[0]).toMatchObject({ title: "Platform team by Q3", tags: ["hiring", "platform"], revisitOn: "2027-01-15", revisits: ["2026-10-01T09:00:00.000Z", "2026-11-01T09:00:00.000Z"] });
    const stakeholderIds = new Set(data.stakeholders.map((row) => row.id));
    expect(data.touchpoints.every((row) => row.stakeholderId === null || stakeholderIds.has(row.stakeholderId))).toBe(true);
    expect(JSON.stringify(data)).not.toContain(grace.id);
  });

  it("lists mentorships on both sides and their comments, never an invitation token hash", async () => {
    const ada = await createUser();
    const mentor = await createUser();
    const mentee = await createUser();
    const { noteId } = await fillAccount(ada);
    await createMentorship(ada, mentor, noteId);
    await createMentorship(mentee, ada);

    const data = await exportAccount(ada.viewer);

    expect(data.mentorships).toEqual([
      expect.objectContaining({ role: "mentee", otherPerson: mentor.email, status: "ACCEPTED", shareNotes: true, shareStory: false }),
      expect.objectContaining({ role: "mentor", otherPerson: mentee.email, status: "ACCEPTED" }),
    ]);
    expect(data.comments).toEqual([expect.objectContaining({ thread: "yours", author: mentor.email, noteTitle: "Platform team by Q3", body: "Good direction." })]);
    expect(JSON.stringify(data)).not.toMatch(/hash-/);
  });

  it("holds of a mentee's rows only what the mentor may read now: after unsharing, renaming and revoking, only the mentor's own words", async () => {
    const ada = await createUser({ name: "Ada" });
    const { noteId } = await fillAccount(ada);
    const grace = await createMentor(ada, SHARE_EVERYTHING);
    const week = await db.week.findFirstOrThrow({ where: { userId: ada.id, startsOn: fromDateOnly("2026-11-02") } });
    await db.reviewComment.createMany({
      data: [
        { menteeId: ada.id, authorId: grace.id, noteId, body: "Good direction." },
        { menteeId: ada.id, authorId: grace.id, weekId: week.id, body: "Calm week." },
        { menteeId: ada.id, authorId: ada.id, noteId, body: "Ada's own reply" },
      ],
    });
    // The JSON file and every CSV file, as the mentor downloads them.
    const everything = async (viewer: Viewer) =>
      [JSON.stringify(await exportAccount(viewer)), ...(await Promise.all(CSV_FILES.map((file) => exportCsv(viewer, file))))].join("\n");
    const adasTexts = ["Platform team by Q3", "Renamed secret bet", "Ada's own reply", "Sam Seller", "Pipeline review", "+1 from the board"];

    expect(await everything(grace.viewer)).toContain("Platform team by Q3");

    await updateSharing(ada.viewer, grace.mentorshipId, { shareReflections: true, shareStakeholders: true, shareNotes: false, shareStory: false });
    await db.visionNote.update({ where: { id: noteId }, data: { title: "Renamed secret bet" } });
    const unshared = await exportAccount(grace.viewer);
    for (const text of adasTexts) expect(await everything(grace.viewer)).not.toContain(text);
    expect(unshared.comments).toEqual([
      expect.objectContaining({ thread: "mentee", author: "you", body: "Good direction.", noteTitle: null, weekStartsOn: null, menteeEmail: null, onItemNoLongerShared: true }),
      expect.objectContaining({ thread: "mentee", author: "you", body: "Calm week.", weekStartsOn: "2026-11-02", menteeEmail: ada.email, onItemNoLongerShared: false }),
    ]);
    expect(accountExportSchema.safeParse(JSON.parse(JSON.stringify(unshared))).success).toBe(true);

    await endMentorship(ada.viewer, grace.mentorshipId);
    const ended = await exportAccount(grace.viewer);
    const text = await everything(grace.viewer);
    for (const adas of [...adasTexts, ada.email, "2026-11-02"]) expect(text).not.toContain(adas);
    expect(ended.comments.map((c) => [c.body, c.onItemNoLongerShared, c.noteTitle, c.weekStartsOn, c.menteeEmail])).toEqual([
      ["Good direction.", true, null, null, null],
      ["Calm week.", true, null, null, null],
    ]);
    expect(ended.mentorships).toEqual([
      expect.objectContaining({ role: "mentor", otherPerson: "Ada", status: "ENDED", message: null, shareReflections: false, shareStakeholders: false, shareNotes: false, shareStory: false }),
    ]);
  });

  it("lists shared story links, never their token or its hash", async () => {
    const ada = await createUser();
    const grace = await createUser();
    const now = new Date("2026-11-20T10:00:00Z");
    const { token } = await createShareLink(ada.viewer, { quarter: "2026-Q4", expiresInDays: 7, label: "Dana, CEO" }, now);
    await createShareLink(grace.viewer, { quarter: "2026-Q4", expiresInDays: 30, label: "Grace's board" }, now);
    const [row] = await db.storyShareLink.findMany({ where: { userId: ada.id } });

    const data = await exportAccount(ada.viewer);

    expect(data.storyShareLinks).toEqual([
      { quarter: "2026-Q4", label: "Dana, CEO", createdAt: row!.createdAt.toISOString(), expiresAt: "2026-11-27T10:00:00.000Z", revokedAt: null, viewCount: 0, lastViewedAt: null },
    ]);
    const text = JSON.stringify(data);
    for (const secret of [token, row!.tokenHash, "Grace's board"]) expect(text).not.toContain(secret);
    expect(accountExportSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it("writes spreadsheet-safe CSV files", async () => {
    const ada = await createUser();
    await fillAccount(ada);

    const touchpoints = await exportCsv(ada.viewer, "touchpoints.csv");
    const lines = touchpoints.split("\r\n");
    expect(lines[0]).toBe("Date,Stakeholder,Department,Channel,Topic,Outcome,Notable");
    expect(touchpoints).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(touchpoints).toContain("Group meeting");
    expect(touchpoints).not.toContain("In the trash");

    const weeks = await exportCsv(ada.viewer, "weeks.csv");
    expect(weeks.split("\r\n")[1]).toMatch(/^2026-11-02,10,15,0.75,4,,,2,/);
    expect(weeks).toContain("'+1 from the board");
    const stakeholders = await exportCsv(ada.viewer, "stakeholders.csv");
    expect(stakeholders).toContain("'-prefers mornings");
    // Times in the user's zone, named in the header, in a form spreadsheets read as dates.
    expect(stakeholders.split("\r\n")[0]).toBe("Name,Role,Department,Cadence (days),Notes,Added (Europe/Berlin)");
    expect(stakeholders).toContain(`Sam Seller,VP Sales,Sales,14,'-prefers mornings,2000-01-01 01:00\r\n`);
    expect(await exportCsv(ada.viewer, "notes.csv")).toContain("Platform team by Q3");
  });
});

describe("account import", () => {
  it("round-trips: the rows an import writes are the rows exported, every column of every table the user owns", async () => {
    const ada = await createUser({ name: "Ada", timeZone: "Asia/Tokyo", weekStartsOn: 0 });
    await fillAccount(ada);
    // Else a column the export forgot would come back as its default and match by chance.
    expect(await unexercisedColumns(ada.id)).toEqual([]);
    const before = await ownedRows(ada.id);
    const first = await exportAccount(ada.viewer);

    const fresh = await createUser({ name: "Someone else", timeZone: null });
    // Through JSON and the schema, as a downloaded file would go.
    const file = accountExportSchema.parse(JSON.parse(JSON.stringify(first)));
    const summary = await importAccount(fresh.viewer, file);

    expect(summary).toEqual({ weeks: 2, stakeholders: 2, touchpoints: 3, visionNotes: 2 });
    expect(await ownedRows(fresh.id)).toEqual(before);
    // Every weekly email is off in the file: nothing is scheduled.
    expect(await db.user.findUniqueOrThrow({ where: { id: fresh.id }, select: { weeklyEmailDueAt: true } })).toEqual({ weeklyEmailDueAt: null });
    // New ids: the original rows are untouched and still Ada's.
    const second = await exportAccount(fresh.viewer);
    expect(second.stakeholders.map((row) => row.id)).not.toEqual(first.stakeholders.map((row) => row.id));
    expect(await ownedCounts(ada.id)).toEqual({ weeks: 2, stakeholders: 3, touchpoints: 4, visionNotes: 2, revisits: 2 });
  });

  it("refuses an account that already has data, and writes nothing", async () => {
    const ada = await createUser();
    await fillAccount(ada);
    const file = accountExportSchema.parse(JSON.parse(JSON.stringify(await exportAccount(ada.viewer))));
    const busy = await createUser({ name: "Busy" });
    await db.visionNote.create({ data: { userId: busy.id, title: "Deleted, still counts", horizon: "QUARTER", deletedAt: new Date() } });

    await expect(importAccount(busy.viewer, file)).rejects.toThrow(/only works into an empty account/);
    expect(await ownedCounts(busy.id)).toEqual({ weeks: 0, stakeholders: 0, touchpoints: 0, visionNotes: 1, revisits: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { id: busy.id } })).name).toBe("Busy");
  });

  it("leaves nothing behind when a row fails half way", async () => {
    const ada = await createUser();
    await fillAccount(ada);
    const file = accountExportSchema.parse(JSON.parse(JSON.stringify(await exportAccount(ada.viewer))));
    // The last row is one PostgreSQL refuses (text with a NUL); the schema refuses it too, so go around it.
    const broken = { ...file, visionNotes: [...file.visionNotes, { ...file.visionNotes[0]!, id: "other", title: "nul \u0000 byte" }] };
    expect(accountExportSchema.safeParse(broken).success).toBe(false);
    const fresh = await createUser();

    await expect(importAccount(fresh.viewer, broken)).rejects.toThrow();
    expect(await ownedCounts(fresh.id)).toEqual({ weeks: 0, stakeholders: 0, touchpoints: 0, visionNotes: 0, revisits: 0 });
  });
});

describe("account import file", () => {
  it("refuses files that are not a Wheelhouse export or tie rows to missing stakeholders", async () => {
    const ada = await createUser();
    await fillAccount(ada);
    const file = JSON.parse(JSON.stringify(await exportAccount(ada.viewer))) as AccountExport;

    expect(accountExportSchema.safeParse({ ...file, format: "other" }).success).toBe(false);
    expect(accountExportSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
    const orphan = { ...file, touchpoints: [{ ...file.touchpoints[0]!, stakeholderId: "not-in-file" }] };
    expect(accountExportSchema.safeParse(orphan).success).toBe(false);
    const twice = { ...file, weeks: [file.weeks[0]!, file.weeks[0]!] };
    expect(accountExportSchema.safeParse(twice).success).toBe(false);
    const badEnum = { ...file, stakeholders: [{ ...file.stakeholders[0]!, department: "DROP TABLE" }] };
    expect(accountExportSchema.safeParse(badEnum).success).toBe(false);
  });
});

describe("account deletion", () => {
  it("needs the account's email typed, and changes nothing otherwise", async () => {
    const ada = await createUser();
    await fillAccount(ada);

    await expect(deleteAccount(ada.viewer, "someone@else.test")).rejects.toThrow(/not this account's email/);
    expect(await db.user.count({ where: { id: ada.id } })).toBe(1);
  });

  it("removes the user's data and sessions, ends their mentorships on both sides, keeps others' data and detached audit lines", async () => {
    const ada = await createUser();
    const mentor = await createUser();
    const mentee = await createUser();
    const { noteId } = await fillAccount(ada);
    await fillAccount(mentee);
    await createMentorship(ada, mentor, noteId);
    const menteeSide = await createMentorship(mentee, ada);
    await db.session.create({ data: { userId: ada.id, sessionToken: "ada-session", expires: new Date(Date.now() + 86_400_000) } });
    await db.session.create({ data: { userId: mentee.id, sessionToken: "mentee-session", expires: new Date(Date.now() + 86_400_000) } });
    await db.auditEvent.create({ data: { userId: ada.id, action: "sign_in", ip: "203.0.113.9" } });
    await db.weeklyEmail.create({ data: { userId: ada.id, kind: "WEEK_REMINDER", week: fromDateOnly("2026-11-30") } });

    await deleteAccount(ada.viewer, ` ${ada.email.toUpperCase()} `);

    expect(await db.user.count({ where: { id: ada.id } })).toBe(0);
    expect(await ownedCounts(ada.id)).toEqual({ weeks: 0, stakeholders: 0, touchpoints: 0, visionNotes: 0, revisits: 0 });
    expect(await db.session.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.weeklyEmail.count({ where: { userId: ada.id } })).toBe(0);
    // As a mentee: the mentorship and its comments are gone.
    expect(await db.mentorship.count({ where: { menteeId: ada.id } })).toBe(0);
    expect(await db.reviewComment.count({ where: { menteeId: ada.id } })).toBe(0);
    // The calendar import's rules, imports and what they changed.
    expect(await db.calendarRules.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.calendarImport.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.calendarImportWeek.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.calendarImportTouchpoint.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.calendarImport.count({ where: { userId: mentee.id } })).toBe(1);
    expect(await db.calendarFeed.count({ where: { userId: ada.id } })).toBe(0);
    expect(await db.calendarFeed.count({ where: { userId: mentee.id } })).toBe(1);
    // As a mentor: the leader keeps the row, ended, without Ada.
    expect(await db.mentorship.findUniqueOrThrow({ where: { id: menteeSide.id } })).toMatchObject({ status: "ENDED", mentorId: null, inviteTokenHash: null });
    expect(await ownedCounts(mentee.id)).toEqual({ weeks: 2, stakeholders: 3, touchpoints: 4, visionNotes: 2, revisits: 2 });
    expect(await db.session.count({ where: { userId: mentee.id } })).toBe(1);
    expect(await db.auditEvent.findMany({ where: { ip: "203.0.113.9" }, select: { userId: true } })).toEqual([{ userId: null }]);
  });
});
