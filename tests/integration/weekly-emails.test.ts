// The weekly emails end to end on the real database and a real SMTP server on
// loopback: two workers (this process and `npm run worker` in another) tick on
// one database and send one reminder; what is logged, revoked or unshared
// stays out; the one-click unsubscribe works with no cookie and refuses
// forged and expired links.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type ReceivedEmail, type SmtpServer } from "../../scripts/support/smtp";
import { fromDateOnly } from "@/lib/shared/dates";
import { nextWeeklyDue, reminderWeekOf } from "@/lib/shared/weekly-schedule";
import type { TestUser } from "../support/factories/users";

const root = join(import.meta.dirname, "..", "..");
let smtp: SmtpServer;
let other: ChildProcess | undefined;

let worker: typeof import("@/lib/server/worker");
let weeklyEmails: typeof import("@/lib/reminders/weekly-emails");
let tokens: typeof import("@/lib/reminders/unsubscribe-token");
let route: typeof import("@/app/api/unsubscribe/[token]/route");
// Loaded after the environment is set (lib/config/env.ts reads it once, when first imported).
let db: typeof import("@/lib/server/db").db;
let createUser: typeof import("../support/factories/users").createUser;
let createInvitation: typeof import("../support/factories/mentors").createInvitation;
let createMentor: typeof import("../support/factories/mentors").createMentor;
let createStakeholder: typeof import("../support/factories/stakeholders").createStakeholder;
let preferences: typeof import("@/lib/reminders/preferences");
let users: typeof import("@/lib/users");
let comments: typeof import("@/lib/mentoring/comments");
let notifications: typeof import("@/lib/mentoring/notifications");

beforeAll(async () => {
  smtp = await startSmtpServer();
  // lib/config/env.ts reads the environment once, when first imported: set it before.
  process.env.EMAIL_SERVER = smtp.url;
  process.env.REMINDER_TICK_SECONDS = "1";
  const jobs = await import("@/lib/server/jobs");
  worker = await import("@/lib/server/worker");
  weeklyEmails = await import("@/lib/reminders/weekly-emails");
  tokens = await import("@/lib/reminders/unsubscribe-token");
  route = await import("@/app/api/unsubscribe/[token]/route");
  ({ db } = await import("@/lib/server/db"));
  ({ createUser } = await import("../support/factories/users"));
  ({ createInvitation, createMentor } = await import("../support/factories/mentors"));
  ({ createStakeholder } = await import("../support/factories/stakeholders"));
  preferences = await import("@/lib/reminders/preferences");
  users = await import("@/lib/users");
  comments = await import("@/lib/mentoring/comments");
  notifications = await import("@/lib/mentoring/notifications");
  jobs.configureQueue({ retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
  await worker.startWorker();
}, 30_000);

afterAll(async () => {
  other?.kill("SIGTERM");
  await worker?.stopWorker();
  await smtp?.stop();
});

/** A second app instance's worker: `npm run worker`, a process of its own on the same database. */
async function startOtherWorker(): Promise<void> {
  other = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, EMAIL_SERVER: smtp.url, REMINDER_TICK_SECONDS: "1", EMAIL_RETRY_DELAY_SECONDS: "1", NODE_ENV: "development", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    // tsx compiles lib/ first: slow on a busy machine.
    const timer = setTimeout(() => reject(new Error(`The other worker did not start:\n${log}`)), 120_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.DEBUG_OTHER_WORKER) process.stderr.write(chunk);
      if (log.includes("Job worker started")) {
        clearTimeout(timer);
        resolve();
      }
    };
    other!.stdout!.on("data", read);
    other!.stderr!.on("data", read);
    other!.once("exit", (code) => reject(new Error(`The other worker exited (${code}):\n${log}`)));
  });
}

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("Timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const to = (user: TestUser) => (email: ReceivedEmail) => email.to.includes(user.email.toLowerCase());

/** Due at `dueAt`: set straight in the row, as a save in Settings would. */
async function dueAt(user: TestUser, instant: Date, overrides: { emailWeekReminder?: boolean; emailMentorDigest?: boolean } = {}): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { weeklyEmailDueAt: instant, ...overrides } });
}

/** A due instant nobody's tick reaches during the test, for jobs the test runs itself. */
const FUTURE = new Date(Date.now() + 30 * 86_400_000);
const job = (user: TestUser, instant = FUTURE) => ({ userId: user.id, dueAt: instant.toISOString(), baseUrl: "https://wheelhouse.example.test" });

