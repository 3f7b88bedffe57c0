import "server-only";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { EmailMessage } from "@/lib/server/email";

// When EMAIL_SERVER is not set (local development), emails land here instead
// of being sent: one JSON file each, under the git-ignored data folder.
const OUTBOX_DIR = path.join(process.cwd(), ".data", "outbox");

export type OutboxEmail = EmailMessage & { id: string; from: string; createdAt: string };

export async function writeToOutbox(message: EmailMessage, from: string): Promise<OutboxEmail> {
  await mkdir(OUTBOX_DIR, { recursive: true });
  const createdAt = new Date().toISOString();
  const id = `${createdAt.replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
  const email: OutboxEmail = { ...message, id, from, createdAt };
  await writeFile(path.join(OUTBOX_DIR, `${id}.json`), JSON.stringify(email, null, 2), { mode: 0o600 });
  console.info(`[outbox] To: ${email.to} | Subject: ${email.subject}\n${email.text}\n`);
  return email;
}

export async function listOutbox(limit = 50): Promise<OutboxEmail[]> {
  let files: string[];
  try {
    files = await readdir(OUTBOX_DIR);
  } catch {
    return [];
  }
  const newest = files.filter((f) => f.endsWith(".json")).sort().reverse().slice(0, limit);
  return Promise.all(
    newest.map(async (file) => JSON.parse(await readFile(path.join(OUTBOX_DIR, file), "utf8")) as OutboxEmail),
  );
}
