import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/config/env";
import { writeToOutbox } from "@/lib/server/outbox";

/** The List-Unsubscribe pair (RFC 8058) every non-transactional email carries; none on sign-in links and invitations. */
export type EmailHeaders = { "List-Unsubscribe": string; "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };

export type EmailMessage = { to: string; subject: string; text: string; html: string; headers?: EmailHeaders };

let transporter: Transporter | undefined;

function smtp(server: string): Transporter {
  transporter ??= createTransport(server, {
    // A slow SMTP server must not hold a request for long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transporter;
}

/** Sends through SMTP when EMAIL_SERVER is set, else writes to the local outbox. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (!env.EMAIL_SERVER) {
    await writeToOutbox(message, env.EMAIL_FROM);
    return;
  }
  const result = await smtp(env.EMAIL_SERVER).sendMail({ from: env.EMAIL_FROM, ...message });
  const failed = [...(result.rejected ?? []), ...(result.pending ?? [])];
  if (failed.length > 0) throw new Error(`SMTP refused ${failed.length} recipient(s)`);
}
