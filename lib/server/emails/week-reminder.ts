import "server-only";
import type { EmailHeaders, EmailMessage } from "@/lib/server/email";
import { emailHtml, unsubscribeText } from "@/lib/server/emails/layout";

type WeekReminder = {
  to: string;
  /** "This week", "Last week". */
  weekTitle: string;
  /** "Mon 7 – Sun 13 December 2026". */
  weekRange: string;
  /** Opens the week's form. */
  weekUrl: string;
  /** Stakeholders now overdue for a catch-up, by name. */
  overdue: string[];
  /** Vision notes due for a revisit, by title. */
  notesDue: string[];
  unsubscribe: { url: string; headers: EmailHeaders };
};

const LISTED = 5;

/** "Ada, Grace and 3 more". */
function listOf(names: string[]): string {
  const shown = names.slice(0, LISTED);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

/** The weekly "log your week" reminder: sent only while the week is not logged. */
export function weekReminderEmail({ to, weekTitle, weekRange, weekUrl, overdue, notesDue, unsubscribe }: WeekReminder): EmailMessage {
  const intro = `${weekTitle} (${weekRange}) is not logged yet. It takes a few minutes: how your time split, who you met, what you think.`;
  const due = [
    ...(overdue.length > 0 ? [`Overdue for a catch-up: ${listOf(overdue)}.`] : []),
    ...(notesDue.length > 0 ? [`Vision notes due for a revisit: ${listOf(notesDue.map((title) => `“${title}”`))}.`] : []),
  ];
  const footer = { why: "You get this reminder once a week, at the day and time you chose in Settings, unless the week is logged.", url: unsubscribe.url };
  return {
    to,
    subject: `Log your week: ${weekRange}`,
    text: [intro, ...due, `Log it now:\n${weekUrl}`, unsubscribeText(footer)].join("\n\n") + "\n",
    // emailHtml escapes every paragraph: names and titles never reach the HTML raw.
    html: emailHtml({ heading: "Log your week", paragraphs: [intro, ...due], action: { label: "Log it now", url: weekUrl }, unsubscribe: footer }),
    headers: unsubscribe.headers,
  };
}
