// The end-to-end run's SMTP server (scripts/support/smtp.ts): each message is
// written as a JSON file, so test workers (other processes) can read them
// with the `mailbox` fixture.
import { randomBytes } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startSmtpServer, type ReceivedEmail } from "../../../scripts/support/smtp";

export type StoredEmail = ReceivedEmail;

export type MailServer = { port: number; stop(): Promise<void> };

export async function startMailServer(mailDir: string): Promise<MailServer> {
  let stored = 0;
  const server = await startSmtpServer({
    onMessage: async (email) => {
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const name = `${Date.now()}-${String(++stored).padStart(5, "0")}-${randomBytes(3).toString("hex")}`;
      const temporary = join(mailDir, `.${name}.tmp`);
      await writeFile(temporary, JSON.stringify(email));
      await rename(temporary, join(mailDir, `${name}.json`));
    },
  });
  return { port: server.port, stop: server.stop };
}
