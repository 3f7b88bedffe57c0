import "server-only";
import type { EmailHeaders, EmailMessage } from "@/lib/server/email";
import { emailHtml, unsubscribeText } from "@/lib/server/emails/layout";

export type DigestComment = {
  /** Where the comment was made, e.g. "Week of 16 Nov 2026" or a vision note's title. */
  on: string;
  body: string;
};

type Digest = {
  to: string;
  author: string;
  comments: DigestComment[];
  url: string;
  /** The recipient's one-click unsubscribe from comment emails (lib/reminders/unsubscribe-token.ts). */
  unsubscribe: { url: string; headers: EmailHeaders };
};

const EXCERPT = 280;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** New comments from one person since the last email, batched (at most one an hour per pair). */
export function commentDigestEmail({ to, author, comments, url, unsubscribe }: Digest): EmailMessage {
  const count = comments.length;
  const intro = `${author} wrote ${count === 1 ? "a new comment" : `${count} new comments`} on Wheelhouse.`;
  const lines = comments.map((comment) => `${comment.on}: ${excerpt(comment.body)}`);
  const outro = "Open Wheelhouse to read the whole thread and reply.";
  const footer = { why: "You get an email when someone comments on a thread of yours.", url: unsubscribe.url };
  return {
    to,
    subject: count === 1 ? `${author} commented on Wheelhouse` : `${author} left ${count} comments on Wheelhouse`,
    text: [intro, ...lines, `${outro}\n${url}`, unsubscribeText(footer)].join("\n\n") + "\n",
    // emailHtml escapes every paragraph; comment text never reaches the HTML raw.
    html: emailHtml({ heading: "New comments", paragraphs: [intro, ...lines, outro], action: { label: "Read and reply", url }, unsubscribe: footer }),
    headers: unsubscribe.headers,
  };
}
