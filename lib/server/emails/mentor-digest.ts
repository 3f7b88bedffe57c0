import "server-only";
import type { EmailHeaders, EmailMessage } from "@/lib/server/email";
import { emailHtml, unsubscribeText } from "@/lib/server/emails/layout";

/** What one leader shared with the mentor since the last digest, as the mentor may read it now. */
export type MentorDigestMentee = {
  name: string;
  /** "Week of 30 Nov 2026", newly logged or changed. */
  weeks: string[];
  /** Vision note titles, newly written or changed (only when notes are shared). */
  notes: string[];
  /** Threads whose last comment is the leader's: "Week of 30 Nov 2026" or a note's title. */
  waiting: string[];
};

type MentorDigest = { to: string; mentees: MentorDigestMentee[]; url: string; unsubscribe: { url: string; headers: EmailHeaders } };

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The mentor's weekly digest: one paragraph per leader with anything new. */
export function mentorDigestEmail({ to, mentees, url, unsubscribe }: MentorDigest): EmailMessage {
  const intro = mentees.length === 1 ? `${mentees[0]!.name} shared something new on Wheelhouse this week.` : `${mentees.length} leaders you mentor shared something new on Wheelhouse this week.`;
  const paragraphs = mentees.map((mentee) => {
    const parts = [
      ...(mentee.weeks.length > 0 ? [`${count(mentee.weeks.length, "week", "weeks")} logged (${mentee.weeks.join(", ")})`] : []),
      ...(mentee.notes.length > 0 ? [`${count(mentee.notes.length, "vision note", "vision notes")} (${mentee.notes.map((title) => `“${title}”`).join(", ")})`] : []),
      ...(mentee.waiting.length > 0 ? [`${count(mentee.waiting.length, "thread waits", "threads wait")} for your reply (${mentee.waiting.join(", ")})`] : []),
    ];
    return `${mentee.name}: ${parts.join("; ")}.`;
  });
  const footer = { why: "You get this digest once a week, at the day and time you chose in Settings, when there is something new.", url: unsubscribe.url };
  return {
    to,
    subject: mentees.length === 1 ? `${mentees[0]!.name}'s week on Wheelhouse` : `Your mentees' week on Wheelhouse`,
    text: [intro, ...paragraphs, `Open Wheelhouse:\n${url}`, unsubscribeText(footer)].join("\n\n") + "\n",
    // emailHtml escapes every paragraph: names, titles and labels never reach the HTML raw.
    html: emailHtml({ heading: "Your weekly mentor digest", paragraphs: [intro, ...paragraphs], action: { label: "Open your mentees", url }, unsubscribe: footer }),
    headers: unsubscribe.headers,
  };
}
