import "server-only";
import type { EmailMessage } from "@/lib/server/email";
import { emailHtml } from "@/lib/server/emails/layout";

export function signInEmail({ to, url, minutesValid }: { to: string; url: string; minutesValid: number }): EmailMessage {
  const intro = `Use the link below to sign in to Wheelhouse. It works once and expires in ${minutesValid} minutes.`;
  const ignore = "If you did not ask for this, you can ignore this email: nobody can sign in without the link.";
  return {
    to,
    subject: "Your Wheelhouse sign-in link",
    text: `${intro}\n\n${url}\n\n${ignore}\n`,
    html: emailHtml({ heading: "Sign in to Wheelhouse", paragraphs: [intro, ignore], action: { label: "Sign in", url } }),
  };
}
