import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/viewer";
import { nextWeeklyDue } from "@/lib/shared/weekly-schedule";
import type { EmailPreferencesInput } from "@/lib/reminders/preferences.validation";

// Which emails a user gets and when the weekly ones go out. The next due
// instant is stored (in UTC, computed in the user's zone) so the scheduler
// finds who is due with one indexed query; it is computed again whenever
// what it depends on changes: these switches, the day and time, the zone.

export type EmailPreferences = {
  weekReminder: boolean;
  mentorDigest: boolean;
  commentDigest: boolean;
  weeklyEmailDay: number;
  weeklyEmailMinute: number;
  /** Null until the browser has told us; no weekly email goes out before (never on UTC by default). */
  timeZone: string | null;
  /** The next weekly email's instant, null when none is on. */
  weeklyEmailDueAt: Date | null;
};

/** The user column behind each email switch. */
export const COLUMN = { weekReminder: "emailWeekReminder", mentorDigest: "emailMentorDigest", commentDigest: "emailCommentDigest" } as const;

export const scheduleSelect = {
  timeZone: true,
  emailWeekReminder: true,
  emailMentorDigest: true,
  weeklyEmailDay: true,
  weeklyEmailMinute: true,
} as const;

type ScheduleRow = { timeZone: string | null; emailWeekReminder: boolean; emailMentorDigest: boolean; weeklyEmailDay: number; weeklyEmailMinute: number };

/** When this user's weekly emails are next due after `after`, or null when none is on or the zone is unknown. */
export function weeklyEmailDueAfter(user: ScheduleRow, after: Date): Date | null {
  if (!user.timeZone || !(user.emailWeekReminder || user.emailMentorDigest)) return null;
  return nextWeeklyDue({ timeZone: user.timeZone, day: user.weeklyEmailDay, minute: user.weeklyEmailMinute }, after);
}

/** Stores the next due instant again, after something it depends on changed. */
export async function rescheduleWeeklyEmails(userId: string, now: Date = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: scheduleSelect });
  if (user) await db.user.update({ where: { id: userId }, data: { weeklyEmailDueAt: weeklyEmailDueAfter(user, now) } });
}

export async function getEmailPreferences(viewer: Viewer): Promise<EmailPreferences> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { ...scheduleSelect, emailCommentDigest: true, weeklyEmailDueAt: true } });
  return {
    weekReminder: user.emailWeekReminder,
    mentorDigest: user.emailMentorDigest,
    commentDigest: user.emailCommentDigest,
    weeklyEmailDay: user.weeklyEmailDay,
    weeklyEmailMinute: user.weeklyEmailMinute,
    timeZone: user.timeZone,
    weeklyEmailDueAt: user.weeklyEmailDueAt,
  };
}

export async function updateEmailPreferences(viewer: Viewer, input: EmailPreferencesInput, now: Date = new Date()): Promise<void> {
  const data = {
    emailWeekReminder: input.weekReminder,
    emailMentorDigest: input.mentorDigest,
    emailCommentDigest: input.commentDigest,
    weeklyEmailDay: input.weeklyEmailDay,
    weeklyEmailMinute: input.weeklyEmailTime,
  };
  const { timeZone } = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { timeZone: true } });
  await db.user.update({ where: { id: viewer.userId }, data: { ...data, weeklyEmailDueAt: weeklyEmailDueAfter({ ...data, timeZone }, now) } });
}

/**
 * Schedules the accounts that have weekly emails on and a zone but no due
 * instant: the accounts that existed before weekly emails did. Run when a
 * worker starts; cheap when there are none.
 */
export async function scheduleUnscheduledUsers(now: Date = new Date()): Promise<number> {
  let scheduled = 0;
  for (;;) {
    const users = await db.user.findMany({
      where: { weeklyEmailDueAt: null, timeZone: { not: null }, OR: [{ emailWeekReminder: true }, { emailMentorDigest: true }] },
      select: { id: true, ...scheduleSelect },
      take: 1_000,
    });
    for (const user of users) {
      await db.user.updateMany({ where: { id: user.id, weeklyEmailDueAt: null }, data: { weeklyEmailDueAt: weeklyEmailDueAfter(user, now) } });
    }
    scheduled += users.length;
    // Each user found gets a due instant, so the next batch holds others.
    if (users.length < 1_000) return scheduled;
  }
}
