import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WeeklyEmailKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { sendEmail, type EmailMessage } from "@/lib/server/email";
import { weekReminderEmail } from "@/lib/server/emails/week-reminder";
import { enqueueWeeklyEmails, type WeeklyEmailJob } from "@/lib/server/jobs";
import { viewerOfEmailRecipient, type Viewer } from "@/lib/server/viewer";
import { formatDateOnly, fromDateOnly, type DateOnly } from "@/lib/shared/dates";
import { currentWeekStart, formatWeekRange, weekTitle } from "@/lib/shared/week-dates";
import { reminderWeekOf } from "@/lib/shared/weekly-schedule";
import { listMentorDigest } from "@/lib/mentoring/mentor-access";
import { mentorDigestEmail } from "@/lib/server/emails/mentor-digest";
import { scheduleSelect, weeklyEmailDueAfter } from "@/lib/reminders/preferences";
import { unsubscribeLink } from "@/lib/reminders/unsubscribe-token";
import { listStakeholders } from "@/lib/stakeholders";
import { listVisionNotes } from "@/lib/vision-notes";
import { getWeek, placeWeek } from "@/lib/weeks";

// The weekly emails: the scheduler's tick finds the users who are due, and a
// job per user and due instant sends what is due (the "log your week"
// reminder, the mentor digest) and stores the next due instant. Sending is
// claimed with a WeeklyEmail row per user, kind and week, so two workers, a
// restart or a retry never send one twice. See docs/decisions/020-weekly-emails.md.

/** How many due users one tick queues; the next tick takes the rest. */
export const TICK_BATCH = 1_000;

/** An email due longer ago than this (every worker was down) is skipped, not sent late. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/** The tick's one query: due users, oldest due first, through the index on the due instant. */
export function dueUsersQuery(now: Date, limit: number = TICK_BATCH): Prisma.Sql {
  return Prisma.sql`SELECT "id", "weeklyEmailDueAt" AS "dueAt" FROM "User" WHERE "weeklyEmailDueAt" <= ${now} ORDER BY "weeklyEmailDueAt" LIMIT ${limit}`;
}

/** One tick: queues a job for every due user (a no-op for those already queued). */
export async function runWeeklyEmailTick(baseUrl: string, now: Date = new Date()): Promise<number> {
  const due = await db.$queryRaw<Array<{ id: string; dueAt: Date }>>(dueUsersQuery(now));
  await enqueueWeeklyEmails(due.map((user) => ({ userId: user.id, dueAt: user.dueAt.toISOString(), baseUrl })));
  return due.length;
}

/** Claims one weekly email; false when it was sent (or is being sent) already. */
async function claim(userId: string, kind: WeeklyEmailKind, week: DateOnly, now: Date): Promise<boolean> {
  const { count } = await db.weeklyEmail.createMany({ data: [{ userId, kind, week: fromDateOnly(week), sentAt: now }], skipDuplicates: true });
  return count === 1;
}

/** Sends a claimed email; when sending fails the claim is given back, so the job's retry sends it. */
async function sendClaimed(userId: string, kind: WeeklyEmailKind, week: DateOnly, email: EmailMessage): Promise<void> {
  try {
    await sendEmail(email);
  } catch (error) {
    await db.weeklyEmail.deleteMany({ where: { userId, kind, week: fromDateOnly(week) } });
    throw error;
  }
}

type Recipient = { id: string; email: string; timeZone: string; weekStartsOn: number };

/** The reminder, unless the week is logged: its link, who is overdue, which notes are due for a revisit. */
async function sendWeekReminder(recipient: Recipient, viewer: Viewer, due: Date, baseUrl: string, now: Date): Promise<boolean> {
  const calendar = { timeZone: recipient.timeZone, weekStartsOn: recipient.weekStartsOn };
  // The week the reminder means, or the week saved under an earlier week-start setting that stands in for it.
  const place = await placeWeek(viewer, reminderWeekOf(due, calendar), due);
  if (await getWeek(viewer, place.startsOn)) return false;
  if (!(await claim(recipient.id, "WEEK_REMINDER", place.startsOn, now))) return false;
  const [stakeholders, notes] = await Promise.all([listStakeholders(viewer, { sort: "name", overdue: true }, { now }), listVisionNotes(viewer, {}, { now })]);
  const email = weekReminderEmail({
    to: recipient.email,
    weekTitle: weekTitle(place.startsOn, currentWeekStart(calendar, due)),
    weekRange: formatWeekRange(place.startsOn),
    weekUrl: new URL(`/weeks/${place.startsOn}`, baseUrl).toString(),
    overdue: stakeholders.stakeholders.map((stakeholder) => stakeholder.name),
    notesDue: notes.due.map((note) => note.title),
    unsubscribe: unsubscribeLink(baseUrl, recipient.id, "week-reminder", now),
  });
  await sendClaimed(recipient.id, "WEEK_REMINDER", place.startsOn, email);
  return true;
}

