import "server-only";
import type { EmailMessage } from "@/lib/server/email";
import { emailHtml } from "@/lib/server/emails/layout";

type Invitation = {
  to: string;
  /** The leader's name, or their email address when they have not set one. */
  from: string;
  message: string | null;
  url: string;
  /** What the leader chose to share, in words. */
  sharing: string;
  daysValid: number;
};

/** The invitation to mentor a leader. The link works once and expires. */
export function invitationEmail({ to, from, message, url, sharing, daysValid }: Invitation): EmailMessage {
  const intro = `${from} invited you to be their mentor on Wheelhouse, where they log how their weeks split between firefighting and strategy, who they meet across the company and where they think things are heading.`;
  const shared = `As their mentor you can read: ${sharing}. You can comment on their weeks, and they can stop sharing at any time.`;
  const how = `Open the link and sign in with this address (${to}). It works once and expires in ${daysValid} days.`;
  const ignore = "If you do not know them or do not want to, ignore this email: nothing happens without the link.";
  const note = message ? [`Their message: “${message}”`] : [];
  return {
    to,
    subject: `${from} invited you to mentor them on Wheelhouse`,
    text: [intro, ...note, shared, how, url, ignore].join("\n\n") + "\n",
    html: emailHtml({
      heading: "You are invited to mentor",
      paragraphs: [intro, ...note, shared, how, ignore],
      action: { label: "Accept the invitation", url },
    }),
  };
}