describe("the weekly reminder", () => {
  it("is sent exactly once by two workers on one database, through an SMTP failure, a retry and a restart", async () => {
    await startOtherWorker();
    const leader = await createUser({ name: "Ada", timeZone: "America/New_York" });
    smtp.setFailing(true);
    await dueAt(leader, new Date(Date.now() - 1_000), { emailMentorDigest: false });

    await waitFor(() => smtp.refused.find(to(leader)));
    smtp.setFailing(false);
    const reminder = await waitFor(() => smtp.received.find(to(leader)));
    expect(reminder.subject).toMatch(/^Log your week: /);
    expect(reminder.headers["list-unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\/u1\.[^>]+>$/);
    expect(reminder.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // The next one: Friday 16:00 (the default) on the leader's clock.
    const next = await waitFor(async () => {
      const row = await db.user.findUniqueOrThrow({ where: { id: leader.id }, select: { weeklyEmailDueAt: true } });
      return row.weeklyEmailDueAt && row.weeklyEmailDueAt.getTime() > Date.now() ? row.weeklyEmailDueAt : undefined;
    });
    expect(next).toEqual(nextWeeklyDue({ timeZone: "America/New_York", day: 5, minute: 16 * 60 }, new Date()));

    // A restart of this instance, and several more ticks of both.
    await worker.stopWorker();
    await worker.startWorker();
    await sleep(4_000);
    expect(smtp.received.filter(to(leader))).toHaveLength(1);
    expect(await db.weeklyEmail.count({ where: { userId: leader.id, kind: "WEEK_REMINDER" } })).toBe(1);
  }, 240_000);

  it("says what is due and links the week; a job run twice sends once", async () => {
    const leader = await createUser({ name: "Ada", timeZone: "Europe/Berlin" });
    await createStakeholder(leader.id, { name: "Sam <b>Seller</b>", cadenceDays: 14 });
    await db.visionNote.create({ data: { userId: leader.id, title: "Platform bets", horizon: "ONE_YEAR", revisitOn: fromDateOnly("2026-01-01") } });
    await dueAt(leader, FUTURE, { emailMentorDigest: false });
    const now = new Date(FUTURE.getTime() + 60_000);

    const [first, second] = await Promise.all([weeklyEmails.sendWeeklyEmails(job(leader), now), weeklyEmails.sendWeeklyEmails(job(leader), now)]);
    expect([first.reminder, second.reminder].filter(Boolean)).toHaveLength(1);
    const reminder = await waitFor(() => smtp.received.find(to(leader)));
    expect(reminder.text).toContain("Overdue for a catch-up: Sam <b>Seller</b>.");
    expect(reminder.text).toContain("Vision notes due for a revisit: “Platform bets”.");
    expect(reminder.text).toMatch(/Log it now:\nhttps:\/\/wheelhouse\.example\.test\/weeks\/\d{4}-\d{2}-\d{2}/);
    expect(reminder.html).toContain("Sam &lt;b&gt;Seller&lt;/b&gt;");
  });

  it("is not sent when the week is logged, and the next one is scheduled all the same", async () => {
    const leader = await createUser({ timeZone: "Asia/Kolkata" });
    await db.week.create({ data: { userId: leader.id, startsOn: fromDateOnly(reminderWeekOf(FUTURE, { timeZone: "Asia/Kolkata", weekStartsOn: 1 })), strategyMinutes: 600 } });
    await dueAt(leader, FUTURE, { emailMentorDigest: false });

    expect(await weeklyEmails.sendWeeklyEmails(job(leader), new Date(FUTURE.getTime() + 60_000))).toEqual({ reminder: false, digest: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: leader.id }, select: { weeklyEmailDueAt: true } });
    expect(row.weeklyEmailDueAt!.getTime()).toBeGreaterThan(FUTURE.getTime());
    await sleep(500);
    expect(smtp.received.filter(to(leader))).toHaveLength(0);
  });
});

describe("the mentor digest", () => {
  it("holds nothing of a leader whose mentorship was revoked, and nothing they do not share", async () => {
    const mentor = await createUser({ name: "Morgan Mentor", timeZone: "Europe/London" });
    const sharing = await createUser({ name: "Ada Active" });
    const revoked = await createUser({ name: "Rex Revoked" });
    await createMentor(sharing, { notes: false }, mentor);
    await createInvitation(revoked, { inviteEmail: mentor.email, status: "ENDED", mentorId: mentor.id, share: { reflections: true, stakeholders: true, notes: true } });
    for (const leader of [sharing, revoked]) {
      const week = await db.week.create({ data: { userId: leader.id, startsOn: fromDateOnly("2026-11-30"), strategyMinutes: 300 } });
      await db.visionNote.create({ data: { userId: leader.id, title: `Secret plan of ${leader.id}`, horizon: "FIVE_YEARS" } });
      await db.reviewComment.create({ data: { menteeId: leader.id, authorId: leader.id, weekId: week.id, body: "What do you think?" } });
    }
    await dueAt(mentor, FUTURE, { emailWeekReminder: false });
    // The last digest went out an hour ago: everything above is new since.
    await db.weeklyEmail.create({ data: { userId: mentor.id, kind: "MENTOR_DIGEST", week: fromDateOnly("2026-11-23"), sentAt: new Date(Date.now() - 3_600_000) } });

    expect(await weeklyEmails.sendWeeklyEmails(job(mentor), new Date(FUTURE.getTime() + 60_000))).toEqual({ reminder: false, digest: true });
    const digest = await waitFor(() => smtp.received.find(to(mentor)));
    expect(digest.subject).toBe("Ada Active's week on Wheelhouse");
    expect(digest.text).toContain("Ada Active: 1 week logged (Week of 30 Nov 2026); 1 thread waits for your reply (Week of 30 Nov 2026).");
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    for (const part of [digest.text, digest.html, digest.subject]) {
      expect(part).not.toContain("Rex");
      expect(part).not.toContain(revoked.id);
      // Notes are not shared by Ada.
      expect(part).not.toContain("Secret plan");
    }
  });

  it("is not sent when only a revoked mentorship had something new", async () => {
    const mentor = await createUser({ timeZone: "Europe/London" });
    const revoked = await createUser({ name: "Rex Revoked" });
    await createInvitation(revoked, { inviteEmail: mentor.email, status: "ENDED", mentorId: mentor.id });
    await db.week.create({ data: { userId: revoked.id, startsOn: fromDateOnly("2026-11-30"), strategyMinutes: 300 } });
    await dueAt(mentor, FUTURE, { emailWeekReminder: false });
    await db.weeklyEmail.create({ data: { userId: mentor.id, kind: "MENTOR_DIGEST", week: fromDateOnly("2026-11-23"), sentAt: new Date(Date.now() - 3_600_000) } });

    expect(await weeklyEmails.sendWeeklyEmails(job(mentor), new Date(FUTURE.getTime() + 60_000))).toEqual({ reminder: false, digest: false });
    await sleep(500);
    expect(smtp.received.filter(to(mentor))).toHaveLength(0);
  });
});

describe("when the weekly emails are due", () => {
  const dueOf = async (user: TestUser) => (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { weeklyEmailDueAt: true } })).weeklyEmailDueAt;
  const choice = { weekReminder: true, mentorDigest: true, commentDigest: true, weeklyEmailDay: 1, weeklyEmailTime: 8 * 60 + 30 };

  it("follows the day, the time and the zone the user saves, and stops when no weekly email is on", async () => {
    const leader = await createUser({ timeZone: "Australia/Sydney" });
    const now = new Date();
    await preferences.updateEmailPreferences(leader.viewer, choice, now);
    expect(await dueOf(leader)).toEqual(nextWeeklyDue({ timeZone: "Australia/Sydney", day: 1, minute: 510 }, now));

    await users.updateSettings(leader.viewer, { name: null, timeZone: "America/Denver", weekStartsOn: 0 });
    const moved = await dueOf(leader);
    expect(moved).toEqual(nextWeeklyDue({ timeZone: "America/Denver", day: 1, minute: 510 }, new Date(moved!.getTime() - 7 * 86_400_000)));

    // Comment emails have no time of their own: turning them off leaves the schedule alone.
    await preferences.updateEmailPreferences(leader.viewer, { ...choice, commentDigest: false }, now);
    expect(await dueOf(leader)).not.toBeNull();
    await preferences.updateEmailPreferences(leader.viewer, { ...choice, weekReminder: false, mentorDigest: false }, now);
    expect(await dueOf(leader)).toBeNull();
  });

  it("waits for the zone: none before the browser tells it, then scheduled; accounts from before weekly emails are scheduled when a worker starts", async () => {
    const newcomer = await createUser({ timeZone: null });
    await preferences.updateEmailPreferences(newcomer.viewer, choice);
    expect(await dueOf(newcomer)).toBeNull();
    await users.adoptTimeZoneIfUnset(newcomer.viewer, "Asia/Tokyo");
    expect(await dueOf(newcomer)).not.toBeNull();

    const existing = await createUser({ timeZone: "Europe/Lisbon" });
    const zoneless = await createUser({ timeZone: null });
    expect(await dueOf(existing)).toBeNull();
    const now = new Date();
    await preferences.scheduleUnscheduledUsers(now);
    expect(await dueOf(existing)).toEqual(nextWeeklyDue({ timeZone: "Europe/Lisbon", day: 5, minute: 16 * 60 }, now));
    expect(await dueOf(zoneless)).toBeNull();
  });
});