/** A first digest looks back one week. */
const FIRST_DIGEST_MS = 7 * 24 * 60 * 60 * 1000;

const weekLabel = (startsOn: DateOnly) => `Week of ${formatDateOnly(startsOn, { day: "numeric", month: "short", year: "numeric" })}`;

/**
 * The mentor digest, when anything is new since the last one. What it holds
 * is read through mentor access (lib/mentoring/mentor-access.ts) at this
 * moment, so a revoked or narrowed sharing is respected up to the send.
 */
async function sendMentorDigest(recipient: Recipient, viewer: Viewer, due: Date, baseUrl: string, now: Date): Promise<boolean> {
  const week = currentWeekStart({ timeZone: recipient.timeZone, weekStartsOn: recipient.weekStartsOn }, due);
  const last = await db.weeklyEmail.findFirst({ where: { userId: recipient.id, kind: "MENTOR_DIGEST" }, orderBy: { sentAt: "desc" }, select: { sentAt: true } });
  const entries = await listMentorDigest(viewer, last?.sentAt ?? new Date(now.getTime() - FIRST_DIGEST_MS));
  if (entries.length === 0) return false;
  const email = mentorDigestEmail({
    to: recipient.email,
    mentees: entries.map((entry) => ({
      name: entry.name,
      weeks: entry.weeks.map(weekLabel),
      notes: entry.notes.map((note) => note.title),
      waiting: entry.waiting.map((thread) => ("title" in thread ? `“${thread.title}”` : weekLabel(thread.weekStartsOn))),
    })),
    url: new URL("/mentees", baseUrl).toString(),
    unsubscribe: unsubscribeLink(baseUrl, recipient.id, "mentor-digest", now),
  });
  if (!(await claim(recipient.id, "MENTOR_DIGEST", week, now))) return false;
  await sendClaimed(recipient.id, "MENTOR_DIGEST", week, email);
  return true;
}

export type WeeklyEmailOutcome = { reminder: boolean; digest: boolean };

/**
 * One user's weekly emails for one due instant, then the next due instant.
 * A job whose instant is no longer the stored one (done by another worker,
 * or the user changed the time since) does nothing.
 */
export async function sendWeeklyEmails(job: WeeklyEmailJob, now: Date = new Date()): Promise<WeeklyEmailOutcome> {
  const due = new Date(job.dueAt);
  const outcome = { reminder: false, digest: false };
  const user = await db.user.findUnique({ where: { id: job.userId }, select: { id: true, email: true, weekStartsOn: true, weeklyEmailDueAt: true, ...scheduleSelect } });
  if (!user?.timeZone || user.weeklyEmailDueAt?.getTime() !== due.getTime()) return outcome;
  if (now.getTime() - due.getTime() < STALE_AFTER_MS) {
    const recipient = { ...user, timeZone: user.timeZone };
    const viewer = viewerOfEmailRecipient(user.id);
    if (user.emailWeekReminder) outcome.reminder = await sendWeekReminder(recipient, viewer, due, job.baseUrl, now);
    if (user.emailMentorDigest) outcome.digest = await sendMentorDigest(recipient, viewer, due, job.baseUrl, now);
  }
  // Only from the instant this job was for: a change made meanwhile has already stored its own.
  const next = weeklyEmailDueAfter(user, new Date(Math.max(due.getTime(), now.getTime())));
  await db.user.updateMany({ where: { id: user.id, weeklyEmailDueAt: due }, data: { weeklyEmailDueAt: next } });
  return outcome;
}
