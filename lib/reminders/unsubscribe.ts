import "server-only";
import { db } from "@/lib/server/db";
import { COLUMN, rescheduleWeeklyEmails } from "@/lib/reminders/preferences";
import { readUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";
import { EMAIL_KIND_TEXT, type EmailKind } from "@/lib/reminders/preferences.validation";

// The one-click unsubscribe link's two answers, apart from the preferences so
// that what imports those (the user's settings, on every signed-in page) does
// not load the link's signing key and the secret it comes from.

/** What an unsubscribe link stands for: whose email of which kind, and whether it is still on. */
export type UnsubscribeLink = { status: "valid"; kind: EmailKind; email: string; subscribed: boolean } | { status: "expired"; kind: EmailKind } | { status: "invalid" };

const kindColumns = { email: true, emailWeekReminder: true, emailMentorDigest: true, emailCommentDigest: true } as const;

/** The page a GET shows: reads, never changes anything. */
export async function checkUnsubscribeLink(token: string, now: Date = new Date()): Promise<UnsubscribeLink> {
  const check = readUnsubscribeToken(token, now);
  if (check.status !== "valid") return check;
  const user = await db.user.findUnique({ where: { id: check.userId }, select: kindColumns });
  if (!user) return { status: "invalid" };
  return { status: "valid", kind: check.kind, email: user.email, subscribed: user[COLUMN[EMAIL_KIND_TEXT[check.kind].field]] };
}

/** Turns off the one kind of email a signed link names: no sign-in, nothing else. */
export async function unsubscribe(token: string, now: Date = new Date()): Promise<UnsubscribeLink> {
  const check = readUnsubscribeToken(token, now);
  if (check.status !== "valid") return check;
  const column = COLUMN[EMAIL_KIND_TEXT[check.kind].field];
  const { count } = await db.user.updateMany({ where: { id: check.userId, [column]: true }, data: { [column]: false } });
  if (count > 0) await rescheduleWeeklyEmails(check.userId, now);
  return checkUnsubscribeLink(token, now);
}