describe("the email queue", () => {
  it("carries the unsubscribe headers through a queued job to the SMTP server", async () => {
    const { enqueueEmail } = await import("@/lib/server/jobs");
    const link = tokens.unsubscribeLink("https://wheelhouse.example.test", "someone", "comment-digest");
    await enqueueEmail({ to: "queued@example.test", subject: "Queued with headers", text: "Hi", html: "<p>Hi</p>", headers: link.headers });
    const email = await waitFor(() => smtp.received.find((received) => received.subject === "Queued with headers"));
    expect(email.headers["list-unsubscribe"]).toBe(`<${link.url}>`);
    expect(email.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });
});

describe("comment digests", () => {
  it("carry the one-click unsubscribe, and stop when comment emails are off", async () => {
    const leader = await createUser({ name: "Ada" });
    const mentor = await createMentor(leader, {});
    await db.week.create({ data: { userId: leader.id, startsOn: fromDateOnly("2026-11-30"), strategyMinutes: 300 } });
    const thread = { menteeId: leader.id, weekStartsOn: "2026-11-30" };
    await comments.addComment(mentor.viewer, thread, "Strong week.", { baseUrl: "https://wheelhouse.example.test" });
    const job = { recipientId: leader.id, authorId: mentor.id, baseUrl: "https://wheelhouse.example.test" };

    await db.user.update({ where: { id: leader.id }, data: { emailCommentDigest: false } });
    expect(await notifications.sendCommentDigest(job)).toEqual({ emailed: 0 });
    await db.user.update({ where: { id: leader.id }, data: { emailCommentDigest: true } });
    expect(await notifications.sendCommentDigest(job)).toEqual({ emailed: 1 });
    const digest = await waitFor(() => smtp.received.find(to(leader)));
    expect(digest.headers["list-unsubscribe"]).toMatch(/^<https:\/\/wheelhouse\.example\.test\/api\/unsubscribe\/u1\.[^>]*\.comment-digest\.[^>]+>$/);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });
});

describe("one-click unsubscribe", () => {
  const call = (method: "GET" | "POST", token: string, headers: Record<string, string> = {}) =>
    route[method](new Request(`https://wheelhouse.example.test/api/unsubscribe/${token}`, { method, headers, body: method === "POST" ? "List-Unsubscribe=One-Click" : undefined }), {
      params: Promise.resolve({ token }),
    });
  const flags = (user: TestUser) => db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailWeekReminder: true, emailMentorDigest: true, emailCommentDigest: true, weeklyEmailDueAt: true } });

  it("turns off that one kind with a POST and no cookie; a GET changes nothing", async () => {
    const leader = await createUser();
    await dueAt(leader, FUTURE, { emailMentorDigest: false });
    const token = tokens.createUnsubscribeToken(leader.id, "week-reminder");

    const opened = await call("GET", token);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(await flags(leader)).toMatchObject({ emailWeekReminder: true });

    const posted = await call("POST", token, { "content-type": "application/x-www-form-urlencoded" });
    expect(posted.status).toBe(200);
    // Nothing weekly is on any more: nothing is scheduled either.
    expect(await flags(leader)).toEqual({ emailWeekReminder: false, emailMentorDigest: false, emailCommentDigest: true, weeklyEmailDueAt: null });
    // Again: still done.
    expect((await call("POST", token)).status).toBe(200);
  });

  it("refuses forged, altered and expired links, changing nothing", async () => {
    const leader = await createUser();
    const other = await createUser();
    const valid = tokens.createUnsubscribeToken(leader.id, "comment-digest");
    const parts = valid.split(".");
    const forged = [
      [parts[0], other.id, ...parts.slice(2)].join("."),
      [...parts.slice(0, 2), "week-reminder", ...parts.slice(3)].join("."),
      [...parts.slice(0, 3), "zzzzzzzz", parts[4]].join("."),
      `${valid.slice(0, -2)}AA`,
      "u1.x.comment-digest.1.sig",
      "",
      "%00",
      // A half surrogate pair cannot be put in an address: once, redirecting to the page threw.
      "\ud800",
    ];
    for (const token of forged) expect({ token, status: (await call("POST", token)).status }).toEqual({ token, status: 404 });
    expect((await call("GET", "\ud800")).status).toBe(404);
    expect((await call("POST", "\ud800", { accept: "text/html" })).status).toBe(404);
    const expired = tokens.createUnsubscribeToken(leader.id, "comment-digest", new Date(Date.now() - 91 * 86_400_000));
    expect((await call("POST", expired)).status).toBe(410);
    for (const user of [leader, other]) expect(await flags(user)).toMatchObject({ emailWeekReminder: true, emailMentorDigest: true, emailCommentDigest: true });
  });
});
